//! The rules every dataset obeys, whether embedded at build time or opened from elsewhere.

use crate::dates::PartialDate;
use crate::model::{Aggregation, Dataset, Measure, MoneyKind, Qualifier, RegionLevel, Unit};
use crate::numbers::{parse_figure, same_value};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::RangeInclusive;

// Limits that keep a hostile but well-typed file from breaking the interface later (a title
// that fills the screen, a timeline asked to draw ten thousand years). Each is far above what
// the real reports need: the longest id there has 46 characters, the longest name or title 172,
// the longest note 751, the longest printed figure 9; lines stop near 200 and years span
// 2011 to 2025.

/// Longest id: ids end up in links and file names.
pub const MAX_ID_CHARS: usize = 80;
/// Longest name, title, outlet, quote or source file name: one line in a list or a legend.
pub const MAX_NAME_CHARS: usize = 300;
/// Longest note, summary or explanation of dates: a few paragraphs in the record view.
pub const MAX_NOTE_CHARS: usize = 4000;
/// Longest printed figure (`超过 2 万人次`): a token, not a sentence.
pub const MAX_RAW_CHARS: usize = 60;
/// Most entries in one of a record's lists (further lines, people, organisations).
pub const MAX_LIST_ITEMS: usize = 100;
/// Highest line a citation may name; a report is a few hundred lines.
pub const MAX_LINE: u32 = 100_000;
/// Largest value a figure may have: about ten times China's yearly GDP in yuan, and below
/// 2^53, where whole numbers stop being exact.
pub const MAX_VALUE: f64 = 1e15;
/// Years a date may fall in: from the founding of the People's Republic to a horizon no plan
/// reaches (the same span links accept).
pub const YEARS: RangeInclusive<i32> = 1949..=2100;
/// How much of an offending value a message quotes, so that a huge value makes a short message.
const QUOTED_CHARS: usize = 80;

/// One broken rule, naming the record and the field.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// `fact`, `event`, `document`, `region`, `category`, `indicator` or `dataset`.
    pub record_kind: &'static str,
    pub record_id: String,
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} '{}', field `{}`: {}", self.record_kind, self.record_id, self.field, self.message)
    }
}

