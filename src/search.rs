//! What a search text asks for. A query is read once into groups ([`Query::parse`]); a record
//! matches a group when any of the group's alternatives is in its text, or, for a date, when
//! its dates fall in it. Read from the query, in order:
//!
//! - quoted phrases (`"..."`, `“...”`, `「...」`, `『...』`): each one group, matched as written;
//! - dates: a day (`2021-10-25`, `2021.10.25`, `2021/10/25`, `2021年10月25日`,
//!   `October 25, 2021`, `25 Oct 2021`), a month (`2021-10`, `2021.10`, `2021/10`, `10/2021`,
//!   `2021年10月`, `October 2021`, `Oct 2021`, `Oct. 2021`) or a year (`2021`, `2021年`);
//! - glossary terms (see [`crate::glossary`]), longest first: `delivery rider` or `劳模` is one
//!   group whose alternatives are every form of its term;
//! - every other word: one group, in the singular or as written (`couriers` finds `courier`).
//!
//! Texts and queries are compared [`normalized`]: lower case, hyphens as spaces; Chinese is
//! matched by substring.

use crate::dates::PartialDate;
use crate::glossary::{is_cjk, is_dash, singular, Glossary};

/// One thing a record must have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Group {
    /// Any of these, in a record's normalized text (none contains another).
    Text(Vec<String>),
    /// A day: records whose dates are known to the month (or day) and cover it.
    Day { year: i32, month: u8, day: u8 },
    /// A month: records whose dates are known to the month (or day) and overlap it.
    Month { year: i32, month: u8 },
    /// A year: records whose dates overlap it, or whose text has the year as typed.
    Year { year: i32, typed: String },
}

/// A search text, read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// At most [`MAX_GROUPS`].
    pub groups: Vec<Group>,
    /// Every text alternative of every group, found in one pass over a record's text.
    matcher: Matcher,
}

/// The most groups a query has; words beyond them are not searched for.
pub const MAX_GROUPS: usize = 64;

/// The first and last date a record covers (a fact's period, an event's dates).
#[derive(Clone, Copy, Debug)]
pub struct Dates<'a> {
    pub start: &'a PartialDate,
    pub end: &'a PartialDate,
}

/// English month names as a query may write them, by month number minus one.
const MONTH_NAMES: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// Quote marks that open a phrase, with the mark that closes it.
const QUOTES: [(char, char); 4] = [('"', '"'), ('“', '”'), ('「', '」'), ('『', '』')];

/// Marks that separate words as a space does.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；' | '。' | '!' | '！' | '?' | '？')
}

