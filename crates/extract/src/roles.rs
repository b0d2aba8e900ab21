//! The roles and titles an article gives a person (`US-Außenminister`,
//! `russischer Außenminister`, `Generalsekretär der Nato`), collected over
//! every mention of the person: a role before the name, a role noun that
//! refers back to the person, and appositions on either side of the name.
//!
//! Each role is given in its base form as written apart from case endings:
//! the noun in the nominative singular (`des Außenministers` →
//! `Außenminister`), adjectives in the strong form of the noun's gender
//! (`dem russischen Außenminister` → `russischer Außenminister`, `der neuen
//! Ministerin` → `neue Ministerin`). Plural role nouns are skipped: they name
//! a group, not the person.

use crate::doc::{is_determiner, is_feminine_role, Prepared};
use crate::lexicon::Lexicon;
use claimgraph_model::ActorKind;
use claimgraph_text::token::{is_capitalized, lowercase, Lowered, TokenKind};
use std::borrow::Cow;

/// Articles an apposition may open with (any case).
const ARTICLES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
];

/// Words before adjectives that leave their ending to the adjective alone:
/// articles, contractions and prepositions (`vom russischen Außenminister`);
/// possessives count too (`seinem russischen Kollegen`).
const BEFORE_ADJECTIVES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "vom", "zum", "beim", "im", "am", "mit", "von", "bei", "nach", "für", "gegen", "zu", "auf",
];

/// Words that make a role noun plural (`die beiden Außenminister`).
const PLURAL_MARKERS: &[&str] = &[
    "beiden",
    "beide",
    "beider",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "mehrere",
    "einige",
    "viele",
    "alle",
    "zahlreiche",
    "zahlreichen",
    "anderen",
    "übrigen",
    "sämtliche",
];

/// Case endings a role noun may carry after its base form (`Außenministers`,
/// `Präsidenten`, `Vorsitzenden`), tried in this order.
const CASE_ENDINGS: &[&str] = &["s", "es", "n", "en"];

/// Words that open an attribute naming what the role belongs to (`der
/// Nato`, `des Ministeriums`, `von Russland`).
const ATTRIBUTE_STARTS: &[&str] = &["des", "der", "eines", "einer", "von", "vom"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
    Neuter,
}

/// A role noun reduced to its base form (borrowed from the text and its lower case).
struct RoleNoun<'a> {
    /// The noun as written without its case ending.
    base: &'a str,
    /// `base` in lower case.
    base_lower: Cow<'a, str>,
    /// The case ending that was removed (`""` when none).
    ending: &'static str,
    /// `-in` form (`Außenministerin`).
    feminine: bool,
    /// A noun declined like an adjective (`Vorsitzende`/`Vorsitzender`).
    adjectival: bool,
}

/// The roles of the entities marked in `wanted` (the speakers of claims), in
/// order of first appearance; the other entities get none. Appositions are
/// looked for at every person, since an apposed role noun belongs to its
/// name whoever it is; the role phrases only at mentions of wanted entities.
pub(crate) fn entity_roles(p: &Prepared, lex: &Lexicon, wanted: &[bool]) -> Vec<Vec<String>> {
    let mut found: Vec<Vec<(usize, String)>> = vec![Vec::new(); p.entities.len()];
    // role nouns standing in an apposition belong to the name they describe
    // (their tokens; few a document, so a list)
    let mut apposed: Vec<usize> = Vec::new();
    for m in &p.mentions {
        let ent = &p.entities[m.entity];
        if m.role_only || ent.kind != ActorKind::Person || ent.surname.is_none() {
            continue;
        }
        let appositions = [
            apposition_after(p, lex, m.end),
            apposition_before(p, lex, m.start, m.end),
        ];
        for (r, role) in appositions.into_iter().flatten() {
            apposed.push(r);
            found[m.entity].push((r, role));
        }
    }
    for m in &p.mentions {
        let is_wanted = wanted.get(m.entity).copied().unwrap_or(false);
        if !is_wanted
            || p.entities[m.entity].kind != ActorKind::Person
            || apposed.contains(&m.start)
        {
            continue;
        }
        if let Some(role) = role_phrase(p, lex, m.start, false) {
            found[m.entity].push((m.start, role));
        }
    }
    found
        .into_iter()
        .enumerate()
        .map(|(e, roles)| {
            if wanted.get(e).copied().unwrap_or(false) {
                in_order(roles)
            } else {
                Vec::new()
            }
        })
        .collect()
}

