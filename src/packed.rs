//! The embedded dataset's facts and events in an encoding made for them: every distinct text
//! once in a string table, references to documents, regions, categories and indicators as
//! positions in the dataset's own lists, and each field in a column of its own (so that alike
//! bytes sit together for gzip). Written by `build.rs`, read by `embedded::Decoder` a slice at a
//! time. Outside datasets never come in this form: they are JSON in the export schema.
//!
//! Layout: the magic `UEP1`, then the number of columns and each column's length (varints),
//! then the columns one after the other. Two string tables hold the text ([`ZH_BYTES`] what has
//! Chinese in it, [`OTHER_BYTES`] the rest, each with a column of byte lengths); [`COUNTS`]
//! gives the number of facts and events. Numbers are LEB128 varints, a value is its 8 bytes
//! little-endian. A string is written as 0 (the next new string of the Chinese table), 1 (the
//! next new one of the other table) or 2 + the position of a string already used, counted in
//! the order strings were first used; so a column of strings used once (ids) is all zeros. An
//! optional string is 0 when absent, else its code + 1.

use crate::dates::{PartialDate, Precision};
use crate::model::{Aggregation, Dataset, Event, EventKind, EventStatus, Fact, Name, Qualifier, SharedStr, Trust, Unit};
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"UEP1";

// The columns, in the order they are stored.
/// Byte lengths and UTF-8 text of the strings with Chinese in them, in the order they are
/// first used; then the same for all other strings (apart, each compresses better).
const ZH_LENGTHS: usize = 0;
const ZH_BYTES: usize = 1;
const OTHER_LENGTHS: usize = 2;
const OTHER_BYTES: usize = 3;
const COUNTS: usize = 4;
const FACT_ID: usize = 5;
const FACT_DOC: usize = 6;
const FACT_LINE: usize = 7;
const FACT_ALSO_LINES: usize = 8;
const FACT_RAW: usize = 9;
const FACT_VALUE: usize = 10;
/// Unit, qualifier, aggregation and trust, a byte each.
const FACT_CODES: usize = 11;
const FACT_REGION: usize = 12;
const FACT_PERIOD: usize = 13;
const FACT_CATEGORY: usize = 14;
const FACT_INDICATOR: usize = 15;
const FACT_CONTRADICTED_BY: usize = 16;
const FACT_NOTES: usize = 17;
const EVENT_ID: usize = 18;
const EVENT_DOC: usize = 19;
const EVENT_LINE: usize = 20;
const EVENT_QUOTE: usize = 21;
const EVENT_DATES: usize = 22;
/// Precision, kind and status, a byte each.
const EVENT_CODES: usize = 23;
const EVENT_REGION: usize = 24;
const EVENT_CATEGORY: usize = 25;
const EVENT_TITLES: usize = 26;
const EVENT_NAMES: usize = 27;
const EVENT_NOTES: usize = 28;
const COLUMNS: usize = 29;

// Every variant of each enum, in the order of its code.
const UNITS: [Unit; 12] = [
    Unit::Cny,
    Unit::Persons,
    Unit::PersonTimes,
    Unit::Units,
    Unit::Items,
    Unit::Households,
    Unit::Percent,
    Unit::Events,
    Unit::Teams,
    Unit::SquareMetres,
    Unit::Rank,
    Unit::Other,
];
const QUALIFIERS: [Qualifier; 4] = [Qualifier::Exact, Qualifier::AtLeast, Qualifier::Approx, Qualifier::AtMost];
const AGGREGATIONS: [Aggregation; 3] = [Aggregation::PeriodTotal, Aggregation::SingleYear, Aggregation::Snapshot];
/// Code 0 is "none".
const TRUSTS: [Trust; 2] = [Trust::Slogan, Trust::Plan];
const PRECISIONS: [Precision; 3] = [Precision::Year, Precision::Month, Precision::Day];
const EVENT_KINDS: [EventKind; 12] = [
    EventKind::Instruction,
    EventKind::Meeting,
    EventKind::Inspection,
    EventKind::Festival,
    EventKind::Launch,
    EventKind::Contest,
    EventKind::Campaign,
    EventKind::Award,
    EventKind::Exchange,
    EventKind::Training,
    EventKind::Visit,
    EventKind::Other,
];
const STATUSES: [EventStatus; 2] = [EventStatus::Happened, EventStatus::Planned];

