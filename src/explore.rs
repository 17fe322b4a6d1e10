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

/// Lookups built once per dataset: region ancestry, each record's filter keys as positions,
/// and the text each record is searched by.
pub struct Index {
    /// Each region's id followed by its ancestors' ids.
    lineage: HashMap<String, Vec<String>>,
    /// Per region position (as in `Dataset::regions`): its own and its ancestors' positions.
    lineage_positions: Vec<Vec<usize>>,
    /// Per region position: the position of its nearest city-level region (itself for a city
    /// or the province).
    city_positions: Vec<usize>,
    fact_keys: Vec<PositionKeys>,
    event_keys: Vec<PositionKeys>,
    /// Each fact's and event's searchable text, made on the first search or as the app warms
    /// it up after the first view: the first view does not need it.
    search: std::sync::Mutex<SearchTexts>,
    /// Earliest and latest year any record covers.
    pub year_span: (i32, i32),
}

/// A record's filter keys as positions in the dataset's lists, so filtering compares numbers,
/// not strings. `UNKNOWN` stands for a reference the dataset does not define.
#[derive(Clone, Copy)]
struct PositionKeys {
    region: usize,
    category: usize,
    doc: usize,
    years: (i32, i32),
}

const UNKNOWN: usize = usize::MAX;

/// A record's searchable text, normalized as queries are (`crate::search::normalized`): its
/// own words, and the positions of its indicator and region, whose names many records share
/// and are searched once for all of them ([`SearchWords`]).
struct SearchText {
    own: String,
    indicator: usize,
    region: usize,
}

/// Each record's searchable text, in dataset order. Made a slice at a time (`extend`), so that
/// the app can make it between frames; a search finishes whatever is left.
#[derive(Default)]
struct SearchTexts {
    facts: Vec<SearchText>,
    events: Vec<SearchText>,
    /// Made with the first slice.
    words: Option<SearchWords>,
}

/// The searchable names of regions and indicators, by position in the dataset's lists: made
/// once per dataset, and searched once per query, not once per record that names them.
struct SearchWords {
    regions: Vec<String>,
    indicators: Vec<String>,
    region_at: HashMap<String, usize>,
    indicator_at: HashMap<String, usize>,
}

impl SearchWords {
    fn new(data: &Dataset) -> Self {
        SearchWords {
            regions: data.regions.iter().map(|r| normalized_fields(&[&r.zh, &r.en, &r.pinyin])).collect(),
            indicators: data.indicators.iter().map(|i| normalized_fields(&[&i.zh, &i.en])).collect(),
            region_at: data.regions.iter().enumerate().map(|(at, r)| (r.id.clone(), at)).collect(),
            indicator_at: data.indicators.iter().enumerate().map(|(at, i)| (i.id.clone(), at)).collect(),
        }
    }

    fn at(positions: &HashMap<String, usize>, id: &str) -> usize {
        positions.get(id).copied().unwrap_or(UNKNOWN)
    }

    fn fact_text(&self, f: &crate::model::Fact) -> SearchText {
        SearchText {
            own: normalized_fields(&[&f.raw, f.note_zh.as_deref().unwrap_or_default(), f.note_en.as_deref().unwrap_or_default()]),
            indicator: Self::at(&self.indicator_at, &f.indicator),
            region: Self::at(&self.region_at, &f.region),
        }
    }

    fn event_text(&self, e: &crate::model::Event) -> SearchText {
        let names: Vec<String> = e.people.iter().chain(&e.organisations).map(|n| format!("{} {}", n.zh, n.en)).collect();
        let names = names.join(" ");
        let fields = [e.title_zh.as_str(), e.title_en.as_str(), &names, e.note_zh.as_deref().unwrap_or_default(), e.note_en.as_deref().unwrap_or_default()];
        SearchText { own: normalized_fields(&fields), indicator: UNKNOWN, region: Self::at(&self.region_at, &e.region) }
    }
}

impl SearchTexts {
    /// Makes the texts of up to `records` more records; true once every record has one.
    fn extend(&mut self, data: &Dataset, records: usize) -> bool {
        let words = self.words.get_or_insert_with(|| SearchWords::new(data));
        let facts = data.facts.get(self.facts.len()..).unwrap_or_default().iter().take(records);
        let made = facts.len();
        self.facts.extend(facts.map(|f| words.fact_text(f)));
        let events = data.events.get(self.events.len()..).unwrap_or_default().iter().take(records - made);
        self.events.extend(events.map(|e| words.event_text(e)));
        self.facts.len() >= data.facts.len() && self.events.len() >= data.events.len()
    }
}

fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    ids.enumerate().map(|(position, id)| (id, position)).collect()
}

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
        let region_at = positions(data.regions.iter().map(|r| r.id.as_str()));
        let category_at = positions(data.categories.iter().map(|c| c.id.as_str()));
        let doc_at = positions(data.documents.iter().map(|d| d.id.as_str()));
        let lineage_positions: Vec<Vec<usize>> = data
            .regions
            .iter()
            .map(|r| lineage.get(&r.id).into_iter().flatten().filter_map(|id| region_at.get(id.as_str()).copied()).collect())
            .collect();
        // counties fold into their city; a city or the province stands for itself
        let city_positions = lineage_positions
            .iter()
            .enumerate()
            .map(|(position, chain)| {
                chain.iter().copied().find(|&r| data.regions[r].level == crate::model::RegionLevel::City).unwrap_or(position)
            })
            .collect();
        let keys_of = |keys: RecordKeys<'_>| PositionKeys {
            region: region_at.get(keys.region).copied().unwrap_or(UNKNOWN),
            category: category_at.get(keys.category).copied().unwrap_or(UNKNOWN),
            doc: doc_at.get(keys.doc).copied().unwrap_or(UNKNOWN),
            years: keys.years,
        };
        let fact_positions = data.facts.iter().map(|f| keys_of(fact_keys(f))).collect();
        let event_positions = data.events.iter().map(|e| keys_of(event_keys(e))).collect();
        let years = data.facts.iter().map(|f| fact_keys(f).years).chain(data.events.iter().map(|e| event_keys(e).years));
        let year_span = years.fold(None, |span: Option<(i32, i32)>, (a, b)| {
            Some(span.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))))
        });
        Self {
            lineage,
            lineage_positions,
            city_positions,
            fact_keys: fact_positions,
            event_keys: event_positions,
            search: std::sync::Mutex::default(),
            year_span: year_span.unwrap_or((2014, 2024)),
        }
    }

    /// Makes the search text of up to `records` more records ahead of the first search, which
    /// then need not wait for it; true once every record has its text.
    pub fn prepare_search(&self, data: &Dataset, records: usize) -> bool {
        self.search_texts().extend(data, records)
    }

    /// The search texts, as far as they are made.
    fn search_texts(&self) -> std::sync::MutexGuard<'_, SearchTexts> {
        // a panic while making them leaves whole texts behind: what is there stays usable
        self.search.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The region and its ancestors, nearest first.
    pub fn lineage(&self, region: &str) -> &[String] {
        self.lineage.get(region).map(Vec::as_slice).unwrap_or_default()
    }

    /// Where a record's city and category stand in `Dataset::regions` and `Dataset::categories`;
    /// None where the dataset does not define them.
    pub fn city_and_category_positions(&self, record: RecordRef) -> (Option<usize>, Option<usize>) {
        let keys = match record {
            RecordRef::Fact(i) => self.fact_keys.get(i),
            RecordRef::Event(i) => self.event_keys.get(i),
        };
        let Some(keys) = keys else { return (None, None) };
        (self.city_positions.get(keys.region).copied(), (keys.category != UNKNOWN).then_some(keys.category))
    }
}

/// Fields as one searchable text, each normalized, with a separator no search term contains
/// between them: a match never spans two fields.
fn normalized_fields(fields: &[&str]) -> String {
    let mut text = String::with_capacity(fields.iter().map(|field| field.len() + 3).sum());
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            text.push_str(" \u{1f} ");
        }
        text.push_str(&crate::search::normalized(field));
    }
    text
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
    /// When no record has every group of the search but some have part of them: (groups
    /// the selected records have, groups in the search). The selection is then the records
    /// with the most groups.
    pub partial: Option<(usize, usize)>,
}

impl Selection {
    pub fn len(&self) -> usize {
        self.facts.len() + self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Which positions of a list a filter set lets through; an empty set lets all through.
fn allowed<'a>(ids: impl Iterator<Item = &'a str>, chosen: &std::collections::BTreeSet<String>) -> Vec<bool> {
    ids.map(|id| chosen.is_empty() || chosen.contains(id)).collect()
}

/// Counts per position, turned into the id-keyed map the views read (zeros left out).
fn counts_by_id<'a>(ids: impl Iterator<Item = &'a str>, counts: &[usize]) -> HashMap<String, usize> {
    ids.zip(counts).filter(|(_, n)| **n > 0).map(|(id, n)| (id.to_owned(), *n)).collect()
}

/// Applies `filter` to every record in one pass, with the built-in glossary for the search.
/// Each facet's own counts ignore that facet, so the panel shows what choosing another value
/// would give.
pub fn select(data: &Dataset, index: &Index, filter: &Filter) -> Selection {
    select_with(data, index, filter, crate::embedded::glossary())
}

