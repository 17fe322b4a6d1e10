//! Laying out the timeline: records as labelled marks on a time axis, in lanes by region or
//! category, stacked in rows so that no two marks (nor their labels) overlap; the window of
//! months it shows, and how zooming and panning move it.

use crate::dates::Precision;
use crate::explore::{RecordRef, Index, Selection};
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::state::Lanes;
use std::collections::HashMap;

/// A window of whole months, both ends included, counted in months since the start of year 0
/// (October 2021 is 2021 × 12 + 9), so that years and months share one scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Window {
    pub first_month: i32,
    pub last_month: i32,
}

impl Window {
    /// The years `from` to `to`, both whole.
    pub fn years(from: i32, to: i32) -> Self {
        Window { first_month: from * 12, last_month: to * 12 + 11 }
    }

    /// One month (`month` 1 to 12).
    pub fn month(year: i32, month: u8) -> Self {
        let at = year * 12 + i32::from(month) - 1;
        Window { first_month: at, last_month: at }
    }

    pub fn months(self) -> i32 {
        self.last_month - self.first_month + 1
    }

    /// Starts in January and ends in December.
    pub fn is_whole_years(self) -> bool {
        self.first_month.rem_euclid(12) == 0 && self.last_month.rem_euclid(12) == 11
    }

    /// Where the window starts, in fractional years (as `PartialDate::start_in_years`).
    pub fn start_in_years(self) -> f64 {
        f64::from(self.first_month) / 12.0
    }

    /// Where the window ends, in fractional years (exclusive).
    pub fn end_in_years(self) -> f64 {
        f64::from(self.last_month + 1) / 12.0
    }

    /// First and last calendar year the window touches.
    pub fn year_span(self) -> (i32, i32) {
        (self.first_month.div_euclid(12), self.last_month.div_euclid(12))
    }

    /// Whether a record from `start` to `end` (fractional years, end exclusive) shows in it.
    pub fn overlaps(self, (start, end): (f64, f64)) -> bool {
        end > self.start_in_years() && start < self.end_in_years()
    }

    /// `2016-2021` or `2021` (whole years), `2021-10` (one month), `2021-09..2022-03` (months).
    pub fn parse(text: &str) -> Option<Self> {
        if let Some((from, to)) = text.split_once("..") {
            let (from, to) = (parse_month(from)?, parse_month(to)?);
            return (from.first_month <= to.last_month).then_some(Window { first_month: from.first_month, last_month: to.last_month });
        }
        if let Some(month) = parse_month(text) {
            return Some(month);
        }
        crate::state::parse_year_range(text).map(|(from, to)| Window::years(from, to))
    }

    /// The form `parse` reads, as short as it can be.
    pub fn code(self) -> String {
        let (from, to) = self.year_span();
        if self.is_whole_years() {
            if from == to { from.to_string() } else { format!("{from}-{to}") }
        } else if self.months() == 1 {
            month_code(self.first_month)
        } else {
            format!("{}..{}", month_code(self.first_month), month_code(self.last_month))
        }
    }

    /// For people: `2018–2023`, `2021`, `2021-10`, `2021-09 – 2022-03`.
    pub fn label(self) -> String {
        let (from, to) = self.year_span();
        if self.is_whole_years() {
            if from == to { from.to_string() } else { format!("{from}–{to}") }
        } else if self.months() == 1 {
            month_code(self.first_month)
        } else {
            format!("{} – {}", month_code(self.first_month), month_code(self.last_month))
        }
    }
}

/// `2021-10` as a window of that month; the year within the years a dataset may hold.
fn parse_month(text: &str) -> Option<Window> {
    let (year, month) = text.split_once('-')?;
    let valid_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let valid_month = month.len() == 2 && month.bytes().all(|b| b.is_ascii_digit());
    let (year, month): (i32, u8) = (year.parse().ok()?, month.parse().ok()?);
    (valid_year && valid_month && crate::validate::YEARS.contains(&year) && (1..=12).contains(&month)).then(|| Window::month(year, month))
}

fn month_code(month_index: i32) -> String {
    format!("{:04}-{:02}", month_index.div_euclid(12), month_index.rem_euclid(12) + 1)
}

/// The window shown when the timeline is not zoomed: the years of the `y` filter if one is
/// set, else the years the selected records cover, else every year of the data.
pub fn fitted(filter_years: Option<(i32, i32)>, selection_years: Option<(i32, i32)>, bounds: (i32, i32)) -> Window {
    let (from, to) = filter_years.or(selection_years).unwrap_or(bounds);
    Window::years(from, to)
}