/// `text` cut to its first `max` characters, marked with `…` when cut: how messages and
/// notices repeat text that came from outside.
pub fn clipped(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// A value as a problem's message quotes it.
pub fn quoted(text: &str) -> String {
    clipped(text, QUOTED_CHARS)
}

struct Checker {
    problems: Vec<Problem>,
    /// Problems kept at most; the rest are only counted.
    limit: usize,
    omitted: usize,
}

impl Checker {
    fn report(&mut self, record_kind: &'static str, record_id: &str, field: &'static str, message: impl Into<String>) {
        if self.problems.len() < self.limit {
            self.problems.push(Problem { record_kind, record_id: quoted(record_id), field, message: message.into() });
        } else {
            self.omitted += 1;
        }
    }

    fn reference(&mut self, known: &Known, kind: &'static str, id: &str, field: &'static str, target: &str) {
        if !known.contains_key(target) {
            self.report(kind, id, field, format!("unknown {field} '{}'", quoted(target)));
        }
    }

    /// A required text: not empty, and within `max` characters.
    fn text(&mut self, kind: &'static str, id: &str, field: &'static str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.report(kind, id, field, "must not be empty");
        }
        self.bounded(kind, id, field, value, max);
    }

    /// Any text: within `max` characters and free of control characters other than line
    /// breaks and tabs (which could hide text or break the layout).
    fn bounded(&mut self, kind: &'static str, id: &str, field: &'static str, value: &str, max: usize) {
        let length = value.chars().count();
        if length > max {
            self.report(kind, id, field, format!("is {length} characters long; at most {max} are allowed"));
        }
        if let Some(c) = value.chars().find(|&c| c.is_control() && c != '\n' && c != '\t') {
            self.report(kind, id, field, format!("contains the control character U+{:04X}; only line breaks and tabs are allowed", u32::from(c)));
        }
    }

    fn optional(&mut self, kind: &'static str, id: &str, field: &'static str, value: Option<&str>, max: usize) {
        if let Some(value) = value {
            self.bounded(kind, id, field, value, max);
        }
    }

    fn year(&mut self, kind: &'static str, id: &str, field: &'static str, date: &PartialDate) {
        if !YEARS.contains(&date.year) {
            self.report(kind, id, field, format!("{date} is outside the years {} to {}", YEARS.start(), YEARS.end()));
        }
    }

    fn line(&mut self, kind: &'static str, id: &str, line: u32) {
        if line == 0 {
            self.report(kind, id, "line", "lines are numbered from 1");
        } else if line > MAX_LINE {
            self.report(kind, id, "line", format!("line {line} is beyond {MAX_LINE}, the most a report may have"));
        }
    }

    fn list_length(&mut self, kind: &'static str, id: &str, field: &'static str, length: usize) {
        if length > MAX_LIST_ITEMS {
            self.report(kind, id, field, format!("has {length} entries; at most {MAX_LIST_ITEMS} are allowed"));
        }
    }

    fn names(&mut self, kind: &'static str, id: &str, field: &'static str, names: &[crate::model::Name]) {
        self.list_length(kind, id, field, names.len());
        for name in names {
            self.bounded(kind, id, field, &name.zh, MAX_NAME_CHARS);
            self.bounded(kind, id, field, &name.en, MAX_NAME_CHARS);
        }
    }

    /// An id is lowercase letters, digits, `-` and `_`, and short enough for links.
    fn id_form(&mut self, kind: &'static str, id: &str) {
        if !valid_id(id) {
            self.report(kind, id, "id", "ids are lowercase letters, digits, '-' and '_'");
        }
        let length = id.chars().count();
        if length > MAX_ID_CHARS {
            self.report(kind, id, "id", format!("is {length} characters long; ids have at most {MAX_ID_CHARS}"));
        }
    }

    fn unique_ids<'a>(&mut self, kind: &'static str, ids: impl Iterator<Item = &'a str>, seen: &mut Known) {
        for (at, id) in ids.enumerate() {
            self.id_form(kind, id);
            if seen.contains_key(id) {
                self.report(kind, id, "id", "used by another record");
            } else {
                seen.insert(id.to_owned(), at);
            }
        }
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Checks every rule; an empty list means the dataset is sound.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    validate_at_most(data, usize::MAX).0
}

/// Checks every rule but keeps only the first `max_problems` problems, so that a file built to
/// break every rule cannot make a huge list; also returns how many more were found.
pub fn validate_at_most(data: &Dataset, max_problems: usize) -> (Vec<Problem>, usize) {
    let mut validation = Validation::new(max_problems);
    while !validation.step(data, usize::MAX) {}
    validation.finish()
}

/// The ids of one kind of record, each with the position of the first record that has it.
type Known = HashMap<String, usize>;

/// What a figure says apart from its own id, with its references as positions: two figures of
/// one document alike in all of it say the same thing twice.
type FactKey = (usize, usize, usize, PartialDate, PartialDate, u64, Qualifier);

/// The dataset rules, checked a slice of records at a time so that a large outside dataset is
/// checked while the page goes on painting. Every step must be given the same dataset; the
/// problems come in the same order however the work is sliced.
pub struct Validation {
    check: Checker,
    stage: Stage,
    /// How many of the stage's records are checked.
    next: usize,
    documents: Known,
    regions: Known,
    categories: Known,
    indicators: Known,
    /// Fact and event ids (one id space), with the position of each fact.
    records: HashMap<String, Option<usize>>,
    fact_keys: HashMap<FactKey, usize>,
}

