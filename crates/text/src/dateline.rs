//! Finding an article's publication date in its first lines.
//!
//! News pages and agency texts state their date near the top in a few fixed
//! shapes; [`find_date`] recognises these and nothing else, so that a date
//! mentioned in the story ("am 21. Januar 2022 wird …") is not mistaken for
//! the publication date:
//!
//! - a marked date anywhere in a line: `Stand: 10.01.2022 15:30 Uhr`,
//!   `date 2022-01`, `Datum: 21. Januar 2022`, `veröffentlicht am 21.01.2022`;
//! - a line that starts with a date: `21.01.2022`, `21. Januar 2022 | 10:00`;
//! - a dateline: `Genf, 21.01.2022 – …`, `BERLIN (dpa), 21. Januar 2022`,
//!   `Wien, Freitag, 21. Jänner 2022`.
//!
//! Dates are `D.M.YYYY`, `D. Monat YYYY` (German month names and their
//! abbreviations, including `Jänner`, `Feber`, `Sept.`), `Monat YYYY`,
//! `YYYY-MM-DD` and `YYYY-MM`. Impossible dates (`31.02.2022`) are not dates.

use claimgraph_model::DateValue;
use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::{map_opt, map_res, not, opt, recognize};
use nom::multi::many_m_n;
use nom::{IResult, Parser};

/// How many non-blank lines at the top of a text are searched.
const HEAD_LINES: usize = 5;
/// How many characters of each of those lines are searched (titles, bylines
/// and the date share the first line on many pages; the story follows).
const HEAD_CHARS: usize = 400;

/// The publication date stated in the first lines of `text`, if any.
///
/// Never panics, whatever the input; see the module documentation for the
/// forms recognised.
pub fn find_date(text: &str) -> Option<DateValue> {
    text.lines()
        .map(|line| prefix_chars(line, HEAD_CHARS))
        .filter(|line| !line.trim().is_empty())
        .take(HEAD_LINES)
        .find_map(date_in_line)
}

/// A date expression at the very start of `s` (`21.01.2022`, `21. Januar 2022`,
/// `Januar 2022`, `2022-01-21`, `2022-01`), ignoring what follows it.
pub fn parse_date_prefix(s: &str) -> Option<DateValue> {
    date_expr(s).ok().map(|(_, date)| date)
}

/// The month number of a German month name or abbreviation, any case
/// (`Januar`, `Jänner`, `jan`, `MÄRZ`, `Sept`, `Dez`).
pub fn german_month(name: &str) -> Option<u8> {
    let month = match name.to_lowercase().as_str() {
        "januar" | "jänner" | "jaenner" | "jan" | "jän" => 1,
        "februar" | "feber" | "feb" | "febr" => 2,
        "märz" | "maerz" | "mär" | "mrz" => 3,
        "april" | "apr" => 4,
        "mai" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "oktober" | "okt" => 10,
        "november" | "nov" => 11,
        "dezember" | "dez" => 12,
        _ => return None,
    };
    Some(month)
}

/// The longest prefix of `s` with at most `n` characters.
fn prefix_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

fn date_in_line(line: &str) -> Option<DateValue> {
    let start = line.trim_start();
    marked_date_anywhere(line)
        .or_else(|| parse_date_prefix(start))
        .or_else(|| dateline(start).ok().map(|(_, date)| date))
}

/// The first `marker date` in the line, the marker starting at a word boundary.
fn marked_date_anywhere(line: &str) -> Option<DateValue> {
    let mut previous: Option<char> = None;
    for (at, c) in line.char_indices() {
        let at_word_start = previous.is_none_or(|p| !p.is_alphanumeric());
        if at_word_start && c.is_alphabetic() {
            if let Ok((_, date)) = marked_date(&line[at..]) {
                return Some(date);
            }
        }
        previous = Some(c);
    }
    None
}

fn marked_date(i: &str) -> IResult<&str, DateValue> {
    let (i, _) = (date_marker, opt((blanks, char(':'))), blanks).parse(i)?;
    let (i, _) = opt(weekday_then_comma).parse(i)?;
    date_expr(i)
}

/// `Stand`, `Datum`, `date`, `veröffentlicht am`, `aktualisiert am`, …
fn date_marker(i: &str) -> IResult<&str, ()> {
    let is_marker = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "stand"
                | "datum"
                | "date"
                | "veröffentlicht"
                | "aktualisiert"
                | "published"
                | "updated"
        )
    };
    let (i, _) = map_opt(word, |w| is_marker(w).then_some(())).parse(i)?;
    let (i, _) = opt((blanks1, word_in(&["am", "on"]))).parse(i)?;
    Ok((i, ()))
}

