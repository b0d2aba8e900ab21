//! The lexicon: cues, actors, role nouns and first names, read from data
//! files (compiled in) and extendable from user files in the same format.
//!
//! A lexicon file has sections `[cues]`, `[actors]`, `[roles]` and
//! `[firstnames]`; lines are tab-separated; `#` starts a comment. The format
//! of each section is described in `crates/extract/README.md` and at the top
//! of each file under `data/lexicon/`.

use claimgraph_model::{ActorKind, ClaimType};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// A malformed lexicon line or an unreadable lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{origin}:{line}: {message}")]
    Syntax {
        origin: String,
        line: usize,
        message: String,
    },
    #[error("{origin}: {source}")]
    Io {
        origin: String,
        #[source]
        source: std::io::Error,
    },
}

/// One cue: a verb (or phrase) of saying and the claim type it gives.
#[derive(Debug, Clone)]
pub struct CueEntry {
    pub claim_type: ClaimType,
    pub lemma: String,
    /// Separable particle (`an` of `an|kündigen`), standing at the clause end.
    pub particle: Option<String>,
    /// A preposition the clause must contain (`auf` of `pochen +auf`).
    pub preposition: Option<String>,
    /// Words that must occur in the clause (`absage` of `Absage erteilen`), lower case.
    pub requires: Vec<String>,
    pub accusative: bool,
    pub dative: bool,
    pub takes_object: bool,
    pub weak: bool,
}

/// How a word form realises a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormUse {
    /// A finite form of a separable verb whose particle must follow (`kündigte … an`).
    Split,
    /// A complete form (`sagte`, `angekündigt`, `ankündigte`).
    Whole,
    /// A participle or infinitive (`gesagt`, `angekündigt`): the finite verb is an auxiliary.
    NonFinite,
}

/// A known actor.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub kind: ActorKind,
    pub name: String,
    pub wikidata: Option<String>,
}

/// Cues, actors, role nouns and first names.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub(crate) cues: Vec<CueEntry>,
    /// lower-case form → (cue index, use)
    pub(crate) cue_forms: HashMap<String, Vec<(usize, FormUse)>>,
    pub(crate) actors: Vec<ActorEntry>,
    /// normalised alias (tokens joined by a space) → actor index
    pub(crate) actor_aliases: HashMap<String, usize>,
    pub(crate) max_alias_tokens: usize,
    /// Every proper token prefix of an alias key, so matching stops early.
    pub(crate) alias_prefixes: HashSet<String>,
    /// role head (lower case) → kind
    pub(crate) roles: HashMap<String, ActorKind>,
    pub(crate) first_names: HashSet<String>,
}

const CUES: &str = include_str!("../../../data/lexicon/cues.tsv");
const ACTORS: &str = include_str!("../../../data/lexicon/actors.tsv");
const ROLES: &str = include_str!("../../../data/lexicon/roles.tsv");
const FIRST_NAMES: &str = include_str!("../../../data/lexicon/firstnames.txt");

/// Adjective + noun phrases that name a country's government (`die russische Regierung`).
const GOVERNMENT_NOUNS: &[&str] = &[
    "Regierung",
    "Seite",
    "Führung",
    "Staatsführung",
    "Behörden",
    "Präsidialamt",
    "Vertreter",
    "Delegation",
    "Administration",
];

impl Lexicon {
    /// The built-in German lexicon.
    pub fn german() -> Lexicon {
        let mut lex = Lexicon::default();
        for (text, origin) in [
            (CUES, "data/lexicon/cues.tsv"),
            (ACTORS, "data/lexicon/actors.tsv"),
            (ROLES, "data/lexicon/roles.tsv"),
            (FIRST_NAMES, "data/lexicon/firstnames.txt"),
        ] {
            if let Err(e) = lex.extend_from_str(text, origin) {
                // the built-in files are tested; a broken one is a build defect
                debug_assert!(false, "{e}");
            }
        }
        lex
    }

