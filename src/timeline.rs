//! Laying out the timeline: records as marks on a year axis, in lanes by region or category,
//! stacked in rows so that no two marks overlap.

use crate::dates::Precision;
use crate::explore::{Index, RecordRef, Selection};
use crate::model::Dataset;
use crate::state::Lanes;
use std::collections::HashMap;

/// How a mark is drawn; the three precisions of a date must look different.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// An event known to the day.
    Point,
    /// An event known to the month or year: a band over that month or year.
    Band(Precision),
    /// An event over a range of dates, or a figure covering several years.
    Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub record: RecordRef,
    /// Fractional years: 2021.5 is the middle of 2021.
    pub start: f64,
    pub end: f64,
    pub shape: Shape,
    pub row: usize,
}

/// Several records that did not fit, gathered per year.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub year: i32,
    pub records: Vec<RecordRef>,
    pub row: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// Region or category id.
    pub key: String,
    pub marks: Vec<Mark>,
    pub clusters: Vec<Cluster>,
    pub rows: usize,
}

/// Rows a lane may grow to before further marks are gathered into per-year clusters.
pub const MAX_ROWS: usize = 10;

/// Marks the whole timeline draws at most, as long as each lane keeps `MIN_ROWS` rows: beyond
/// it, lanes get fewer rows and more of their records are gathered per year.
pub const MAX_MARKS: usize = 400;
pub const MIN_ROWS: usize = 3;

/// Lays out the selected events, and the selected facts that cover more than one year, within
/// the years `range` (inclusive). Lanes hold a record's city (counties fold into their city;
/// province-wide records have their own lane), or its category.
pub fn layout(data: &Dataset, index: &Index, selection: &Selection, lanes: Lanes, range: (i32, i32)) -> Vec<Lane> {
    let (from, to) = (f64::from(range.0), f64::from(range.1) + 1.0);
    // the narrowest a mark is drawn, so points stay visible and clickable
    let min_width = (to - from) * 0.012;
    let order: Vec<&str> = match lanes {
        Lanes::Region => crate::explore::regions_in_tree_order(data).into_iter().map(|(_, r)| r.id.as_str()).collect(),
        Lanes::Category => data.categories.iter().map(|c| c.id.as_str()).collect(),
    };
    // lane by position in the dataset's regions or categories, so records are placed without
    // comparing strings
    let mut lane_at_position: Vec<Option<usize>> = vec![None; if lanes == Lanes::Region { data.regions.len() } else { data.categories.len() }];
    let positions: HashMap<&str, usize> = match lanes {
        Lanes::Region => data.regions.iter().enumerate().map(|(p, r)| (r.id.as_str(), p)).collect(),
        Lanes::Category => data.categories.iter().enumerate().map(|(p, c)| (c.id.as_str(), p)).collect(),
    };
    for (lane, key) in order.iter().enumerate() {
        if let Some(&position) = positions.get(key) {
            lane_at_position[position] = Some(lane);
        }
    }
    let lane_of = |record: RecordRef| {
        let (city, category) = index.city_and_category_positions(record);
        let position = if lanes == Lanes::Region { city } else { category };
        position.and_then(|p| lane_at_position.get(p).copied().flatten())
    };
    let mut items: Vec<Vec<Item>> = vec![Vec::new(); order.len()];
    let mut add = |lane: Option<usize>, item: Item| {
        if let Some(lane) = lane.filter(|_| item.2 > from && item.1 < to) {
            items[lane].push(item);
        }
    };
    for &i in &selection.events {
        let event = &data.events[i];
        let end = event.end();
        let shape = if end != event.date_start {
            Shape::Span
        } else if event.precision == Precision::Day {
            Shape::Point
        } else {
            Shape::Band(event.precision)
        };
        add(lane_of(RecordRef::Event(i)), (RecordRef::Event(i), event.date_start.start_in_years(), end.end_in_years(), shape));
    }
    for &i in &selection.facts {
        let fact = &data.facts[i];
        if fact.period_start.year != fact.period_end.year {
            let item = (RecordRef::Fact(i), fact.period_start.start_in_years(), fact.period_end.end_in_years(), Shape::Span);
            add(lane_of(RecordRef::Fact(i)), item);
        }
    }

    let mut lanes_with_items: Vec<(&str, Vec<Item>)> = order.into_iter().zip(items).filter(|(_, items)| !items.is_empty()).collect();
    for (_, lane_items) in &mut lanes_with_items {
        // by start, longest first, then in the order the records were added (events, then
        // facts, each by position): a total order, so the quicker unstable sort gives the
        // same layout every time
        let added = |record: RecordRef| match record {
            RecordRef::Event(i) => (0, i),
            RecordRef::Fact(i) => (1, i),
        };
        lane_items.sort_unstable_by(|a, b| a.1.total_cmp(&b.1).then(b.2.total_cmp(&a.2)).then(added(a.0).cmp(&added(b.0))));
    }
    // fewer rows a lane while the whole would draw too many marks to stay quick
    let mut max_rows = MAX_ROWS;
    loop {
        let result: Vec<Lane> = lanes_with_items.iter().map(|(key, items)| stack(key, items, max_rows, (from, to), min_width)).collect();
        let marks: usize = result.iter().map(|lane| lane.marks.len()).sum();
        if marks <= MAX_MARKS || max_rows <= MIN_ROWS {
            return result;
        }
        max_rows = (max_rows / 2).max(MIN_ROWS);
    }
}