impl Query {
    /// Reads a search text; see the module documentation for what it understands.
    pub fn parse(text: &str, glossary: &Glossary) -> Self {
        let mut query = Query::default();
        let mut rest = String::with_capacity(text.len());
        let mut chars = text.char_indices();
        while let Some((at, c)) = chars.next() {
            let Some(&(_, close)) = QUOTES.iter().find(|(open, _)| *open == c) else {
                rest.push(c);
                continue;
            };
            let inner = &text[at + c.len_utf8()..];
            match inner.find(close) {
                Some(end) => {
                    let phrase = normalized(&inner[..end]).split_whitespace().collect::<Vec<_>>().join(" ");
                    if !phrase.is_empty() {
                        query.push(Group::Text(vec![phrase]));
                    }
                    // skip the phrase and its closing mark
                    let resume = at + c.len_utf8() + end + close.len_utf8();
                    while chars.clone().next().is_some_and(|(next, _)| next < resume) {
                        chars.next();
                    }
                    rest.push(' ');
                }
                // an unclosed quote mark is not part of any word
                None => rest.push(' '),
            }
        }
        let folded = fold_case(&rest);
        let words: Vec<&str> = folded.split(is_separator).filter(|w| !w.is_empty()).collect();
        let mut tokens: Vec<String> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if let Some((group, used)) = english_day(&words[i..]) {
                query.push(group);
                i += used;
                continue;
            }
            if let Some(year) = words.get(i + 1).and_then(|next| year_of(next)).filter(|_| month_of_name(words[i]).is_some()) {
                let month = month_of_name(words[i]).unwrap_or(1);
                query.push(Group::Month { year, month });
                i += 2;
                continue;
            }
            let leftover = query.take_dates(words[i]);
            tokens.extend(normalized(&leftover).split_whitespace().map(str::to_owned));
            i += 1;
        }
        query.read_words(&tokens, glossary);
        query.groups.truncate(MAX_GROUPS);
        query.matcher = Matcher::new(query.groups.iter().enumerate().flat_map(|(i, group)| {
            let texts: &[String] = match group {
                Group::Text(alternatives) => alternatives,
                Group::Year { typed, .. } => std::slice::from_ref(typed),
                Group::Day { .. } | Group::Month { .. } => &[],
            };
            texts.iter().map(move |text| (text.as_str(), 1u64 << i))
        }));
        query
    }

    /// No groups: every record matches.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The months the query names, in order.
    pub fn months(&self) -> impl Iterator<Item = (i32, u8)> + '_ {
        self.groups.iter().filter_map(|g| match g {
            Group::Month { year, month } => Some((*year, *month)),
            _ => None,
        })
    }

    /// The days the query names, in order.
    pub fn days(&self) -> impl Iterator<Item = (i32, u8, u8)> + '_ {
        self.groups.iter().filter_map(|g| match g {
            Group::Day { year, month, day } => Some((*year, *month, *day)),
            _ => None,
        })
    }

    /// The years the query names, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.groups.iter().filter_map(|g| match g {
            Group::Year { year, .. } => Some(*year),
            _ => None,
        })
    }

    fn push(&mut self, group: Group) {
        if !self.groups.contains(&group) {
            self.groups.push(group);
        }
    }

    /// Takes the dates out of one word (`2021-10`, `10/2021`, `2021年10月`, `2021年`, `2021`),
    /// returning what is left of it (`2021年10月劳模` leaves `劳模`).
    fn take_dates(&mut self, word: &str) -> String {
        if let Some((year, month, day)) = numeric_day(word) {
            self.push(Group::Day { year, month, day });
            return String::new();
        }
        if let Some((year, month)) = numeric_month(word) {
            self.push(Group::Month { year, month });
            return String::new();
        }
        if let Some(year) = year_of(word) {
            self.push(Group::Year { year, typed: word.to_owned() });
            return String::new();
        }
        let mut left = String::new();
        let mut rest = word;
        while let Some(at) = rest.find('年') {
            let before = &rest[..at];
            let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let Some(year) = year_of(&before[before.len() - digits..]).filter(|_| digits == 4) else {
                left.push_str(&rest[..at + '年'.len_utf8()]);
                rest = &rest[at + '年'.len_utf8()..];
                continue;
            };
            left.push_str(&before[..before.len() - digits]);
            left.push(' ');
            let after = &rest[at + '年'.len_utf8()..];
            let month_digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let month = after[..month_digits].parse::<u8>().ok().filter(|m| (1..=12).contains(m));
            match month.filter(|_| after[month_digits..].starts_with('月')) {
                Some(month) => {
                    rest = &after[month_digits + '月'.len_utf8()..];
                    let day_digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                    let day = day_of(year, month, &rest[..day_digits]).filter(|_| rest[day_digits..].starts_with(['日', '号']));
                    match day {
                        Some(day) => {
                            self.push(Group::Day { year, month, day });
                            rest = &rest[day_digits + '日'.len_utf8()..];
                        }
                        None => {
                            self.push(Group::Month { year, month });
                            rest = rest.strip_prefix('份').unwrap_or(rest);
                        }
                    }
                }
                None => {
                    self.push(Group::Year { year, typed: format!("{year}年") });
                    // 2021年度 is the year too
                    rest = after.strip_prefix('度').unwrap_or(after);
                }
            }
        }
        left.push_str(rest);
        left
    }

    /// Groups for the words left after phrases and dates: glossary forms first, longest first,
    /// then each other word on its own.
    fn read_words(&mut self, tokens: &[String], glossary: &Glossary) {
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].chars().any(is_cjk) {
                self.read_chinese(&tokens[i], glossary);
                i += 1;
                continue;
            }
            // the longest run of English words that is a glossary form
            let longest = glossary.longest_words().min(tokens.len() - i);
            let found = (1..=longest).rev().find_map(|words| {
                let run: Vec<&str> = tokens[i..i + words].iter().map(String::as_str).take_while(|t| !t.chars().any(is_cjk)).collect();
                (run.len() == words).then(|| glossary.words_term(&crate::glossary::match_key(&run.join(" ")))).flatten().map(|term| (words, term))
            });
            match found {
                Some((words, term)) => {
                    self.push(term_group(glossary, term));
                    i += words;
                }
                None => {
                    self.push(Group::Text(minimal(word_forms(&tokens[i]))));
                    i += 1;
                }
            }
        }
    }

    /// A word with Chinese in it: glossary forms found inside it (longest first at each place)
    /// are groups of their own, and each stretch between them is one group as written.
    fn read_chinese(&mut self, word: &str, glossary: &Glossary) {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let byte_at = |i: usize| chars.get(i).map_or(word.len(), |(at, _)| *at);
        let mut literal_from = 0;
        let mut i = 0;
        while i < chars.len() {
            let longest = glossary.longest_chinese().min(chars.len() - i);
            let found = (1..=longest).rev().find_map(|n| glossary.chinese_term(&word[byte_at(i)..byte_at(i + n)]).map(|term| (n, term)));
            let Some((n, term)) = found else {
                i += 1;
                continue;
            };
            if literal_from < i {
                self.push(Group::Text(vec![word[byte_at(literal_from)..byte_at(i)].to_owned()]));
            }
            self.push(term_group(glossary, term));
            i += n;
            literal_from = i;
        }
        if literal_from < chars.len() {
            self.push(Group::Text(vec![word[byte_at(literal_from)..].to_owned()]));
        }
    }

    /// How many of the groups a record has, given its normalized text and its dates.
    pub fn matched(&self, text: &str, dates: Dates<'_>) -> usize {
        self.matched_with(text, 0, dates)
    }

    /// [`Query::matched`] for a record whose other texts (names it shares with other records,
    /// looked at once for all of them) have the groups `also` ([`Query::found_in`]).
    pub fn matched_with(&self, text: &str, also: u64, dates: Dates<'_>) -> usize {
        let found = self.matcher.scan(text, self.matcher.all) | also;
        self.groups.iter().enumerate().filter(|(i, g)| has(g, found & (1 << i) != 0, dates)).count()
    }

    /// The groups `text` has an alternative of, one bit each: a record's texts can be looked at
    /// apart and their bits joined, since no alternative is found across two texts.
    pub fn found_in(&self, text: &str) -> u64 {
        self.matcher.scan(text, self.matcher.all)
    }

    /// Whether a record has every group (its dates are looked at first, then its text until
    /// every alternative needed is found).
    pub fn matches_all(&self, text: &str, dates: Dates<'_>) -> bool {
        self.matches_all_with(text, 0, dates)
    }

    /// [`Query::matches_all`] for a record whose other texts have the groups `also`.
    pub fn matches_all_with(&self, text: &str, also: u64, dates: Dates<'_>) -> bool {
        let dated = |g: &&Group| !matches!(g, Group::Text(_));
        if !self.groups.iter().filter(dated).all(|g| has(g, false, dates) || matches!(g, Group::Year { .. })) {
            return false;
        }
        let wanted = self.matcher.all & !also;
        let found = if wanted == 0 { also } else { self.matcher.scan(text, wanted) | also };
        self.groups.iter().enumerate().all(|(i, g)| has(g, found & (1 << i) != 0, dates))
    }
}