    pub fn extend_from_file(&mut self, path: &Path) -> Result<(), LexiconError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io {
            origin: origin.clone(),
            source,
        })?;
        self.extend_from_str(&text, &origin)
    }

    /// Adds the entries of a lexicon text; `origin` names it in errors.
    pub fn extend_from_str(&mut self, text: &str, origin: &str) -> Result<(), LexiconError> {
        let mut section = "";
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let err = |message: String| LexiconError::Syntax {
                origin: origin.to_string(),
                line: n + 1,
                message,
            };
            if trimmed.starts_with('[') && trimmed.ends_with(']') {
                section = match &trimmed[1..trimmed.len() - 1] {
                    "cues" => "cues",
                    "actors" => "actors",
                    "roles" => "roles",
                    "firstnames" => "firstnames",
                    other => return Err(err(format!("unknown section [{other}]"))),
                };
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            match section {
                "cues" => self.add_cue(&fields).map_err(err)?,
                "actors" => self.add_actor(&fields).map_err(err)?,
                "roles" => self.add_role(&fields).map_err(err)?,
                "firstnames" => {
                    for w in trimmed.split_whitespace() {
                        self.first_names.insert(w.to_string());
                    }
                }
                _ => {
                    return Err(err(
                        "entry before any section ([cues], [actors], [roles], [firstnames])".into(),
                    ))
                }
            }
        }
        Ok(())
    }

    fn add_cue(&mut self, fields: &[&str]) -> Result<(), String> {
        let [ty, lemma, rest @ ..] = fields else {
            return Err("a cue needs TYPE<TAB>LEMMA[<TAB>FORMS][<TAB>FLAGS]".into());
        };
        let claim_type: ClaimType = ty.parse()?;
        let forms_field = rest.first().copied().unwrap_or("-");
        let flags = rest.get(1).copied().unwrap_or("");
        let mut words: Vec<&str> = lemma.split_whitespace().collect();
        let mut preposition = None;
        if let Some(p) = words.last().and_then(|w| w.strip_prefix('+')) {
            preposition = Some(p.to_lowercase());
            words.pop();
        }
        let Some(verb) = words.pop() else {
            return Err(format!("no verb in lemma {lemma:?}"));
        };
        let requires: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let (particle, base) = match verb.split_once('|') {
            Some((p, b)) => (Some(p.to_lowercase()), b),
            None => (None, verb),
        };
        if !base.ends_with('n') {
            return Err(format!("verb {base:?} is not an infinitive"));
        }
        let mut entry = CueEntry {
            claim_type,
            lemma: lemma.to_string(),
            particle: particle.clone(),
            preposition,
            requires,
            accusative: false,
            dative: false,
            takes_object: false,
            weak: false,
        };
        for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            match flag {
                "acc" => entry.accusative = true,
                "dat" => entry.dative = true,
                "obj" => entry.takes_object = true,
                "weak" => entry.weak = true,
                other => return Err(format!("unknown cue flag {other:?} (acc, dat, obj, weak)")),
            }
        }
        let base_forms: Vec<String> = if forms_field.is_empty() || forms_field == "-" {
            weak_forms(base)
        } else {
            forms_field
                .split_whitespace()
                .map(str::to_lowercase)
                .collect()
        };
        let idx = self.cues.len();
        self.cues.push(entry);
        let base_lower = base.to_lowercase();
        match &particle {
            None => {
                for f in &base_forms {
                    let use_ = if is_participle(f, &base_lower) {
                        FormUse::NonFinite
                    } else {
                        FormUse::Whole
                    };
                    self.add_form(f, idx, use_);
                }
                self.add_form(&base_lower, idx, FormUse::Whole);
            }
            Some(p) => {
                for f in &base_forms {
                    if is_participle(f, &base_lower) {
                        // particle + participle: "angekündigt", "zurückgewiesen"
                        self.add_form(&format!("{p}{f}"), idx, FormUse::NonFinite);
                    } else {
                        self.add_form(f, idx, FormUse::Split);
                        // verb-final subordinate clauses join them: "ankündigte"
                        self.add_form(&format!("{p}{f}"), idx, FormUse::Whole);
                    }
                }
                self.add_form(&format!("{p}{base_lower}"), idx, FormUse::NonFinite);
                self.add_form(&format!("{p}zu{base_lower}"), idx, FormUse::NonFinite);
            }
        }
        Ok(())
    }

    fn add_form(&mut self, form: &str, idx: usize, use_: FormUse) {
        let v = self.cue_forms.entry(form.to_string()).or_default();
        if !v.contains(&(idx, use_)) {
            v.push((idx, use_));
        }
    }

    fn add_actor(&mut self, fields: &[&str]) -> Result<(), String> {
        let [kind, name, rest @ ..] = fields else {
            return Err(
                "an actor needs KIND<TAB>NAME[<TAB>WIKIDATA][<TAB>ALIASES][<TAB>ADJECTIVE]".into(),
            );
        };
        let kind: ActorKind = kind.parse()?;
        let wikidata = rest
            .first()
            .filter(|w| !w.is_empty() && **w != "-")
            .map(|w| w.to_string());
        if let Some(q) = &wikidata {
            if !(q.starts_with('Q') && q.len() > 1 && q[1..].bytes().all(|b| b.is_ascii_digit())) {
                return Err(format!("not a Wikidata id: {q:?}"));
            }
        }
        let idx = self.actors.len();
        self.actors.push(ActorEntry {
            kind,
            name: name.to_string(),
            wikidata,
        });
        let mut aliases: Vec<String> = vec![name.to_string()];
        if let Some(a) = rest.get(1).filter(|a| **a != "-") {
            aliases.extend(
                a.split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from),
            );
        }
        if kind == ActorKind::Country {
            // "die Regierung in Rom": a seat of government named after "Regierung in"
            let seats: Vec<String> = aliases
                .iter()
                .filter(|a| !a.contains(' ') && !a.contains('-'))
                .map(|a| format!("Regierung in {a}"))
                .collect();
            aliases.extend(seats);
        }
        if kind == ActorKind::Country {
            aliases.push(format!("{name}s Regierung"));
            aliases.push(format!("Regierung {name}s"));
            aliases.push(format!("Regierung in {name}"));
        }
        if let Some(adj) = rest.get(2).filter(|a| **a != "-" && !a.is_empty()) {
            for a in adj.split('|') {
                for noun in GOVERNMENT_NOUNS {
                    aliases.push(format!("{a} {noun}"));
                }
            }
        }
        for alias in aliases {
            let key = alias_key(&alias);
            if key.is_empty() {
                continue;
            }
            for (pos, _) in key.match_indices(' ') {
                self.alias_prefixes.insert(key[..pos].to_string());
            }
            let n = key.split(' ').count();
            self.max_alias_tokens = self.max_alias_tokens.max(n);
            // the first entry wins: a user file cannot silently redirect a built-in alias
            self.actor_aliases.entry(key).or_insert(idx);
        }
        Ok(())
    }

    fn add_role(&mut self, fields: &[&str]) -> Result<(), String> {
        let head = fields.first().copied().unwrap_or("").to_lowercase();
        if head.is_empty() || head.contains(' ') {
            return Err(format!("a role is one word: {head:?}"));
        }
        let kind = match fields.get(1).copied().filter(|k| !k.is_empty()) {
            Some(k) => k.parse()?,
            None => ActorKind::Person,
        };
        self.roles.insert(head, kind);
        Ok(())
    }

    /// The cue forms of a lower-case word.
    pub(crate) fn cue_forms(&self, lower: &str) -> &[(usize, FormUse)] {
        self.cue_forms.get(lower).map_or(&[], |v| v.as_slice())
    }

    /// The role kind of a capitalised word (`US-Außenministerin`, `Kremlsprecher`):
    /// the longest role head it ends with, allowing feminine and inflected forms.
    pub(crate) fn role_kind(&self, word: &str) -> Option<ActorKind> {
        let lower = word.to_lowercase();
        let w = lower.rsplit('-').next().unwrap_or(&lower);
        let mut bases = vec![w];
        for suffix in ["innen", "in", "nen", "en", "n", "s", "es", "e"] {
            if let Some(b) = w.strip_suffix(suffix) {
                bases.push(b);
            }
        }
        for base in bases {
            for (k, _) in base.char_indices() {
                let tail = &base[k..];
                if tail.chars().count() < 4 {
                    break;
                }
                // a compound needs a head of some length ("Kremlchef" but not "Kartoffel")
                if k > 0 && tail.chars().count() < 4 {
                    continue;
                }
                if let Some(kind) = self.roles.get(tail) {
                    return Some(*kind);
                }
            }
        }
        None
    }

    pub(crate) fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }
}