/// Roles sorted by position, without repeats and without a role that a
/// more specific one contains (`Außenminister` beside `US-Außenminister`).
fn in_order(mut roles: Vec<(usize, String)>) -> Vec<String> {
    roles.sort_by_key(|(pos, _)| *pos);
    let mut out: Vec<String> = Vec::new();
    for (_, r) in roles {
        if !out.contains(&r) {
            out.push(r);
        }
    }
    if out.len() < 2 {
        // no other role to contain it
        return out;
    }
    // the lower cases borrow `out`: which roles to keep is found first
    let keep: Vec<bool> = {
        let lower: Vec<Lowered> = out.iter().map(|r| lowercase(r)).collect();
        (0..lower.len())
            .map(|i| {
                !lower
                    .iter()
                    .enumerate()
                    .any(|(k, other)| k != i && contains_role(other, &lower[i]))
            })
            .collect()
    };
    out.into_iter()
        .zip(keep)
        .filter_map(|(r, kept)| kept.then_some(r))
        .collect()
}

/// Whether `specific` (lower case) contains `general` ending at a word end:
/// `us-außenminister` and `außenminister der usa` contain `außenminister`,
/// `außenministerin` does not contain `außenminister`.
fn contains_role(specific: &str, general: &str) -> bool {
    if specific.len() <= general.len() || general.is_empty() {
        return false;
    }
    // the matches of `match_indices` (leftmost, not overlapping), by a byte
    // loop: the strings are short, a substring searcher costs more to build
    let (s, g) = (specific.as_bytes(), general.as_bytes());
    let mut at = 0;
    while let Some(rest) = s.get(at..) {
        if !rest.starts_with(g) {
            at += 1;
            continue;
        }
        // a match starts a char (`g` is UTF-8) and ends one: `at + g.len()` is a boundary
        let after = specific.get(at + g.len()..).and_then(|a| a.chars().next());
        if after.is_none_or(|c| !c.is_alphabetic()) {
            return true;
        }
        at += g.len();
    }
    false
}

/// The role phrase whose noun is token `r`: adjectives before it (with an
/// article or preposition before them) or a genitive owner (`Russlands
/// Außenminister`), in base form. `None` when `r` is no singular person role.
fn role_phrase(p: &Prepared, lex: &Lexicon, r: usize, apposition: bool) -> Option<String> {
    let noun = role_noun(p, lex, r)?;
    let mut k = r;
    while k > 0 && r - k < 3 && is_adjective_form(p, lex, k - 1) {
        k -= 1;
    }
    let before = if k > 0 { p.lower(k - 1) } else { "" };
    if PLURAL_MARKERS.contains(&before) || (k..r).any(|j| PLURAL_MARKERS.contains(&p.lower(j))) {
        return None;
    }
    let article = ARTICLES.contains(&before).then_some(before);
    let gender = gender(&noun, article);
    if is_plural(&noun, article) {
        return None;
    }
    // "Vorsitzende" → "Vorsitzender" for a man
    let r_ending = noun.adjectival && gender == Gender::Masculine && noun.base.ends_with('e');
    let opens =
        BEFORE_ADJECTIVES.contains(&before) || is_determiner(before) || apposition && before == ",";
    // the phrase is built in one string: words before the noun, then the
    // noun; room for the text from the owner to the noun, two bytes more an
    // adjective (its strong ending) and an `r` (an attribute may follow)
    let room = p.slice(k.saturating_sub(1), r + 1).len() + 2 * (r - k) + 1;
    let mut phrase = String::with_capacity(room);
    if k < r && opens {
        for j in k..r {
            push_adjective_base(&mut phrase, p.word(j), gender);
            phrase.push(' ');
        }
    } else if let Some(owner) = genitive_owner(p, r) {
        phrase.push_str(owner);
        phrase.push(' ');
    }
    phrase.push_str(noun.base);
    if r_ending {
        phrase.push('r');
    }
    Some(phrase)
}