/// `Genf, 21.01.2022`, `BERLIN (dpa), 21. Januar 2022`, `Wien, Freitag, 21. Jänner 2022`.
fn dateline(i: &str) -> IResult<&str, DateValue> {
    let (i, _) = place(i)?;
    let (i, _) = opt((blanks, agency)).parse(i)?;
    let (i, _) = (blanks, char(','), blanks).parse(i)?;
    let (i, _) = opt(weekday_then_comma).parse(i)?;
    date_expr(i)
}

/// One to four words, the first capitalised: `Genf`, `BERLIN`, `Frankfurt am Main`.
fn place(i: &str) -> IResult<&str, &str> {
    let first = recognize((satisfy(char::is_uppercase), take_while(is_place_char)));
    recognize((first, many_m_n(0, 3, (blanks1, take_while1(is_place_char))))).parse(i)
}

fn is_place_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '-' | '.' | '/' | '\'')
}

/// `(dpa)`, `(AFP/Reuters)`: short, on one line.
fn agency(i: &str) -> IResult<&str, &str> {
    let inside = take_while_m_n(1, 40, |c: char| c != ')' && c != '(' && c != '\n');
    recognize((char('('), inside, char(')'))).parse(i)
}

fn weekday_then_comma(i: &str) -> IResult<&str, ()> {
    const WEEKDAYS: &[&str] = &[
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonnabend",
        "sonntag",
    ];
    let (i, _) = (word_in(WEEKDAYS), opt(char(',')), blanks).parse(i)?;
    Ok((i, ()))
}

fn date_expr(i: &str) -> IResult<&str, DateValue> {
    alt((iso_date, numeric_date, long_date, month_year)).parse(i)
}

/// `2022-01-21` or `2022-01`.
fn iso_date(i: &str) -> IResult<&str, DateValue> {
    let day = opt((char('-'), number(2, 2)));
    let parts = (year_digits, char('-'), number(2, 2), day, not(digit));
    map_opt(parts, |(year, _, month, day, _)| match day {
        Some((_, day)) => DateValue::ymd(year, month, day),
        None => DateValue::ym(year, month),
    })
    .parse(i)
}

/// `21.01.2022`, `1.2.2022`.
fn numeric_date(i: &str) -> IResult<&str, DateValue> {
    let parts = (number(1, 2), char('.'), number(1, 2), char('.'), year);
    map_opt(parts, |(day, _, month, _, year)| {
        DateValue::ymd(year, month, day)
    })
    .parse(i)
}

/// `21. Januar 2022`, `3. Sept. 2021`, `21.Jänner 2022`.
fn long_date(i: &str) -> IResult<&str, DateValue> {
    let parts = (
        number(1, 2),
        opt(char('.')),
        blanks,
        month_name,
        blanks1,
        year,
    );
    map_opt(parts, |(day, _, _, month, _, year)| {
        DateValue::ymd(year, month, day)
    })
    .parse(i)
}

/// `Januar 2022`.
fn month_year(i: &str) -> IResult<&str, DateValue> {
    map_opt((month_name, blanks1, year), |(month, _, year)| {
        DateValue::ym(year, month)
    })
    .parse(i)
}

/// A month name or abbreviation, with the abbreviation's full stop if any.
fn month_name(i: &str) -> IResult<&str, u8> {
    let (i, month) = map_opt(word, german_month).parse(i)?;
    let (i, _) = opt(char('.')).parse(i)?;
    Ok((i, month))
}

/// Four digits not followed by a fifth.
fn year(i: &str) -> IResult<&str, i32> {
    let (i, y) = year_digits(i)?;
    let (i, _) = not(digit).parse(i)?;
    Ok((i, y))
}

fn year_digits(i: &str) -> IResult<&str, i32> {
    map_res(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(i)
}

/// Between `min` and `max` ASCII digits as a small number.
fn number<'a>(
    min: usize,
    max: usize,
) -> impl Parser<&'a str, Output = u8, Error = nom::error::Error<&'a str>> {
    map_res(
        take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
        str::parse,
    )
}

fn digit(i: &str) -> IResult<&str, char> {
    satisfy(|c| c.is_ascii_digit()).parse(i)
}

fn word(i: &str) -> IResult<&str, &str> {
    take_while1(char::is_alphabetic).parse(i)
}

/// A word that is one of `words` (given in lower case), any case.
fn word_in<'a>(
    words: &'static [&'static str],
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    map_opt(word, move |w: &str| {
        let lower = w.to_lowercase();
        words.contains(&lower.as_str()).then_some(w)
    })
}

/// Spaces, tabs and no-break spaces (not line breaks).
fn blanks(i: &str) -> IResult<&str, &str> {
    take_while(is_blank).parse(i)
}

