//! Time expressions of German news text and their resolution against the
//! article's date (the rules of `eval/GUIDELINES.md`).
//!
//! Only expressions that can date a past speech act are found: weekdays
//! (`am Freitag`, `Donnerstagabend`), `heute`, `gestern`, weeks
//! (`diese Woche`, `vergangene Woche`), months (`Ende Dezember`,
//! `im Juni 2021`), seasons (`im Sommer`), explicit dates (`10.01.2022`,
//! `21. Januar 2022`) and `vor drei Tagen`. Future expressions are ignored.

use crate::token::{Token, TokenKind};
use claimgraph_model::DateValue;
use nom::bytes::complete::tag;
use nom::character::complete::digit1;
use nom::combinator::{all_consuming, map_res, opt};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

/// What a time expression says, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    /// Days relative to the article date (heute 0, gestern -1).
    RelativeDays(i32),
    /// The most recent such weekday (0 = Monday) on or before the article
    /// date; `strictly_before` for `vergangenen Freitag`.
    Weekday {
        day: u8,
        strictly_before: bool,
    },
    /// The month of the week `weeks` weeks from the article's week.
    Week(i32),
    /// A month, with the year when given.
    Month {
        month: u8,
        year: Option<i32>,
    },
    /// A season (0 spring … 3 winter): the most recent one before the date.
    Season(u8),
    /// A date, with the year when given.
    Date {
        day: u8,
        month: u8,
        year: Option<i32>,
    },
    Year(i32),
}

/// A time expression: its tokens and meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeExpr {
    pub tok_start: usize,
    pub tok_end: usize,
    pub kind: TimeKind,
}

const WEEKDAYS: [&str; 7] = [
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];
const DAYPARTS: [&str; 6] = ["", "morgen", "vormittag", "mittag", "nachmittag", "abend"];
const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// The weekday of a word in lower case (`freitag`, `donnerstagabend`, `freitags`).
fn weekday_of(lower: &str) -> Option<u8> {
    let w = lower
        .strip_suffix('s')
        .filter(|x| x.len() > 5)
        .unwrap_or(lower);
    // every weekday starts with one of these letters: most words are out at once
    if !matches!(w.as_bytes().first(), Some(b'm' | b'd' | b'f' | b's')) {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|d| {
            w.strip_prefix(d)
                .is_some_and(|rest| DAYPARTS.contains(&rest))
        })
        .map(|p| p as u8)
}

/// The month of a word in lower case (`märz` → 3, `jänner` → 1).
pub fn month_of(lower: &str) -> Option<u8> {
    if lower == "jänner" {
        return Some(1);
    }
    MONTHS.iter().position(|m| *m == lower).map(|p| p as u8 + 1)
}

fn number(input: &str) -> IResult<&str, u32> {
    map_res(digit1, str::parse::<u32>).parse(input)
}

/// `10.01.2022`, `10.1.22`, `10.01.` (the dot-terminated forms of a date).
fn numeric_date(input: &str) -> IResult<&str, (u32, u32, Option<u32>)> {
    let (rest, day) = terminated(number, tag(".")).parse(input)?;
    let (rest, month) = number(rest)?;
    let (rest, year) = opt(preceded(tag("."), opt(number))).parse(rest)?;
    Ok((rest, (day, month, year.flatten())))
}

