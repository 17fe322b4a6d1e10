//! The rows of the table view: figures and events together or apart, in the reports' order or
//! sorted by a column, and the counts said above them.

use crate::explore::{RecordRef, Selection};
use crate::i18n::{Lang, EVENT_NOUN, FIGURE_NOUN};
use crate::model::Dataset;
use crate::state::{Sort, SortKey, TableKind};
use std::cmp::Ordering;
use std::collections::HashMap;

/// Figures and events a selection holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindCounts {
    pub figures: usize,
    pub events: usize,
}

impl KindCounts {
    pub fn of(selection: &Selection) -> Self {
        KindCounts { figures: selection.facts.len(), events: selection.events.len() }
    }

    /// "68 figures · 52 events", "68 项数据 · 52 项事件".
    pub fn label(self, lang: Lang) -> String {
        format!("{} · {}", FIGURE_NOUN.count(self.figures, lang), EVENT_NOUN.count(self.events, lang))
    }

    /// "68 figures and 52 events", "68 项数据和 52 项事件".
    pub fn joined(self, lang: Lang) -> String {
        let (figures, events) = (FIGURE_NOUN.count(self.figures, lang), EVENT_NOUN.count(self.events, lang));
        match lang {
            Lang::Zh => format!("{figures}和 {events}"),
            Lang::En => format!("{figures} and {events}"),
        }
    }
}

/// The selected records of `kind`, sorted by `sort`; without one, in the reports' order (report
/// by report, line by line, a figure before an event on the same line).
pub fn table_rows(data: &Dataset, selection: &Selection, kind: TableKind, sort: Option<Sort>, lang: Lang) -> Vec<RecordRef> {
    let facts = selection.facts.iter().map(|&i| RecordRef::Fact(i));
    let events = selection.events.iter().map(|&i| RecordRef::Event(i));
    let mut rows: Vec<RecordRef> = match kind {
        TableKind::All => facts.chain(events).collect(),
        TableKind::Figures => facts.collect(),
        TableKind::Events => events.collect(),
    };
    let keys = SortKeys::new(data, lang);
    crate::order::sort_by(&mut rows, |a, b| keys.reports_order(*a, *b));
    if let Some(sort) = sort {
        sort_records(data, &mut rows, sort, lang);
    }
    rows
}

/// Orders records by a table column; ties keep their order. A record the column says nothing
/// about (an event has no value or qualifier) goes last, whichever the direction.
pub fn sort_records(data: &Dataset, rows: &mut [RecordRef], sort: Sort, lang: Lang) {
    let keys = SortKeys::new(data, lang);
    crate::order::sort_by(rows, |a, b| match (keys.applies(*a, sort.key), keys.applies(*b, sort.key)) {
        (true, true) => {
            let order = keys.compare(*a, *b, sort.key);
            if sort.descending { order.reverse() } else { order }
        }
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => Ordering::Equal,
    });
}

/// Names looked up once per sort, not once per comparison.
struct SortKeys<'a> {
    data: &'a Dataset,
    lang: Lang,
    regions: HashMap<&'a str, &'a str>,
    categories: HashMap<&'a str, &'a str>,
    indicators: HashMap<&'a str, &'a str>,
    docs: HashMap<&'a str, usize>,
}

impl<'a> SortKeys<'a> {
    fn new(data: &'a Dataset, lang: Lang) -> Self {
        SortKeys {
            data,
            lang,
            regions: data.regions.iter().map(|r| (r.id.as_str(), r.name(lang))).collect(),
            categories: data.categories.iter().map(|c| (c.id.as_str(), c.name(lang))).collect(),
            indicators: data.indicators.iter().map(|i| (i.id.as_str(), i.name(lang))).collect(),
            docs: data.documents.iter().enumerate().map(|(at, d)| (d.id.as_str(), at)).collect(),
        }
    }

    fn name(map: &HashMap<&str, &'a str>, id: &str) -> &'a str {
        map.get(id).copied().unwrap_or_default()
    }

    /// Whether a column has something to say about the record.
    fn applies(&self, record: RecordRef, key: SortKey) -> bool {
        !matches!((record, key), (RecordRef::Event(_), SortKey::Value | SortKey::Qualifier))
    }

    /// Report, line, and a figure before an event.
    fn source(&self, record: RecordRef) -> (usize, u32, u8, usize) {
        match record {
            RecordRef::Fact(i) => {
                let f = &self.data.facts[i];
                (self.docs.get(f.doc.as_str()).copied().unwrap_or(usize::MAX), f.line, 0, i)
            }
            RecordRef::Event(i) => {
                let e = &self.data.events[i];
                (self.docs.get(e.doc.as_str()).copied().unwrap_or(usize::MAX), e.line, 1, i)
            }
        }
    }

    fn reports_order(&self, a: RecordRef, b: RecordRef) -> Ordering {
        self.source(a).cmp(&self.source(b))
    }

    /// What the record is: its indicator's name, or the event's title.
    fn what(&self, record: RecordRef) -> &'a str {
        match record {
            RecordRef::Fact(i) => Self::name(&self.indicators, &self.data.facts[i].indicator),
            RecordRef::Event(i) => {
                let e = &self.data.events[i];
                match self.lang {
                    Lang::Zh => &e.title_zh,
                    Lang::En => &e.title_en,
                }
            }
        }
    }