/// Whether a record has a group, given whether its text has one of the group's alternatives.
fn has(group: &Group, in_text: bool, dates: Dates<'_>) -> bool {
    match group {
        Group::Text(_) => in_text,
        Group::Day { year, month, day } => {
            dates.start.month.is_some() && dates.end.month.is_some() && (dates.start.first_day()..=dates.end.last_day()).contains(&(*year, *month, *day))
        }
        Group::Month { year, month } => {
            let (Some(first), Some(last)) = (dates.start.month, dates.end.month) else { return false };
            (dates.start.year, first) <= (*year, *month) && (*year, *month) <= (dates.end.year, last)
        }
        Group::Year { year, .. } => in_text || (dates.start.year..=dates.end.year).contains(year),
    }
}

/// Finds the alternatives of every group in a text. One alternative is looked for on its own
/// (`str::contains`); more are found in one pass over the text that skips ahead as a single
/// search does (Wu and Manber's method): the last two bytes of a window as long as the
/// shortest alternative say how far the next possible start is, and only where that is here
/// are alternatives compared (those whose first three bytes hash alike). Twenty alternatives
/// cost about what one does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Matcher {
    /// Alternatives looked for on their own: shorter than three bytes, or the only one; each
    /// with its group's bit.
    each: Vec<(String, u64)>,
    /// Alternatives found in one pass, with their group's bit and [`Matcher::key`].
    patterns: Vec<(String, u64, usize)>,
    /// The bytes of the shortest alternative in `patterns` (at most 255): the window.
    window: usize,
    /// Per value of two bytes: how far the window may move when it ends in them.
    shifts: Vec<u8>,
    /// One bit per key: whether an alternative in `patterns` has it.
    starts: Vec<u64>,
    /// Every group bit that has an alternative.
    all: u64,
}