fn code_of<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).map_or(u8::MAX, |i| i as u8)
}

/// Writes the facts and events of `dataset` (whose head the reader is given again, to resolve
/// references). Fails on a reference to a document, region, category or indicator the dataset
/// does not have (validation rules those out before).
pub fn encode(dataset: &Dataset) -> Result<Vec<u8>, String> {
    let mut writer = Writer { columns: vec![Vec::new(); COLUMNS], strings: HashMap::new(), string_count: 0 };
    let positions = |ids: Vec<&str>| -> HashMap<String, usize> { ids.into_iter().enumerate().map(|(i, id)| (id.to_owned(), i)).collect() };
    let docs = positions(dataset.documents.iter().map(|d| d.id.as_str()).collect());
    let regions = positions(dataset.regions.iter().map(|r| r.id.as_str()).collect());
    let categories = positions(dataset.categories.iter().map(|c| c.id.as_str()).collect());
    let indicators = positions(dataset.indicators.iter().map(|i| i.id.as_str()).collect());
    let find = |table: &HashMap<String, usize>, what: &str, id: &str| {
        table.get(id).map(|&i| i as u64).ok_or_else(|| format!("unknown {what} '{id}'"))
    };
    writer.number(COUNTS, dataset.facts.len() as u64);
    writer.number(COUNTS, dataset.events.len() as u64);
    for fact in &dataset.facts {
        writer.string(FACT_ID, &fact.id);
        writer.number(FACT_DOC, find(&docs, "document", &fact.doc)?);
        writer.number(FACT_LINE, u64::from(fact.line));
        writer.number(FACT_ALSO_LINES, fact.also_lines.len() as u64);
        for &line in &fact.also_lines {
            writer.number(FACT_ALSO_LINES, u64::from(line));
        }
        writer.string(FACT_RAW, &fact.raw);
        writer.columns[FACT_VALUE].extend_from_slice(&fact.value.to_le_bytes());
        let trust = fact.trust.map_or(0, |t| code_of(&TRUSTS, &t) + 1);
        writer.columns[FACT_CODES].extend_from_slice(&[
            code_of(&UNITS, &fact.unit),
            code_of(&QUALIFIERS, &fact.qualifier),
            code_of(&AGGREGATIONS, &fact.aggregation),
            trust,
        ]);
        writer.number(FACT_REGION, find(&regions, "region", &fact.region)?);
        writer.date(FACT_PERIOD, fact.period_start);
        writer.date(FACT_PERIOD, fact.period_end);
        writer.number(FACT_CATEGORY, find(&categories, "category", &fact.category)?);
        writer.number(FACT_INDICATOR, find(&indicators, "indicator", &fact.indicator)?);
        writer.number(FACT_CONTRADICTED_BY, fact.contradicted_by.len() as u64);
        for other in &fact.contradicted_by {
            writer.string(FACT_CONTRADICTED_BY, other);
        }
        writer.optional_string(FACT_NOTES, fact.note_zh.as_deref());
        writer.optional_string(FACT_NOTES, fact.note_en.as_deref());
    }
    for event in &dataset.events {
        writer.string(EVENT_ID, &event.id);
        writer.number(EVENT_DOC, find(&docs, "document", &event.doc)?);
        writer.number(EVENT_LINE, u64::from(event.line));
        writer.string(EVENT_QUOTE, &event.quote);
        writer.date(EVENT_DATES, event.date_start);
        match event.date_end {
            Some(end) => {
                writer.number(EVENT_DATES, 1);
                writer.date(EVENT_DATES, end);
            }
            None => writer.number(EVENT_DATES, 0),
        }
        writer.columns[EVENT_CODES].extend_from_slice(&[
            code_of(&PRECISIONS, &event.precision),
            code_of(&EVENT_KINDS, &event.kind),
            code_of(&STATUSES, &event.status),
        ]);
        writer.number(EVENT_REGION, find(&regions, "region", &event.region)?);
        writer.number(EVENT_CATEGORY, find(&categories, "category", &event.category)?);
        writer.string(EVENT_TITLES, &event.title_zh);
        writer.string(EVENT_TITLES, &event.title_en);
        for names in [&event.people, &event.organisations] {
            writer.number(EVENT_NAMES, names.len() as u64);
            for name in names {
                writer.string(EVENT_NAMES, &name.zh);
                writer.string(EVENT_NAMES, &name.en);
            }
        }
        writer.optional_string(EVENT_NOTES, event.note_zh.as_deref());
        writer.optional_string(EVENT_NOTES, event.note_en.as_deref());
    }
    let mut out = MAGIC.to_vec();
    push_number(&mut out, COLUMNS as u64);
    for column in &writer.columns {
        push_number(&mut out, column.len() as u64);
    }
    for column in &writer.columns {
        out.extend_from_slice(column);
    }
    Ok(out)
}