/// From and to (fractional years, end exclusive) of the time a record covers.
pub fn span_in_years(data: &Dataset, record: RecordRef) -> (f64, f64) {
    match record {
        RecordRef::Event(i) => {
            let event = &data.events[i];
            (event.date_start.start_in_years(), event.end().end_in_years())
        }
        RecordRef::Fact(i) => {
            let fact = &data.facts[i];
            (fact.period_start.start_in_years(), fact.period_end.end_in_years())
        }
    }
}

/// How many selected records lie wholly before and wholly after the window.
pub fn outside(data: &Dataset, selection: &Selection, window: Window) -> (usize, usize) {
    let records = selection.events.iter().map(|&i| RecordRef::Event(i)).chain(selection.facts.iter().map(|&i| RecordRef::Fact(i)));
    records.fold((0, 0), |(before, after), record| {
        let (start, end) = span_in_years(data, record);
        if end <= window.start_in_years() {
            (before + 1, after)
        } else if start >= window.end_in_years() {
            (before, after + 1)
        } else {
            (before, after)
        }
    })
}

/// "3 records before 2016", "2016之前 3 条记录": selected records beyond one edge of the window.
pub fn outside_note(records: usize, window: Window, before: bool, lang: Lang) -> String {
    let edge_month = if before { window.first_month } else { window.last_month };
    let edge = if window.is_whole_years() { edge_month.div_euclid(12).to_string() } else { month_code(edge_month) };
    let count = crate::i18n::RECORD_NOUN.count(records, lang);
    let word = if before { crate::i18n::BEFORE_WINDOW } else { crate::i18n::AFTER_WINDOW }.get(lang);
    match lang {
        Lang::Zh => format!("{edge}{word} {count}"),
        Lang::En => format!("{count} {word} {edge}"),
    }
}

/// How a mark is drawn; the three precisions of a date must look different.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// An event known to the day.
    Point,
    /// A record known to the month or year: a band over that month or year.
    Band(Precision),
    /// An event over a range of dates, or a figure covering more than one month or year.
    Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub record: RecordRef,
    /// Further figures of the same lane and period, gathered into this one mark; empty for a
    /// mark of one record.
    pub also: Vec<RecordRef>,
    /// Fractional years: 2021.5 is the middle of 2021.
    pub start: f64,
    pub end: f64,
    /// Where the room kept for the mark's label ends (at least `end`): the mark's hit area.
    pub label_end: f64,
    pub shape: Shape,
    pub row: usize,
}

impl Mark {
    /// Records the mark stands for.
    pub fn len(&self) -> usize {
        1 + self.also.len()
    }

    pub fn is_group(&self) -> bool {
        !self.also.is_empty()
    }

    pub fn records(&self) -> impl Iterator<Item = RecordRef> + '_ {
        std::iter::once(self.record).chain(self.also.iter().copied())
    }
}

/// Several records that did not fit, gathered per year (per month in a window of two years
/// or less).
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub period: Window,
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

/// Rows a lane may grow to before further marks are gathered into clusters.
pub const MAX_ROWS: usize = 10;

/// Marks the whole timeline draws at most, as long as each lane keeps `MIN_ROWS` rows: beyond
/// it, lanes get fewer rows and more of their records are gathered in clusters.
pub const MAX_MARKS: usize = 400;
pub const MIN_ROWS: usize = 3;

/// Share of the window's width kept after the start of each mark for its label.
pub const LABEL_ROOM: f64 = 0.11;

/// Windows of this many months or fewer have month ticks and gather by month.
pub const MONTHS_SHOWN_BY_MONTH: i32 = 24;

