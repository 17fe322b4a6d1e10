//! The dataset: documents, regions, categories, indicators, facts and events.
//!
//! The same types describe the human-edited TOML under `data/` (see `load`), the JSON embedded
//! in the app and the JSON the `export` command writes, so there is one schema to document.

use crate::dates::{PartialDate, Precision};
use serde::{Deserialize, Serialize};

/// Name of the export schema; bump `SCHEMA_VERSION` on any incompatible change.
pub const SCHEMA_NAME: &str = "union-explorer-dataset";
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema: String,
    pub schema_version: u32,
    pub documents: Vec<Document>,
    pub regions: Vec<Region>,
    pub categories: Vec<Category>,
    pub indicators: Vec<Indicator>,
    pub facts: Vec<Fact>,
    pub events: Vec<Event>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Printed in the document (a masthead or page header).
    Stated,
    /// Worked out from what the document says.
    Inferred,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    /// File name in the source folder; line numbers refer to this file.
    pub source_file: String,
    pub title_zh: String,
    pub title_en: String,
    #[serde(default)]
    pub outlet_zh: String,
    #[serde(default)]
    pub outlet_en: String,
    pub published: PartialDate,
    pub published_certainty: Certainty,
    pub period_start: PartialDate,
    pub period_end: PartialDate,
    pub region: String,
    pub summary_zh: String,
    pub summary_en: String,
    /// How relative time in the text (今年, 五年来…) was resolved.
    #[serde(default)]
    pub time_notes_zh: String,
    #[serde(default)]
    pub time_notes_en: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionLevel {
    Province,
    City,
    County,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub level: RegionLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub zh: String,
    pub en: String,
    pub pinyin: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub zh: String,
    pub en: String,
}

/// What a figure counts in; values are stored in the base unit (yuan, persons, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    #[serde(rename = "CNY")]
    Cny,
    Persons,
    PersonTimes,
    Units,
    Items,
    Households,
    Percent,
    Events,
    Teams,
    SquareMetres,
    Rank,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

/// How a printed figure relates to the true number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    /// 多, 余, 超过, 以上: the true number is higher.
    AtLeast,
    /// 约, 近, 左右.
    Approx,
    /// 不到, 不足, 以内.
    AtMost,
}

/// Whether a figure sums a period, belongs to one year, or is a level at a point in time.
/// Figures of different aggregation are never compared as if alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// A running total over the whole period (e.g. five years).
    PeriodTotal,
    /// One year's (or part of one year's) figure.
    SingleYear,
    /// A level, stock, rate or rank at the end of the period.
    Snapshot,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// Filled in from the report file's `[document]` when loading TOML.
    #[serde(default)]
    pub doc: String,
    pub line: u32,
    /// Further lines that repeat the same figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_lines: Vec<u32>,
    pub raw: String,
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
    pub region: String,
    pub period_start: PartialDate,
    pub period_end: PartialDate,
    pub aggregation: Aggregation,
    pub category: String,
    pub indicator: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Instruction,
    Meeting,
    Inspection,
    Festival,
    Launch,
    Contest,
    Campaign,
    Award,
    Exchange,
    Training,
    Visit,
    Other,
}

/// A person or organisation named in a report, in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Name {
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// Filled in from the report file's `[document]` when loading TOML.
    #[serde(default)]
    pub doc: String,
    pub line: u32,
    /// A few words of the cited line that identify the event there.
    pub quote: String,
    pub date_start: PartialDate,
    /// Defaults to `date_start` in the TOML files; always present in the export.
    #[serde(default)]
    pub date_end: Option<PartialDate>,
    pub precision: Precision,
    pub kind: EventKind,
    pub region: String,
    pub category: String,
    pub title_zh: String,
    pub title_en: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Name>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Name>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

impl Event {
    /// The last date the event covers (the start date for a one-off event).
    pub fn end(&self) -> PartialDate {
        self.date_end.unwrap_or(self.date_start)
    }
}

/// Why a number in a source text is deliberately not a fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    Edition,
    Ordinal,
    ProgrammeName,
    Heading,
    Duration,
    DocumentRef,
    PhoneOrCode,
    NotUnionWork,
    Other,
}

/// A number in a source text that is deliberately not in the dataset (curation metadata,
/// not part of the export).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skip {
    #[serde(default)]
    pub doc: String,
    pub line: u32,
    pub token: String,
    pub reason: SkipReason,
    #[serde(default)]
    pub note: String,
}

impl Dataset {
    pub fn empty() -> Self {
        Self {
            schema: SCHEMA_NAME.to_owned(),
            schema_version: SCHEMA_VERSION,
            documents: Vec::new(),
            regions: Vec::new(),
            categories: Vec::new(),
            indicators: Vec::new(),
            facts: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Fill the defaults the TOML files may leave out (an event's end date), so the export
    /// always carries every field.
    pub fn complete_defaults(&mut self) {
        for event in &mut self.events {
            event.date_end.get_or_insert(event.date_start);
        }
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// Names in the interface language.
mod names {
    use super::{Category, Document, Indicator, Region};
    use crate::i18n::Lang;

    fn pick<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    impl Region {
        pub fn name(&self, lang: Lang) -> &str {
            pick(lang, &self.zh, &self.en)
        }
    }
    impl Category {
        pub fn name(&self, lang: Lang) -> &str {
            pick(lang, &self.zh, &self.en)
        }
    }
    impl Indicator {
        pub fn name(&self, lang: Lang) -> &str {
            pick(lang, &self.zh, &self.en)
        }
    }
    impl Document {
        pub fn title(&self, lang: Lang) -> &str {
            pick(lang, &self.title_zh, &self.title_en)
        }
        pub fn outlet(&self, lang: Lang) -> &str {
            pick(lang, &self.outlet_zh, &self.outlet_en)
        }
        pub fn summary(&self, lang: Lang) -> &str {
            pick(lang, &self.summary_zh, &self.summary_en)
        }
    }
}