/// A capitalised genitive of a country or organisation right before the
/// role (`Russlands Außenminister`, `Frankreichs Präsident`).
fn genitive_owner<'a>(p: &Prepared<'a>, r: usize) -> Option<&'a str> {
    let o = r.checked_sub(1)?;
    // the one mention that starts at `o` (mentions do not overlap)
    let m = p.mention(o).filter(|m| m.end == r)?;
    let w = p.word(o);
    (p.entities[m.entity].kind != ActorKind::Person && w.ends_with('s')).then_some(w)
}

/// Token `r` as a singular person role noun in base form.
fn role_noun<'a>(p: &Prepared<'a>, lex: &Lexicon, r: usize) -> Option<RoleNoun<'a>> {
    let word = p.word(r);
    let lower = p.lower(r);
    if !p.is_word(r) || !is_capitalized(word) || lower.ends_with("innen") {
        return None;
    }
    let form = p
        .role_form(lex, r)
        .filter(|f| f.kind == ActorKind::Person)?;
    let ending = if form.bare {
        ""
    } else {
        CASE_ENDINGS
            .iter()
            .copied()
            .find(|e| {
                lower
                    .strip_suffix(e)
                    .is_some_and(|b| lex.ends_in_role_head(b))
            })
            .unwrap_or("")
    };
    let base = word.get(..word.len() - ending.len())?;
    let base_lower = lower_without_ending(base, lower, ending);
    let feminine = is_feminine_role(&base_lower);
    // "Vorsitzende" and "Vorsitzender" are both heads: a noun declined like an adjective
    let adjectival = base_lower.ends_with('e') && lex.ends_in_role_head(&format!("{base_lower}r"))
        || base_lower
            .strip_suffix('r')
            .is_some_and(|b| b.ends_with('e') && lex.ends_in_role_head(b));
    Some(RoleNoun {
        base,
        base_lower,
        ending,
        feminine,
        adjectival,
    })
}

/// `base.to_lowercase()`, where `base` is a word without its case `ending`
/// and `lower` the word's lower case: lower-casing goes char by char (but
/// for `Σ`, which looks at the chars after it), and an ending is ASCII, so
/// the lower case of the base is `lower` without the ending.
fn lower_without_ending<'a>(base: &str, lower: &'a str, ending: &str) -> Cow<'a, str> {
    match lower.strip_suffix(ending) {
        Some(cut) if !base.contains('Σ') => Cow::Borrowed(cut),
        _ => Cow::Owned(base.to_lowercase()),
    }
}

/// The gender of a role noun, from its `-in` form or (for nouns declined
/// like adjectives) its article.
fn gender(noun: &RoleNoun, article: Option<&str>) -> Gender {
    if noun.feminine {
        return Gender::Feminine;
    }
    if noun.adjectival {
        if noun.base.ends_with("er") {
            return Gender::Masculine;
        }
        return match article {
            Some("die" | "eine" | "einer") => Gender::Feminine,
            // "der Vorsitzenden": genitive or dative of the feminine
            Some("der") if noun.ending == "n" => Gender::Feminine,
            _ => Gender::Masculine,
        };
    }
    match article {
        Some("das") => Gender::Neuter,
        _ => Gender::Masculine,
    }
}

/// A plural role noun: `die Außenminister`, `den Beratern`, `die Vorsitzenden`.
fn is_plural(noun: &RoleNoun, article: Option<&str>) -> bool {
    let base = &noun.base_lower;
    // dative plural of nouns in -er/-el ("den Ministern")
    if noun.ending == "n" && (base.ends_with("er") || base.ends_with("el")) {
        return true;
    }
    match article {
        Some("die") => !(noun.feminine || noun.adjectival && noun.ending.is_empty()),
        _ => false,
    }
}

