//! The reading list: the selected records of the timeline's window one after another in date
//! order, events and figures together, under year and month headings.
//!
//! Oldest first files each record under its start, newest first under its end, so a record
//! over several years comes where its time in that direction begins. A record known only to
//! the year sits under the year heading, before that year's months.

use crate::dates::PartialDate;
use crate::explore::{document_label, period_label, RecordRef, Selection};
use crate::format::fact_value;
use crate::i18n::{self, Lang};
use crate::model::Dataset;
use crate::state::Order;
use crate::timeline::{span_in_years, Window};

/// A record of the list and the date it is filed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub record: RecordRef,
    pub date: PartialDate,
}

/// What the list shows, in order: headings and the records under them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Year(i32),
    Month(i32, u8),
    Record(Entry),
}

/// An entry with its place in the list: (year, month, day) as the order wants them, then
/// report, line, events before figures, position.
type Keyed<'a> = ((i32, u8, u8), (&'a str, u32, u8, usize), Entry);

/// The first entries of the list, and how many figures and events it holds in all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    pub entries: Vec<Entry>,
    pub facts: usize,
    pub events: usize,
}

impl Listing {
    /// How many records the whole list holds (not only `entries`).
    pub fn len(&self) -> usize {
        self.facts + self.events
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The first `limit` of the selected records that overlap `window`, in date order, and the
/// count of them all. Records of the same date keep the order of the reports (report, line).
/// Only the first `limit` are put in order and kept: of 45,000 records the page shows 100,
/// and ordering them all took about 20 ms.
pub fn listing(data: &Dataset, selection: &Selection, window: Window, order: Order, limit: usize) -> Listing {
    let records = selection.events.iter().map(|&i| RecordRef::Event(i)).chain(selection.facts.iter().map(|&i| RecordRef::Fact(i)));
    let mut keyed: Vec<Keyed> = records
        .filter(|&record| window.overlaps(span_in_years(data, record)))
        .map(|record| {
            let (start, end, doc, line, kind, position) = match record {
                RecordRef::Event(i) => {
                    let e = &data.events[i];
                    (e.date_start, e.end(), e.doc.as_str(), e.line, 0, i)
                }
                RecordRef::Fact(i) => {
                    let f = &data.facts[i];
                    (f.period_start, f.period_end, f.doc.as_str(), f.line, 1, i)
                }
            };
            let date = if order == Order::Oldest { start } else { end };
            // a missing month or day sorts first either way: under its heading, before the rest
            let (month, day) = (date.month.unwrap_or(0), date.day.unwrap_or(0));
            let key = match order {
                Order::Oldest => (date.year, month, day),
                Order::Newest => (-date.year, date.month.map_or(0, |m| 13 - m), date.day.map_or(0, |d| 32 - d)),
            };
            (key, (doc, line, kind, position), Entry { record, date })
        })
        .collect();
    let facts = keyed.iter().filter(|(_, _, entry)| matches!(entry.record, RecordRef::Fact(_))).count();
    let events = keyed.len() - facts;
    // the keys make a total order: the same list every time, however much of it is kept
    let compare = |a: &Keyed, b: &Keyed| a.0.cmp(&b.0).then(a.1.cmp(&b.1));
    if keyed.len() > limit {
        keyed.select_nth_unstable_by(limit, compare);
        keyed.truncate(limit);
    }
    crate::order::sort_by(&mut keyed, compare);
    // a list of its own size: collected in place, it would keep the room of every record
    let mut entries: Vec<Entry> = keyed.into_iter().map(|(_, _, entry)| entry).collect();
    entries.shrink_to_fit();
    Listing { entries, facts, events }
}

/// The entries with a heading before each new year and each new month.
pub fn rows(entries: &[Entry]) -> Vec<Row> {
    let mut rows = Vec::with_capacity(entries.len() + entries.len() / 4);
    let mut year = None;
    let mut month = None;
    for &entry in entries {
        if year != Some(entry.date.year) {
            year = Some(entry.date.year);
            month = None;
            rows.push(Row::Year(entry.date.year));
        }
        if let Some(m) = entry.date.month.filter(|&m| month != Some(m)) {
            month = Some(m);
            rows.push(Row::Month(entry.date.year, m));
        }
        rows.push(Row::Record(entry));
    }
    rows
}

/// "2021年" / "2021".
pub fn year_heading(year: i32, lang: Lang) -> String {
    format!("{year}{}", i18n::YEAR_SUFFIX.get(lang))
}

/// "2021年10月" / "October 2021".
pub fn month_heading(year: i32, month: u8, lang: Lang) -> String {
    const MONTHS: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    match lang {
        Lang::Zh => format!("{year}年{month}月"),
        Lang::En => format!("{} {year}", MONTHS.get(usize::from(month).saturating_sub(1)).unwrap_or(&"")),
    }
}

/// "120 records · 68 figures · 52 events in 2018–2023".
pub fn count_line(listing: &Listing, window: Window, lang: Lang) -> String {
    format!(
        "{} · {} · {} {} {}",
        i18n::RECORD_NOUN.count(listing.len(), lang),
        i18n::FIGURE_NOUN.count(listing.facts, lang),
        i18n::EVENT_NOUN.count(listing.events, lang),
        i18n::IN_WINDOW.get(lang),
        window.label()
    )
}

/// A record's title: an event's own, or a figure's indicator and value as printed.
pub fn title(data: &Dataset, record: RecordRef, lang: Lang) -> String {
    match record {
        RecordRef::Event(i) => {
            let e = &data.events[i];
            if lang == Lang::Zh { e.title_zh.to_string() } else { e.title_en.to_string() }
        }
        RecordRef::Fact(i) => {
            let f = &data.facts[i];
            let indicator = data.indicator(&f.indicator).map_or(f.indicator.as_str(), |x| x.name(lang));
            format!("{indicator}: {}", f.raw)
        }
    }
}

/// A figure's indicator and value in the interface's words (for accessible names), an event's
/// title.
pub fn full_title(data: &Dataset, record: RecordRef, lang: Lang) -> String {
    match record {
        RecordRef::Fact(i) => {
            let f = &data.facts[i];
            let indicator = data.indicator(&f.indicator).map_or(f.indicator.as_str(), |x| x.name(lang));
            format!("{indicator}: {} ({})", fact_value(f, lang), f.raw)
        }
        RecordRef::Event(_) => title(data, record, lang),
    }
}

/// The record's date at its precision: `2021-10-29`, `2021-10`, `2018–2023`.
pub fn date_label(data: &Dataset, record: RecordRef) -> String {
    match record {
        RecordRef::Event(i) => period_label(&data.events[i].date_start, &data.events[i].end()),
        RecordRef::Fact(i) => period_label(&data.facts[i].period_start, &data.facts[i].period_end),
    }
}

/// Region, category and "report line": what an item says besides its date and title.
pub fn details(data: &Dataset, record: RecordRef, lang: Lang) -> (String, String, String) {
    let (region, category, doc, line) = match record {
        RecordRef::Event(i) => {
            let e = &data.events[i];
            (&e.region, &e.category, &e.doc, e.line)
        }
        RecordRef::Fact(i) => {
            let f = &data.facts[i];
            (&f.region, &f.category, &f.doc, f.line)
        }
    };
    let region = data.region(region).map_or(region.to_string(), |r| r.name(lang).to_owned());
    let category = data.category(category).map_or(category.to_string(), |c| c.name(lang).to_owned());
    let doc = data.document(doc).map_or(doc.to_string(), |d| document_label(data, d, lang));
    (region, category, format!("{doc} {} {line}", i18n::LINE.get(lang)))
}

/// The id a record carries in links and `data-record`.
pub fn record_id(data: &Dataset, record: RecordRef) -> &str {
    match record {
        RecordRef::Event(i) => &data.events[i].id,
        RecordRef::Fact(i) => &data.facts[i].id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::{select, Filter, Index};

    fn data() -> Dataset {
        crate::embedded::dataset().expect("embedded dataset")
    }

    fn first_day(data: &Dataset, record: RecordRef) -> (i32, u8, u8) {
        match record {
            RecordRef::Event(i) => data.events[i].date_start.first_day(),
            RecordRef::Fact(i) => data.facts[i].period_start.first_day(),
        }
    }

    #[test]
    fn the_list_holds_events_and_figures_in_date_order_both_ways() {
        let data = data();
        let index = Index::new(&data);
        let all = select(&data, &index, &Filter::default());
        let window = Window::years(index.year_span.0, index.year_span.1);
        let oldest = listing(&data, &all, window, Order::Oldest, usize::MAX).entries;
        assert_eq!(oldest.len(), all.len(), "every record of the data's years is listed");
        assert!(oldest.iter().any(|e| matches!(e.record, RecordRef::Fact(_))) && oldest.iter().any(|e| matches!(e.record, RecordRef::Event(_))));
        let filed = |e: &Entry| (e.date.year, e.date.month.unwrap_or(0), e.date.day.unwrap_or(0));
        assert!(oldest.windows(2).all(|w| filed(&w[0]) <= filed(&w[1])));
        assert!(oldest.iter().all(|e| e.date.first_day() == first_day(&data, e.record)), "filed under the start");
        let newest = listing(&data, &all, window, Order::Newest, usize::MAX).entries;
        assert_eq!(newest.len(), oldest.len());
        assert!(newest.windows(2).all(|w| w[0].date.year >= w[1].date.year));
        // within a year: the year-only records first, then months from December back
        for w in newest.windows(2).filter(|w| w[0].date.year == w[1].date.year) {
            match (w[0].date.month, w[1].date.month) {
                (Some(_), None) => panic!("a year-only record after a month in {}", w[0].date.year),
                (Some(a), Some(b)) => assert!(a >= b),
                _ => {}
            }
        }
        // a multi-year figure is filed under its end when newest come first
        let multi = newest.iter().find(|e| matches!(e.record, RecordRef::Fact(i) if data.facts[i].period_start.year != data.facts[i].period_end.year));
        let multi = multi.expect("a figure over several years");
        let RecordRef::Fact(i) = multi.record else { unreachable!() };
        assert_eq!(multi.date, data.facts[i].period_end);
    }

    #[test]
    fn headings_follow_years_and_months_at_the_precision_of_each_date() {
        let date = |text: &str| PartialDate::parse(text).expect(text);
        let entry = |i, text: &str| Entry { record: RecordRef::Event(i), date: date(text) };
        let list = [entry(0, "2020"), entry(1, "2020-03-02"), entry(2, "2020-03"), entry(3, "2020-11-05"), entry(4, "2021-01")];
        let rows = rows(&list);
        use Row::*;
        assert_eq!(
            rows,
            vec![Year(2020), Record(list[0]), Month(2020, 3), Record(list[1]), Record(list[2]), Month(2020, 11), Record(list[3]), Year(2021), Month(2021, 1), Record(list[4])]
        );
        assert_eq!(month_heading(2021, 10, Lang::Zh), "2021年10月");
        assert_eq!(month_heading(2021, 10, Lang::En), "October 2021");
        assert_eq!(year_heading(2021, Lang::Zh), "2021年");
    }

    #[test]
    fn the_list_shows_exactly_the_records_overlapping_the_window() {
        let data = data();
        let index = Index::new(&data);
        let mut filter = Filter::default();
        filter.docs.insert("fj2021".into());
        let bulletin = select(&data, &index, &filter);
        let october = Window::month(2021, 10);
        let listed = listing(&data, &bulletin, october, Order::Oldest, usize::MAX).entries;
        assert!(!listed.is_empty());
        assert!(listed.iter().all(|e| october.overlaps(span_in_years(&data, e.record))));
        let expected = bulletin
            .events
            .iter()
            .map(|&i| RecordRef::Event(i))
            .chain(bulletin.facts.iter().map(|&i| RecordRef::Fact(i)))
            .filter(|&r| october.overlaps(span_in_years(&data, r)))
            .count();
        assert_eq!(listed.len(), expected);
        let (before, after) = crate::timeline::outside(&data, &bulletin, october);
        assert_eq!(before + after + listed.len(), bulletin.len());
    }

    #[test]
    fn a_limited_listing_is_the_start_of_the_whole_one() {
        let data = crate::embedded::dataset().expect("decodes");
        let index = crate::explore::Index::new(&data);
        let all = crate::explore::select(&data, &index, &crate::explore::Filter::default());
        let window = Window::years(2010, 2030);
        for order in [Order::Oldest, Order::Newest] {
            let whole = listing(&data, &all, window, order, usize::MAX);
            assert_eq!(whole.entries.len(), whole.len());
            for limit in [0, 1, 37, 100, whole.len()] {
                let start = listing(&data, &all, window, order, limit);
                assert_eq!(start.entries, whole.entries[..limit.min(whole.len())], "{order:?}, {limit}");
                assert_eq!((start.facts, start.events), (whole.facts, whole.events));
            }
        }
    }

    #[test]
    fn the_count_line_says_one_and_many_right() {
        let one = Listing { entries: Vec::new(), facts: 1, events: 0 };
        assert_eq!(count_line(&one, Window::years(2021, 2021), Lang::En), "1 record · 1 figure · 0 events in 2021");
        let two = Listing { entries: Vec::new(), facts: 1, events: 1 };
        assert_eq!(count_line(&two, Window::years(2018, 2023), Lang::En), "2 records · 1 figure · 1 event in 2018–2023");
        assert_eq!(count_line(&two, Window::month(2021, 10), Lang::Zh), "2 条记录 · 1 项数据 · 1 项事件 时段 2021-10");
    }
}