struct Writer {
    columns: Vec<Vec<u8>>,
    /// Position of every string already used, in the order of first use.
    strings: HashMap<String, u64>,
    string_count: u64,
}

/// Whether a string goes into the Chinese table.
fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| c >= '\u{2e80}')
}

impl Writer {
    fn number(&mut self, column: usize, value: u64) {
        push_number(&mut self.columns[column], value);
    }

    /// The string's code (see the module notes); a new string is added to its table.
    fn position(&mut self, text: &str) -> u64 {
        if let Some(&at) = self.strings.get(text) {
            return at + 2;
        }
        self.strings.insert(text.to_owned(), self.string_count);
        self.string_count += 1;
        let (lengths, bytes, code) = if has_chinese(text) { (ZH_LENGTHS, ZH_BYTES, 0) } else { (OTHER_LENGTHS, OTHER_BYTES, 1) };
        self.number(lengths, text.len() as u64);
        self.columns[bytes].extend_from_slice(text.as_bytes());
        code
    }

    fn string(&mut self, column: usize, text: &str) {
        let at = self.position(text);
        self.number(column, at);
    }

    fn optional_string(&mut self, column: usize, text: Option<&str>) {
        let code = text.map_or(0, |t| self.position(t) + 1);
        self.number(column, code);
    }

    /// Year (offset from 1900, zigzag so that any year fits), then month and day (0 when not given).
    fn date(&mut self, column: usize, date: PartialDate) {
        let year = i64::from(date.year) - 1900;
        self.number(column, ((year << 1) ^ (year >> 63)) as u64);
        self.columns[column].extend_from_slice(&[date.month.unwrap_or(0), date.day.unwrap_or(0)]);
    }
}