    /// What the report printed: a figure's token, the few words that cite an event.
    fn printed(&self, record: RecordRef) -> &'a str {
        match record {
            RecordRef::Fact(i) => &self.data.facts[i].raw,
            RecordRef::Event(i) => &self.data.events[i].quote,
        }
    }

    fn region(&self, record: RecordRef) -> &'a str {
        match record {
            RecordRef::Fact(i) => Self::name(&self.regions, &self.data.facts[i].region),
            RecordRef::Event(i) => Self::name(&self.regions, &self.data.events[i].region),
        }
    }

    fn category(&self, record: RecordRef) -> &'a str {
        match record {
            RecordRef::Fact(i) => Self::name(&self.categories, &self.data.facts[i].category),
            RecordRef::Event(i) => Self::name(&self.categories, &self.data.events[i].category),
        }
    }

    /// A figure's period, an event's dates, as first and last day.
    fn span(&self, record: RecordRef) -> ((i32, u8, u8), (i32, u8, u8)) {
        match record {
            RecordRef::Fact(i) => {
                let f = &self.data.facts[i];
                (f.period_start.first_day(), f.period_end.last_day())
            }
            RecordRef::Event(i) => {
                let e = &self.data.events[i];
                (e.date_start.first_day(), e.end().last_day())
            }
        }
    }

    fn compare(&self, a: RecordRef, b: RecordRef, key: SortKey) -> Ordering {
        match key {
            SortKey::Indicator => self.what(a).cmp(self.what(b)),
            SortKey::Value => match (a, b) {
                (RecordRef::Fact(x), RecordRef::Fact(y)) => self.data.facts[x].value.total_cmp(&self.data.facts[y].value),
                _ => Ordering::Equal,
            },
            SortKey::Raw => self.printed(a).cmp(self.printed(b)),
            SortKey::Qualifier => match (a, b) {
                (RecordRef::Fact(x), RecordRef::Fact(y)) => (self.data.facts[x].qualifier as u8).cmp(&(self.data.facts[y].qualifier as u8)),
                _ => Ordering::Equal,
            },
            SortKey::Region => self.region(a).cmp(self.region(b)),
            SortKey::Category => self.category(a).cmp(self.category(b)),
            SortKey::Period => self.span(a).cmp(&self.span(b)),
            SortKey::Document => self.reports_order(a, b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::{select, Filter, Index};

    fn quanzhou() -> (Dataset, Selection) {
        let data = crate::embedded::dataset().expect("embedded dataset");
        let index = Index::new(&data);
        let mut filter = Filter::default();
        filter.regions.insert("quanzhou".into());
        let selection = select(&data, &index, &filter);
        (data, selection)
    }

    #[test]
    fn the_table_lists_figures_and_events_and_counts_each() {
        let (data, selection) = quanzhou();
        let all = table_rows(&data, &selection, TableKind::All, None, Lang::En);
        assert_eq!(all.len(), selection.len());
        let figures = table_rows(&data, &selection, TableKind::Figures, None, Lang::En);
        let events = table_rows(&data, &selection, TableKind::Events, None, Lang::En);
        assert!(figures.iter().all(|r| matches!(r, RecordRef::Fact(_))) && figures.len() == selection.facts.len());
        assert!(events.iter().all(|r| matches!(r, RecordRef::Event(_))) && events.len() == selection.events.len());
        assert!(!events.is_empty(), "Quanzhou has events");
        let counts = KindCounts::of(&selection);
        assert_eq!(counts.label(Lang::En), format!("{} figures · {} events", figures.len(), events.len()));
        assert_eq!(counts.label(Lang::Zh), format!("{} 项数据 · {} 项事件", figures.len(), events.len()));
        assert_eq!(KindCounts { figures: 1, events: 1 }.joined(Lang::En), "1 figure and 1 event");
        assert_eq!(KindCounts { figures: 68, events: 52 }.joined(Lang::Zh), "68 项数据和 52 项事件");
    }

    #[test]
    fn the_reports_order_goes_line_by_line() {
        let (data, selection) = quanzhou();
        let keys = SortKeys::new(&data, Lang::Zh);
        let rows = table_rows(&data, &selection, TableKind::All, None, Lang::Zh);
        assert!(rows.windows(2).all(|w| keys.source(w[0]) <= keys.source(w[1])));
    }

    #[test]
    fn every_column_sorts_both_kinds() {
        let (data, selection) = quanzhou();
        let keys = SortKeys::new(&data, Lang::En);
        for key in SortKey::ALL {
            for descending in [false, true] {
                let rows = table_rows(&data, &selection, TableKind::All, Some(Sort { key, descending }), Lang::En);
                assert_eq!(rows.len(), selection.len(), "{key:?}");
                let applies: Vec<bool> = rows.iter().map(|r| keys.applies(*r, key)).collect();
                // records the column says nothing about come last
                assert!(applies.windows(2).all(|w| w[0] || !w[1]), "{key:?}");
                for pair in rows.windows(2).filter(|w| keys.applies(w[0], key) && keys.applies(w[1], key)) {
                    let order = keys.compare(pair[0], pair[1], key);
                    assert_ne!(order, if descending { Ordering::Less } else { Ordering::Greater }, "{key:?} {descending}");
                }
            }
        }
        // events by date under the period column
        let by_date = table_rows(&data, &selection, TableKind::Events, Some(Sort { key: SortKey::Period, descending: false }), Lang::En);
        let days: Vec<_> = by_date.iter().map(|r| keys.span(*r).0).collect();
        assert!(days.windows(2).all(|w| w[0] <= w[1]));
        // values sort figures; events follow them both ways
        let by_value = table_rows(&data, &selection, TableKind::All, Some(Sort { key: SortKey::Value, descending: true }), Lang::En);
        assert!(matches!(by_value.last(), Some(RecordRef::Event(_))));
        assert!(matches!(by_value.first(), Some(RecordRef::Fact(_))));
    }
}
