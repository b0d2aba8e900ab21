//! Actor identity at mapping time: which key an actor name gets, so that one
//! real-world actor gets one node across articles.
//!
//! - Countries and organisations: the actor lexicon's canonical name
//!   (`Moskau`, `der Kreml` → `Russland`), then [`vocab::actor_key`].
//! - Persons with a first and a last name: a *folded* key of the first and
//!   last word, so that transliteration variants meet (`Sergej Lawrow`,
//!   `Sergei Lavrov`, `Sergej Wiktorowitsch Lawrow` → `sergei-lavrov`), while
//!   different first names stay apart (`Olaf Scholz` ≠ `Anna Scholz`).
//! - A surname alone (`Holloway`) or a role alone (`die US-Außenministerin`)
//!   keeps its own key here; the store's link pass (`actors_link`) resolves it
//!   to the unique person with that surname or role, because that needs the
//!   whole corpus.
//!
//! Roles and titles (`US-Außenministerin`) get a *role key*: the office and the
//! country or organisation it belongs to (`usa|aussenministerin`), so that
//! `die amerikanische Außenministerin` and `US-Außenministerin` compare equal.

use crate::vocab;
use claimgraph_model::ActorKind;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The actor lexicon shared with the extractor (names, aliases, adjectives).
const ACTORS_TSV: &str = include_str!("../../../data/lexicon/actors.tsv");
/// The role nouns shared with the extractor.
const ROLES_TSV: &str = include_str!("../../../data/lexicon/roles.tsv");

/// How a name refers to its actor; decides what the link pass may do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameForm {
    /// A person's first and last name; `surname` is the folded last name.
    FullName { surname: String },
    /// A person named by the surname alone (folded).
    Surname(String),
    /// A person named by a role alone; the role key.
    Role(String),
    /// Anything else: a country, an organisation, an unclassified name.
    Other,
}

/// The identity of one actor name at mapping time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorName {
    /// The local part of the actor's IRI (`actor:<key>`).
    pub key: String,
    /// The name to show: the lexicon's canonical name or the name as given.
    pub display: String,
    pub form: NameForm,
}

/// The identity of a speaker or addressee name. `kind` is `None` for an
/// addressee (the claim record gives none): then a name that looks like a
/// person's (two or three capitalised words, no role noun) is keyed as one.
pub fn actor_name(name: &str, kind: Option<ActorKind>) -> ActorName {
    let display = vocab::actor_display_name(name);
    if let Some(canonical) = tables().canonical.get(&fold_plain(&display)) {
        return plain(canonical);
    }
    let person = match kind {
        Some(ActorKind::Person) => true,
        Some(_) => false,
        None => looks_like_person_name(&display),
    };
    if !person {
        return plain(&display);
    }
    let words = name_words(&display);
    if let Some(role) = role_key(&display) {
        if words.len() == 1 || is_role_word(words.last().copied().unwrap_or_default()) {
            return ActorName {
                key: vocab::actor_key(&display),
                display,
                form: NameForm::Role(role),
            };
        }
    }
    match words.as_slice() {
        [] => plain(&display),
        [single] => ActorName {
            key: vocab::actor_key(single),
            form: NameForm::Surname(fold_name(single)),
            display,
        },
        [first, .., last] => ActorName {
            key: format!("{}-{}", fold_name(first), fold_name(last)),
            form: NameForm::FullName {
                surname: fold_name(last),
            },
            display,
        },
    }
}

fn plain(display: &str) -> ActorName {
    ActorName {
        key: vocab::actor_key(display),
        display: display.to_string(),
        form: NameForm::Other,
    }
}

/// The words of a person's name that identify them: initials (`J.`) and
/// leading lower-case particles (`von der` of `von der Leyen`) left out.
fn name_words(display: &str) -> Vec<&str> {
    let words: Vec<&str> = display
        .split_whitespace()
        .filter(|w| !(w.ends_with('.') && w.chars().count() <= 3))
        .collect();
    let start = words
        .iter()
        .position(|w| w.chars().next().is_some_and(char::is_uppercase))
        .unwrap_or(0);
    words[start..].to_vec()
}