/// Lays out the selected records that have a date within `window`. Lanes hold a record's city
/// (counties fold into their city; province-wide records have their own lane), or its
/// category. Figures of one lane and period are gathered into one group mark.
pub fn layout(data: &Dataset, index: &Index, selection: &Selection, lanes: Lanes, window: Window) -> Vec<Lane> {
    let (from, to) = (window.start_in_years(), window.end_in_years());
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
    let mut add = |record: RecordRef, shape: Shape| {
        let (start, end) = span_in_years(data, record);
        if let Some(lane) = lane_of(record).filter(|_| end > from && start < to) {
            items[lane].push((record, start, end, shape));
        }
    };
    for &i in &selection.events {
        let event = &data.events[i];
        let shape = if event.end() != event.date_start {
            Shape::Span
        } else if event.precision == Precision::Day {
            Shape::Point
        } else {
            Shape::Band(event.precision)
        };
        add(RecordRef::Event(i), shape);
    }
    for &i in &selection.facts {
        let fact = &data.facts[i];
        let shape = match (fact.period_start == fact.period_end, fact.period_start.precision()) {
            (true, Precision::Day) => Shape::Point,
            (true, precision) => Shape::Band(precision),
            (false, _) => Shape::Span,
        };
        add(RecordRef::Fact(i), shape);
    }

    let mut lanes_with_items: Vec<(&str, Vec<Item>)> = order.into_iter().zip(items).filter(|(_, items)| !items.is_empty()).collect();
    for (_, lane_items) in &mut lanes_with_items {
        // by start, longest first, then in the order the records were added (events, then
        // facts, each by position): a total order, so the quicker unstable sort gives the
        // same layout every time, and figures of one period come one after another
        let added = |record: RecordRef| match record {
            RecordRef::Event(i) => (0, i),
            RecordRef::Fact(i) => (1, i),
        };
        crate::order::sort_by(lane_items, |a, b| a.1.total_cmp(&b.1).then(b.2.total_cmp(&a.2)).then(added(a.0).cmp(&added(b.0))));
    }
    let geometry = Geometry {
        window: (from, to),
        // the narrowest a mark is drawn, so points stay visible and clickable
        min_width: (to - from) * 0.012,
        label_room: (to - from) * LABEL_ROOM,
        by_month: window.months() <= MONTHS_SHOWN_BY_MONTH,
    };
    // fewer rows a lane while the whole would draw too many marks to stay quick
    let mut max_rows = MAX_ROWS;
    loop {
        let result: Vec<Lane> = lanes_with_items.iter().map(|(key, items)| stack(key, items, max_rows, &geometry)).collect();
        let marks: usize = result.iter().map(|lane| lane.marks.len()).sum();
        if marks <= MAX_MARKS || max_rows <= MIN_ROWS {
            return result;
        }
        max_rows = (max_rows / 2).max(MIN_ROWS);
    }
}

/// A record placed on the timeline: which, from and to (fractional years), and how it looks.
type Item = (RecordRef, f64, f64, Shape);

/// The window and the sizes derived from it that every lane is stacked with.
struct Geometry {
    window: (f64, f64),
    min_width: f64,
    label_room: f64,
    by_month: bool,
}

/// Stacks one lane's items (sorted by start) in at most `max_rows` rows; figures of the same
/// period make one mark, and what does not fit is gathered per year or month.
///
/// Marks are placed in the order their room ends, each in the row whose last mark ends
/// latest before it starts: the interval scheduling that fits the most marks in the rows, so a
/// long span does not take a row from many short marks.
fn stack(key: &str, items: &[Item], max_rows: usize, geometry: &Geometry) -> Lane {
    let (from, to) = geometry.window;
    let mut units: Vec<Mark> = Vec::new();
    let mut at = 0;
    while at < items.len() {
        let (record, start, end, shape) = items[at];
        // the figures of exactly this period that follow: one group mark
        let same_period = |&(other, s, e, _): &Item| matches!(other, RecordRef::Fact(_)) && s == start && e == end;
        let also: Vec<RecordRef> = if matches!(record, RecordRef::Fact(_)) {
            items[at + 1..].iter().take_while(|item| same_period(item)).map(|item| item.0).collect()
        } else {
            Vec::new()
        };
        at += 1 + also.len();
        let visible_start = start.max(from);
        let visible_end = end.min(to).max(visible_start + geometry.min_width);
        let label_end = visible_end.max((visible_start + geometry.label_room).min(to));
        units.push(Mark { record, also, start: visible_start, end: visible_end, label_end, shape, row: 0 });
    }
    // by where the room ends, then as the items came: a total order, the same layout every time
    let mut order: Vec<usize> = (0..units.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| units[a].label_end.total_cmp(&units[b].label_end).then(a.cmp(&b)));
    let mut row_ends: Vec<f64> = Vec::new();
    let mut lane = Lane { key: key.to_owned(), marks: Vec::new(), clusters: Vec::new(), rows: 0 };
    let mut placed: Vec<Option<usize>> = vec![None; units.len()];
    for &unit in &order {
        let start = units[unit].start;
        let best_fit = row_ends
            .iter()
            .enumerate()
            .filter(|(_, &row_end)| row_end <= start)
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
            .map(|(row, _)| row);
        let row = match best_fit {
            Some(row) => Some(row),
            None if row_ends.len() < max_rows => {
                row_ends.push(0.0);
                Some(row_ends.len() - 1)
            }
            None => None,
        };
        if let Some(row) = row {
            row_ends[row] = units[unit].label_end + geometry.min_width * 0.25;
            placed[unit] = Some(row);
        }
    }
    // marks in the order they start, so focus moves through a lane from left to right
    for (mut mark, row) in units.into_iter().zip(placed) {
        match row {
            Some(row) => {
                mark.row = row;
                lane.marks.push(mark);
            }
            None => {
                let month = (mark.start * 12.0).floor() as i32;
                let period = if geometry.by_month {
                    Window { first_month: month, last_month: month }
                } else {
                    let year = month.div_euclid(12);
                    Window::years(year, year)
                };
                let records = mark.records().collect::<Vec<_>>();
                match lane.clusters.iter_mut().find(|c| c.period == period) {
                    Some(cluster) => cluster.records.extend(records),
                    None => lane.clusters.push(Cluster { period, records, row: max_rows }),
                }
            }
        }
    }
    lane.rows = row_ends.len() + usize::from(!lane.clusters.is_empty());
    lane
}