fn parse_numeric_date(text: &str) -> Option<(u8, u8, Option<i32>)> {
    let (_, (d, m, y)) = all_consuming(numeric_date).parse(text).ok()?;
    let year = y.map(|y| if y < 100 { 2000 + y as i32 } else { y as i32 });
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((d as u8, m as u8, year))
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// Finds the time expressions among `tokens[from..to]`.
pub fn find_times(text: &str, tokens: &[Token], from: usize, to: usize) -> Vec<TimeExpr> {
    let to = to.min(tokens.len());
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    // only tokens from `from` on are asked for in lower case
    let lowered: Vec<String> = (0..to)
        .map(|i| match (i >= from, words.get(i)) {
            (true, Some(w)) => w.to_lowercase(),
            _ => String::new(),
        })
        .collect();
    let lowers: Vec<&str> = lowered.iter().map(String::as_str).collect();
    times_in(tokens, from, to, &words, &lowers).collect()
}

/// The time expressions among `tokens[from..to]`, in order, found lazily.
/// `words[i]` is the text of token `i` and `lowers[i]` the same in lower
/// case (as `str::to_lowercase`), for callers that have cut and lower-cased
/// every token once; both are asked only for tokens below `to` (and `words`
/// for `from - 1`).
pub fn times_in<'t, 'a: 't>(
    tokens: &'t [Token],
    from: usize,
    to: usize,
    words: &'t [&'a str],
    lowers: &'t [&'a str],
) -> impl Iterator<Item = TimeExpr> + use<'t, 'a> {
    let to = to.min(tokens.len());
    let (tokens_to, words_to) = (
        tokens.get(..to).unwrap_or(tokens),
        words.get(..to).unwrap_or(words),
    );
    let word = move |j: usize| words_to.get(j).copied().unwrap_or("");
    let lower = move |j: usize| {
        if j < to {
            lowers.get(j).copied().unwrap_or("")
        } else {
            ""
        }
    };
    let mut i = from;
    std::iter::from_fn(move || {
        // the candidates are found in a loop of their own, over the tokens and their words
        while let Some(at) = next_may_start(tokens_to, words_to, i) {
            i = at;
            if let Some((len, kind)) = match_at(i, &word, &lower, tokens) {
                let found = TimeExpr {
                    tok_start: i,
                    tok_end: i + len,
                    kind,
                };
                i += len.max(1);
                return Some(found);
            }
            i += 1;
        }
        None
    })
}

/// The first of `tokens` from `from` on that may start a time expression:
/// a number, or a word that passes `may_be_trigger` (punctuation and
/// quotation marks start nothing: their lower case is not asked for).
/// `words[i]` is the text of token `i`.
fn next_may_start(tokens: &[Token], words: &[&str], from: usize) -> Option<usize> {
    let (tokens, words) = (tokens.get(from..)?, words.get(from..)?);
    let k = tokens.iter().zip(words).position(|(t, w)| match t.kind {
        TokenKind::Number => true,
        TokenKind::Word => may_be_trigger(w),
        _ => false,
    })?;
    Some(from + k)
}

type Found = Option<(usize, TimeKind)>;

/// Whether `match_at` can find anything at a token: a number, or a word
/// whose first two letters and length (of its lower case) are those of one
/// of its words (`TRIGGER_WORDS`, the weekdays with their day parts). The
/// definition `may_be_trigger` is tested against.
#[cfg(test)]
fn may_start_time(lower: &str, token: &Token) -> bool {
    if token.kind == TokenKind::Number {
        return true;
    }
    let b = lower.as_bytes();
    let (Some(&x), Some(&y)) = (b.first(), b.get(1)) else {
        return false;
    };
    let (x, y) = (x.wrapping_sub(b'a'), y.wrapping_sub(b'a'));
    x < 26
        && y < 26
        && b.len() < 32
        && TRIGGER_LENGTHS[usize::from(x) * 26 + usize::from(y)] >> b.len() & 1 != 0
}

/// `may_start_time` of a word token, asked of the word as written: whether
/// its first two bytes are ASCII letters and, in lower case, with its length
/// in bytes, those of a word `match_at` may find. When the lower case of a
/// word is such a word (ASCII letters without `k`), the word itself is those
/// letters in either case: the only non-ASCII char whose lower case is one
/// ASCII letter is the Kelvin sign (a test checks both), so the lower case
/// is asked for only where this lets a word through.
fn may_be_trigger(word: &str) -> bool {
    let b = word.as_bytes();
    let (Some(&x), Some(&y)) = (b.first(), b.get(1)) else {
        return false;
    };
    // the first byte and the length alone turn most words away
    if b.len() >= 32 || FIRST_BYTE_LENGTHS[usize::from(x)] >> b.len() & 1 == 0 {
        return false;
    }
    let (x, y) = ((x | 0x20).wrapping_sub(b'a'), (y | 0x20).wrapping_sub(b'a'));
    x < 26 && y < 26 && TRIGGER_LENGTHS[usize::from(x) * 26 + usize::from(y)] >> b.len() & 1 != 0
}

/// Per first byte (a letter in either case), the lengths in bytes of the
/// words of `TRIGGER_LENGTHS` that start with it, whatever their second letter.
const FIRST_BYTE_LENGTHS: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut x = 0;
    while x < 26 {
        let mut lengths = 0;
        let mut y = 0;
        while y < 26 {
            lengths |= TRIGGER_LENGTHS[x * 26 + y];
            y += 1;
        }
        table[b'a' as usize + x] = lengths;
        table[b'A' as usize + x] = lengths;
        x += 1;
    }
    table
};