impl Matcher {
    fn new<'a>(alternatives: impl Iterator<Item = (&'a str, u64)>) -> Self {
        let mut matcher = Matcher::default();
        for (text, bit) in alternatives.filter(|(text, _)| !text.is_empty()) {
            matcher.all |= bit;
            if text.len() < 3 {
                matcher.each.push((text.to_owned(), bit));
            } else {
                matcher.patterns.push((text.to_owned(), bit, Self::key(text.as_bytes())));
            }
        }
        if matcher.patterns.len() < 2 {
            matcher.each.extend(matcher.patterns.drain(..).map(|(pattern, bit, _)| (pattern, bit)));
            return matcher;
        }
        matcher.window = matcher.patterns.iter().map(|(pattern, _, _)| pattern.len()).min().unwrap_or(3).min(255);
        let window = matcher.window;
        // `window` is between 3 and 255
        matcher.shifts = vec![(window - 1) as u8; 65_536];
        matcher.starts = vec![0; 65_536 / 64];
        for (pattern, _, key) in &matcher.patterns {
            let bytes = pattern.as_bytes();
            for (j, pair) in bytes[..window].windows(2).enumerate() {
                let slot = &mut matcher.shifts[usize::from(pair[0]) << 8 | usize::from(pair[1])];
                *slot = (*slot).min((window - 2 - j) as u8);
            }
            matcher.starts[key / 64] |= 1 << (key % 64);
        }
        matcher
    }

    /// A 16-bit hash of the first three bytes (0 for fewer).
    fn key(bytes: &[u8]) -> usize {
        match bytes {
            [a, b, c, ..] => {
                let packed = u32::from(*a) << 16 | u32::from(*b) << 8 | u32::from(*c);
                (packed.wrapping_mul(0x9e37_79b1) >> 16) as usize
            }
            _ => 0,
        }
    }

    /// The bits of the groups whose alternatives are in `text`; stops once all of `want` are.
    fn scan(&self, text: &str, want: u64) -> u64 {
        let mut found = 0;
        for (alternative, bit) in &self.each {
            if found & bit == 0 && text.contains(alternative.as_str()) {
                found |= bit;
                if found & want == want {
                    return found;
                }
            }
        }
        if self.patterns.is_empty() {
            return found;
        }
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(window) = bytes.get(at..at + self.window) {
            let last = usize::from(window[self.window - 2]) << 8 | usize::from(window[self.window - 1]);
            let shift = usize::from(self.shifts[last]);
            if shift > 0 {
                at += shift;
                continue;
            }
            let key = Self::key(window);
            if self.starts[key / 64] & (1 << (key % 64)) != 0 {
                for (pattern, bit, _) in self.patterns.iter().filter(|(_, _, k)| *k == key) {
                    if found & bit == 0 && bytes[at..].starts_with(pattern.as_bytes()) {
                        found |= bit;
                        if found & want == want {
                            return found;
                        }
                    }
                }
            }
            at += 1;
        }
        found
    }
}

/// Every form of a glossary term, as texts are searched.
fn term_group(glossary: &Glossary, term: usize) -> Group {
    Group::Text(minimal(glossary.forms(term).iter().flat_map(|form| word_forms(&crate::glossary::plain(form)))))
}

/// An English word or phrase as written and with its last word in the singular.
fn word_forms(text: &str) -> Vec<String> {
    let mut forms = vec![text.to_owned()];
    let (head, last) = text.rsplit_once(' ').map_or(("", text), |(head, last)| (head, last));
    if let Some(one) = singular(last) {
        forms.push(if head.is_empty() { one } else { format!("{head} {one}") });
    }
    forms
}

