//! Dates at the precision a report gives them: a year, a month or a day.

use std::fmt;

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; kept as written so a round trip never changes a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = text.split('-');
        let year_text = parts.next().ok_or_else(bad)?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year_text.parse().map_err(|_| bad())?;
        let two_digits = |part: Option<&str>| -> Result<Option<u8>, String> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let month = two_digits(parts.next())?;
        let day = two_digits(parts.next())?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("'{text}': month {m} is not 1 to 12"));
            }
            if let Some(d) = day {
                if d < 1 || d > days_in_month(year, m) {
                    return Err(format!("'{text}': {year}-{m:02} has no day {d}"));
                }
            }
        }
        Ok(Self { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day this date could mean, as (year, month, day).
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date could mean, as (year, month, day).
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (self.year, month, self.day.unwrap_or_else(|| days_in_month(self.year, month)))
    }

    /// Position in fractional years (the middle of the span it denotes ends at `last_day`);
    /// used to place marks on a time axis.
    pub fn start_in_years(&self) -> f64 {
        let (y, m, d) = self.first_day();
        f64::from(y) + (f64::from(m) - 1.0) / 12.0 + (f64::from(d) - 1.0) / 365.0
    }

    /// Where the span this date denotes ends, in fractional years (exclusive).
    pub fn end_in_years(&self) -> f64 {
        match (self.month, self.day) {
            (None, _) => f64::from(self.year) + 1.0,
            (Some(m), None) => f64::from(self.year) + f64::from(m) / 12.0,
            (Some(_), Some(_)) => self.start_in_years() + 1.0 / 365.0,
        }
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl TryFrom<String> for PartialDate {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Self::parse(&text)
    }
}

impl From<PartialDate> for String {
    fn from(date: PartialDate) -> String {
        date.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_round_trips() {
        for text in ["2021", "2021-10", "2021-10-29", "2024-02-29"] {
            let date = PartialDate::parse(text).unwrap();
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(PartialDate::parse("2021-10").unwrap().precision(), Precision::Month);
    }

    #[test]
    fn rejects_malformed_dates() {
        for text in ["21", "2021-1", "2021-13", "2023-02-29", "2021-10-29-1", "", "2021/10"] {
            assert!(PartialDate::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn spans_cover_the_whole_period() {
        let year = PartialDate::parse("2018").unwrap();
        assert_eq!(year.last_day(), (2018, 12, 31));
        assert_eq!(year.end_in_years(), 2019.0);
        let month = PartialDate::parse("2024-11").unwrap();
        assert_eq!(month.last_day(), (2024, 11, 30));
    }
}