/// The words `match_at` looks for at its first token, besides the weekdays.
const TRIGGER_WORDS: [&str; 23] = [
    "heute",
    "heutigen",
    "gestern",
    "gestrigen",
    "vorgestern",
    "diese",
    "dieser",
    "diesen",
    "vergangene",
    "vergangener",
    "vergangenen",
    "letzte",
    "letzter",
    "letzten",
    "vorige",
    "voriger",
    "vorigen",
    "ende",
    "anfang",
    "mitte",
    "im",
    "seit",
    "vor",
];

/// Per pair of first letters (`a`–`z` twice, 26 × 26), the lengths in bytes
/// (bit n: n bytes) of the words that `match_at` may find: `TRIGGER_WORDS`
/// and the weekdays with a day part, with or without a final `s`.
const TRIGGER_LENGTHS: [u32; 26 * 26] = {
    let mut table = [0u32; 26 * 26];
    let mut k = 0;
    while k < TRIGGER_WORDS.len() {
        let w = TRIGGER_WORDS[k].as_bytes();
        table[trigger_slot(w)] |= 1 << w.len();
        k += 1;
    }
    let mut d = 0;
    while d < WEEKDAYS.len() {
        let mut p = 0;
        while p < DAYPARTS.len() {
            let day = WEEKDAYS[d].as_bytes();
            let len = day.len() + DAYPARTS[p].len();
            table[trigger_slot(day)] |= (1 << len) | (1 << (len + 1));
            p += 1;
        }
        d += 1;
    }
    table
};

/// The slot of `TRIGGER_LENGTHS` for a word of at least two lower-case ASCII letters.
const fn trigger_slot(w: &[u8]) -> usize {
    (w[0] - b'a') as usize * 26 + (w[1] - b'a') as usize
}

// A word added to `match_at` needs its first two letters in `may_start_time`
// (the test `every_trigger_word_passes_the_prefilter` lists them).
fn match_at<'a>(
    i: usize,
    word: &dyn Fn(usize) -> &'a str,
    lower: &dyn Fn(usize) -> &'a str,
    tokens: &[Token],
) -> Found {
    let lw = lower(i);
    match lw {
        "heute" | "heutigen" => return Some((1, TimeKind::RelativeDays(0))),
        "gestern" | "gestrigen" => return Some((1, TimeKind::RelativeDays(-1))),
        "vorgestern" => return Some((1, TimeKind::RelativeDays(-2))),
        "diese" | "dieser" | "diesen" if lower(i + 1) == "woche" => {
            return Some((2, TimeKind::Week(0)))
        }
        "vergangene" | "vergangener" | "vergangenen" | "letzte" | "letzter" | "letzten"
        | "vorige" | "voriger" | "vorigen" => {
            if lower(i + 1) == "woche" {
                return Some((2, TimeKind::Week(-1)));
            }
            if let Some(day) = weekday_of(lower(i + 1)) {
                return Some((
                    2,
                    TimeKind::Weekday {
                        day,
                        strictly_before: true,
                    },
                ));
            }
        }
        "ende" | "anfang" | "mitte" | "im" | "seit" => {
            if let Some(found) = month_expr(i + 1, word, lower, 1) {
                return Some(found);
            }
            if lw == "im" {
                if let Some(s) = season_of(lower(i + 1)) {
                    return Some((2, TimeKind::Season(s)));
                }
                if matches!(lower(i + 1), "jahr" | "jahre") {
                    if let Some(y) = year_of(word(i + 2)) {
                        return Some((3, TimeKind::Year(y)));
                    }
                }
            }
        }
        "vor" => return ago(i, lower),
        _ => {}
    }
    if let Some(day) = weekday_of(lw) {
        // "(Samstag)" after a newspaper name is the issue, not a time of speaking
        let in_parens = i > 0 && word(i - 1) == "(" && word(i + 1) == ")";
        return (!in_parens).then_some((
            1,
            TimeKind::Weekday {
                day,
                strictly_before: false,
            },
        ));
    }
    if tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number) {
        return date_expr(i, word(i), word, lower);
    }
    None
}

fn month_expr<'a>(
    i: usize,
    word: &dyn Fn(usize) -> &'a str,
    lower: &dyn Fn(usize) -> &'a str,
    extra: usize,
) -> Found {
    let month = month_of(lower(i))?;
    let year = year_of(word(i + 1));
    let len = extra + 1 + usize::from(year.is_some());
    Some((len, TimeKind::Month { month, year }))
}