fn looks_like_person_name(display: &str) -> bool {
    let words: Vec<&str> = display.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !is_role_word(w)
        })
}

/// Lower case, German letters spelled out, other diacritics dropped.
fn fold_plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'á' | 'à' | 'â' | 'ã' | 'å' | 'ą' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ó' | 'ò' | 'ô' | 'õ' | 'ő' | 'ø' => out.push('o'),
            'ú' | 'ù' | 'û' | 'ű' | 'ů' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ç' | 'č' | 'ć' => out.push('c'),
            'š' | 'ś' => out.push('s'),
            'ž' | 'ź' | 'ż' => out.push('z'),
            'ř' => out.push('r'),
            'ň' | 'ń' => out.push('n'),
            'ł' => out.push('l'),
            c => out.push(c),
        }
    }
    out
}

/// One word of a person's name folded so that German and English
/// transliterations of the same name meet: `Lawrow`/`Lavrov`,
/// `Sergej`/`Sergei`/`Sergey`, `Selenskyj`/`Zelensky`, `Saizew`/`Zaitsev`,
/// `Anthony`/`Antony`, `Strauß`/`Strauss`.
pub fn fold_name(word: &str) -> String {
    let mut s: String = fold_plain(word)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    // Longer patterns first: each step sees the result of the previous ones.
    for (from, to) in [
        ("tsch", "ch"),
        ("sch", "sh"),
        ("kh", "ch"),
        ("ph", "f"),
        ("th", "t"),
        ("ts", "z"),
        ("ck", "k"),
    ] {
        s = s.replace(from, to);
    }
    let mapped: String = s
        .chars()
        .map(|c| match c {
            'w' => 'v',
            'y' | 'j' => 'i',
            'z' => 's',
            c => c,
        })
        .collect();
    // Doubled letters carry no identity across spellings (`ii`, `ss`, `ff`).
    let mut out = String::with_capacity(mapped.len());
    for c in mapped.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The lexicon tables the keys need, parsed once.
struct Tables {
    /// folded alias, name, adjective stem or genitive → canonical name
    canonical: HashMap<String, String>,
    /// actor key of a lexicon actor → its canonical name
    names: HashMap<String, String>,
    /// folded adjective stem (`russisch`) or genitive (`russlands`) → canonical name
    qualifiers: HashMap<String, String>,
    /// folded role heads (`minister`, `sprecher`)
    role_heads: Vec<String>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut canonical = HashMap::new();
        let mut names = HashMap::new();
        let mut qualifiers = Vec::new();
        for line in data_lines(ACTORS_TSV) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [_, name, _, aliases, adjectives, ..] = cols.as_slice() else {
                continue;
            };
            canonical.insert(fold_plain(name), name.to_string());
            names.insert(vocab::actor_key(name), name.to_string());
            for alias in aliases.split('|').filter(|a| *a != "-" && !a.is_empty()) {
                canonical
                    .entry(fold_plain(alias))
                    .or_insert_with(|| name.to_string());
            }
            qualifiers.push((name.to_string(), adjectives.to_string()));
        }
        // Adjectives and genitives qualify roles (`russischer Außenminister`,
        // `Russlands Außenminister`); they are not names of the actor itself.
        let mut role_qualifiers = HashMap::new();
        for (name, adjectives) in qualifiers {
            for adjective in adjectives.split('|').filter(|a| *a != "-" && !a.is_empty()) {
                role_qualifiers.insert(fold_plain(adjective), name.clone());
            }
            role_qualifiers.insert(format!("{}s", fold_plain(&name)), name.clone());
        }
        let role_heads = data_lines(ROLES_TSV)
            .filter_map(|l| l.split('\t').next())
            .map(fold_plain)
            .collect();
        Tables {
            canonical,
            names,
            qualifiers: role_qualifiers,
            role_heads,
        }
    })
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
}

/// Role heads whose compounds name an organisation, not a person (`Regierung`).
const ORGANISATION_HEADS: &[&str] = &[
    "regierung",
    "ministerium",
    "aussenministerium",
    "behoerde",
    "behoerden",
    "polizei",
    "zeitung",
    "agentur",
    "nachrichtenagentur",
    "partei",
    "kommission",
    "buendnis",
    "kreise",
    "regierungskreise",
];