#[derive(Clone, Copy, PartialEq)]
enum Stage {
    /// The schema and the ids of documents, regions, categories and indicators.
    Tables,
    /// The ids of facts and events.
    RecordIds,
    /// Documents, regions, categories and indicators field by field.
    Details,
    Facts,
    Events,
    Done,
}

impl Validation {
    pub fn new(max_problems: usize) -> Self {
        Validation {
            check: Checker { problems: Vec::new(), limit: max_problems, omitted: 0 },
            stage: Stage::Tables,
            next: 0,
            documents: Known::new(),
            regions: Known::new(),
            categories: Known::new(),
            indicators: Known::new(),
            records: HashMap::new(),
            fact_keys: HashMap::new(),
        }
    }

    /// Checks about `records` more records (the small tables count as one step each); true once
    /// every rule has been checked.
    pub fn step(&mut self, data: &Dataset, records: usize) -> bool {
        let mut budget = records.max(1);
        while budget > 0 && self.stage != Stage::Done {
            let (total, next_stage) = match self.stage {
                Stage::Tables => {
                    self.tables(data);
                    (0, Stage::RecordIds)
                }
                Stage::RecordIds => (data.facts.len() + data.events.len(), Stage::Details),
                Stage::Details => {
                    self.details(data);
                    (0, Stage::Facts)
                }
                Stage::Facts => (data.facts.len(), Stage::Events),
                Stage::Events => (data.events.len(), Stage::Done),
                Stage::Done => (0, Stage::Done),
            };
            let end = total.min(self.next.saturating_add(budget));
            for at in self.next..end {
                match self.stage {
                    Stage::RecordIds => self.record_id(data, at),
                    Stage::Facts => self.fact(data, at),
                    Stage::Events => self.event(data, at),
                    _ => {}
                }
            }
            budget = budget.saturating_sub((end - self.next).max(1));
            self.next = end;
            if end == total {
                self.stage = next_stage;
                self.next = 0;
            }
        }
        self.stage == Stage::Done
    }

    /// How much of the checking is done, from 0 to 1 (each record is visited twice).
    pub fn progress(&self, data: &Dataset) -> f64 {
        let records = data.facts.len() + data.events.len();
        let done = match self.stage {
            Stage::Tables => 0,
            Stage::RecordIds => self.next,
            Stage::Details | Stage::Facts => records + self.next,
            Stage::Events => records + data.facts.len() + self.next,
            Stage::Done => return 1.0,
        };
        if records == 0 { 1.0 } else { done as f64 / (2 * records) as f64 }
    }

    /// The problems kept, and how many more were found.
    pub fn finish(self) -> (Vec<Problem>, usize) {
        (self.check.problems, self.check.omitted)
    }

    fn tables(&mut self, data: &Dataset) {
        let check = &mut self.check;
        if data.schema != crate::model::SCHEMA_NAME || data.schema_version != crate::model::SCHEMA_VERSION {
            check.report(
                "dataset",
                &data.schema,
                "schema",
                format!(
                    "expected schema '{}' version {}, found '{}' version {}",
                    crate::model::SCHEMA_NAME,
                    crate::model::SCHEMA_VERSION,
                    quoted(&data.schema),
                    data.schema_version
                ),
            );
        }
        check.unique_ids("document", data.documents.iter().map(|d| d.id.as_str()), &mut self.documents);
        check.unique_ids("region", data.regions.iter().map(|r| r.id.as_str()), &mut self.regions);
        check.unique_ids("category", data.categories.iter().map(|c| c.id.as_str()), &mut self.categories);
        check.unique_ids("indicator", data.indicators.iter().map(|i| i.id.as_str()), &mut self.indicators);
    }

