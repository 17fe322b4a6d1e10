//! Filtering, counting and searching the records of a dataset. Everything the filter panel,
//! the views and their counts need, computed without the browser.

use crate::model::{Dataset, Event, Fact};
use std::collections::{BTreeSet, HashMap};

/// A fact or an event, by position in the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordRef {
    Fact(usize),
    Event(usize),
}

/// What a record is filtered by.
#[derive(Clone, Copy, Debug)]
pub struct RecordKeys<'a> {
    pub id: &'a str,
    pub doc: &'a str,
    pub region: &'a str,
    pub category: &'a str,
    /// First and last calendar year the record covers.
    pub years: (i32, i32),
}

pub fn fact_keys(fact: &Fact) -> RecordKeys<'_> {
    RecordKeys {
        id: &fact.id,
        doc: &fact.doc,
        region: &fact.region,
        category: &fact.category,
        years: (fact.period_start.year, fact.period_end.year),
    }
}

pub fn event_keys(event: &Event) -> RecordKeys<'_> {
    RecordKeys {
        id: &event.id,
        doc: &event.doc,
        region: &event.region,
        category: &event.category,
        years: (event.date_start.year, event.end().year),
    }
}

/// The filters a person can set; empty sets mean "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A record matches a region or any region below it.
    pub regions: BTreeSet<String>,
    pub categories: BTreeSet<String>,
    pub docs: BTreeSet<String>,
    /// Inclusive; a record matches when its years overlap.
    pub years: Option<(i32, i32)>,
    pub text: String,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// One filter facet, so that a facet's own counts can ignore its own selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Region,
    Category,
    Doc,
    Years,
    Text,
}

/// Lookups built once per dataset: region ancestry and the text each record is searched by.
pub struct Index {
    /// Each region's id followed by its ancestors' ids.
    lineage: HashMap<String, Vec<String>>,
    /// Each region's nearest city-level ancestor (itself for a city or the province).
    city: HashMap<String, String>,
    fact_text: Vec<SearchText>,
    event_text: Vec<SearchText>,
    /// Earliest and latest year any record covers.
    pub year_span: (i32, i32),
}

/// A record's searchable text: Chinese as written, everything else lower-cased.
struct SearchText(String);