/// The alternatives without those that contain another (which could never add a match), in
/// their order. (No sort here: each sort of a new type adds its own code to the app.)
fn minimal(alternatives: impl IntoIterator<Item = String>) -> Vec<String> {
    let all: Vec<String> = alternatives.into_iter().filter(|a| !a.is_empty()).collect();
    let redundant = |i: usize, a: &String| {
        all.iter().enumerate().any(|(j, b)| j != i && a.contains(b.as_str()) && (b.len() < a.len() || j < i))
    };
    all.iter().enumerate().filter(|(i, a)| !redundant(*i, a)).map(|(_, a)| a.clone()).collect()
}

/// A year of the dataset's range (1949–2100), written as four digits.
fn year_of(word: &str) -> Option<i32> {
    let word = word.strip_suffix(['.', ',']).unwrap_or(word);
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| crate::validate::YEARS.contains(y))
}

/// `october`, `oct`, `oct.`, `sept`: a month by its English name or its abbreviation.
fn month_of_name(word: &str) -> Option<u8> {
    let word = word.trim_end_matches(['.', ',']);
    if word.len() < 3 {
        return None;
    }
    let position = MONTH_NAMES.iter().position(|name| name.starts_with(word) && (word.len() == 3 || word == "sept" || *name == word))?;
    u8::try_from(position + 1).ok()
}

/// `25`, `5`: a day of that month, in digits.
fn day_of(year: i32, month: u8, digits: &str) -> Option<u8> {
    (1..=2).contains(&digits.len()).then(|| digits.parse::<u8>().ok()).flatten().filter(|d| (1..=crate::dates::days_in_month(year, month)).contains(d))
}