/// Whether a word ends in a person's role noun (`US-Außenministerin`, `Kremlsprecher`).
fn is_role_word(word: &str) -> bool {
    let head = fold_plain(word.rsplit('-').next().unwrap_or(word));
    let head = head.trim_matches(|c: char| !c.is_alphanumeric());
    if !word.chars().next().is_some_and(char::is_uppercase) || head.len() < 4 {
        return false;
    }
    tables().role_heads.iter().any(|h| {
        h.len() >= 4
            && !ORGANISATION_HEADS.contains(&h.as_str())
            && [
                h.clone(),
                format!("{h}in"),
                format!("{h}en"),
                format!("{h}innen"),
            ]
            .iter()
            .any(|form| head.ends_with(form.as_str()))
    })
}

/// Words before a role that carry no meaning for it.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
];

/// Role heads that mean the same office.
const HEAD_SYNONYMS: &[(&str, &str)] = &[
    ("chefdiplomat", "aussenminister"),
    ("chefdiplomatin", "aussenministerin"),
];

/// The role key of a role phrase: `qualifier|head`, the qualifier being the
/// canonical country or organisation (`usa`), the head the office
/// (`aussenministerin`). `None` when the phrase holds no role noun.
///
/// `US-Außenministerin`, `die amerikanische Außenministerin` → `usa|aussenministerin`;
/// `Russlands Außenminister`, `der russische Chefdiplomat` → `russland|aussenminister`;
/// `ein Sprecher des Auswärtigen Amts` → `auswaertiges-amt|sprecher`.
pub fn role_key(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let at = words.iter().rposition(|w| is_role_word(w))?;
    let role_word = words[at];
    let (prefix, head) = match role_word.rsplit_once('-') {
        Some((prefix, head)) => (Some(prefix), head),
        None => (None, role_word),
    };
    let mut head = fold_plain(head);
    if let Some((_, to)) = HEAD_SYNONYMS.iter().find(|(from, _)| *from == head) {
        head = to.to_string();
    }
    let mut qualifier = prefix.and_then(qualifier_of);
    // `Kremlsprecher`, `Bundesfinanzminister`: the qualifier inside the compound.
    if qualifier.is_none() {
        if let Some((q, rest)) = compound_qualifier(&head) {
            qualifier = Some(q);
            head = rest;
        }
    }
    // `Sprecher des Auswärtigen Amts`: the genitive after the head.
    if qualifier.is_none() && matches!(words.get(at + 1), Some(&"des") | Some(&"der")) {
        let rest = words[at + 2..].join(" ");
        qualifier = qualifier_of(&rest).or_else(|| qualifier_of(rest.trim_end_matches('s')));
    }
    if qualifier.is_none() {
        qualifier = words[..at]
            .iter()
            .filter(|w| !DETERMINERS.contains(&w.to_lowercase().as_str()))
            .find_map(|w| qualifier_of(w));
    }
    Some(format!("{}|{head}", qualifier.unwrap_or_default()))
}

/// Compound prefixes that name the country of an office (`Bundeskanzler`).
const COMPOUND_PREFIXES: &[(&str, &str)] = &[("bundes", "Deutschland")];

/// A qualifier at the start of a compound role head: a lexicon name or alias
/// of at least four letters (`kreml` of `kremlsprecher` → `russland`, `sprecher`).
fn compound_qualifier(head: &str) -> Option<(String, String)> {
    let split = |prefix: &str, name: &str| {
        let rest = head.strip_prefix(prefix)?;
        (rest.len() >= 4
            && tables()
                .role_heads
                .iter()
                .any(|h| rest.ends_with(h.as_str())))
        .then(|| (vocab::actor_key(name), rest.to_string()))
    };
    COMPOUND_PREFIXES
        .iter()
        .find_map(|(prefix, name)| split(prefix, name))
        .or_else(|| {
            tables()
                .canonical
                .iter()
                .filter(|(alias, _)| alias.len() >= 4 && alias.chars().all(char::is_alphabetic))
                .filter_map(|(alias, name)| split(alias, name))
                .max_by(|a, b| a.1.len().cmp(&b.1.len()).reverse().then_with(|| a.cmp(b)))
        })
}