impl Index {
    pub fn new(data: &Dataset) -> Self {
        let parents: HashMap<&str, Option<&str>> = data.regions.iter().map(|r| (r.id.as_str(), r.parent.as_deref())).collect();
        let lineage: HashMap<String, Vec<String>> = data
            .regions
            .iter()
            .map(|r| {
                let mut chain = vec![r.id.clone()];
                let mut current = r.parent.as_deref();
                // a cycle cannot reach here from a validated dataset; the bound guards any other
                while let Some(parent) = current.filter(|_| chain.len() <= data.regions.len()) {
                    chain.push(parent.to_owned());
                    current = parents.get(parent).copied().flatten();
                }
                (r.id.clone(), chain)
            })
            .collect();
        let city = lineage
            .iter()
            .map(|(id, chain): (&String, &Vec<String>)| {
                let nearest = chain.iter().find(|r| data.region(r).is_some_and(|r| r.level == crate::model::RegionLevel::City));
                (id.clone(), nearest.unwrap_or(id).clone())
            })
            .collect();
        // looked up once per id, not once per record
        let region_words: HashMap<&str, String> =
            data.regions.iter().map(|r| (r.id.as_str(), format!("{} {} {}", r.zh, r.en, r.pinyin))).collect();
        let indicator_words: HashMap<&str, String> =
            data.indicators.iter().map(|i| (i.id.as_str(), format!("{} {}", i.zh, i.en))).collect();
        let words = |map: &HashMap<&str, String>, id: &str| map.get(id).cloned().unwrap_or_default();
        let fact_text = data
            .facts
            .iter()
            .map(|f| {
                SearchText::new(&[
                    &words(&indicator_words, &f.indicator),
                    &f.raw,
                    f.note_zh.as_deref().unwrap_or_default(),
                    f.note_en.as_deref().unwrap_or_default(),
                    &words(&region_words, &f.region),
                ])
            })
            .collect();
        let event_text = data
            .events
            .iter()
            .map(|e| {
                let names: Vec<String> = e.people.iter().chain(&e.organisations).map(|n| format!("{} {}", n.zh, n.en)).collect();
                SearchText::new(&[
                    &e.title_zh,
                    &e.title_en,
                    &names.join(" "),
                    e.note_zh.as_deref().unwrap_or_default(),
                    e.note_en.as_deref().unwrap_or_default(),
                    &words(&region_words, &e.region),
                ])
            })
            .collect();
        let years = data.facts.iter().map(|f| fact_keys(f).years).chain(data.events.iter().map(|e| event_keys(e).years));
        let year_span = years.fold(None, |span: Option<(i32, i32)>, (a, b)| {
            Some(span.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))))
        });
        Self { lineage, city, fact_text, event_text, year_span: year_span.unwrap_or((2014, 2024)) }
    }

    /// The region and its ancestors, nearest first.
    pub fn lineage(&self, region: &str) -> &[String] {
        self.lineage.get(region).map(Vec::as_slice).unwrap_or_default()
    }

    /// The city a region belongs to: counties fold into their city; a city or the province
    /// stands for itself.
    pub fn city_of<'a>(&'a self, region: &'a str) -> &'a str {
        self.city.get(region).map_or(region, String::as_str)
    }

    fn text_of(&self, record: RecordRef) -> &SearchText {
        match record {
            RecordRef::Fact(i) => &self.fact_text[i],
            RecordRef::Event(i) => &self.event_text[i],
        }
    }

    /// Whether `record` passes every filter except `ignoring`.
    pub fn matches(&self, filter: &Filter, keys: RecordKeys<'_>, record: RecordRef, ignoring: Option<Facet>) -> bool {
        let active = |facet| ignoring != Some(facet);
        (!active(Facet::Region) || filter.regions.is_empty() || self.lineage(keys.region).iter().any(|r| filter.regions.contains(r)))
            && (!active(Facet::Category) || filter.categories.is_empty() || filter.categories.contains(keys.category))
            && (!active(Facet::Doc) || filter.docs.is_empty() || filter.docs.contains(keys.doc))
            && (!active(Facet::Years) || filter.years.is_none_or(|(from, to)| keys.years.0 <= to && keys.years.1 >= from))
            && (!active(Facet::Text) || self.text_of(record).matches(&filter.text))
    }
}

impl SearchText {
    fn new(parts: &[&str]) -> Self {
        SearchText(parts.join(" \u{1f} ").to_lowercase())
    }

    /// Every whitespace-separated term must occur: Chinese by substring (`助学` finds
    /// `金秋助学`), other scripts case-insensitively.
    fn matches(&self, query: &str) -> bool {
        query.split_whitespace().all(|term| self.0.contains(&term.to_lowercase()))
    }
}

/// The records that pass a filter, and the counts the filter panel shows.
pub struct Selection {
    pub facts: Vec<usize>,
    pub events: Vec<usize>,
    /// Per category, records passing every filter but the category one.
    pub category_counts: HashMap<String, usize>,
    /// Per region (including everything below it), records passing every filter but the region one.
    pub region_counts: HashMap<String, usize>,
    /// Per document, records passing every filter but the document one.
    pub doc_counts: HashMap<String, usize>,
    /// Earliest and latest year the selected records cover.
    pub year_span: Option<(i32, i32)>,
}

impl Selection {
    pub fn len(&self) -> usize {
        self.facts.len() + self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Adds one to `key`'s count, allocating the key only the first time.
fn count(counts: &mut HashMap<String, usize>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_owned(), 1);
        }
    }
}