fn push_number(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A read position in one column.
#[derive(Clone, Copy)]
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// What a broken packed text reports; the build writes it, so this only guards against a
/// mismatch between writer and reader.
fn broken(what: &str) -> String {
    format!("embedded dataset: broken packed data ({what})")
}

impl<'a> Cursor<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self.bytes.get(self.at).ok_or_else(|| broken("a column ends early"))?;
        self.at += 1;
        Ok(byte)
    }

    fn number(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(broken("a number is too long"))
    }

    fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.number()?).map_err(|_| broken("a line number is too large"))
    }

    fn value(&mut self) -> Result<f64, String> {
        let bytes = self.bytes.get(self.at..self.at + 8).ok_or_else(|| broken("a value is cut off"))?;
        self.at += 8;
        let mut eight = [0u8; 8];
        eight.copy_from_slice(bytes);
        Ok(f64::from_le_bytes(eight))
    }

    fn code<T: Copy>(&mut self, all: &[T]) -> Result<T, String> {
        all.get(usize::from(self.byte()?)).copied().ok_or_else(|| broken("an unknown code"))
    }

    fn optional_code<T: Copy>(&mut self, all: &[T]) -> Result<Option<T>, String> {
        match self.byte()? {
            0 => Ok(None),
            code => all.get(usize::from(code) - 1).copied().map(Some).ok_or_else(|| broken("an unknown code")),
        }
    }

    fn date(&mut self) -> Result<PartialDate, String> {
        let zigzag = self.number()?;
        let offset = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
        let year = i32::try_from(offset + 1900).map_err(|_| broken("a year is out of range"))?;
        let month = self.byte()?;
        let day = self.byte()?;
        Ok(PartialDate { year, month: (month > 0).then_some(month), day: (day > 0).then_some(day) })
    }
}

/// One string table being read: its text, the lengths column and how far both are read.
struct Table<'a> {
    text: &'a str,
    at: usize,
    lengths: Cursor<'a>,
}

impl<'a> Table<'a> {
    fn next(&mut self) -> Result<&'a str, String> {
        let length = self.lengths.number()? as usize;
        let text = self.text.get(self.at..self.at + length).ok_or_else(|| broken("a string is cut off"))?;
        self.at += length;
        Ok(text)
    }
}

/// Reads the facts and events of a packed text, a number of records at a time.
pub struct Reader<'a> {
    columns: Vec<Cursor<'a>>,
    zh: Table<'a>,
    other: Table<'a>,
    /// The strings used so far, in the order of first use.
    strings: Vec<&'a str>,
    /// Beside each of `strings`, the one copy that every record using it as a `SharedStr`
    /// shares, made on first such use.
    shared: Vec<Option<SharedStr>>,
    /// The ids of the head's documents, regions, categories and indicators, by position.
    docs: Vec<SharedStr>,
    regions: Vec<SharedStr>,
    categories: Vec<SharedStr>,
    indicators: Vec<SharedStr>,
    facts_left: usize,
    events_left: usize,
    records: usize,
}