    /// The id of the fact at `at`, or of the event at `at` after the facts.
    fn record_id(&mut self, data: &Dataset, at: usize) {
        let (kind, id, fact) = match data.facts.get(at) {
            Some(fact) => ("fact", fact.id.as_str(), Some(at)),
            None => match data.events.get(at - data.facts.len()) {
                Some(event) => ("event", event.id.as_str(), None),
                None => return,
            },
        };
        self.check.id_form(kind, id);
        if self.records.contains_key(id) {
            self.check.report(kind, id, "id", "used by another record");
        } else {
            self.records.insert(id.to_owned(), fact);
        }
    }

    fn details(&mut self, data: &Dataset) {
        let check = &mut self.check;
        let mut source_files = HashSet::new();
        for doc in &data.documents {
            let id = doc.id.as_str();
            check.reference(&self.regions, "document", id, "region", &doc.region);
            for (field, value, max) in [
                ("source_file", &doc.source_file, MAX_NAME_CHARS),
                ("title_zh", &doc.title_zh, MAX_NAME_CHARS),
                ("title_en", &doc.title_en, MAX_NAME_CHARS),
                ("summary_zh", &doc.summary_zh, MAX_NOTE_CHARS),
                ("summary_en", &doc.summary_en, MAX_NOTE_CHARS),
            ] {
                check.text("document", id, field, value, max);
            }
            for (field, value, max) in [
                ("outlet_zh", &doc.outlet_zh, MAX_NAME_CHARS),
                ("outlet_en", &doc.outlet_en, MAX_NAME_CHARS),
                ("time_notes_zh", &doc.time_notes_zh, MAX_NOTE_CHARS),
                ("time_notes_en", &doc.time_notes_en, MAX_NOTE_CHARS),
            ] {
                check.bounded("document", id, field, value, max);
            }
            check.year("document", id, "published", &doc.published);
            check.year("document", id, "period_start", &doc.period_start);
            check.year("document", id, "period_end", &doc.period_end);
            if !source_files.insert(doc.source_file.as_str()) {
                check.report("document", id, "source_file", "another document has the same source file");
            }
            if doc.period_start.first_day() > doc.period_end.last_day() {
                check.report("document", id, "period_end", format!("ends ({}) before it starts ({})", doc.period_end, doc.period_start));
            }
        }

        let levels: HashMap<&str, RegionLevel> = data.regions.iter().map(|r| (r.id.as_str(), r.level)).collect();
        for region in &data.regions {
            let id = region.id.as_str();
            check.text("region", id, "zh", &region.zh, MAX_NAME_CHARS);
            check.text("region", id, "en", &region.en, MAX_NAME_CHARS);
            check.bounded("region", id, "pinyin", &region.pinyin, MAX_NAME_CHARS);
            match (&region.parent, region.level) {
                (None, RegionLevel::Province | RegionLevel::National) => {}
                (None, _) => check.report("region", id, "parent", "only a province or the nation may have no parent"),
                (Some(_), RegionLevel::National) => check.report("region", id, "parent", "the nation has no parent"),
                (Some(parent), level) => match levels.get(parent.as_str()) {
                    None => check.report("region", id, "parent", format!("unknown parent '{}'", quoted(parent))),
                    Some(parent_level) if *parent_level >= level => {
                        check.report("region", id, "parent", format!("'{}' is not a level above this region", quoted(parent)))
                    }
                    Some(_) => {}
                },
            }
        }

        for category in &data.categories {
            check.text("category", &category.id, "zh", &category.zh, MAX_NAME_CHARS);
            check.text("category", &category.id, "en", &category.en, MAX_NAME_CHARS);
        }
        let mut replaced: HashMap<&str, &str> = HashMap::new();
        for indicator in &data.indicators {
            let id = indicator.id.as_str();
            check.text("indicator", id, "zh", &indicator.zh, MAX_NAME_CHARS);
            check.text("indicator", id, "en", &indicator.en, MAX_NAME_CHARS);
            check.optional("indicator", id, "counts_zh", indicator.counts_zh.as_deref(), MAX_NOTE_CHARS);
            check.optional("indicator", id, "counts_en", indicator.counts_en.as_deref(), MAX_NOTE_CHARS);
            check.optional("indicator", id, "note_zh", indicator.note_zh.as_deref(), MAX_NOTE_CHARS);
            check.optional("indicator", id, "note_en", indicator.note_en.as_deref(), MAX_NOTE_CHARS);
            match (indicator.money, indicator.unit) {
                (Some(kind), unit) if unit != Unit::Cny => check.report(
                    "indicator",
                    id,
                    "money",
                    format!("only a CNY indicator has a money kind; this one counts {unit:?}, not {kind:?}"),
                ),
                _ => {}
            }
            // an amount per case is a per-case measure, and a per-case money figure is per unit or a ceiling
            if let (Some(money), Some(measure)) = (indicator.money, indicator.measure) {
                let per_case_money = matches!(money, MoneyKind::PerUnit | MoneyKind::Maximum);
                if per_case_money != (measure == Measure::PerCase) {
                    check.report("indicator", id, "measure", format!("money {money:?} goes with measure per_case and only with it, not {measure:?}"));
                }
            }
            check.list_length("indicator", id, "replaces", indicator.replaces.len());
            for old in &indicator.replaces {
                if !valid_id(old) {
                    check.report("indicator", id, "replaces", format!("'{}' is not an id", quoted(old)));
                } else if self.indicators.contains_key(old.as_str()) {
                    check.report("indicator", id, "replaces", format!("'{}' is still an indicator of its own", quoted(old)));
                } else if let Some(first) = replaced.insert(old.as_str(), id) {
                    check.report("indicator", id, "replaces", format!("'{}' is already replaced by '{}'", quoted(old), quoted(first)));
                }
            }
        }
    }

