//! Calendar values with a precision: a day, a month or a year.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// How precisely a [`DateValue`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

/// A date known to the day, the month or only the year.
///
/// Serialised as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, the forms the annotation
/// guidelines use; ordering is chronological with coarser values first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {0:?}")]
pub struct DateParseError(pub String);

impl DateValue {
    /// A full calendar date; `None` when the day does not exist.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        (day >= 1 && day <= days_in_month(year, month)?).then_some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A month of a year; `None` when the month is out of range.
    pub fn ym(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// Days since 1970-01-01 for a full date (proleptic Gregorian calendar).
    pub fn to_days(&self) -> Option<i64> {
        let (m, d) = (self.month? as i64, self.day? as i64);
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146_097 + doe - 719_468)
    }

    /// The full date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Self {
            year: y,
            month: Some(m),
            day: Some(d),
        }
    }

    /// This full date moved by `delta` days; `None` for a month or year.
    pub fn add_days(&self, delta: i64) -> Option<Self> {
        Some(Self::from_days(self.to_days()? + delta))
    }

    /// Day of the week, 0 = Monday … 6 = Sunday; `None` for a month or year.
    pub fn weekday(&self) -> Option<u8> {
        // 1970-01-01 was a Thursday (3).
        Some(((self.to_days()? + 3).rem_euclid(7)) as u8)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> Option<u8> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return None,
    })
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for DateValue {
    type Err = DateParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError(s.to_string());
        let mut parts = s.trim().split('-');
        let year_part = parts.next().ok_or_else(err)?;
        if year_part.len() != 4 {
            return Err(err());
        }
        let year: i32 = year_part.parse().map_err(|_| err())?;
        let number = |p: Option<&str>| -> Result<Option<u8>, DateParseError> {
            match p {
                None => Ok(None),
                Some(t) if t.len() == 2 => t.parse().map(Some).map_err(|_| err()),
                Some(_) => Err(err()),
            }
        };
        let month = number(parts.next())?;
        let day = number(parts.next())?;
        if parts.next().is_some() {
            return Err(err());
        }
        match (month, day) {
            (None, _) => Ok(Self::year(year)),
            (Some(m), None) => Self::ym(year, m).ok_or_else(err),
            (Some(m), Some(d)) => Self::ymd(year, m, d).ok_or_else(err),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_each_precision() {
        for s in ["2022-01-21", "2021-12", "2021"] {
            assert_eq!(s.parse::<DateValue>().unwrap().to_string(), s);
        }
        assert!("2022-02-30".parse::<DateValue>().is_err());
        assert!("2022-13".parse::<DateValue>().is_err());
        assert!("22-01-01".parse::<DateValue>().is_err());
        assert!("2022-01-01-01".parse::<DateValue>().is_err());
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = DateValue::ymd(2022, 1, 21).unwrap();
        assert_eq!(d.weekday(), Some(4), "2022-01-21 was a Friday");
        assert_eq!(d.add_days(-12).unwrap().to_string(), "2022-01-09");
        assert_eq!(
            DateValue::ymd(2024, 3, 1)
                .unwrap()
                .add_days(-1)
                .unwrap()
                .to_string(),
            "2024-02-29"
        );
        for days in [-800_000, -1, 0, 1, 19_000, 800_000] {
            assert_eq!(DateValue::from_days(days).to_days(), Some(days));
        }
    }

    #[test]
    fn ordering_is_chronological() {
        let a: DateValue = "2021-12".parse().unwrap();
        let b: DateValue = "2022-01-01".parse().unwrap();
        assert!(a < b);
        assert_eq!(a.precision(), DatePrecision::Month);
    }
}