/// The canonical actor key a role qualifier refers to: a name or alias
/// (`US`, `Nato`), an adjective in any ending (`russische`), a genitive (`Russlands`).
fn qualifier_of(word: &str) -> Option<String> {
    let folded = fold_plain(word);
    let by_name = tables().canonical.get(&folded);
    let by_adjective = || {
        ["", "e", "er", "en", "es", "em"].iter().find_map(|ending| {
            let stem = folded.strip_suffix(ending)?;
            tables().qualifiers.get(stem)
        })
    };
    let genitive = || {
        folded
            .strip_suffix('s')
            .and_then(|stem| tables().canonical.get(stem))
    };
    by_name
        .or_else(by_adjective)
        .or_else(genitive)
        .map(|name| vocab::actor_key(name))
}

/// Whether a role-only mention may be resolved by its role alone: only when
/// the role says whose office it is (`US-Außenministerin`, `Kremlsprecher`,
/// `Bundesfinanzminister`); `die Ministerin` or `der Außenminister` is too
/// vague in a corpus about many countries.
pub fn role_is_specific(role_key: &str) -> bool {
    role_key
        .split_once('|')
        .is_some_and(|(qualifier, _)| !qualifier.is_empty())
}

/// The lexicon's name of the actor with this key (`russland` → `Russland`).
pub fn lexicon_name(key: &str) -> Option<&'static str> {
    tables().names.get(key).map(String::as_str)
}

/// Whether a role-only mention that matches no person stands for its
/// organisation (`ein Nato-Sprecher` speaks for the Nato).
pub fn role_speaks_for_qualifier(role_key: &str) -> Option<&str> {
    let (qualifier, head) = role_key.split_once('|')?;
    (!qualifier.is_empty() && ["sprecher", "sprecherin"].contains(&head)).then_some(qualifier)
}

/// The roles a mention states about the person it names: the words before
/// the name (`US-Außenministerin Margaret Holloway` → `US-Außenministerin`),
/// or the whole mention when it is a role alone (`die Ministerin`).
pub fn roles_in_mention(mention: &str, name: &str) -> Option<String> {
    let name_words: Vec<String> = name.split_whitespace().map(fold_plain).collect();
    let mut words: Vec<&str> = mention.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| name_words.contains(&fold_plain(w)))
    {
        words.pop();
    }
    // `Sicht von US-Außenminister …`: the role starts after a preposition.
    let after_preposition = words
        .iter()
        .rposition(|w| PREPOSITIONS.contains(w))
        .map_or(0, |i| i + 1);
    let start = after_preposition
        + words[after_preposition..]
            .iter()
            .position(|w| !DETERMINERS.contains(&w.to_lowercase().as_str()))?;
    let phrase = words[start..].join(" ");
    let last = words.last()?;
    let relational = RELATIONAL_HEADS
        .iter()
        .any(|h| fold_plain(last).ends_with(h));
    (is_role_word(last) && !relational).then_some(phrase)
}

/// Words after which a mention's role begins.
const PREPOSITIONS: &[&str] = &[
    "von", "vom", "aus", "mit", "für", "laut", "nach", "bei", "zu", "zum", "zur", "gegen",
];