/// Applies `filter` to every record in one pass.
pub fn select(data: &Dataset, index: &Index, filter: &Filter) -> Selection {
    let mut selection = Selection {
        facts: Vec::new(),
        events: Vec::new(),
        category_counts: HashMap::new(),
        region_counts: HashMap::new(),
        doc_counts: HashMap::new(),
        year_span: None,
    };
    let records = data
        .facts
        .iter()
        .enumerate()
        .map(|(i, f)| (RecordRef::Fact(i), fact_keys(f)))
        .chain(data.events.iter().enumerate().map(|(i, e)| (RecordRef::Event(i), event_keys(e))));
    for (record, keys) in records {
        if index.matches(filter, keys, record, None) {
            let (first, last) = keys.years;
            selection.year_span = Some(selection.year_span.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
            match record {
                RecordRef::Fact(i) => selection.facts.push(i),
                RecordRef::Event(i) => selection.events.push(i),
            }
        }
        if index.matches(filter, keys, record, Some(Facet::Category)) {
            count(&mut selection.category_counts, keys.category);
        }
        if index.matches(filter, keys, record, Some(Facet::Doc)) {
            count(&mut selection.doc_counts, keys.doc);
        }
        if index.matches(filter, keys, record, Some(Facet::Region)) {
            for region in index.lineage(keys.region) {
                count(&mut selection.region_counts, region);
            }
        }
    }
    selection
}

/// "泉州 2023": a report by its region and the last year it covers.
pub fn document_label(data: &Dataset, doc: &crate::model::Document, lang: crate::i18n::Lang) -> String {
    format!("{} {}", data.region(&doc.region).map_or("", |r| r.name(lang)), doc.period_end.year)
}

/// Finds a fact or event by id.
pub fn find_record(data: &Dataset, id: &str) -> Option<RecordRef> {
    data.facts
        .iter()
        .position(|f| f.id == id)
        .map(RecordRef::Fact)
        .or_else(|| data.events.iter().position(|e| e.id == id).map(RecordRef::Event))
}

/// Regions in tree order (province, then each city followed by its counties), with depth.
pub fn regions_in_tree_order(data: &Dataset) -> Vec<(usize, &crate::model::Region)> {
    fn visit<'a>(data: &'a Dataset, parent: Option<&str>, depth: usize, out: &mut Vec<(usize, &'a crate::model::Region)>) {
        for region in data.regions.iter().filter(|r| r.parent.as_deref() == parent) {
            // a validated dataset has no cycles; the depth bound guards any other
            if depth <= 4 {
                out.push((depth, region));
                visit(data, Some(&region.id), depth + 1, out);
            }
        }
    }
    let mut out = Vec::with_capacity(data.regions.len());
    visit(data, None, 0, &mut out);
    out
}

/// Adds `id` to the set, or removes it when present.
pub fn toggle(set: &mut BTreeSet<String>, id: &str) {
    if !set.remove(id) {
        set.insert(id.to_owned());
    }
}

/// `2018–2023`, `2021`, `2021-10`: a period as short as it can be said.
pub fn period_label(start: &crate::dates::PartialDate, end: &crate::dates::PartialDate) -> String {
    if start == end {
        start.to_string()
    } else if start.month.is_none() && end.month.is_none() {
        format!("{}–{}", start.year, end.year)
    } else {
        format!("{start} – {end}")
    }
}

/// Orders fact indices by a table column; ties keep the reports' order.
pub fn sort_facts(data: &Dataset, facts: &mut [usize], sort: crate::state::Sort, lang: crate::i18n::Lang) {
    use crate::state::SortKey;
    use std::cmp::Ordering;
    let region_names: HashMap<&str, &str> = data.regions.iter().map(|r| (r.id.as_str(), r.name(lang))).collect();
    let indicator_names: HashMap<&str, &str> = data.indicators.iter().map(|i| (i.id.as_str(), i.name(lang))).collect();
    let region_name = |id: &str| region_names.get(id).copied().unwrap_or_default();
    let indicator_name = |id: &str| indicator_names.get(id).copied().unwrap_or_default();
    let compare = |a: &usize, b: &usize| -> Ordering {
        let (fa, fb) = (&data.facts[*a], &data.facts[*b]);
        match sort.key {
            SortKey::Value => fa.value.total_cmp(&fb.value),
            SortKey::Raw => fa.raw.cmp(&fb.raw),
            SortKey::Qualifier => (fa.qualifier as u8).cmp(&(fb.qualifier as u8)),
            SortKey::Region => region_name(&fa.region).cmp(&region_name(&fb.region)),
            SortKey::Period => fa.period_start.first_day().cmp(&fb.period_start.first_day()).then(fa.period_end.last_day().cmp(&fb.period_end.last_day())),
            SortKey::Indicator => indicator_name(&fa.indicator).cmp(&indicator_name(&fb.indicator)),
            SortKey::Document => fa.doc.cmp(&fb.doc).then(fa.line.cmp(&fb.line)),
        }
    };
    facts.sort_by(|a, b| {
        let order = compare(a, b);
        if sort.descending { order.reverse() } else { order }
    });
}