    fn fact(&mut self, data: &Dataset, at: usize) {
        let Some(fact) = data.facts.get(at) else { return };
        let check = &mut self.check;
        let id = fact.id.as_str();
        check.reference(&self.documents, "fact", id, "doc", &fact.doc);
        check.reference(&self.regions, "fact", id, "region", &fact.region);
        check.reference(&self.categories, "fact", id, "category", &fact.category);
        check.reference(&self.indicators, "fact", id, "indicator", &fact.indicator);
        check.line("fact", id, fact.line);
        if fact.also_lines.contains(&fact.line) || fact.also_lines.contains(&0) {
            check.report("fact", id, "also_lines", "repeats the main line or names line 0");
        }
        if let Some(line) = fact.also_lines.iter().find(|&&line| line > MAX_LINE) {
            check.report("fact", id, "also_lines", format!("line {line} is beyond {MAX_LINE}, the most a report may have"));
        }
        check.list_length("fact", id, "also_lines", fact.also_lines.len());
        if !fact.value.is_finite() || fact.value < 0.0 {
            check.report("fact", id, "value", format!("{} is not a non-negative number", fact.value));
        } else if fact.value > MAX_VALUE {
            check.report("fact", id, "value", format!("{} is larger than {MAX_VALUE:e}, the most a figure may be", fact.value));
        }
        check.optional("fact", id, "note_zh", fact.note_zh.as_deref(), MAX_NOTE_CHARS);
        check.optional("fact", id, "note_en", fact.note_en.as_deref(), MAX_NOTE_CHARS);
        check.year("fact", id, "period_start", &fact.period_start);
        check.year("fact", id, "period_end", &fact.period_end);
        let indicator = self.indicators.get(fact.indicator.as_str()).and_then(|&i| data.indicators.get(i));
        if let Some(unit) = indicator.map(|i| i.unit) {
            if unit != fact.unit {
                check.report("fact", id, "unit", format!("indicator '{}' counts in {unit:?}, the fact in {:?}", fact.indicator, fact.unit));
            }
        }
        check.bounded("fact", id, "raw", &fact.raw, MAX_RAW_CHARS);
        if let Some(c) = crate::numbers::foreign_char_in_figure(&fact.raw) {
            check.report("fact", id, "raw", format!("'{}' holds {c:?}, which is not part of a printed figure", quoted(&fact.raw)));
        }
        // An overlong token is reported above; reading it would only quote it again.
        let figure = if fact.raw.chars().count() > MAX_RAW_CHARS { None } else { Some(parse_figure(&fact.raw)) };
        match figure {
            None => {}
            Some(Err(message)) => check.report("fact", id, "raw", message),
            Some(Ok(figure)) => {
                if !same_value(figure.value, fact.value) {
                    check.report("fact", id, "value", format!("'{}' reads as {}, not {}", fact.raw, figure.value, fact.value));
                }
                if figure.qualifier != fact.qualifier {
                    check.report(
                        "fact",
                        id,
                        "qualifier",
                        format!("'{}' reads as {:?}, not {:?}", fact.raw, figure.qualifier, fact.qualifier),
                    );
                }
                if let Some(implied) = figure.implied_unit {
                    if implied != fact.unit {
                        check.report("fact", id, "unit", format!("'{}' is in {implied:?}, not {:?}", fact.raw, fact.unit));
                    }
                }
            }
        }
        if fact.period_start.first_day() > fact.period_end.last_day() {
            check.report("fact", id, "period_end", format!("ends ({}) before it starts ({})", fact.period_end, fact.period_start));
        }
        match (indicator.and_then(|i| i.measure), fact.aggregation) {
            (Some(Measure::Stock), Aggregation::PeriodTotal | Aggregation::SingleYear) => check.report(
                "fact",
                id,
                "aggregation",
                format!("indicator '{}' counts a stock, so its figures are snapshots, not {:?}", quoted(&fact.indicator), fact.aggregation),
            ),
            (Some(Measure::Flow), Aggregation::Snapshot) => check.report(
                "fact",
                id,
                "aggregation",
                format!("indicator '{}' counts a flow, so its figures are period totals or one year's, not a snapshot", quoted(&fact.indicator)),
            ),
            _ => {}
        }
        let flagged = fact.trust.is_some() || !fact.contradicted_by.is_empty();
        if flagged && (fact.note_zh.as_deref().is_none_or(|n| n.trim().is_empty()) || fact.note_en.as_deref().is_none_or(|n| n.trim().is_empty())) {
            check.report("fact", id, "note_en", "a slogan, plan or contradicted figure says why in note_zh and note_en");
        }
        check.list_length("fact", id, "contradicted_by", fact.contradicted_by.len());
        for other in &fact.contradicted_by {
            match self.records.get(other.as_str()).copied().flatten().and_then(|i| data.facts.get(i)) {
                None => check.report("fact", id, "contradicted_by", format!("unknown fact '{}'", quoted(other))),
                Some(_) if other == &fact.id => check.report("fact", id, "contradicted_by", "names the fact itself"),
                Some(other_fact) if !other_fact.contradicted_by.contains(&fact.id) => check.report(
                    "fact",
                    id,
                    "contradicted_by",
                    format!("fact '{}' does not name this one in its contradicted_by", quoted(other)),
                ),
                Some(_) => {}
            }
        }
        if fact.aggregation == Aggregation::SingleYear && fact.period_start.year != fact.period_end.year {
            check.report("fact", id, "aggregation", "a single-year figure's period lies within one year");
        }
        // a figure with an unknown reference is reported above, and no key of it is sure
        let position = |known: &Known, id: &str| known.get(id).copied();
        if let (Some(doc), Some(indicator), Some(region)) =
            (position(&self.documents, &fact.doc), position(&self.indicators, &fact.indicator), position(&self.regions, &fact.region))
        {
            let key = (doc, indicator, region, fact.period_start, fact.period_end, fact.value.to_bits(), fact.qualifier);
            if let Some(other) = self.fact_keys.insert(key, at).and_then(|i| data.facts.get(i)) {
                check.report("fact", id, "indicator", format!("duplicates fact '{}' (same document, indicator, region, period and value)", quoted(&other.id)));
            }
        }
    }