/// Role nouns that relate a person to another rather than name an office
/// (`Ihr russischer Kollege`): kept out of the roles.
const RELATIONAL_HEADS: &[&str] = &["kollege", "kollegin"];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> String {
        actor_name(name, Some(ActorKind::Person)).key
    }

    #[test]
    fn transliterations_of_one_name_share_a_key() {
        let lawrow = key("Sergej Lawrow");
        for variant in [
            "Sergei Lawrow",
            "Sergey Lavrov",
            "Sergej Wiktorowitsch Lawrow",
            "Sergei Lavrov",
        ] {
            assert_eq!(key(variant), lawrow, "{variant}");
        }
        assert_eq!(key("Wolodymyr Selenskyj"), key("Volodymyr Zelenskyy"));
        assert_eq!(key("Wolodymyr Selenskyj"), key("Wolodimir Selenskij"));
        assert_eq!(key("Viktor Saizew"), key("Wiktor Saizew"));
        assert_eq!(key("Viktor Saizew"), key("Viktor Zaitsev"));
        assert_eq!(key("Pawel Gromow"), key("Pavel Gromov"));
        assert_eq!(key("Taras Hordijenko"), key("Taras Hordiyenko"));
        assert_eq!(key("Gábor Szentesi"), key("Gabor Szentesi"));
        assert_eq!(key("Antony J. Blinken"), key("Anthony Blinken"));
        assert_eq!(key("Sergej Rjabkow"), key("Sergey Ryabkov"));
    }

    #[test]
    fn different_first_names_stay_apart() {
        assert_ne!(key("Olaf Scholz"), key("Anna Scholz"));
        assert_ne!(key("Sergej Lawrow"), key("Sergej Rjabkow"));
        assert_ne!(key("Joe Biden"), key("Hunter Biden"));
    }

    #[test]
    fn name_forms_are_classified() {
        let person = |n: &str| actor_name(n, Some(ActorKind::Person)).form;
        assert_eq!(person("Holloway"), NameForm::Surname(fold_name("Holloway")));
        assert_eq!(
            person("Margaret Holloway"),
            NameForm::FullName {
                surname: fold_name("Holloway")
            }
        );
        assert_eq!(
            person("US-Außenministerin"),
            NameForm::Role("usa|aussenministerin".into())
        );
        assert_eq!(
            person("die amerikanische Außenministerin"),
            NameForm::Role("usa|aussenministerin".into())
        );
        assert_eq!(
            person("der russische Chefdiplomat"),
            NameForm::Role("russland|aussenminister".into())
        );
        assert_eq!(
            person("Russlands Außenminister"),
            NameForm::Role("russland|aussenminister".into())
        );
        assert_eq!(
            person("ein Nato-Sprecher"),
            NameForm::Role("nato|sprecher".into())
        );
        assert_eq!(
            person("Kremlsprecher"),
            NameForm::Role("russland|sprecher".into())
        );
    }

    #[test]
    fn countries_and_organisations_use_the_lexicon_name() {
        for n in ["Moskau", "der Kreml", "Kreml", "Russische Föderation"] {
            assert_eq!(actor_name(n, None).key, "russland", "{n}");
        }
        assert_eq!(actor_name("die Nato", None).key, "nato");
        assert_eq!(
            actor_name("Auswärtiges Amt", Some(ActorKind::Organization)).key,
            "auswaertiges-amt"
        );
        // An addressee that looks like a person is keyed as one.
        assert_eq!(actor_name("Viktor Saizew", None).key, key("Viktor Saizew"));
    }

    #[test]
    fn roles_are_read_off_the_mention() {
        assert_eq!(
            roles_in_mention("US-Außenministerin Margaret Holloway", "Margaret Holloway")
                .as_deref(),
            Some("US-Außenministerin")
        );
        assert_eq!(
            roles_in_mention(
                "Die amerikanische Außenministerin Margaret Holloway",
                "Margaret Holloway"
            )
            .as_deref(),
            Some("amerikanische Außenministerin")
        );
        assert_eq!(
            roles_in_mention("die Ministerin", "Margaret Holloway").as_deref(),
            Some("Ministerin")
        );
        assert_eq!(roles_in_mention("Holloway", "Margaret Holloway"), None);
        assert_eq!(
            roles_in_mention(
                "Sicht von US-Außenminister Antony Blinken",
                "Antony Blinken"
            )
            .as_deref(),
            Some("US-Außenminister")
        );
        assert_eq!(
            roles_in_mention("Ihr russischer Kollege Viktor Saizew", "Viktor Saizew"),
            None
        );
        assert_eq!(roles_in_mention("sie", "Margaret Holloway"), None);
        assert!(role_is_specific("usa|aussenministerin"));
        assert!(!role_is_specific("|aussenminister"));
        assert!(!role_is_specific("|kommissar"));
        assert_eq!(
            role_key("Bundesfinanzminister").as_deref(),
            Some("deutschland|finanzminister")
        );
    }
}