fn season_of(w: &str) -> Option<u8> {
    Some(match w {
        "frühjahr" | "frühling" => 0,
        "sommer" => 1,
        "herbst" => 2,
        "winter" => 3,
        _ => return None,
    })
}

fn ago<'a>(i: usize, lower: &dyn Fn(usize) -> &'a str) -> Found {
    let n = match lower(i + 1) {
        "einem" | "einer" => 1,
        "zwei" => 2,
        "drei" => 3,
        "vier" => 4,
        "fünf" => 5,
        "sechs" => 6,
        "sieben" => 7,
        x => x.parse::<i32>().ok()?,
    };
    match lower(i + 2) {
        "tag" | "tagen" => Some((3, TimeKind::RelativeDays(-n))),
        "woche" | "wochen" => Some((3, TimeKind::Week(-n))),
        _ => None,
    }
}

fn date_expr<'a>(
    i: usize,
    w: &str,
    word: &dyn Fn(usize) -> &'a str,
    lower: &dyn Fn(usize) -> &'a str,
) -> Found {
    if let Some((day, month, year)) = parse_numeric_date(w) {
        return Some((1, TimeKind::Date { day, month, year }));
    }
    // "10.01." is tokenized as "10.01" "."
    if word(i + 1) == "." {
        let joined = format!("{w}.");
        if let Some((day, month, year)) = parse_numeric_date(&joined) {
            return Some((2, TimeKind::Date { day, month, year }));
        }
    }
    // "21. Januar 2022"
    let day: u8 = w.parse().ok().filter(|d| (1..=31).contains(d))?;
    if word(i + 1) != "." {
        return None;
    }
    let month = month_of(lower(i + 2))?;
    let year = year_of(word(i + 3));
    Some((
        3 + usize::from(year.is_some()),
        TimeKind::Date { day, month, year },
    ))
}