    fn event(&mut self, data: &Dataset, at: usize) {
        let Some(event) = data.events.get(at) else { return };
        let check = &mut self.check;
        let id = event.id.as_str();
        check.reference(&self.documents, "event", id, "doc", &event.doc);
        check.reference(&self.regions, "event", id, "region", &event.region);
        check.reference(&self.categories, "event", id, "category", &event.category);
        check.text("event", id, "title_zh", &event.title_zh, MAX_NAME_CHARS);
        check.text("event", id, "title_en", &event.title_en, MAX_NAME_CHARS);
        check.text("event", id, "quote", &event.quote, MAX_NAME_CHARS);
        check.optional("event", id, "note_zh", event.note_zh.as_deref(), MAX_NOTE_CHARS);
        check.optional("event", id, "note_en", event.note_en.as_deref(), MAX_NOTE_CHARS);
        check.names("event", id, "people", &event.people);
        check.names("event", id, "organisations", &event.organisations);
        check.line("event", id, event.line);
        check.year("event", id, "date_start", &event.date_start);
        if let Some(end) = &event.date_end {
            check.year("event", id, "date_end", end);
        }
        if event.date_start.precision() != event.precision {
            check.report(
                "event",
                id,
                "precision",
                format!("date_start {} has {:?} precision, not {:?}", event.date_start, event.date_start.precision(), event.precision),
            );
        }
        if event.date_start.first_day() > event.end().last_day() {
            check.report("event", id, "date_end", format!("ends ({}) before it starts ({})", event.end(), event.date_start));
        }
    }
}

