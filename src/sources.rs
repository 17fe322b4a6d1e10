//! Reading the source texts: finding a cited token on its line, and listing every number in a
//! text so a curator can see which are in the dataset. Pure text, no file system.

use crate::numbers::{chinese_digit, fold_width, is_chinese_numeral, multiplier_exponent};
use std::ops::Range;

/// A source text with white space removed, so that OCR spacing and line breaks inside a token
/// do not hide it. Offsets below are in characters of that normalised stream.
pub struct SourceText {
    stream: Vec<char>,
    /// `line_starts[i]` is where 1-based line `i + 1` starts; one extra entry marks the end.
    line_starts: Vec<usize>,
}

/// One number found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberToken {
    pub line: u32,
    pub text: String,
    pub span: Range<usize>,
    /// A calendar date (year before 年, month before 月, day before 日/号, or part of a range
    /// of such), which needs no explanation.
    pub is_date: bool,
}

impl SourceText {
    pub fn new(text: &str) -> Self {
        let mut stream = Vec::with_capacity(text.len());
        let mut line_starts = Vec::new();
        for line in text.lines() {
            line_starts.push(stream.len());
            stream.extend(line.chars().filter(|c| !c.is_whitespace()).map(fold_width));
        }
        line_starts.push(stream.len());
        Self { stream, line_starts }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len() - 1
    }

    /// The 1-based line a stream offset falls on.
    pub fn line_of(&self, offset: usize) -> u32 {
        let index = self.line_starts.partition_point(|&start| start <= offset);
        index.max(1) as u32
    }

    fn line_range(&self, line: u32) -> Option<Range<usize>> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        Some(*self.line_starts.get(index)?..*self.line_starts.get(index + 1)?)
    }

    /// Where `token` (spacing ignored) starts on 1-based `line`; it may run on into the next
    /// non-empty lines, as a token broken by a line break does.
    pub fn find_on_line(&self, line: u32, token: &str) -> Option<Range<usize>> {
        self.find_all_on_line(line, token).into_iter().next()
    }

    /// Every place `token` starts on `line`, first to last, never inside a longer number
    /// (`1` is not found in `1150`).
    pub fn find_all_on_line(&self, line: u32, token: &str) -> Vec<Range<usize>> {
        let needle: Vec<char> = crate::numbers::normalise(token).chars().collect();
        let Some(starts) = self.line_range(line).filter(|_| !needle.is_empty()) else { return Vec::new() };
        let is_numeric = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || *c == '.');
        starts
            .into_iter()
            .filter(|&p| self.stream.get(p..p + needle.len()) == Some(&needle[..]))
            .filter(|&p| {
                let before = p.checked_sub(1).and_then(|b| self.stream.get(b));
                let after = self.stream.get(p + needle.len());
                !(is_numeric(needle.first()) && is_numeric(before)) && !(is_numeric(needle.last()) && is_numeric(after))
            })
            .map(|p| p..p + needle.len())
            .collect()
    }

    /// A short piece of the normalised text around `span`, for listings.
    pub fn context(&self, span: &Range<usize>, chars: usize) -> String {
        let from = span.start.saturating_sub(chars);
        let to = (span.end + chars).min(self.stream.len());
        self.stream[from..to].iter().collect()
    }

    /// Every number in the text: Arabic numbers, and Chinese numerals that are figures rather
    /// than words (`两百万`, `十八`, `三千`; not `一线`, `千方百计`, `十分`).
    pub fn numbers(&self) -> Vec<NumberToken> {
        let s = &self.stream;
        let mut found = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let c = s[i];
            let start = i;
            if c.is_ascii_digit() {
                while i < s.len() && (s[i].is_ascii_digit() || ((s[i] == '.' || s[i] == ',') && s.get(i + 1).is_some_and(char::is_ascii_digit))) {
                    i += 1;
                }
            } else if is_chinese_numeral(c) {
                while i < s.len() && is_chinese_numeral(s[i]) {
                    i += 1;
                }
                let run = &s[start..i];
                let has_digit = run.iter().any(|&c| chinese_digit(c).is_some_and(|d| d > 0));
                let has_multiplier = run.iter().any(|&c| multiplier_exponent(c).is_some());
                let all_multipliers = run.len() >= 2 && run.iter().all(|&c| multiplier_exponent(c).is_some());
                let starts_with_ten = run[0] == '十' && s.get(i) != Some(&'分');
                if !((has_digit && has_multiplier) || starts_with_ten || all_multipliers) {
                    continue;
                }
            } else {
                i += 1;
                continue;
            }
            let span = start..i;
            found.push(NumberToken {
                line: self.line_of(start),
                text: s[span.clone()].iter().collect(),
                span,
                is_date: false,
            });
        }
        // Dates, including both ends of ranges such as 2018—2023年 and 1-8月.
        for index in (0..found.len()).rev() {
            let token = &found[index];
            let after = s.get(token.span.end).copied();
            let mut is_date = date_unit_fits(&token.text, after) || dotted_date(&token.text);
            if !is_date && after.is_some_and(|c| "-—–~～至到".contains(c)) {
                if let Some(next) = found.get(index + 1) {
                    is_date = next.is_date && next.span.start == token.span.end + 1;
                }
            }
            found[index].is_date = is_date;
        }
        found
    }
}

/// `2021` before 年, `10` before 月, `25` before 日 or 号.
fn date_unit_fits(number: &str, after: Option<char>) -> bool {
    let Ok(n) = number.parse::<u32>() else { return false };
    match after {
        Some('年') => number.len() == 4 && (1949..=2035).contains(&n),
        Some('月') => (1..=12).contains(&n),
        Some('日' | '号') => (1..=31).contains(&n),
        _ => false,
    }
}

/// `2025.1.4` as printed in page headers.
fn dotted_date(number: &str) -> bool {
    let parts: Vec<&str> = number.split('.').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts[0].parse::<u32>().is_ok_and(|y| (1949..=2035).contains(&y))
        && parts[1].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && parts[2].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tokens_across_spaces_and_line_breaks() {
        let text = SourceText::new("标题\n\n共投入 973.27 万\n\n元，帮扶 1.6万多家\n");
        assert_eq!(text.line_count(), 5);
        assert!(text.find_on_line(3, "973.27 万元").is_some());
        assert!(text.find_on_line(5, "1.6万多家").is_some());
        assert!(text.find_on_line(5, "973.27 万元").is_none());
        // a token must start on the cited line
        assert!(text.find_on_line(1, "973.27").is_none());
        assert!(text.find_on_line(0, "标题").is_none());
        assert!(text.find_on_line(99, "标题").is_none());
        let text = SourceText::new("建成1150个，另有1个");
        assert_eq!(text.find_on_line(1, "1"), Some(10..11));
        assert_eq!(text.find_on_line(1, "115"), None);
    }

    #[test]
    fn lists_numbers_and_recognises_dates() {
        let text = SourceText::new("2021 年 10 月 25 日，两百万职工，一线职工千方百计\n2014年1-8月，建成 120 个站点，十分重要，第十八大\n2025.1.4 星期六");
        let numbers = text.numbers();
        let listed: Vec<(&str, bool)> = numbers.iter().map(|n| (n.text.as_str(), n.is_date)).collect();
        assert_eq!(
            listed,
            vec![
                ("2021", true),
                ("10", true),
                ("25", true),
                ("两百万", false),
                ("2014", true),
                ("1", true),
                ("8", true),
                ("120", false),
                ("十八", false),
                ("2025.1.4", true),
            ]
        );
        assert_eq!(numbers[4].line, 2);
    }
}