impl TimeKind {
    /// The date this expression names, seen from an article of `article`.
    pub fn resolve(&self, article: DateValue) -> Option<DateValue> {
        let am = article.month.unwrap_or(12);
        // a month or date without a year is the most recent one not after the article
        let year_for = |month: u8, year: Option<i32>| {
            year.unwrap_or(if month > am {
                article.year - 1
            } else {
                article.year
            })
        };
        match *self {
            TimeKind::RelativeDays(n) => article.add_days(n as i64),
            TimeKind::Weekday {
                day,
                strictly_before,
            } => {
                let wd = article.weekday()? as i64;
                let mut back = (wd - day as i64).rem_euclid(7);
                if back == 0 && strictly_before {
                    back = 7;
                }
                article.add_days(-back)
            }
            TimeKind::Week(n) => {
                let d = article.add_days(7 * n as i64)?;
                DateValue::ym(d.year, d.month?)
            }
            TimeKind::Month { month, year } => DateValue::ym(year_for(month, year), month),
            TimeKind::Season(s) => {
                // the season's last month; a season not yet over is last year's
                let last_month = [5u8, 8, 11, 2][s as usize];
                let y = if s == 3 {
                    if am >= 3 {
                        article.year
                    } else {
                        article.year - 1
                    }
                } else if last_month > am {
                    article.year - 1
                } else {
                    article.year
                };
                Some(DateValue::year(y))
            }
            TimeKind::Date { day, month, year } => {
                DateValue::ymd(year_for(month, year), month, day)
            }
            TimeKind::Year(y) => Some(DateValue::year(y)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn resolve(s: &str, article: &str) -> Vec<String> {
        let t = tokenize(s);
        let d: DateValue = article.parse().expect("test date");
        find_times(s, &t, 0, t.len())
            .iter()
            .filter_map(|e| e.kind.resolve(d))
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn weekdays_are_the_most_recent_such_day() {
        // 2023-03-17 was a Friday
        assert_eq!(resolve("am Freitag", "2023-03-17"), vec!["2023-03-17"]);
        assert_eq!(
            resolve("am Donnerstagabend", "2023-03-17"),
            vec!["2023-03-16"]
        );
        assert_eq!(resolve("am Sonntag", "2023-03-20"), vec!["2023-03-19"]);
        assert_eq!(
            resolve("am vergangenen Freitag", "2023-03-17"),
            vec!["2023-03-10"]
        );
        assert_eq!(resolve("(Samstag)", "2023-03-17"), Vec::<String>::new());
    }

    #[test]
    fn relative_days_weeks_and_months() {
        assert_eq!(resolve("heute", "2023-03-01"), vec!["2023-03-01"]);
        assert_eq!(resolve("gestern", "2023-03-01"), vec!["2023-02-28"]);
        assert_eq!(resolve("vergangene Woche", "2023-03-03"), vec!["2023-02"]);
        assert_eq!(resolve("diese Woche", "2023-03-03"), vec!["2023-03"]);
        assert_eq!(resolve("Ende Dezember", "2023-01-05"), vec!["2022-12"]);
        assert_eq!(resolve("im Juni 2019", "2023-01-05"), vec!["2019-06"]);
        assert_eq!(resolve("im Sommer", "2023-01-05"), vec!["2022"]);
        assert_eq!(resolve("vor drei Tagen", "2023-01-05"), vec!["2023-01-02"]);
    }

    #[test]
    fn every_trigger_word_passes_the_prefilter() {
        let word = Token {
            start: 0,
            end: 0,
            kind: TokenKind::Word,
            breaks_before: 0,
            space_before: false,
        };
        let triggers = TRIGGER_WORDS;
        for w in triggers.iter().chain(WEEKDAYS.iter()) {
            assert!(may_start_time(w, &word), "{w}");
        }
        for d in WEEKDAYS {
            for p in DAYPARTS {
                for s in ["", "s"] {
                    let w = format!("{d}{p}{s}");
                    assert!(may_start_time(&w, &word), "{w}");
                    assert!(!w.contains('k'), "{w}");
                }
            }
        }
        for w in TRIGGER_WORDS {
            assert!(
                !w.contains('k') && w.bytes().all(|b| b.is_ascii_lowercase()),
                "{w}"
            );
        }
        // the premise of `may_be_trigger`: no other non-ASCII char lower-cases to one ASCII letter
        for c in (0x80u32..=0x10FFFF).filter_map(char::from_u32) {
            let lower: Vec<char> = c.to_lowercase().collect();
            if let [l] = lower[..] {
                assert!(!l.is_ascii() || c == '\u{212A}', "{c:?}");
            }
        }
        assert!(!may_start_time("der", &word));
    }

    proptest::proptest! {
        /// Wherever `match_at` finds an expression, `may_start_time` lets it look.
        #[test]
        fn prefilter_passes_every_match(
            heads in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(TRIGGER_WORDS.to_vec()),
                    proptest::sample::select(WEEKDAYS.to_vec()),
                    proptest::sample::select(vec!["", "Mon", "Vor", "HEUTE", "Sonntag", "ab", "x", "\u{212A}", "Ä"]),
                ],
                1..4,
            ),
            tails in proptest::collection::vec(
                proptest::sample::select(vec!["", "s", "abend", "morgens", "mittag", "nachmittags", "x", "en"]),
                1..4,
            ),
            rest in "( [a-zA-Z0-9.]{1,8}){0,3}",
        ) {
            let text = heads
                .iter()
                .zip(tails.iter().cycle())
                .map(|(h, t)| format!("{h}{t}"))
                .collect::<Vec<_>>()
                .join(" ")
                + &rest;
            let t = tokenize(&text);
            let lowered: Vec<String> = t.iter().map(|x| x.text(&text).to_lowercase()).collect();
            let word = |i: usize| t.get(i).map_or("", |x| x.text(&text));
            let lower = |i: usize| lowered.get(i).map_or("", String::as_str);
            for i in 0..t.len() {
                if match_at(i, &word, &lower, &t).is_some() {
                    proptest::prop_assert!(may_start_time(lower(i), &t[i]), "{}", lower(i));
                    let word_passes = t[i].kind == TokenKind::Number || may_be_trigger(word(i));
                    proptest::prop_assert!(word_passes, "{}", word(i));
                }
            }
        }
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(resolve("am 10.01.2022", "2023-01-05"), vec!["2022-01-10"]);
        assert_eq!(
            resolve("am 3. Februar 2021", "2023-01-05"),
            vec!["2021-02-03"]
        );
        assert_eq!(resolve("am 28. Dezember", "2023-01-05"), vec!["2022-12-28"]);
        assert_eq!(resolve("am 31.02.2022", "2023-01-05"), Vec::<String>::new());
    }
}