/// A record placed on the timeline: which, from and to (fractional years), and how it looks.
type Item = (RecordRef, f64, f64, Shape);

/// Stacks one lane's items (sorted by start) in at most `max_rows` rows; what does not fit is
/// gathered per year.
fn stack(key: &str, items: &[Item], max_rows: usize, (from, to): (f64, f64), min_width: f64) -> Lane {
    let mut row_ends: Vec<f64> = Vec::new();
    let mut lane = Lane { key: key.to_owned(), marks: Vec::new(), clusters: Vec::new(), rows: 0 };
    for &(record, start, end, shape) in items {
        let visible_start = start.max(from);
        let visible_end = end.min(to).max(visible_start + min_width);
        match row_ends.iter().position(|&row_end| row_end <= visible_start) {
            Some(row) => {
                row_ends[row] = visible_end + min_width * 0.25;
                lane.marks.push(Mark { record, start: visible_start, end: visible_end, shape, row });
            }
            None if row_ends.len() < max_rows => {
                row_ends.push(visible_end + min_width * 0.25);
                lane.marks.push(Mark { record, start: visible_start, end: visible_end, shape, row: row_ends.len() - 1 });
            }
            None => {
                let year = visible_start.floor() as i32;
                match lane.clusters.iter_mut().find(|c| c.year == year) {
                    Some(cluster) => cluster.records.push(record),
                    None => lane.clusters.push(Cluster { year, records: vec![record], row: max_rows }),
                }
            }
        }
    }
    lane.rows = row_ends.len() + usize::from(!lane.clusters.is_empty());
    lane
}

/// Zooms a year range in or out around its middle, staying within `bounds`.
pub fn zoom(range: (i32, i32), bounds: (i32, i32), zoom_in: bool) -> (i32, i32) {
    let (from, to) = range;
    if zoom_in {
        if to - from >= 2 {
            (from + 1, to - 1)
        } else if to > from {
            (from, from)
        } else {
            range
        }
    } else {
        (from.saturating_sub(1).max(bounds.0), to.saturating_add(1).min(bounds.1))
    }
}

/// Moves a year range by `years`, keeping its width and staying within `bounds`.
pub fn pan(range: (i32, i32), bounds: (i32, i32), years: i32) -> (i32, i32) {
    let width = range.1 - range.0;
    let from = (range.0 + years).clamp(bounds.0, (bounds.1 - width).max(bounds.0));
    (from, (from + width).min(bounds.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_and_pan_stay_within_bounds() {
        let bounds = (2011, 2024);
        assert_eq!(zoom((2014, 2024), bounds, true), (2015, 2023));
        assert_eq!(zoom((2021, 2022), bounds, true), (2021, 2021));
        assert_eq!(zoom((2021, 2021), bounds, true), (2021, 2021));
        assert_eq!(zoom((2011, 2024), bounds, false), (2011, 2024));
        assert_eq!(pan((2014, 2016), bounds, 1), (2015, 2017));
        assert_eq!(pan((2022, 2024), bounds, 1), (2022, 2024));
        assert_eq!(pan((2011, 2013), bounds, -1), (2011, 2013));
    }
}