/// Keeps a window within `limit`, moving it rather than cutting it while it fits.
fn clamp(window: Window, limit: Window) -> Window {
    if window.months() >= limit.months() {
        return limit;
    }
    let shift = if window.first_month < limit.first_month {
        limit.first_month - window.first_month
    } else if window.last_month > limit.last_month {
        limit.last_month - window.last_month
    } else {
        0
    };
    Window { first_month: window.first_month + shift, last_month: window.last_month + shift }
}

/// A window of `months` months around the middle of `window`.
fn centred(window: Window, months: i32) -> Window {
    let first_month = window.first_month + (window.months() - months) / 2;
    Window { first_month, last_month: first_month + months - 1 }
}

/// Zooms a window in or out around its middle, staying within the years `bounds`: a year at a
/// time on each side while it spans three years or more, then one year, six months, three
/// months, one month; zooming out retraces the steps.
pub fn zoom(window: Window, bounds: (i32, i32), zoom_in: bool) -> Window {
    let months = window.months();
    let next = if zoom_in {
        if window.is_whole_years() && months >= 36 {
            Window { first_month: window.first_month + 12, last_month: window.last_month - 12 }
        } else if months > 12 {
            let year = window.year_span().0;
            Window::years(year, year)
        } else if months > 6 {
            centred(window, 6)
        } else if months > 3 {
            centred(window, 3)
        } else {
            centred(window, 1)
        }
    } else if months < 3 {
        centred(window, 3)
    } else if months < 6 {
        centred(window, 6)
    } else if months < 12 {
        let year = (window.first_month + months / 2).div_euclid(12);
        Window::years(year, year)
    } else {
        let (from, to) = window.year_span();
        Window::years(from.saturating_sub(1), to.saturating_add(1))
    };
    clamp(next, Window::years(bounds.0, bounds.1))
}

/// Moves a window by `steps` (a year each for a window of whole years, else a month), keeping
/// its width and staying within the years `bounds`.
pub fn pan(window: Window, bounds: (i32, i32), steps: i32) -> Window {
    let step = if window.is_whole_years() { 12 } else { 1 };
    let moved = Window { first_month: window.first_month + steps * step, last_month: window.last_month + steps * step };
    clamp(moved, Window::years(bounds.0, bounds.1))
}

/// A tick of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Share of the window's width from its start, 0 to 1.
    pub at: f64,
    /// None for a tick drawn without a label, so labels do not crowd.
    pub label: Option<String>,
    /// A month tick rather than a year tick.
    pub month: bool,
}

/// Ticks of the axis: a year each (every other one beyond twelve years), or a month each in
/// a window of two years or less, labelled with the year at January and the window's start.
pub fn ticks(window: Window, lang: Lang) -> Vec<Tick> {
    let months = window.months();
    let at = |month: i32| f64::from(month - window.first_month) / f64::from(months);
    if months > MONTHS_SHOWN_BY_MONTH {
        let (from, to) = window.year_span();
        let step = if to - from + 1 > 12 { 2 } else { 1 };
        return (from..=to)
            .filter(|y| (y - from) % step == 0 && y * 12 >= window.first_month)
            .map(|year| Tick { at: at(year * 12), label: Some(year.to_string()), month: false })
            .collect();
    }
    let label_every = if months > 12 { 3 } else { 1 };
    (window.first_month..=window.last_month)
        .map(|index| {
            let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as usize + 1);
            let labelled = (index - window.first_month) % label_every == 0 || month == 1;
            let name = match lang {
                Lang::Zh => format!("{month}月"),
                Lang::En => MONTH_ABBREVIATIONS[month - 1].to_owned(),
            };
            let label = if month == 1 || index == window.first_month { format!("{year} {name}") } else { name };
            Tick { at: at(index), label: labelled.then_some(label), month: true }
        })
        .collect()
}

