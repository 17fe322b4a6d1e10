//! The rules every dataset obeys, whether embedded at build time or opened from elsewhere.

use crate::model::{Aggregation, Dataset, RegionLevel, Unit};
use crate::numbers::{parse_figure, same_value};
use std::collections::{HashMap, HashSet};
use std::fmt;

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

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, record_kind: &'static str, record_id: &str, field: &'static str, message: impl Into<String>) {
        self.problems.push(Problem { record_kind, record_id: record_id.to_owned(), field, message: message.into() });
    }

    fn reference(&mut self, known: &HashSet<&str>, kind: &'static str, id: &str, field: &'static str, target: &str) {
        if !known.contains(target) {
            self.report(kind, id, field, format!("unknown {field} '{target}'"));
        }
    }

    fn text(&mut self, kind: &'static str, id: &str, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.report(kind, id, field, "must not be empty");
        }
    }

    fn unique_ids<'a>(&mut self, kind: &'static str, ids: impl Iterator<Item = &'a str>, seen: &mut HashSet<&'a str>) {
        for id in ids {
            if !valid_id(id) {
                self.report(kind, id, "id", "ids are lowercase letters, digits, '-' and '_'");
            }
            if !seen.insert(id) {
                self.report(kind, id, "id", "used by another record");
            }
        }
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Checks every rule; an empty list means the dataset is sound.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut check = Checker { problems: Vec::new() };
    if data.schema != crate::model::SCHEMA_NAME || data.schema_version != crate::model::SCHEMA_VERSION {
        check.report(
            "dataset",
            &data.schema,
            "schema",
            format!(
                "expected schema '{}' version {}, found '{}' version {}",
                crate::model::SCHEMA_NAME,
                crate::model::SCHEMA_VERSION,
                data.schema,
                data.schema_version
            ),
        );
    }

    let mut documents = HashSet::new();
    check.unique_ids("document", data.documents.iter().map(|d| d.id.as_str()), &mut documents);
    let mut regions = HashSet::new();
    check.unique_ids("region", data.regions.iter().map(|r| r.id.as_str()), &mut regions);
    let mut categories = HashSet::new();
    check.unique_ids("category", data.categories.iter().map(|c| c.id.as_str()), &mut categories);
    let mut indicators = HashSet::new();
    check.unique_ids("indicator", data.indicators.iter().map(|i| i.id.as_str()), &mut indicators);
    let mut records = HashSet::new();
    check.unique_ids("fact", data.facts.iter().map(|f| f.id.as_str()), &mut records);
    check.unique_ids("event", data.events.iter().map(|e| e.id.as_str()), &mut records);

    let mut source_files = HashSet::new();
    for doc in &data.documents {
        let id = doc.id.as_str();
        check.reference(&regions, "document", id, "region", &doc.region);
        for (field, value) in [
            ("source_file", &doc.source_file),
            ("title_zh", &doc.title_zh),
            ("title_en", &doc.title_en),
            ("summary_zh", &doc.summary_zh),
            ("summary_en", &doc.summary_en),
        ] {
            check.text("document", id, field, value);
        }
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
        check.text("region", id, "zh", &region.zh);
        check.text("region", id, "en", &region.en);
        match (&region.parent, region.level) {
            (None, RegionLevel::Province) => {}
            (None, _) => check.report("region", id, "parent", "only a province may have no parent"),
            (Some(parent), level) => match levels.get(parent.as_str()) {
                None => check.report("region", id, "parent", format!("unknown parent '{parent}'")),
                Some(parent_level) if *parent_level >= level => {
                    check.report("region", id, "parent", format!("'{parent}' is not a level above this region"))
                }
                Some(_) => {}
            },
        }
    }

    for category in &data.categories {
        check.text("category", &category.id, "zh", &category.zh);
        check.text("category", &category.id, "en", &category.en);
    }
    let indicator_units: HashMap<&str, Unit> = data.indicators.iter().map(|i| (i.id.as_str(), i.unit)).collect();
    for indicator in &data.indicators {
        check.text("indicator", &indicator.id, "zh", &indicator.zh);
        check.text("indicator", &indicator.id, "en", &indicator.en);
    }

    let mut fact_keys = HashMap::new();
    for fact in &data.facts {
        let id = fact.id.as_str();
        check.reference(&documents, "fact", id, "doc", &fact.doc);
        check.reference(&regions, "fact", id, "region", &fact.region);
        check.reference(&categories, "fact", id, "category", &fact.category);
        check.reference(&indicators, "fact", id, "indicator", &fact.indicator);
        if fact.line == 0 {
            check.report("fact", id, "line", "lines are numbered from 1");
        }
        if fact.also_lines.contains(&fact.line) || fact.also_lines.contains(&0) {
            check.report("fact", id, "also_lines", "repeats the main line or names line 0");
        }
        if !fact.value.is_finite() || fact.value < 0.0 {
            check.report("fact", id, "value", format!("{} is not a non-negative number", fact.value));
        }
        if let Some(unit) = indicator_units.get(fact.indicator.as_str()) {
            if *unit != fact.unit {
                check.report("fact", id, "unit", format!("indicator '{}' counts in {unit:?}, the fact in {:?}", fact.indicator, fact.unit));
            }
        }
        match parse_figure(&fact.raw) {
            Err(message) => check.report("fact", id, "raw", message),
            Ok(figure) => {
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
        if fact.aggregation == Aggregation::SingleYear && fact.period_start.year != fact.period_end.year {
            check.report("fact", id, "aggregation", "a single-year figure's period lies within one year");
        }
        let key = (
            fact.doc.as_str(),
            fact.indicator.as_str(),
            fact.region.as_str(),
            fact.period_start,
            fact.period_end,
            fact.value.to_bits(),
            fact.qualifier,
        );
        if let Some(other) = fact_keys.insert(key, id) {
            check.report("fact", id, "indicator", format!("duplicates fact '{other}' (same document, indicator, region, period and value)"));
        }
    }

    for event in &data.events {
        let id = event.id.as_str();
        check.reference(&documents, "event", id, "doc", &event.doc);
        check.reference(&regions, "event", id, "region", &event.region);
        check.reference(&categories, "event", id, "category", &event.category);
        check.text("event", id, "title_zh", &event.title_zh);
        check.text("event", id, "title_en", &event.title_en);
        check.text("event", id, "quote", &event.quote);
        if event.line == 0 {
            check.report("event", id, "line", "lines are numbered from 1");
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
    check.problems
}