/// The rules the curated data under `data/` obeys on top of [`validate`]; outside datasets in
/// the export schema may leave these fields out. Every indicator says at which level it counts
/// and what it measures, every money indicator what its yuan are, and every indicator shared by
/// several figures what exactly it counts.
pub fn curation(data: &Dataset) -> Vec<Problem> {
    let mut check = Checker { problems: Vec::new(), limit: usize::MAX, omitted: 0 };
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for fact in &data.facts {
        *uses.entry(fact.indicator.as_str()).or_default() += 1;
    }
    for indicator in &data.indicators {
        let id = indicator.id.as_str();
        if indicator.level.is_none() {
            check.report("indicator", id, "level", "say at which level it counts: all_levels, province, city, county or programme");
        }
        if indicator.measure.is_none() {
            check.report("indicator", id, "measure", "say what it measures: stock, flow or per_case");
        }
        if indicator.unit == Unit::Cny && indicator.money.is_none() {
            check.report("indicator", id, "money", "a CNY indicator says what its money is: spent, raised, budgeted, benefit, involved, per_unit or maximum");
        }
        let shared = uses.get(id).is_some_and(|&n| n > 1);
        let blank = |text: &Option<String>| text.as_deref().is_none_or(|t| t.trim().is_empty());
        if shared && (blank(&indicator.counts_zh) || blank(&indicator.counts_en)) {
            check.report("indicator", id, "counts_en", "an indicator several figures share says what exactly it counts in counts_zh and counts_en");
        }
    }
    check.problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::embedded::dataset().expect("embedded dataset")
    }

    fn fields(problems: &[Problem]) -> Vec<(&str, &str, &str)> {
        problems.iter().map(|p| (p.record_kind, p.record_id.as_str(), p.field)).collect()
    }

    #[test]
    fn overlong_text_and_control_characters_name_record_and_field() {
        let mut data = data();
        let event = data.events[0].id.clone();
        data.events[0].title_en = "x".repeat(MAX_NAME_CHARS + 1).into();
        data.events[0].note_zh = Some("bell\u{7}".into());
        data.documents[0].summary_en = "line one\nline two\tand a tab".into();
        let problems = validate(&data);
        assert_eq!(fields(&problems), [("event", event.as_str(), "title_en"), ("event", event.as_str(), "note_zh")], "{problems:#?}");
        assert!(problems[1].message.contains("U+0007"), "{}", problems[1].message);
    }

    #[test]
    fn implausible_years_values_and_lines_are_rejected() {
        let mut data = data();
        let fact = data.facts[0].id.clone();
        data.facts[0].period_end = PartialDate { year: 9999, month: None, day: None };
        data.facts[0].line = MAX_LINE + 1;
        let problems = validate(&data);
        let named = fields(&problems);
        assert!(named.contains(&("fact", fact.as_str(), "period_end")), "{problems:#?}");
        assert!(named.contains(&("fact", fact.as_str(), "line")), "{problems:#?}");

        let mut data = self::data();
        let fact = data.facts[0].id.clone();
        data.facts[0].raw = "2000000000000000".into();
        data.facts[0].value = 2e15;
        data.facts[0].qualifier = crate::model::Qualifier::Exact;
        let problems = validate(&data);
        assert_eq!(fields(&problems), [("fact", fact.as_str(), "value")], "{problems:#?}");
    }

    #[test]
    fn a_printed_figure_holds_nothing_but_a_figure() {
        for markup in ["2<img src=x onerror=alert(1)>", "<b>5</b>", "5\"", "5 apples", "=5"] {
            let mut data = data();
            let fact = data.facts[0].id.clone();
            data.facts[0].raw = markup.into();
            let problems = validate(&data);
            assert!(fields(&problems).contains(&("fact", fact.as_str(), "raw")), "{markup}: {problems:#?}");
        }
        for raw in ["973.27 万元", "1.6万多家", "超过 2 万人", "第一", "８５％", "150元/包", "百万职工"] {
            assert_eq!(crate::numbers::foreign_char_in_figure(raw), None, "{raw}");
        }
    }

    #[test]
    fn huge_values_are_quoted_briefly() {
        let mut data = data();
        let long = "a".repeat(1_000_000);
        data.facts[0].id = long.clone();
        data.facts[0].region = long.into();
        let problems = validate(&data);
        assert!(!problems.is_empty());
        for problem in &problems {
            assert!(problem.to_string().chars().count() < 400, "{}", &problem.to_string()[..400]);
        }
    }

    #[test]
    fn checked_in_slices_the_problems_are_the_same() {
        let mut data = data();
        data.facts[3].region = "atlantis".into();
        data.facts[5].id = data.events[2].id.clone();
        data.events[7].title_en = crate::model::SharedStr::default();
        let other = data.facts[9].id.clone();
        data.facts[11].contradicted_by = vec![other];
        let whole = validate(&data);
        assert!(whole.len() >= 4, "{whole:#?}");
        for records in [1, 7, 250] {
            let mut validation = Validation::new(usize::MAX);
            let mut progress = 0.0;
            let mut steps = 0;
            while !validation.step(&data, records) {
                let now = validation.progress(&data);
                assert!(now >= progress && now < 1.0, "{now} after {progress}");
                progress = now;
                steps += 1;
            }
            assert_eq!(validation.progress(&data), 1.0);
            assert!(steps >= (data.facts.len() + data.events.len()) * 2 / records.max(1) / 2, "{steps} steps of {records}");
            assert_eq!(validation.finish().0, whole, "in steps of {records}");
        }
    }

    #[test]
    fn problems_beyond_the_limit_are_counted_not_kept() {
        let mut data = data();
        for fact in &mut data.facts {
            fact.region = "atlantis".into();
        }
        let all = validate(&data);
        let (kept, omitted) = validate_at_most(&data, 10);
        assert_eq!(kept.len(), 10);
        assert_eq!(kept[..], all[..10]);
        assert_eq!(omitted, all.len() - 10);
    }
}