const MONTH_ABBREVIATIONS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

#[cfg(test)]
mod tests {
    use super::*;

    fn month(code: &str) -> Window {
        Window::parse(code).expect(code)
    }

    #[test]
    fn zoom_and_pan_stay_within_bounds() {
        let bounds = (2011, 2024);
        assert_eq!(zoom(Window::years(2014, 2024), bounds, true), Window::years(2015, 2023));
        assert_eq!(zoom(Window::years(2021, 2022), bounds, true), Window::years(2021, 2021));
        assert_eq!(zoom(Window::years(2011, 2024), bounds, false), Window::years(2011, 2024));
        assert_eq!(pan(Window::years(2014, 2016), bounds, 1), Window::years(2015, 2017));
        assert_eq!(pan(Window::years(2022, 2024), bounds, 1), Window::years(2022, 2024));
        assert_eq!(pan(Window::years(2011, 2013), bounds, -1), Window::years(2011, 2013));
        assert_eq!(pan(month("2021-10"), bounds, 1), month("2021-11"));
        assert_eq!(pan(month("2024-12"), bounds, 1), month("2024-12"));
    }

    #[test]
    fn zoom_steps_from_years_to_a_single_month_and_back() {
        let bounds = (2011, 2024);
        let mut window = Window::years(2018, 2023);
        let mut steps = vec![window.code()];
        while window.months() > 1 {
            window = zoom(window, bounds, true);
            steps.push(window.code());
        }
        assert_eq!(steps, ["2018-2023", "2019-2022", "2020-2021", "2020", "2020-04..2020-09", "2020-05..2020-07", "2020-06"]);
        assert_eq!(zoom(window, bounds, true), window, "a month is the closest zoom");
        let mut back = vec![window.code()];
        for _ in 0..4 {
            window = zoom(window, bounds, false);
            back.push(window.code());
        }
        assert_eq!(back, ["2020-06", "2020-05..2020-07", "2020-04..2020-09", "2020", "2019-2021"]);
        // near the edge the window moves instead of leaving the data's years
        assert_eq!(zoom(month("2024-12"), bounds, false), month("2024-10..2024-12"));
    }

    #[test]
    fn windows_parse_and_print_in_years_or_months() {
        for code in ["2016-2021", "2021", "2021-10", "2021-09..2022-03", "2021-01..2021-12"] {
            let window = month(code);
            let expected = if code == "2021-01..2021-12" { "2021" } else { code };
            assert_eq!(window.code(), expected);
            assert_eq!(Window::parse(&window.code()), Some(window));
        }
        assert_eq!(month("2021-10").label(), "2021-10");
        assert_eq!(month("2016-2021").label(), "2016–2021");
        for bad in ["2021-13", "2021-00", "2021-1", "2022-03..2021-09", "2021-10..", "..2021-10", "1800-01", "2021-10-01", "x"] {
            assert_eq!(Window::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_year_filter_sets_the_window_when_there_is_no_zoom() {
        assert_eq!(fitted(Some((2019, 2020)), Some((2014, 2024)), (2011, 2024)), Window::years(2019, 2020));
        assert_eq!(fitted(None, Some((2014, 2021)), (2011, 2024)), Window::years(2014, 2021));
        assert_eq!(fitted(None, None, (2011, 2024)), Window::years(2011, 2024));
    }

    #[test]
    fn records_outside_the_window_are_said_where_they_are() {
        assert_eq!(outside_note(3, Window::years(2016, 2021), true, Lang::En), "3 records before 2016");
        assert_eq!(outside_note(1, month("2021-10"), false, Lang::En), "1 record after 2021-10");
        assert_eq!(outside_note(2, Window::years(2016, 2021), false, Lang::Zh), "2021之后 2 条记录");
    }

    #[test]
    fn month_ticks_in_two_years_or_less() {
        let ticks = super::ticks(month("2021-10"), Lang::En);
        assert_eq!(ticks, vec![Tick { at: 0.0, label: Some("2021 Oct".into()), month: true }]);
        let ticks = super::ticks(Window::years(2021, 2022), Lang::Zh);
        assert_eq!(ticks.len(), 24);
        assert!(ticks.iter().all(|t| t.month));
        assert_eq!(ticks[12].label.as_deref(), Some("2022 1月"));
        let ticks = super::ticks(Window::years(2018, 2023), Lang::En);
        assert_eq!(ticks.iter().filter_map(|t| t.label.clone()).collect::<Vec<_>>(), ["2018", "2019", "2020", "2021", "2022", "2023"]);
        assert!(ticks.iter().all(|t| !t.month));
    }
}