fn is_participle(form: &str, base: &str) -> bool {
    if base.starts_with("ge") {
        form.starts_with("gege")
    } else {
        form.starts_with("ge")
    }
}

const INSEPARABLE: &[&str] = &[
    "be", "er", "ver", "zer", "ent", "emp", "ge", "miss", "hinter", "wider", "über", "unter",
    "wieder",
];

/// The forms of a regular (weak) verb: present, past, Konjunktiv I, participle.
pub(crate) fn weak_forms(infinitive: &str) -> Vec<String> {
    let inf = infinitive.to_lowercase();
    let stem = if let Some(s) = inf.strip_suffix("en") {
        s.to_string()
    } else {
        inf.trim_end_matches('n').to_string()
    };
    let eln_ern = !inf.ends_with("en");
    // "antworten", "rechnen": an e before t
    let e = if !eln_ern
        && (stem.ends_with('t')
            || stem.ends_with('d')
            || stem.ends_with("chn")
            || stem.ends_with("ffn")
            || stem.ends_with("gn") && !stem.ends_with("ign")
            || stem.ends_with("tm"))
    {
        "e"
    } else {
        ""
    };
    let mut forms = Vec::new();
    let t = format!("{stem}{e}t");
    forms.push(t.clone());
    forms.push(format!("{stem}{e}te"));
    forms.push(format!("{stem}{e}ten"));
    forms.push(format!("{stem}e"));
    forms.push(inf.clone());
    let no_ge = inf.ends_with("ieren")
        || INSEPARABLE
            .iter()
            .any(|p| inf.starts_with(p) && inf.len() > p.len() + 4);
    if no_ge {
        forms.push(format!("{stem}{e}t"));
    } else {
        forms.push(format!("ge{stem}{e}t"));
    }
    forms.dedup();
    forms
}