fn blanks1(i: &str) -> IResult<&str, &str> {
    take_while1(is_blank).parse(i)
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> Option<DateValue> {
        Some(s.parse().expect("test date"))
    }

    #[test]
    fn stand_marker_after_a_title_on_the_same_line() {
        let text = "Gespräche in Wien Erste Runde beendet Stand: 10.01.2022 15:30 Uhr\n\nDer Text.";
        assert_eq!(find_date(text), date("2022-01-10"));
    }

    #[test]
    fn date_marker_with_a_month() {
        assert_eq!(
            find_date(" date 2022-01 Bild: Agentur\n\nText."),
            date("2022-01")
        );
    }

    #[test]
    fn other_markers() {
        assert_eq!(find_date("Datum: 3. März 2021\nText"), date("2021-03-03"));
        assert_eq!(
            find_date("Veröffentlicht am 02.02.2023"),
            date("2023-02-02")
        );
        assert_eq!(
            find_date("zuletzt aktualisiert: Montag, 5. Juni 2023"),
            date("2023-06-05")
        );
        assert_eq!(find_date("STAND: 1.7.2020"), date("2020-07-01"));
    }

    #[test]
    fn a_line_that_is_a_date() {
        assert_eq!(find_date("Titel\n21.01.2022\nText"), date("2022-01-21"));
        assert_eq!(
            find_date("21. Januar 2022 | 10:00 Uhr\nText"),
            date("2022-01-21")
        );
        assert_eq!(find_date("Titel\nMai 2019\n"), date("2019-05"));
        assert_eq!(find_date("2022-01-21 Titel"), date("2022-01-21"));
    }

    #[test]
    fn datelines() {
        assert_eq!(
            find_date("Genf, 21.01.2022 – Die Minister trafen sich."),
            date("2022-01-21")
        );
        assert_eq!(
            find_date("BERLIN (dpa), 21. Januar 2022 - Der Kanzler sagte"),
            date("2022-01-21")
        );
        assert_eq!(
            find_date("Wien, Freitag, 21. Jänner 2022 – Text"),
            date("2022-01-21")
        );
        assert_eq!(
            find_date("Frankfurt am Main (AFP/dpa), 3. Sept. 2021: Text"),
            date("2021-09-03")
        );
    }

    #[test]
    fn german_month_names_and_abbreviations() {
        assert_eq!(find_date("Wien, 2. Jänner 2022"), date("2022-01-02"));
        assert_eq!(find_date("Wien, 2. Feber 2022"), date("2022-02-02"));
        assert_eq!(find_date("Bern, 9. Sept. 2022"), date("2022-09-09"));
        assert_eq!(find_date("Bern, 9. Okt 2022"), date("2022-10-09"));
        assert_eq!(find_date("BERLIN, 1. MÄRZ 2022"), date("2022-03-01"));
        assert_eq!(german_month("Dez"), Some(12));
        assert_eq!(german_month("Mainz"), None);
    }

    #[test]
    fn no_date_where_there_is_none_or_it_is_impossible() {
        assert_eq!(find_date(""), None);
        assert_eq!(
            find_date("Der Minister sagte am 21. Januar 2022, es gebe Fortschritte."),
            None
        );
        assert_eq!(find_date("Genf, 31.02.2022 – Text"), None);
        assert_eq!(find_date("Stand: 10.01.20225"), None);
        assert_eq!(find_date("Standort 21.01.2022"), None);
        assert_eq!(find_date("Bild: Mainz 2022"), None);
    }

    #[test]
    fn only_the_first_lines_are_searched() {
        let late = "a\nb\nc\nd\ne\nf\nStand: 10.01.2022";
        assert_eq!(find_date(late), None);
        let blank_lines_do_not_count = "a\n\n\n\n\n\nb\nStand: 10.01.2022";
        assert_eq!(find_date(blank_lines_do_not_count), date("2022-01-10"));
    }

    proptest! {
        #[test]
        fn never_panics_on_any_string(s in ".*") {
            let _ = find_date(&s);
            let _ = parse_date_prefix(&s);
        }

        #[test]
        fn never_panics_on_date_like_strings(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("Stand: "), Just("date "), Just("21."), Just("01."), Just("2022"),
                    Just("-"), Just(" "), Just(", "), Just("Jänner"), Just("Sept."),
                    Just("BERLIN"), Just("(dpa)"), Just("\n"), Just("\u{212a}"), Just("ẞ"),
                    Just("\u{a0}"), Just("Freitag"), Just("99"),
                ],
                0..24,
            )
        ) {
            let s: String = parts.concat();
            let _ = find_date(&s);
        }
    }
}
