//! The dataset: documents, regions, categories, indicators, facts and events.
//!
//! The same types describe the human-edited TOML under `data/` (see `load`), the JSON embedded
//! in the app and the JSON the `export` command writes, so there is one schema to document.

use crate::dates::{PartialDate, Precision};
use serde::{Deserialize, Serialize};
pub use crate::shared_str::SharedStr;

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
    /// China as a whole: the place of national events, a root of its own beside the province
    /// (never one of its cities).
    National,
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

/// Which unions' work an indicator counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountLevel {
    /// Everything the unions of the region did, at every level (province, city, county, company).
    AllLevels,
    /// Provincial-level work (or awards) only.
    Province,
    /// City-level work only.
    City,
    /// County-level work only.
    County,
    /// One programme, pilot, contest or campaign.
    Programme,
}

/// Whether an indicator counts a stock, a flow or an amount per case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// How many there are at a point in time (studios, stations, members): its facts are snapshots.
    Stock,
    /// How many were done or given over a period: its facts are period totals or one year's.
    Flow,
    /// An amount per case, person or item (a standard, a ceiling, a rate).
    PerCase,
}

/// What a money indicator's yuan are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyKind {
    /// Spent or paid out by the unions.
    Spent,
    /// Raised or collected (donations, fund-raising).
    Raised,
    /// Budgeted or allocated, not yet known to be spent.
    Budgeted,
    /// An outcome or benefit (economic benefit, contracts, spending driven): not union money.
    Benefit,
    /// An amount involved, e.g. in disputes or petitions: not union money.
    Involved,
    /// A value or standard per person, case or item.
    PerUnit,
    /// A ceiling per case.
    Maximum,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub unit: Unit,
    /// What exactly is counted (scope, who, which tier), in our words; the curated data has it
    /// for every indicator used by more than one figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts_en: Option<String>,
    /// Optional in the export schema (older datasets lack it); the curated data has it everywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<CountLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// What kind of money a `CNY` indicator counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money: Option<MoneyKind>,
    /// Ids this indicator took over (split or renamed), so that old links still find it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
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

/// A figure that is not a measured outcome, and so is kept out of comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trust {
    /// A slogan or round phrase (百万职工, 资助万名), not a count.
    Slogan,
    /// A plan or target, not an outcome.
    Plan,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// Filled in from the report file's `[document]` when loading TOML.
    #[serde(default)]
    pub doc: SharedStr,
    pub line: u32,
    /// Further lines that repeat the same figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_lines: Vec<u32>,
    pub raw: SharedStr,
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
    pub region: SharedStr,
    pub period_start: PartialDate,
    pub period_end: PartialDate,
    pub aggregation: Aggregation,
    pub category: SharedStr,
    pub indicator: SharedStr,
    /// Set when the figure is a slogan or a plan; the note says why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<Trust>,
    /// Facts of the same report that give another figure for the same thing; the note says
    /// which is likelier. Each names the other.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contradicted_by: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<SharedStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<SharedStr>,
}

impl Fact {
    /// Gives the texts many figures hold alike one copy (see `SharedStr`).
    pub fn share_texts(&mut self, interner: &mut crate::shared_str::Interner) {
        for text in [&mut self.doc, &mut self.raw, &mut self.region, &mut self.category, &mut self.indicator] {
            interner.share(text);
        }
        interner.share_optional(&mut self.note_zh);
        interner.share_optional(&mut self.note_en);
    }

    /// Whether the figure is a measured outcome that charts may compare: not a slogan, not a
    /// plan, not contradicted by another figure of its report.
    pub fn comparable(&self) -> bool {
        self.trust.is_none() && self.contradicted_by.is_empty()
    }
}

/// Whether an event took place or was announced as coming.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    #[default]
    Happened,
    /// Announced as coming when the report was written.
    Planned,
}

impl EventStatus {
    fn is_happened(&self) -> bool {
        *self == EventStatus::Happened
    }
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
    pub doc: SharedStr,
    pub line: u32,
    /// A few words of the cited line that identify the event there.
    pub quote: SharedStr,
    pub date_start: PartialDate,
    /// Defaults to `date_start` in the TOML files; always present in the export.
    #[serde(default)]
    pub date_end: Option<PartialDate>,
    pub precision: Precision,
    pub kind: EventKind,
    /// `happened` unless given.
    #[serde(default, skip_serializing_if = "EventStatus::is_happened")]
    pub status: EventStatus,
    pub region: SharedStr,
    pub category: SharedStr,
    pub title_zh: SharedStr,
    pub title_en: SharedStr,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Name>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Name>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<SharedStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<SharedStr>,
}

impl Event {
    /// Gives the texts many events hold alike one copy (see `SharedStr`).
    pub fn share_texts(&mut self, interner: &mut crate::shared_str::Interner) {
        for text in [&mut self.doc, &mut self.quote, &mut self.region, &mut self.category, &mut self.title_zh, &mut self.title_en] {
            interner.share(text);
        }
        interner.share_optional(&mut self.note_zh);
        interner.share_optional(&mut self.note_en);
    }

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
    /// A figure inside a set phrase of a lead paragraph that describes no activity.
    Formula,
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
    /// The indicator that took over an old indicator id (split or renamed).
    pub fn indicator_replacing(&self, old: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.replaces.iter().any(|r| r == old))
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