/// `2021-10-25`, `2021.10.25`, `2021/10/25`: a day in digits, the year first.
fn numeric_day(word: &str) -> Option<(i32, u8, u8)> {
    let separator = word.chars().find(|c| matches!(c, '-' | '.' | '/'))?;
    let mut parts = word.split(separator);
    let (year, month, day) = (year_of(parts.next()?)?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (_, month) = numeric_month(&format!("{year}-{month}"))?;
    Some((year, month, day_of(year, month, day)?))
}

/// `October 25, 2021`, `Oct 25 2021`, `25 October 2021`, `25th Oct. 2021`: a day in words at the
/// start of `words`, and how many words it takes.
fn english_day(words: &[&str]) -> Option<(Group, usize)> {
    let [first, second, third, ..] = words else { return None };
    let year = year_of(third)?;
    let (month, day) = match (month_of_name(first), month_of_name(second)) {
        (Some(month), None) => (month, *second),
        (None, Some(month)) => (month, *first),
        _ => return None,
    };
    let day = day.trim_end_matches(',');
    let day = ["st", "nd", "rd", "th"].iter().find_map(|suffix| day.strip_suffix(suffix)).unwrap_or(day);
    Some((Group::Day { year, month, day: day_of(year, month, day)? }, 3))
}

/// `2021-10`, `2021.10`, `2021/10`, `10/2021`, `2021-1`: a month in digits.
fn numeric_month(word: &str) -> Option<(i32, u8)> {
    let (a, b) = word.split_once(['-', '.', '/'])?;
    let month = |m: &str| (1..=2).contains(&m.len()).then(|| m.parse::<u8>().ok()).flatten().filter(|m| (1..=12).contains(m));
    match (year_of(a), year_of(b)) {
        (Some(year), None) => Some((year, month(b)?)),
        (None, Some(year)) if word.contains('/') => Some((year, month(a)?)),
        _ => None,
    }
}

/// A text as search compares it: [`fold_case`], hyphens and dashes as spaces
/// (`Model-Workers` → `model workers`).
pub fn normalized(text: &str) -> String {
    let folded = fold_case(text);
    if folded.contains(is_dash) {
        folded.chars().map(|c| if is_dash(c) { ' ' } else { c }).collect()
    } else {
        folded
    }
}

/// Lower-cases what has case. Chinese characters, most of the text, have none: runs of
/// caseless text are copied whole, and only the rest is looked up one character at a time,
/// which makes this a few times quicker than `str::to_lowercase` on the reports' text. Texts
/// and search terms both go through here, so they always fold alike.
pub fn fold_case(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_case_into(&mut folded, text);
    folded
}

/// `fold_case`, appended to `folded`.
pub fn fold_case_into(folded: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut unchanged_from = 0;
    let mut at = 0;
    while at < bytes.len() {
        let width = match bytes[at] {
            b'A'..=b'Z' => 0,
            0..=0x7f => 1,
            // the three-byte forms of U+3000..=U+9FFF: CJK punctuation, kana and ideographs
            0xe3..=0xe9 => 3,
            _ => text[at..].chars().next().filter(|c| c.to_lowercase().eq([*c])).map_or(0, char::len_utf8),
        };
        if width > 0 {
            at += width;
            continue;
        }
        // `at` is on a character boundary: only whole characters are skipped above
        let Some(c) = text[at..].chars().next() else { break };
        folded.push_str(&text[unchanged_from..at]);
        folded.extend(c.to_lowercase());
        at += c.len_utf8();
        unchanged_from = at;
    }
    folded.push_str(&text[unchanged_from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        Glossary::decode("劳动模范|model worker|劳模|model workers' studio\n新就业形态劳动者|new forms of employment|骑手|外卖员|delivery rider|courier|new-form worker\n")
    }

    fn text_groups(query: &str) -> Vec<Vec<String>> {
        Query::parse(query, &glossary())
            .groups
            .into_iter()
            .map(|g| match g {
                Group::Text(alternatives) => alternatives,
                other => vec![format!("{other:?}")],
            })
            .collect()
    }

    #[test]
    fn case_folding_matches_the_standard_lower_case_of_every_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(fold_case(&c.to_string()), c.to_lowercase().collect::<String>(), "U+{:04X}", c as u32);
        }
        assert_eq!(fold_case("Quanzhou 泉州（ÉTÉ）Ａ 1.6万 KM²"), "quanzhou 泉州（été）ａ 1.6万 km²");
    }

    #[test]
    fn glossary_forms_are_one_group_with_every_alternative() {
        assert_eq!(text_groups("劳模"), [vec!["劳动模范", "model worker", "劳模"]]);
        assert_eq!(text_groups("Model Workers"), text_groups("劳模"));
        assert_eq!(text_groups("delivery riders"), text_groups("骑手"));
        assert_eq!(text_groups("泉州劳模"), [vec!["泉州".to_owned()], text_groups("劳模").remove(0)]);
        assert_eq!(text_groups("model"), [vec!["model"]]);
        assert_eq!(text_groups("couriers Nanping"), [text_groups("骑手").remove(0), vec!["nanping".to_owned()]]);
        assert_eq!(text_groups("workers"), [vec!["worker"]]);
        assert_eq!(text_groups("劳模 model worker"), text_groups("劳模"), "the same term twice is one group");
    }

    #[test]
    fn quoted_phrases_match_as_written() {
        assert_eq!(text_groups("\"model  Workers\" 泉州"), [vec!["model workers"], vec!["泉州"]]);
        assert_eq!(text_groups("“劳模”"), [vec!["劳模"]]);
        assert_eq!(text_groups("「金秋 助学」x"), [vec!["金秋 助学"], vec!["x"]]);
        assert_eq!(text_groups("\"unclosed words"), [vec!["unclosed"], vec!["word"]]);
    }

    #[test]
    fn months_and_years_in_every_form() {
        let month = |text: &str| Query::parse(text, &glossary()).months().collect::<Vec<_>>();
        for text in ["2021-10", "2021年10月", "2021.10", "2021/10", "October 2021", "Oct 2021", "Oct. 2021", "oct, 2021", "10/2021", "2021年10月份"] {
            assert_eq!(month(text), [(2021, 10)], "{text}");
        }
        assert_eq!(month("Sept 2020 May 2021"), [(2020, 9), (2021, 5)]);
        assert_eq!(month("2021-13"), Vec::<(i32, u8)>::new());
        let years = |text: &str| Query::parse(text, &glossary()).years().collect::<Vec<_>>();
        assert_eq!(years("2021"), [2021]);
        assert_eq!(years("2021年"), [2021]);
        assert_eq!(text_groups("2021年度"), [vec!["Year { year: 2021, typed: \"2021年\" }".to_owned()]]);
        assert_eq!(years("3820 973.27"), Vec::<i32>::new());
        assert_eq!(text_groups("2021年10月劳模"), [vec!["Month { year: 2021, month: 10 }".to_owned()], text_groups("劳模").remove(0)]);
        assert_eq!(text_groups("2021年劳模"), [vec!["Year { year: 2021, typed: \"2021年\" }".to_owned()], text_groups("劳模").remove(0)]);
    }

    #[test]
    fn days_in_every_form() {
        let days = |text: &str| Query::parse(text, &glossary()).days().collect::<Vec<_>>();
        for text in ["2021-10-25", "2021.10.25", "2021/10/25", "2021年10月25日", "2021年10月25号", "October 25, 2021", "Oct 25 2021", "25 October 2021", "25th Oct. 2021"] {
            assert_eq!(days(text), [(2021, 10, 25)], "{text}");
            assert_eq!(Query::parse(text, &glossary()).groups.len(), 1, "{text} is one date, not three words");
        }
        assert_eq!(days("2021-02-30"), Vec::<(i32, u8, u8)>::new());
        assert_eq!(days("2024-02-29"), [(2024, 2, 29)]);
        assert_eq!(text_groups("2021年10月25日劳模"), [vec!["Day { year: 2021, month: 10, day: 25 }".to_owned()], text_groups("劳模").remove(0)]);
        let query = Query::parse("2021-10-25", &glossary());
        let date = |text: &str| PartialDate::parse(text).expect("a date");
        let matches = |start: &str, end: &str| query.matches_all("", Dates { start: &date(start), end: &date(end) });
        assert!(matches("2021-10-25", "2021-10-25"));
        assert!(matches("2021-10", "2021-10"), "known to the month, it may be that day");
        assert!(matches("2021-10-20", "2021-10-28"));
        assert!(!matches("2021-10-26", "2021-10-28"));
        assert!(!matches("2021", "2021"), "known only to the year");
    }

    #[test]
    fn dates_match_when_known_to_the_month() {
        let query = Query::parse("2021-10", &glossary());
        let date = |text: &str| PartialDate::parse(text).expect("a date");
        let matches = |start: &str, end: &str| query.matches_all("", Dates { start: &date(start), end: &date(end) });
        assert!(matches("2021-10-25", "2021-10-25"));
        assert!(matches("2021-09", "2021-11"));
        assert!(!matches("2021", "2021"), "a year-only record did not happen in October");
        assert!(!matches("2021-11-01", "2021-11-02"));
        assert!(!matches("2018", "2023-10"));
        let year = Query::parse("2021", &glossary());
        assert!(year.matches_all("", Dates { start: &date("2018"), end: &date("2023") }));
        assert!(!year.matches_all("", Dates { start: &date("2022"), end: &date("2023") }));
        assert!(year.matches_all("printed 2021 here", Dates { start: &date("2022"), end: &date("2023") }));
    }

    #[test]
    fn many_alternatives_are_found_in_one_pass_as_a_few_are_on_their_own() {
        let words: Vec<String> = (0..20).map(|i| format!("word{i}")).chain(["劳动模范".to_owned(), "ab".to_owned()]).collect();
        let many = Matcher::new(words.iter().enumerate().map(|(i, w)| (w.as_str(), 1u64 << i)));
        assert_eq!(many.window, 5);
        let one = Matcher::new(std::iter::once(("word1", 1)));
        assert!(one.patterns.is_empty());
        let text = "x word3 y 全国劳动模范 ab word19";
        assert_eq!(many.scan(text, many.all), 1 << 1 | 1 << 3 | 1 << 19 | 1 << 20 | 1 << 21);
        assert_eq!(one.scan(text, one.all), 1);
        assert_eq!(one.scan("word2", one.all), 0);
        for (i, word) in words.iter().enumerate() {
            for text in [format!("{word}"), format!("劳{word}"), format!("ab{word}劳动")] {
                assert_ne!(many.scan(&text, many.all) & 1 << i, 0, "{word} in {text}");
            }
        }
        assert_eq!(many.scan("word1", 0b10), 0b10, "stops once what is wanted is found");
    }

    #[test]
    fn texts_are_normalized_like_queries() {
        assert_eq!(normalized("Model-Worker's Studio – 2021"), "model worker's studio   2021");
        assert_eq!(Query::parse("", &glossary()), Query::default());
        assert_eq!(text_groups(" ,， "), Vec::<Vec<String>>::new());
    }
}