/// An inflected adjective before a noun (`russischen`, `neue`, `ehemaliger`).
fn is_adjective_form(p: &Prepared, lex: &Lexicon, j: usize) -> bool {
    let w = p.word(j);
    // `j` may be past the last token (a text that ends in "Name,"); the
    // cheap tests first (most words fail the ending or the first letter)
    p.toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
        && ["e", "en", "er", "es", "em"].iter().any(|e| w.ends_with(e))
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().count() > 3
        && w.chars().all(char::is_alphabetic)
        && !is_determiner(w)
        && !PLURAL_MARKERS.contains(&w)
        // "sagte Außenminister X": a verb, not an adjective
        && p.cue_forms(lex, j).is_empty()
}

/// An adjective in the strong nominative singular of a gender
/// (`russischen` → `russischer`, `neuen` → `neue`).
#[cfg(test)]
fn adjective_base(w: &str, gender: Gender) -> String {
    let mut out = String::new();
    push_adjective_base(&mut out, w, gender);
    out
}

/// Appends `adjective_base(w, gender)` to `out`.
fn push_adjective_base(out: &mut String, w: &str, gender: Gender) {
    let stem = ["en", "em", "er", "es"]
        .iter()
        .find_map(|e| w.strip_suffix(e))
        .or_else(|| w.strip_suffix('e'))
        .unwrap_or(w);
    let ending = match gender {
        Gender::Masculine => "er",
        Gender::Feminine => "e",
        Gender::Neuter => "es",
    };
    out.push_str(stem);
    out.push_str(ending);
}

/// `Lawrow, der russische Außenminister, sagte`: a role phrase after the
/// comma that follows a name, closed by a comma or the sentence end.
/// Returns the role noun's token and the phrase.
fn apposition_after(p: &Prepared, lex: &Lexicon, name_end: usize) -> Option<(usize, String)> {
    if p.word(name_end) != "," {
        return None;
    }
    let mut j = name_end + 1;
    if ARTICLES.contains(&p.lower(j)) {
        j += 1;
    }
    let mut r = j;
    while r < j + 3 && is_adjective_form(p, lex, r) {
        r += 1;
    }
    if !role_without_name(p, r) {
        return None;
    }
    let end = genitive_attribute_end(p, lex, r + 1);
    if !closes_apposition(p, end) {
        return None;
    }
    let role = role_phrase(p, lex, r, true)?;
    Some((r, with_attribute(role, p, r + 1, end)))
}

/// `Die Sprecherin der Stadt, Eva Kern, sagte`: a role phrase before the
/// comma that precedes a name, which a comma closes.
fn apposition_before(
    p: &Prepared,
    lex: &Lexicon,
    name_start: usize,
    name_end: usize,
) -> Option<(usize, String)> {
    if name_start < 2 || p.word(name_start - 1) != "," || p.word(name_end) != "," {
        return None;
    }
    let comma = name_start - 1;
    let r = (comma.saturating_sub(8)..comma)
        .find(|&r| role_without_name(p, r) && genitive_attribute_end(p, lex, r + 1) == comma)?;
    // the phrase opens the sentence or a clause: article or nothing before its adjectives
    let mut k = r;
    while k > 0 && is_adjective_form(p, lex, k - 1) {
        k -= 1;
    }
    if k > 0 && ARTICLES.contains(&p.lower(k - 1)) {
        k -= 1;
    }
    let opens = k == 0 || p.toks[k - 1].kind == TokenKind::Punct || is_sentence_start(p, k);
    if !opens {
        return None;
    }
    let role = role_phrase(p, lex, r, true)?;
    Some((r, with_attribute(role, p, r + 1, comma)))
}

fn is_sentence_start(p: &Prepared, k: usize) -> bool {
    p.sentence_of(k)
        .is_some_and(|si| p.sents[si].tok_start == k)
}