impl<'a> Reader<'a> {
    /// Reads the column table; `head` is the dataset the records belong to (its documents,
    /// regions, categories and indicators, in the order they were written).
    pub fn new(bytes: &'a [u8], head: &Dataset) -> Result<Self, String> {
        let body = bytes.strip_prefix(MAGIC).ok_or_else(|| broken("no magic"))?;
        let mut table = Cursor { bytes: body, at: 0 };
        if table.number()? != COLUMNS as u64 {
            return Err(broken("another number of columns"));
        }
        let mut lengths = Vec::with_capacity(COLUMNS);
        for _ in 0..COLUMNS {
            lengths.push(usize::try_from(table.number()?).map_err(|_| broken("a column is too long"))?);
        }
        let mut start = table.at;
        let mut columns = Vec::with_capacity(COLUMNS);
        for length in lengths {
            let column = body.get(start..start.saturating_add(length)).ok_or_else(|| broken("a column is cut off"))?;
            columns.push(Cursor { bytes: column, at: 0 });
            start = start.saturating_add(length);
        }
        let table = |text: usize, lengths: usize| -> Result<Table<'a>, String> {
            let text = std::str::from_utf8(columns[text].bytes).map_err(|_| broken("strings are not UTF-8"))?;
            Ok(Table { text, at: 0, lengths: columns[lengths] })
        };
        let (zh, other) = (table(ZH_BYTES, ZH_LENGTHS)?, table(OTHER_BYTES, OTHER_LENGTHS)?);
        let facts_left = columns[COUNTS].number()? as usize;
        let events_left = columns[COUNTS].number()? as usize;
        let ids = |list: Vec<&String>| list.into_iter().map(|id| SharedStr::from(id.as_str())).collect();
        Ok(Reader {
            columns,
            zh,
            other,
            strings: Vec::new(),
            shared: Vec::new(),
            docs: ids(head.documents.iter().map(|d| &d.id).collect()),
            regions: ids(head.regions.iter().map(|r| &r.id).collect()),
            categories: ids(head.categories.iter().map(|c| &c.id).collect()),
            indicators: ids(head.indicators.iter().map(|i| &i.id).collect()),
            facts_left,
            events_left,
            records: facts_left + events_left,
        })
    }

    /// How much is read, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.records == 0 { 1.0 } else { 1.0 - (self.facts_left + self.events_left) as f64 / self.records as f64 }
    }

    /// Reads up to `records` more facts and events into `dataset`; true once all are in.
    pub fn step(&mut self, records: usize, dataset: &mut Dataset) -> Result<bool, String> {
        // The counts are known: room for all at once, so no list is ever copied to grow.
        dataset.facts.reserve_exact(self.facts_left);
        dataset.events.reserve_exact(self.events_left);
        let mut left = records;
        while left > 0 && self.facts_left > 0 {
            let fact = self.fact()?;
            dataset.facts.push(fact);
            self.facts_left -= 1;
            left -= 1;
        }
        while left > 0 && self.events_left > 0 {
            let event = self.event()?;
            dataset.events.push(event);
            self.events_left -= 1;
            left -= 1;
        }
        Ok(self.facts_left == 0 && self.events_left == 0)
    }

    /// The position in `strings` of the string of a code (see the module notes).
    fn position_of(&mut self, code: u64) -> Result<usize, String> {
        match code {
            0 | 1 => {
                let text = if code == 0 { self.zh.next()? } else { self.other.next()? };
                self.strings.push(text);
                self.shared.push(None);
                Ok(self.strings.len() - 1)
            }
            _ => usize::try_from(code - 2).ok().filter(|&at| at < self.strings.len()).ok_or_else(|| broken("an unknown string")),
        }
    }

    /// The shared copy of the string at `at` in `strings`.
    fn shared_at(&mut self, at: usize) -> SharedStr {
        let text = self.strings[at];
        self.shared[at].get_or_insert_with(|| SharedStr::from(text)).clone()
    }

    /// A string of its own, for what no other record holds (an id).
    fn string(&mut self, column: usize) -> Result<String, String> {
        let code = self.columns[column].number()?;
        let at = self.position_of(code)?;
        Ok(self.strings[at].to_owned())
    }

    /// A string shared with every record that holds the same.
    fn shared(&mut self, column: usize) -> Result<SharedStr, String> {
        let code = self.columns[column].number()?;
        let at = self.position_of(code)?;
        Ok(self.shared_at(at))
    }

    fn optional_shared(&mut self, column: usize) -> Result<Option<SharedStr>, String> {
        match self.columns[column].number()? {
            0 => Ok(None),
            code => {
                let at = self.position_of(code - 1)?;
                Ok(Some(self.shared_at(at)))
            }
        }
    }

    fn id(&mut self, column: usize, list: fn(&Self) -> &[SharedStr]) -> Result<SharedStr, String> {
        let at = self.columns[column].number()? as usize;
        list(self).get(at).cloned().ok_or_else(|| broken("an unknown reference"))
    }

    fn fact(&mut self) -> Result<Fact, String> {
        let id = self.string(FACT_ID)?;
        let doc = self.id(FACT_DOC, |r| &r.docs)?;
        let line = self.columns[FACT_LINE].u32()?;
        let also = self.columns[FACT_ALSO_LINES].number()? as usize;
        let also_lines = (0..also).map(|_| self.columns[FACT_ALSO_LINES].u32()).collect::<Result<_, _>>()?;
        let raw = self.shared(FACT_RAW)?;
        let value = self.columns[FACT_VALUE].value()?;
        let codes = &mut self.columns[FACT_CODES];
        let (unit, qualifier, aggregation, trust) =
            (codes.code(&UNITS)?, codes.code(&QUALIFIERS)?, codes.code(&AGGREGATIONS)?, codes.optional_code(&TRUSTS)?);
        let region = self.id(FACT_REGION, |r| &r.regions)?;
        let period_start = self.columns[FACT_PERIOD].date()?;
        let period_end = self.columns[FACT_PERIOD].date()?;
        let category = self.id(FACT_CATEGORY, |r| &r.categories)?;
        let indicator = self.id(FACT_INDICATOR, |r| &r.indicators)?;
        let others = self.columns[FACT_CONTRADICTED_BY].number()? as usize;
        let contradicted_by = (0..others).map(|_| self.string(FACT_CONTRADICTED_BY)).collect::<Result<_, _>>()?;
        let note_zh = self.optional_shared(FACT_NOTES)?;
        let note_en = self.optional_shared(FACT_NOTES)?;
        Ok(Fact {
            id,
            doc,
            line,
            also_lines,
            raw,
            value,
            unit,
            qualifier,
            region,
            period_start,
            period_end,
            aggregation,
            category,
            indicator,
            trust,
            contradicted_by,
            note_zh,
            note_en,
        })
    }

    fn names(&mut self) -> Result<Vec<Name>, String> {
        let count = self.columns[EVENT_NAMES].number()? as usize;
        (0..count).map(|_| Ok(Name { zh: self.string(EVENT_NAMES)?, en: self.string(EVENT_NAMES)? })).collect()
    }

    fn event(&mut self) -> Result<Event, String> {
        let id = self.string(EVENT_ID)?;
        let doc = self.id(EVENT_DOC, |r| &r.docs)?;
        let line = self.columns[EVENT_LINE].u32()?;
        let quote = self.shared(EVENT_QUOTE)?;
        let dates = &mut self.columns[EVENT_DATES];
        let date_start = dates.date()?;
        let date_end = if dates.number()? == 1 { Some(dates.date()?) } else { None };
        let codes = &mut self.columns[EVENT_CODES];
        let (precision, kind, status) = (codes.code(&PRECISIONS)?, codes.code(&EVENT_KINDS)?, codes.code(&STATUSES)?);
        let region = self.id(EVENT_REGION, |r| &r.regions)?;
        let category = self.id(EVENT_CATEGORY, |r| &r.categories)?;
        let title_zh = self.shared(EVENT_TITLES)?;
        let title_en = self.shared(EVENT_TITLES)?;
        let people = self.names()?;
        let organisations = self.names()?;
        let note_zh = self.optional_shared(EVENT_NOTES)?;
        let note_en = self.optional_shared(EVENT_NOTES)?;
        Ok(Event {
            id,
            doc,
            line,
            quote,
            date_start,
            date_end,
            precision,
            kind,
            status,
            region,
            category,
            title_zh,
            title_en,
            people,
            organisations,
            note_zh,
            note_en,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(dataset: &Dataset) -> Dataset {
        Dataset { facts: Vec::new(), events: Vec::new(), ..dataset.clone() }
    }

    fn read_all(bytes: &[u8], dataset: &Dataset, slice: usize) -> Dataset {
        let mut out = head(dataset);
        let mut reader = Reader::new(bytes, &out).expect("packed text opens");
        while !reader.step(slice, &mut out).expect("records read") {}
        assert_eq!(reader.progress(), 1.0);
        out
    }

    #[test]
    fn the_dataset_comes_back_as_it_went_in() {
        let whole = crate::open::parse(crate::embedded::DATASET_JSON).expect("the whole dataset parses");
        let bytes = encode(&whole).expect("encodes");
        assert_eq!(read_all(&bytes, &whole, 5), whole);
        assert_eq!(read_all(&bytes, &whole, usize::MAX), whole);
    }

    #[test]
    fn records_share_the_texts_they_hold_alike() {
        let whole = crate::open::parse(crate::embedded::DATASET_JSON).expect("the whole dataset parses");
        let read = read_all(&encode(&whole).expect("encodes"), &whole, 7);
        let (first, second) = (&read.facts[0], &read.facts[1]);
        assert!(first.doc.is_same_copy(&second.doc) && first.category.is_same_copy(&read.facts.iter().find(|f| f.category == first.category && f.id != first.id).expect("another").category));
        let noted = read.facts.iter().filter_map(|f| f.note_en.as_ref()).collect::<Vec<_>>();
        for (a, b) in noted.iter().zip(noted.iter().skip(1)) {
            assert_eq!(a == b, a.is_same_copy(b), "equal notes are one copy: {a}");
        }
    }

    #[test]
    fn every_variant_and_odd_field_round_trips() {
        let mut data = crate::open::parse(crate::embedded::DATASET_JSON).expect("parses");
        let fact = data.facts[0].clone();
        let event = data.events[0].clone();
        data.facts.clear();
        data.events.clear();
        for (i, unit) in UNITS.iter().enumerate() {
            let mut f = fact.clone();
            f.id = format!("u{i}");
            f.unit = *unit;
            f.qualifier = QUALIFIERS[i % QUALIFIERS.len()];
            f.aggregation = AGGREGATIONS[i % AGGREGATIONS.len()];
            f.trust = [None, Some(Trust::Slogan), Some(Trust::Plan)][i % 3];
            f.value = [-1.5, 0.0, 1e14, 0.1][i % 4];
            f.also_lines = vec![1, 300_000][..i % 3].to_vec();
            f.contradicted_by = vec!["u1".to_owned(); i % 2];
            f.note_zh = (i % 2 == 0).then(|| "注".into());
            f.note_en = (i % 3 == 0).then(SharedStr::default);
            f.period_start = PartialDate { year: 1949 + i as i32, month: Some(12), day: Some(31) };
            f.period_end = PartialDate { year: 2100, month: None, day: None };
            data.facts.push(f);
        }
        for (i, kind) in EVENT_KINDS.iter().enumerate() {
            let mut e = event.clone();
            e.id = format!("k{i}");
            e.kind = *kind;
            e.precision = PRECISIONS[i % 3];
            e.status = STATUSES[i % 2];
            e.date_end = (i % 2 == 0).then_some(PartialDate { year: 1899, month: Some(1), day: None });
            e.people = vec![Name { zh: "张三".to_owned(), en: String::new() }; i % 3];
            e.organisations = vec![Name { zh: "总工会".to_owned(), en: "Federation".to_owned() }; i % 2];
            data.events.push(e);
        }
        let bytes = encode(&data).expect("encodes");
        assert_eq!(read_all(&bytes, &data, 3), data);
    }

    #[test]
    fn a_reference_outside_the_head_fails_to_encode() {
        let mut data = crate::open::parse(crate::embedded::DATASET_JSON).expect("parses");
        data.facts[0].region = "atlantis".into();
        assert_eq!(encode(&data), Err("unknown region 'atlantis'".to_owned()));
    }

    #[test]
    fn broken_bytes_give_an_error_not_a_panic() {
        let data = crate::open::parse(crate::embedded::DATASET_JSON).expect("parses");
        let bytes = encode(&data).expect("encodes");
        let head = head(&data);
        assert!(Reader::new(b"nope", &head).is_err());
        for cut in [4, 5, 40, bytes.len() / 2, bytes.len() - 1] {
            let mut out = head.clone();
            let result = Reader::new(&bytes[..cut], &head).and_then(|mut r| r.step(usize::MAX, &mut out));
            assert!(result.is_err(), "cut at {cut}");
        }
    }
}