/// `select`, with the search read through `glossary`.
pub fn select_with(data: &Dataset, index: &Index, filter: &Filter, glossary: &crate::glossary::Glossary) -> Selection {
    let region_allowed: Vec<bool> = index
        .lineage_positions
        .iter()
        .map(|chain| filter.regions.is_empty() || chain.iter().any(|&r| filter.regions.contains(&data.regions[r].id)))
        .collect();
    let category_allowed = allowed(data.categories.iter().map(|c| c.id.as_str()), &filter.categories);
    let doc_allowed = allowed(data.documents.iter().map(|d| d.id.as_str()), &filter.docs);
    // a reference the dataset does not define passes only when its facet is not filtered
    let pass = |table: &[bool], position: usize, unfiltered: bool| table.get(position).copied().unwrap_or(unfiltered);
    let facets = |keys: &PositionKeys| {
        (
            pass(&region_allowed, keys.region, filter.regions.is_empty()),
            pass(&category_allowed, keys.category, filter.categories.is_empty()),
            pass(&doc_allowed, keys.doc, filter.docs.is_empty()),
            filter.years.is_none_or(|(from, to)| keys.years.0 <= to && keys.years.1 >= from),
        )
    };
    let records: Vec<(RecordRef, &PositionKeys)> = index
        .fact_keys
        .iter()
        .enumerate()
        .map(|(i, keys)| (RecordRef::Fact(i), keys))
        .chain(index.event_keys.iter().enumerate().map(|(i, keys)| (RecordRef::Event(i), keys)))
        .collect();
    let (text_passes, partial) = search_passes(data, index, filter, glossary, &records, &facets);

    let mut region_counts = vec![0; data.regions.len()];
    let mut category_counts = vec![0; data.categories.len()];
    let mut doc_counts = vec![0; data.documents.len()];
    let mut selection = Selection {
        facts: Vec::new(),
        events: Vec::new(),
        category_counts: HashMap::new(),
        region_counts: HashMap::new(),
        doc_counts: HashMap::new(),
        year_span: None,
        partial,
    };
    for (position, (record, keys)) in records.iter().enumerate() {
        let (region, category, doc, years) = facets(keys);
        if !years || !text_passes.as_ref().is_none_or(|passes| passes.get(position).copied().unwrap_or(false)) {
            continue;
        }
        if region && category && doc {
            let (first, last) = keys.years;
            selection.year_span = Some(selection.year_span.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
            match *record {
                RecordRef::Fact(i) => selection.facts.push(i),
                RecordRef::Event(i) => selection.events.push(i),
            }
        }
        if region && doc {
            if let Some(n) = category_counts.get_mut(keys.category) {
                *n += 1;
            }
        }
        if region && category {
            if let Some(n) = doc_counts.get_mut(keys.doc) {
                *n += 1;
            }
        }
        if category && doc {
            for &r in index.lineage_positions.get(keys.region).into_iter().flatten() {
                region_counts[r] += 1;
            }
        }
    }
    selection.region_counts = counts_by_id(data.regions.iter().map(|r| r.id.as_str()), &region_counts);
    selection.category_counts = counts_by_id(data.categories.iter().map(|c| c.id.as_str()), &category_counts);
    selection.doc_counts = counts_by_id(data.documents.iter().map(|d| d.id.as_str()), &doc_counts);
    selection
}

/// Which records the search lets through (None: no search), by position in `records`, and
/// the partial match when no record passing the other filters has every group: then those
/// with the most groups pass.
fn search_passes(
    data: &Dataset,
    index: &Index,
    filter: &Filter,
    glossary: &crate::glossary::Glossary,
    records: &[(RecordRef, &PositionKeys)],
    facets: &dyn Fn(&PositionKeys) -> (bool, bool, bool, bool),
) -> (Option<Vec<bool>>, Option<(usize, usize)>) {
    let query = crate::search::Query::parse(&filter.text, glossary);
    if query.is_empty() {
        return (None, None);
    }
    let mut texts = index.search_texts();
    texts.extend(data, usize::MAX);
    let texts = &*texts;
    // the names of each region and indicator, searched once for every record that has them
    let bits = |names: Option<&Vec<String>>| -> Vec<u64> { names.map_or(Vec::new(), |names| names.iter().map(|n| query.found_in(n)).collect()) };
    let region_bits = bits(texts.words.as_ref().map(|w| &w.regions));
    let indicator_bits = bits(texts.words.as_ref().map(|w| &w.indicators));
    let record_of = |record: RecordRef| -> Option<(&str, u64, crate::search::Dates<'_>)> {
        let (text, dates) = match record {
            RecordRef::Fact(i) => {
                let fact = data.facts.get(i)?;
                (texts.facts.get(i)?, crate::search::Dates { start: &fact.period_start, end: &fact.period_end })
            }
            RecordRef::Event(i) => {
                let event = data.events.get(i)?;
                let end = event.date_end.as_ref().unwrap_or(&event.date_start);
                (texts.events.get(i)?, crate::search::Dates { start: &event.date_start, end })
            }
        };
        let also = region_bits.get(text.region).copied().unwrap_or(0) | indicator_bits.get(text.indicator).copied().unwrap_or(0);
        Some((text.own.as_str(), also, dates))
    };
    let all: Vec<bool> = records
        .iter()
        .map(|(record, _)| record_of(*record).is_some_and(|(text, also, dates)| query.matches_all_with(text, also, dates)))
        .collect();
    let selected = |(position, (_, keys)): (usize, &(RecordRef, &PositionKeys))| {
        let (region, category, doc, years) = facets(keys);
        (region && category && doc && years).then_some(position)
    };
    let groups = query.groups.len();
    if groups < 2 || records.iter().enumerate().filter_map(selected).any(|position| all[position]) {
        return (Some(all), None);
    }
    // nothing selected has every group: rank by how many each has
    let matched: Vec<usize> =
        records.iter().map(|(record, _)| record_of(*record).map_or(0, |(text, also, dates)| query.matched_with(text, also, dates))).collect();
    let best = records.iter().enumerate().filter_map(selected).map(|position| matched[position]).max().unwrap_or(0);
    if best == 0 {
        return (Some(all), None);
    }
    (Some(matched.iter().map(|&n| n >= best).collect()), Some((best, groups)))
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
    let mut rows: Vec<RecordRef> = facts.iter().map(|&i| RecordRef::Fact(i)).collect();
    crate::table_rows::sort_records(data, &mut rows, sort, lang);
    for (slot, row) in facts.iter_mut().zip(rows) {
        if let RecordRef::Fact(i) = row {
            *slot = i;
        }
    }
}

/// The lines a record is cited on.
fn cited_lines(data: &Dataset, record: RecordRef) -> (&str, Vec<u32>) {
    match record {
        RecordRef::Fact(i) => {
            let f = &data.facts[i];
            (&f.doc, std::iter::once(f.line).chain(f.also_lines.iter().copied()).collect())
        }
        RecordRef::Event(i) => (&data.events[i].doc, vec![data.events[i].line]),
    }
}

/// Lines either side of a record's own that count as its passage.
pub const PASSAGE_LINES: u32 = 2;

/// The other figures and events of the passage a record comes from: the same report, cited
/// within `PASSAGE_LINES` of one of its lines; in line order, figures before events.
pub fn same_passage(data: &Dataset, record: RecordRef) -> Vec<RecordRef> {
    let (doc, lines) = cited_lines(data, record);
    let near = |line: u32| lines.iter().any(|&own| own.abs_diff(line) <= PASSAGE_LINES);
    let mut found: Vec<(u32, RecordRef)> = data
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.doc == doc && near(f.line))
        .map(|(i, f)| (f.line, RecordRef::Fact(i)))
        .chain(data.events.iter().enumerate().filter(|(_, e)| e.doc == doc && near(e.line)).map(|(i, e)| (e.line, RecordRef::Event(i))))
        .filter(|(_, r)| *r != record)
        .collect();
    crate::order::sort_by_key(&mut found, |(line, r)| (*line, matches!(r, RecordRef::Event(_))));
    found.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::{same_passage, RecordRef};

    #[test]
    fn the_same_passage_holds_nearby_figures_and_events_of_the_report() {
        let data = crate::embedded::dataset().expect("embedded dataset");
        // an event with figures around it
        let (at, event) = data
            .events
            .iter()
            .enumerate()
            .find(|(_, e)| data.facts.iter().any(|f| f.doc == e.doc && f.line.abs_diff(e.line) <= 2))
            .expect("an event near a figure");
        let near = same_passage(&data, RecordRef::Event(at));
        assert!(!near.contains(&RecordRef::Event(at)), "not itself");
        assert!(near.iter().any(|r| matches!(r, RecordRef::Fact(_))));
        for record in &near {
            let (doc, line) = match *record {
                RecordRef::Fact(i) => (&data.facts[i].doc, data.facts[i].line),
                RecordRef::Event(i) => (&data.events[i].doc, data.events[i].line),
            };
            assert_eq!(doc, &event.doc);
            assert!(line.abs_diff(event.line) <= 2 || matches!(record, RecordRef::Fact(i) if data.facts[*i].also_lines.iter().any(|l| l.abs_diff(event.line) <= 2)));
        }
        // and back: the event is in the passage of each figure found
        for record in near.iter().filter(|r| matches!(r, RecordRef::Fact(_))) {
            assert!(same_passage(&data, *record).contains(&RecordRef::Event(at)));
        }
    }
}