/// Token `r` is a role noun with no name of its own after it.
fn role_without_name(p: &Prepared, r: usize) -> bool {
    p.is_word(r) && p.mention(r).is_some_and(|m| m.role_only)
}

/// One past a genitive attribute at `a` (`der Nato`, `des Auswärtigen
/// Amtes`, `Russlands`); `a` when there is none.
fn genitive_attribute_end(p: &Prepared, lex: &Lexicon, a: usize) -> usize {
    let w = p.word(a);
    if is_capitalized(w) && w.ends_with('s') && p.mention(a).is_some() {
        return a + 1;
    }
    if !ATTRIBUTE_STARTS.contains(&p.lower(a)) {
        return a;
    }
    let mut k = a + 1;
    while k < a + 3 && is_adjective_form(p, lex, k) {
        k += 1;
    }
    let first_noun = k;
    while k < first_noun + 3 && p.is_word(k) && is_capitalized(p.word(k)) {
        k += 1;
    }
    if k > first_noun {
        k
    } else {
        a
    }
}

/// A comma, closing parenthesis or sentence end after an apposition.
fn closes_apposition(p: &Prepared, j: usize) -> bool {
    matches!(p.word(j), "," | ")" | "." | "!" | "?" | ";" | "")
}

/// A role phrase with the genitive attribute `[a, b)` after it.
fn with_attribute(mut role: String, p: &Prepared, a: usize, b: usize) -> String {
    if b > a {
        let attribute = p.slice(a, b);
        role.reserve(1 + attribute.len());
        role.push(' ');
        role.push_str(attribute);
    }
    role
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn lower_without_ending_agrees_with_to_lowercase(
            base in "[a-zA-ZäÄßΣσİK\u{212A}]{0,10}",
            k in 0..CASE_ENDINGS.len(),
            upper in proptest::bool::ANY,
        ) {
            let ending = CASE_ENDINGS[k];
            let written = if upper { ending.to_uppercase() } else { ending.to_string() };
            let lower = format!("{base}{written}").to_lowercase();
            proptest::prop_assert_eq!(lower_without_ending(&base, &lower, ending), base.to_lowercase());
        }
    }

    #[test]
    fn adjectives_take_the_strong_ending_of_the_gender() {
        assert_eq!(
            adjective_base("russischen", Gender::Masculine),
            "russischer"
        );
        assert_eq!(adjective_base("frühere", Gender::Masculine), "früherer");
        assert_eq!(adjective_base("neuen", Gender::Feminine), "neue");
        assert_eq!(
            adjective_base("katholische", Gender::Neuter),
            "katholisches"
        );
    }

    #[test]
    fn a_more_specific_role_contains_the_general_one() {
        assert!(contains_role("us-außenminister", "außenminister"));
        assert!(contains_role("außenminister der usa", "außenminister"));
        assert!(contains_role("russischer außenminister", "außenminister"));
        assert!(!contains_role("außenministerin", "außenminister"));
        assert!(!contains_role("außenminister", "außenminister"));
        assert!(!contains_role("außenminister", ""));
    }

    proptest::proptest! {
        #[test]
        fn contains_role_agrees_with_match_indices(s in "[aäb -]{0,8}", g in "[aäb -]{1,3}") {
            let by_search = s.len() > g.len()
                && s.match_indices(g.as_str()).any(|(at, m)| {
                    s[at + m.len()..].chars().next().is_none_or(|c| !c.is_alphabetic())
                });
            proptest::prop_assert_eq!(contains_role(&s, &g), by_search);
        }
    }

    #[test]
    fn roles_keep_their_first_order_without_repeats() {
        let roles = vec![
            (9, "Minister".to_string()),
            (2, "Außenminister der USA".to_string()),
            (5, "US-Außenminister".to_string()),
            (7, "US-Außenminister".to_string()),
            (8, "Parteichef".to_string()),
        ];
        assert_eq!(
            in_order(roles),
            vec!["Außenminister der USA", "US-Außenminister", "Parteichef"]
        );
    }
}