/// The key under which an actor alias is stored and looked up.
pub(crate) fn alias_key(alias: &str) -> String {
    let mut key = String::new();
    for tok in claimgraph_text::token::tokenize(alias) {
        let w = tok.text(alias);
        if !tok.is_word() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        push_norm(&mut key, w);
    }
    key
}

/// Appends the normal form of a word: lower case, inflection endings cut
/// (`russischen` → `russisch`, `Moskaus` → `moskau`).
pub(crate) fn push_norm(out: &mut String, word: &str) {
    let start = out.len();
    for c in word.chars() {
        out.extend(c.to_lowercase());
    }
    let w = &out[start..];
    let n = w.chars().count();
    let cut = if n > 5
        && (w.ends_with("es") || w.ends_with("en") || w.ends_with("em") || w.ends_with("er"))
    {
        2
    } else if n > 4 && (w.ends_with('e') || w.ends_with('s')) && !w.ends_with("ss") {
        1
    } else {
        0
    };
    let new_len = out.len() - cut;
    out.truncate(new_len);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_loads_without_errors() {
        let mut lex = Lexicon::default();
        for (t, o) in [
            (CUES, "cues"),
            (ACTORS, "actors"),
            (ROLES, "roles"),
            (FIRST_NAMES, "names"),
        ] {
            lex.extend_from_str(t, o).expect("built-in lexicon parses");
        }
        assert!(lex.cue_forms.len() > 400, "{}", lex.cue_forms.len());
        assert!(lex.actors.len() > 100);
    }

    #[test]
    fn weak_verbs_get_their_forms() {
        let f = weak_forms("antworten");
        assert!(f.contains(&"antwortete".to_string()));
        assert!(f.contains(&"geantwortet".to_string()));
        assert!(weak_forms("kritisieren").contains(&"kritisiert".to_string()));
        assert!(!weak_forms("bestätigen").contains(&"gebestätigt".to_string()));
    }

    #[test]
    fn separable_forms_are_split_or_joined() {
        let lex = Lexicon::german();
        let split = lex.cue_forms("kündigte");
        assert!(split.iter().any(|&(_, u)| u == FormUse::Split));
        assert!(lex
            .cue_forms("angekündigt")
            .iter()
            .any(|&(_, u)| u == FormUse::NonFinite));
        assert!(lex
            .cue_forms("zurückgewiesen")
            .iter()
            .any(|&(_, u)| u == FormUse::NonFinite));
    }

    #[test]
    fn aliases_match_across_inflection() {
        let lex = Lexicon::german();
        let id = lex.actor_aliases.get(&alias_key(
            "der russischen Regierung".trim_start_matches("der "),
        ));
        assert_eq!(id.map(|&i| lex.actors[i].name.as_str()), Some("Russland"));
        let id = lex.actor_aliases.get(&alias_key("Moskaus"));
        assert_eq!(id.map(|&i| lex.actors[i].name.as_str()), Some("Russland"));
    }

    #[test]
    fn malformed_user_lines_name_file_and_line() {
        let mut lex = Lexicon::default();
        let e = lex
            .extend_from_str("[cues]\nstatement\tsagen\nshout\tbrüllen\n", "my.tsv")
            .expect_err("bad type");
        assert!(e.to_string().starts_with("my.tsv:3:"), "{e}");
        let e = lex
            .extend_from_str("[actors]\ncountry\tX\tP12\n", "a.tsv")
            .expect_err("bad id");
        assert!(e.to_string().starts_with("a.tsv:2:"), "{e}");
    }

    #[test]
    fn roles_match_compounds_and_feminine_forms() {
        let lex = Lexicon::german();
        assert_eq!(lex.role_kind("US-Außenministerin"), Some(ActorKind::Person));
        assert_eq!(lex.role_kind("Regierungssprecher"), Some(ActorKind::Person));
        assert_eq!(lex.role_kind("Grünen-Politikerin"), Some(ActorKind::Person));
        assert_eq!(lex.role_kind("Kartoffel"), None);
    }
}
