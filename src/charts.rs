//! The four comparison charts: what each shows (computed from the selection, no browser
//! types), and how it is drawn, once, for any plotters backend: the canvas in the app, SVG in
//! tests and downloads.

use crate::explore::{period_label, Index, RecordRef, Selection};
use crate::format::{axis_label, unit_name};
use crate::i18n::{self, Lang};
use crate::model::{Aggregation, Dataset, Fact, MoneyKind, Qualifier, Unit};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Colours a colour-blind reader can tell apart (Okabe–Ito, then Paul Tol's muted scheme).
pub const PALETTE: [(u8, u8, u8); 14] = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (213, 94, 0),
    (240, 228, 66),
    (51, 34, 136),
    (136, 204, 238),
    (68, 170, 153),
    (17, 119, 51),
    (153, 153, 51),
    (204, 102, 119),
    (136, 34, 85),
];

/// Foreground and background of a drawing.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub background: (u8, u8, u8),
    pub text: (u8, u8, u8),
    pub muted: (u8, u8, u8),
    pub grid: (u8, u8, u8),
}

impl Theme {
    pub const LIGHT: Theme = Theme { background: (255, 255, 255), text: (29, 31, 35), muted: (91, 97, 107), grid: (220, 218, 211) };
    pub const DARK: Theme = Theme { background: (31, 34, 40), text: (232, 230, 225), muted: (163, 168, 177), grid: (58, 62, 70) };
}

pub(crate) fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// One segment of a bar: a value in one series.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub series: usize,
    pub value: f64,
}

/// One horizontal bar (a row of the chart and of its text alternative).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    /// The region picking this bar filters to.
    pub region: String,
    pub segments: Vec<Segment>,
    /// Printed after the bar: the value with ≥ / ~ / ≤ where the figure is not exact.
    pub value_label: String,
    /// The fact behind a single-fact bar, for the text alternative.
    pub fact: Option<String>,
}

impl Bar {
    pub fn total(&self) -> f64 {
        self.segments.iter().map(|s| s.value).sum()
    }
}

/// A selected figure a chart does not compare, and why: listed under the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct LeftOut {
    pub fact: String,
    /// Where, when and how much, as a bar would be labelled.
    pub label: String,
    pub reason: String,
}

/// A chart of horizontal (possibly stacked) bars; all values in one unit.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub unit: Unit,
    pub series: Vec<String>,
    pub bars: Vec<Bar>,
    /// Documents the shown values come from.
    pub sources: Vec<String>,
    /// Said under the chart: mixed aggregations, sums of different periods.
    pub caveat: Option<String>,
    /// Selected figures kept out of the comparison (slogans, plans, contradicted figures; in
    /// the money chart also money that was not spent).
    pub left_out: Vec<LeftOut>,
}

/// One value over time: a point at the end of the period it covers, a line over that period.
#[derive(Clone, Debug, PartialEq)]
pub struct TimePoint {
    pub fact: String,
    pub series: usize,
    pub start: f64,
    pub end: f64,
    pub value: f64,
    pub label: String,
    pub period: String,
    pub aggregation: Aggregation,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimeChart {
    pub title: String,
    pub unit: Unit,
    /// One series per region.
    pub series: Vec<String>,
    pub series_regions: Vec<String>,
    pub points: Vec<TimePoint>,
    pub sources: Vec<String>,
    pub caveat: Option<String>,
    /// Selected figures kept out of the comparison.
    pub left_out: Vec<LeftOut>,
}

pub(crate) fn qualifier_mark(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::AtLeast => "≥",
        Qualifier::Approx => "~",
        Qualifier::AtMost => "≤",
    }
}

pub(crate) fn value_label(value: f64, unit: Unit, q: Qualifier, lang: Lang) -> String {
    let number = match lang {
        Lang::Zh => crate::format::number_zh(value),
        Lang::En => crate::format::number_en(value),
    };
    let unit = unit_name(unit, lang);
    let sep = if lang == Lang::En && unit != "%" { " " } else { "" };
    format!("{}{number}{sep}{unit}", qualifier_mark(q))
}

/// An indicator's name with its unit, unless the name already says it.
fn titled(name: &str, unit: Unit, lang: Lang) -> String {
    let unit = unit_name(unit, lang);
    if unit.is_empty() || name.contains('(') || name.contains('（') {
        name.to_owned()
    } else {
        format!("{name} ({unit})")
    }
}

fn aggregation_short(a: Aggregation, lang: Lang) -> &'static str {
    match (a, lang) {
        (Aggregation::PeriodTotal, Lang::Zh) => "累计",
        (Aggregation::PeriodTotal, Lang::En) => "total",
        (Aggregation::SingleYear, Lang::Zh) => "当年",
        (Aggregation::SingleYear, Lang::En) => "one year",
        (Aggregation::Snapshot, Lang::Zh) => "时点",
        (Aggregation::Snapshot, Lang::En) => "level",
    }
}

pub(crate) const MIXED: i18n::Text = i18n::Text {
    zh: "注意：图中既有累计数，也有单年数或时点数，统计口径不同，不宜直接比较。",
    en: "Note: this mixes running totals with one-year figures or levels; they are not directly comparable.",
};
pub(crate) fn sources<'a>(data: &Dataset, docs: impl IntoIterator<Item = &'a str>, lang: Lang) -> Vec<String> {
    let ids: std::collections::BTreeSet<&str> = docs.into_iter().collect();
    ids.into_iter().filter_map(|id| data.document(id)).map(|d| format!("{} ({})", d.title(lang), d.published)).collect()
}

/// The heading of the list of left-out figures: `3 figures left out of this comparison`.
pub fn left_out_heading(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("未纳入比较的数字（{count} 项）"),
        Lang::En if count == 1 => "1 figure left out of this comparison".to_owned(),
        Lang::En => format!("{count} figures left out of this comparison"),
    }
}

/// Why `fact` is kept out of every comparison, or None when charts may compare it.
fn flagged(fact: &Fact, lang: Lang) -> Option<String> {
    if fact.comparable() {
        None
    } else {
        crate::format::trust_words(fact, lang)
    }
}

/// `Region · period · value`: how a left-out figure is listed.
fn left_out_label(data: &Dataset, fact: &Fact, lang: Lang) -> String {
    let region = data.region(&fact.region).map_or(fact.region.as_str(), |r| r.name(lang));
    format!("{region} · {} · {}", period_label(&fact.period_start, &fact.period_end), value_label(fact.value, fact.unit, fact.qualifier, lang))
}

/// The selected facts of `indicator`, split into those a chart compares and those it lists as
/// left out.
fn compared_and_left_out<'a>(data: &'a Dataset, selection: &Selection, indicator: &str, lang: Lang) -> (Vec<&'a Fact>, Vec<LeftOut>) {
    let mut compared = Vec::new();
    let mut left_out = Vec::new();
    for fact in selection.facts.iter().map(|&i| &data.facts[i]).filter(|f| f.indicator == indicator) {
        match flagged(fact, lang) {
            None => compared.push(fact),
            Some(reason) => left_out.push(LeftOut { fact: fact.id.clone(), label: left_out_label(data, fact, lang), reason }),
        }
    }
    (compared, left_out)
}

/// The indicators of the selected facts, best covered first (most regions, then most facts).
pub fn indicators_by_coverage(data: &Dataset, selection: &Selection) -> Vec<String> {
    let indicator_at: std::collections::HashMap<&str, usize> = data.indicators.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let region_at: std::collections::HashMap<&str, usize> = data.regions.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    // per indicator position: facts, and which region positions have one
    let mut facts = vec![0usize; data.indicators.len()];
    let mut regions: Vec<Vec<bool>> = vec![Vec::new(); data.indicators.len()];
    for &i in &selection.facts {
        let fact = &data.facts[i];
        let (Some(&indicator), Some(&region)) = (indicator_at.get(fact.indicator.as_str()), region_at.get(fact.region.as_str())) else { continue };
        facts[indicator] += 1;
        // a slogan, plan or contradicted figure is listed, not compared: it adds no coverage
        if !fact.comparable() {
            continue;
        }
        let covered = &mut regions[indicator];
        covered.resize(data.regions.len(), false);
        covered[region] = true;
    }
    let mut ranked: Vec<(&str, usize, usize)> = data
        .indicators
        .iter()
        .zip(facts.iter().zip(&regions))
        .filter(|(_, (n, _))| **n > 0)
        .map(|(indicator, (n, covered))| (indicator.id.as_str(), covered.iter().filter(|c| **c).count(), *n))
        .collect();
    crate::order::sort_by(&mut ranked, |a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    ranked.into_iter().map(|(id, _, _)| id.to_owned()).collect()
}

/// Bars one chart shows at most: more would be too thin to read or to pick.
pub const MAX_BARS: usize = 40;

/// Chart 1: one indicator across regions, a bar per figure, labelled with its period.
pub fn indicator_by_region(data: &Dataset, selection: &Selection, indicator: &str, lang: Lang) -> Option<BarChart> {
    let meta = data.indicator(indicator)?;
    let (facts, left_out) = compared_and_left_out(data, selection, indicator, lang);
    if facts.is_empty() && left_out.is_empty() {
        return None;
    }
    // where and when a figure is; with its source line where two shown bars would read the same
    let label = |f: &Fact, with_line: bool| {
        let region = data.region(&f.region).map_or(f.region.as_str(), |r| r.name(lang));
        let when = format!("{} ({})", period_label(&f.period_start, &f.period_end), aggregation_short(f.aggregation, lang));
        if with_line {
            format!("{region} · {} {} · {when}", i18n::LINE.get(lang), f.line)
        } else {
            format!("{region} · {when}")
        }
    };
    let mut bars: Vec<Bar> = facts
        .iter()
        .map(|f| Bar {
            label: label(f, false),
            region: f.region.to_string(),
            segments: vec![Segment { series: 0, value: f.value }],
            value_label: value_label(f.value, f.unit, f.qualifier, lang),
            fact: Some(f.id.clone()),
        })
        .collect();
    crate::order::sort_by(&mut bars, |a, b| b.total().total_cmp(&a.total()));
    let aggregations: std::collections::HashSet<_> = facts.iter().map(|f| f.aggregation).collect();
    let mut caveats: Vec<String> = (aggregations.len() > 1).then(|| MIXED.get(lang).to_owned()).into_iter().collect();
    if bars.len() > MAX_BARS {
        caveats.push(match lang {
            Lang::Zh => format!("仅显示最大的 {MAX_BARS} 项（共 {} 项）；表格视图列出全部。", bars.len()),
            Lang::En => format!("Showing the {MAX_BARS} largest of {} figures; the table view lists them all.", bars.len()),
        });
        bars.truncate(MAX_BARS);
    }
    // a report can give two figures for one place and period: their lines tell the bars apart,
    // ahead of the period so that a shortened label keeps them
    let repeated: Vec<bool> = bars.iter().map(|bar| bars.iter().filter(|other| other.label == bar.label).count() > 1).collect();
    for (bar, repeated) in bars.iter_mut().zip(repeated) {
        let fact = bar.fact.as_ref().filter(|_| repeated).and_then(|id| facts.iter().find(|f| &f.id == id));
        if let Some(f) = fact {
            bar.label = label(f, true);
        }
    }
    Some(BarChart {
        title: titled(meta.name(lang), meta.unit, lang),
        unit: meta.unit,
        series: vec![meta.name(lang).to_owned()],
        bars,
        sources: sources(data, facts.iter().map(|f| f.doc.as_str()), lang),
        caveat: (!caveats.is_empty()).then(|| caveats.join(" ")),
        left_out,
    })
}

/// Chart 2: one indicator over time; each value spans the period it covers.
pub fn indicator_over_time(data: &Dataset, selection: &Selection, indicator: &str, lang: Lang) -> Option<TimeChart> {
    let meta = data.indicator(indicator)?;
    let (facts, left_out) = compared_and_left_out(data, selection, indicator, lang);
    if facts.is_empty() && left_out.is_empty() {
        return None;
    }
    let mut series_regions: Vec<String> = Vec::new();
    let points = facts
        .iter()
        .map(|f| {
            let series = series_regions.iter().position(|r| *r == f.region).unwrap_or_else(|| {
                series_regions.push(f.region.to_string());
                series_regions.len() - 1
            });
            TimePoint {
                fact: f.id.clone(),
                series,
                start: f.period_start.start_in_years(),
                end: f.period_end.end_in_years(),
                value: f.value,
                label: value_label(f.value, f.unit, f.qualifier, lang),
                period: period_label(&f.period_start, &f.period_end),
                aggregation: f.aggregation,
            }
        })
        .collect();
    let aggregations: std::collections::HashSet<_> = facts.iter().map(|f| f.aggregation).collect();
    Some(TimeChart {
        title: titled(meta.name(lang), meta.unit, lang),
        unit: meta.unit,
        series: series_regions.iter().map(|r| data.region(r).map_or(r.clone(), |x| x.name(lang).to_owned())).collect(),
        series_regions,
        points,
        sources: sources(data, facts.iter().map(|f| f.doc.as_str()), lang),
        caveat: (aggregations.len() > 1).then(|| MIXED.get(lang).to_owned()),
        left_out,
    })
}

/// Stacks per city and category, summing `value` of each selected record; records are placed
/// by position, so large selections add up without string lookups.
fn per_city_and_category<'a>(
    data: &'a Dataset,
    index: &Index,
    records: impl Iterator<Item = (RecordRef, &'a str, f64)>,
    lang: Lang,
    unit: Unit,
    title: String,
    caveat: Option<String>,
    label: impl Fn(f64) -> String,
) -> Option<BarChart> {
    // per region position, the sum per category position (None: no record in that city)
    let mut table: Vec<Option<Vec<f64>>> = vec![None; data.regions.len()];
    let mut docs = std::collections::BTreeSet::new();
    let mut last_doc = None;
    for (record, doc, value) in records {
        let (Some(city), Some(series)) = index.city_and_category_positions(record) else { continue };
        let Some(row) = table.get_mut(city) else { continue };
        let sums = row.get_or_insert_with(|| vec![0.0; data.categories.len()]);
        if let Some(sum) = sums.get_mut(series) {
            *sum += value;
            // records come report by report: most share the previous one's
            if last_doc != Some(doc) {
                docs.insert(doc);
                last_doc = Some(doc);
            }
        }
    }
    let position: std::collections::HashMap<&str, usize> = data.regions.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    let bars: Vec<Bar> = crate::explore::regions_in_tree_order(data)
        .into_iter()
        .filter_map(|(_, region)| {
            let sums = table.get(*position.get(region.id.as_str())?)?.as_ref()?;
            let segments: Vec<Segment> =
                sums.iter().enumerate().filter(|(_, v)| **v != 0.0).map(|(series, &value)| Segment { series, value }).collect();
            let total: f64 = segments.iter().map(|s| s.value).sum();
            Some(Bar { label: region.name(lang).to_owned(), region: region.id.clone(), segments, value_label: label(total), fact: None })
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    Some(BarChart {
        title,
        unit,
        series: data.categories.iter().map(|c| c.name(lang).to_owned()).collect(),
        bars,
        sources: sources(data, docs, lang),
        caveat,
        left_out: Vec::new(),
    })
}

/// Chart 3: how many facts and events each city has per category.
pub fn category_profile(data: &Dataset, index: &Index, selection: &Selection, lang: Lang) -> Option<BarChart> {
    let facts = selection.facts.iter().map(|&i| (RecordRef::Fact(i), data.facts[i].doc.as_str(), 1.0));
    let events = selection.events.iter().map(|&i| (RecordRef::Event(i), data.events[i].doc.as_str(), 1.0));
    let title = i18n::Text { zh: "各地区按类别的数据与事件数", en: "Figures and events per category, by region" }.get(lang).to_owned();
    // a count of records, so a whole number
    per_city_and_category(data, index, facts.chain(events), lang, Unit::Items, title, None, |n| i18n::RECORD_NOUN.count(n as usize, lang))
}

/// Chart 4: the money unions spent or paid out, by category and region. Only indicators of
/// `money = spent` are summed; money raised, budgeted or per case, benefits and amounts
/// involved, money of no stated kind, and slogans, plans or contradicted figures are listed as
/// left out, never added. Each region's label says the periods its parts cover.
pub fn money_by_category(data: &Dataset, index: &Index, selection: &Selection, lang: Lang) -> Option<BarChart> {
    let kinds: std::collections::HashMap<&str, Option<MoneyKind>> = data.indicators.iter().map(|i| (i.id.as_str(), i.money)).collect();
    let mut spent = Vec::new();
    let mut left_out = Vec::new();
    for &i in selection.facts.iter().filter(|&&i| data.facts[i].unit == Unit::Cny) {
        let fact = &data.facts[i];
        let kind = kinds.get(fact.indicator.as_str()).copied().flatten();
        let reason = match (flagged(fact, lang), kind) {
            (Some(reason), _) => Some(reason),
            (None, Some(MoneyKind::Spent)) => None,
            (None, Some(kind)) => Some(format!("{}{}", crate::format::money_words(kind, lang), i18n::MONEY_NOT_SUMMED.get(lang))),
            (None, None) => Some(i18n::MONEY_KIND_UNKNOWN.get(lang).to_owned()),
        };
        match reason {
            None => spent.push(i),
            Some(reason) => {
                let indicator = data.indicator(&fact.indicator).map_or(fact.indicator.as_str(), |x| x.name(lang));
                left_out.push(LeftOut { fact: fact.id.clone(), label: format!("{indicator}: {}", left_out_label(data, fact, lang)), reason });
            }
        }
    }
    // the periods each region's sum covers, by region position
    let mut periods: Vec<Option<(crate::dates::PartialDate, crate::dates::PartialDate)>> = vec![None; data.regions.len()];
    for &i in &spent {
        let fact = &data.facts[i];
        let (Some(city), _) = index.city_and_category_positions(RecordRef::Fact(i)) else { continue };
        let Some(span) = periods.get_mut(city) else { continue };
        let (start, end) = span.get_or_insert((fact.period_start, fact.period_end));
        if fact.period_start.first_day() < start.first_day() {
            *start = fact.period_start;
        }
        if fact.period_end.last_day() > end.last_day() {
            *end = fact.period_end;
        }
    }
    let money = spent.iter().map(|&i| (RecordRef::Fact(i), data.facts[i].doc.as_str(), data.facts[i].value));
    let title = i18n::MONEY_SPENT_TITLE.get(lang).to_owned();
    let mut chart = per_city_and_category(data, index, money, lang, Unit::Cny, title, Some(i18n::MONEY_SPENT_CAVEAT.get(lang).to_owned()), |v| {
        value_label(v, Unit::Cny, Qualifier::Exact, lang)
    })
    .or_else(|| {
        // nothing spent among the selection: an empty chart still lists what was left out
        (!left_out.is_empty()).then(|| BarChart {
            title: i18n::MONEY_SPENT_TITLE.get(lang).to_owned(),
            unit: Unit::Cny,
            series: data.categories.iter().map(|c| c.name(lang).to_owned()).collect(),
            bars: Vec::new(),
            sources: Vec::new(),
            caveat: Some(i18n::MONEY_SPENT_CAVEAT.get(lang).to_owned()),
            left_out: Vec::new(),
        })
    })?;
    let position: std::collections::HashMap<&str, usize> = data.regions.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    for bar in &mut chart.bars {
        if let Some(Some((start, end))) = position.get(bar.region.as_str()).and_then(|&p| periods.get(p)) {
            bar.label = format!("{} ({})", bar.label, period_label(start, end));
        }
    }
    chart.left_out = left_out;
    Some(chart)
}

/// A clickable area of a drawn chart, in the drawing's pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub rect: (i32, i32, i32, i32),
    pub region: String,
}

/// Text drawn around every chart.
pub struct Frame<'a> {
    pub title: &'a str,
    /// "Source: …" line naming the documents.
    pub source: String,
    pub caveat: Option<&'a str>,
    pub theme: Theme,
    /// 1 for CSS pixels; the device-pixel ratio on HiDPI canvases.
    pub scale: f64,
}

pub fn source_line(sources: &[String], lang: Lang) -> String {
    format!("{}{}", i18n::Text { zh: "来源：", en: "Source: " }.get(lang), sources.join("; "))
}

pub(crate) fn px(scale: f64, v: f64) -> i32 {
    (v * scale).round() as i32
}

pub(crate) fn font<'a>(frame: &Frame<'_>, size: f64, color: (u8, u8, u8)) -> TextStyle<'a> {
    ("sans-serif", size * frame.scale).into_font().color(&rgb(color))
}

/// Draws title, source and caveat, and returns the area left for the plot.
pub(crate) fn draw_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame<'_>,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&rgb(frame.theme.background))?;
    let (width, height) = root.dim_in_pixel();
    let s = frame.scale;
    let width_css = f64::from(width) / s;
    let line_px = text_room(width_css);
    root.draw(&Text::new(truncate_to(frame.title, line_px, 16.0), (px(s, 12.0), px(s, 10.0)), font(frame, 16.0, frame.theme.text)))?;
    // the source names every report, over as many lines as it takes (a downloaded chart travels
    // without the list under it), up to a few; the caveat goes above it
    let source_lines = source_lines(&frame.source, width_css);
    let extra_lines_px = extra_source_lines_px(&source_lines);
    let mut from_bottom = 20.0 + extra_lines_px;
    for line in &source_lines {
        root.draw(&Text::new(line.as_str(), (px(s, 12.0), height as i32 - px(s, from_bottom)), font(frame, SOURCE_FONT_PX, frame.theme.muted)))?;
        from_bottom -= SOURCE_LINE_PX;
    }
    let mut bottom = 24.0 + extra_lines_px;
    if let Some(caveat) = frame.caveat {
        // the caveat is part of what the chart says: wrapped, not cut
        let lines = caveat_lines(caveat, width_css);
        let extra_caveat_px = extra_source_lines_px(&lines);
        let mut top = 38.0 + extra_lines_px + extra_caveat_px;
        for line in &lines {
            root.draw(&Text::new(line.as_str(), (px(s, 12.0), height as i32 - px(s, top)), font(frame, SOURCE_FONT_PX, frame.theme.muted)))?;
            top -= SOURCE_LINE_PX;
        }
        bottom += 18.0 + extra_caveat_px;
    }
    Ok(root.margin(px(s, 38.0), px(s, bottom), px(s, 8.0), px(s, 12.0)))
}

const SOURCE_FONT_PX: f64 = 11.0;
/// Size of the value written beside each bar.
const VALUE_FONT_PX: f64 = 11.0;
const MAX_SOURCE_LINES: usize = 4;
const MAX_CAVEAT_LINES: usize = 4;
/// From one source line to the next, in CSS pixels.
const SOURCE_LINE_PX: f64 = 15.0;

/// Room for a line of text across a chart `width_css` wide, its side margins taken off.
fn text_room(width_css: f64) -> f64 {
    width_css - 24.0
}

/// The source line as drawn across a chart `width_css` wide.
fn source_lines(source: &str, width_css: f64) -> Vec<String> {
    wrap(source, text_room(width_css), SOURCE_FONT_PX, MAX_SOURCE_LINES)
}

/// The caveat as drawn across a chart `width_css` wide.
fn caveat_lines(caveat: &str, width_css: f64) -> Vec<String> {
    wrap(caveat, text_room(width_css), SOURCE_FONT_PX, MAX_CAVEAT_LINES)
}

/// Height the source (or the caveat) takes beyond its first line, which the frame always has
/// room for.
fn extra_source_lines_px(lines: &[String]) -> f64 {
    SOURCE_LINE_PX * lines.len().saturating_sub(1) as f64
}

/// How much taller, in CSS pixels, a chart `width` wide is drawn for the lines its source and
/// its caveat take beyond the first of each, so the plot keeps its room.
pub fn frame_extra_height(source: &str, caveat: Option<&str>, width: u32) -> u32 {
    let width = f64::from(width);
    let caveat = caveat.map_or(0.0, |caveat| extra_source_lines_px(&caveat_lines(caveat, width)));
    (extra_source_lines_px(&source_lines(source, width)) + caveat) as u32
}

/// Roughly how wide `c` is drawn in a sans-serif font of `font_px`: Chinese characters are
/// square, Latin letters and digits a little over half as wide.
fn char_px(c: char, font_px: f64) -> f64 {
    if c > '\u{2e80}' { font_px * 1.05 } else { font_px * 0.58 }
}

pub(crate) fn text_px(text: &str, font_px: f64) -> f64 {
    text.chars().map(|c| char_px(c, font_px)).sum()
}

/// `text` cut with an ellipsis to what fits in `line_px`.
pub(crate) fn truncate_to(text: &str, line_px: f64, font_px: f64) -> String {
    if text_px(text, font_px) <= line_px {
        return text.to_owned();
    }
    let room = line_px - char_px('…', font_px);
    let mut used = 0.0;
    let kept: String = text.chars().take_while(|&c| {
        used += char_px(c, font_px);
        used <= room
    }).collect();
    format!("{kept}…")
}

/// `text` broken into lines that fit `line_px`, after a "; " where it can, at a character where
/// it must; at most `max_lines`, the last cut with an ellipsis if more is left.
fn wrap(text: &str, line_px: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in text.split_inclusive("; ") {
        if !line.is_empty() && text_px(&line, font_px) + text_px(piece.trim_end(), font_px) > line_px {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
        }
        for c in piece.chars() {
            if !line.is_empty() && text_px(&line, font_px) + char_px(c, font_px) > line_px && !c.is_whitespace() {
                // Latin words move whole to the next line; Chinese breaks between any characters
                let narrow = |c: char| c < '\u{2e80}' && !c.is_whitespace();
                let inside_word = narrow(c) && line.ends_with(narrow);
                let word_start = line.rfind(' ').map(|space| space + 1).filter(|_| inside_word);
                let carried = word_start.map(|start| line.split_off(start)).unwrap_or_default();
                lines.push(std::mem::replace(&mut line, carried).trim_end().to_owned());
            }
            line.push(c);
        }
    }
    let line = line.trim_end();
    if !line.is_empty() {
        lines.push(line.to_owned());
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).concat();
        lines.push(truncate_to(&rest, line_px, font_px));
    }
    lines
}

/// Font size, in CSS pixels, of a bar label that takes two lines.
const BAR_LABEL_FONT_PX: f64 = 11.0;

/// A bar's label on at most two lines of `line_px`: whole when it fits, else wrapped; when
/// two lines are still too few, the middle gives way and the flag in brackets at its end
/// ("(total)", "（累计）") stays.
pub fn bar_label_lines(label: &str, line_px: f64, font_px: f64) -> Vec<String> {
    if text_px(label, font_px) <= line_px {
        return vec![label.to_owned()];
    }
    let lines = wrap(label, line_px, font_px, 2);
    let cut = lines.last().is_some_and(|l| l.ends_with('…') && !label.ends_with('…'));
    let flag_at = label.rfind(['(', '（']).filter(|_| label.ends_with([')', '）']));
    let Some(flag_at) = flag_at.filter(|_| cut) else { return lines };
    let (body, flag) = (label[..flag_at].trim_end(), &label[flag_at..]);
    let room = line_px - text_px(flag, font_px) - char_px(' ', font_px);
    if room <= font_px * 2.0 {
        return lines;
    }
    let first = wrap(body, line_px, font_px, usize::MAX).into_iter().next().unwrap_or_default();
    let rest = body.get(first.len()..).unwrap_or_default().trim_start();
    let second = if rest.is_empty() { flag.to_owned() } else { format!("{} {flag}", truncate_to(rest, room, font_px)) };
    vec![first, second]
}

/// Horizontal, possibly stacked bars; returns where each bar was drawn.
pub fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    frame: &Frame<'_>,
    lang: Lang,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let area = draw_frame(root, frame)?;
    let s = frame.scale;
    let (width, _) = area.dim_in_pixel();
    let stacked = chart.series.len() > 1;
    // legend under the plot for stacked charts
    let used: Vec<usize> = {
        let mut used: Vec<usize> = chart.bars.iter().flat_map(|b| b.segments.iter().map(|s| s.series)).collect();
        used.sort_unstable();
        used.dedup();
        used
    };
    let (plot, legend) = if stacked {
        let per_row = ((width as f64 / s) / LEGEND_COLUMN_PX).floor().max(1.0) as usize;
        let rows = used.len().div_ceil(per_row);
        let (_, h) = area.dim_in_pixel();
        let split = h as i32 - px(s, 18.0 * rows as f64 + 6.0);
        let (plot, legend) = area.split_vertically(split.max(px(s, 60.0)));
        (plot, Some((legend, per_row)))
    } else {
        (area, None)
    };
    let label_width = px(s, if width as f64 / s > 600.0 { 200.0 } else { 120.0 });
    // the axis reaches far enough past the longest bar for its value, and past every bar for
    // its own value label, which on a phone can be a good part of the plot's width
    let plot_css = ((f64::from(width) - f64::from(label_width)) / s).max(1.0);
    let max = chart.bars.iter().fold(chart.bars.iter().map(Bar::total).fold(0.0, f64::max).max(1.0) * 1.18, |max, bar| {
        let label_css = text_px(&bar.value_label, VALUE_FONT_PX) + 12.0;
        max.max(bar.total() * plot_css / (plot_css - label_css).max(plot_css / 3.0))
    });
    let rows = chart.bars.len() as f64;
    let mut cc = ChartBuilder::on(&plot)
        .x_label_area_size(px(s, 22.0))
        .y_label_area_size(label_width)
        .build_cartesian_2d(0.0..max, 0.0..rows.max(1.0))?;
    cc.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(5)
        .x_label_formatter(&|v| axis_label(*v, lang))
        .x_label_style(font(frame, 11.0, frame.theme.muted))
        .axis_style(rgb(frame.theme.grid))
        .max_light_lines(1)
        .light_line_style(rgb(frame.theme.grid).mix(0.5))
        .bold_line_style(rgb(frame.theme.grid))
        .draw()?;
    let mut hits = Vec::new();
    for (i, bar) in chart.bars.iter().enumerate() {
        let top = rows - i as f64 - 0.15;
        let bottom = rows - i as f64 - 0.85;
        let mut x = 0.0;
        for segment in &bar.segments {
            let color = rgb(PALETTE[segment.series % PALETTE.len()]);
            cc.draw_series(std::iter::once(Rectangle::new([(x, bottom), (x + segment.value, top)], color.filled())))?;
            x += segment.value;
        }
        let (x0, y0) = cc.backend_coord(&(0.0, top));
        let (x1, y1) = cc.backend_coord(&(x, bottom));
        hits.push(Hit { rect: (x0, y0, x1.max(x0 + 2), y1), region: bar.region.clone() });
        let (_, yc) = cc.backend_coord(&(0.0, (top + bottom) / 2.0));
        // on two lines where one is too short, and never without its flag ("(total)")
        let lines = bar_label_lines(&bar.label, f64::from(label_width) / s - 10.0, BAR_LABEL_FONT_PX);
        let line_step = px(s, BAR_LABEL_FONT_PX + 1.0);
        let first_y = yc - line_step * (lines.len() as i32 - 1) / 2;
        let label_font = if lines.len() > 1 { BAR_LABEL_FONT_PX } else { 12.0 };
        let label_style = font(frame, label_font, frame.theme.text).pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Right,
            plotters::style::text_anchor::VPos::Center,
        ));
        for (n, line) in lines.into_iter().enumerate() {
            root.draw(&Text::new(line, (x0 - px(s, 6.0), first_y + line_step * n as i32), label_style.clone()))?;
        }
        let value_style = font(frame, VALUE_FONT_PX, frame.theme.text).pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Left,
            plotters::style::text_anchor::VPos::Center,
        ));
        root.draw(&Text::new(bar.value_label.clone(), (x1 + px(s, 4.0), yc), value_style))?;
    }
    if let Some((legend, per_row)) = legend {
        for (n, &series) in used.iter().enumerate() {
            let (col, row) = ((n % per_row) as f64, (n / per_row) as f64);
            let (x, y) = (px(s, 12.0 + col * LEGEND_COLUMN_PX), px(s, 6.0 + row * 18.0));
            legend.draw(&Rectangle::new([(x, y), (x + px(s, 12.0), y + px(s, 12.0))], rgb(PALETTE[series % PALETTE.len()]).filled()))?;
            // as much of the name as its column holds, after the swatch
            let name = truncate_to(&chart.series[series], LEGEND_COLUMN_PX - 22.0, LEGEND_FONT_PX);
            legend.draw(&Text::new(name, (x + px(s, 16.0), y), font(frame, LEGEND_FONT_PX, frame.theme.text)))?;
        }
    }
    Ok(hits)
}

/// The width of a legend entry of a stacked chart, swatch and name, in CSS pixels.
const LEGEND_COLUMN_PX: f64 = 170.0;
const LEGEND_FONT_PX: f64 = 11.0;

/// Values over time: a point at the end of each period, a line across the period.
pub fn draw_time<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &TimeChart,
    frame: &Frame<'_>,
    lang: Lang,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let area = draw_frame(root, frame)?;
    let s = frame.scale;
    let from = chart.points.iter().map(|p| p.start).fold(f64::INFINITY, f64::min).floor();
    let to = chart.points.iter().map(|p| p.end).fold(f64::NEG_INFINITY, f64::max).ceil();
    let max = chart.points.iter().map(|p| p.value).fold(0.0, f64::max).max(1.0) * 1.2;
    let mut cc = ChartBuilder::on(&area)
        .x_label_area_size(px(s, 22.0))
        .y_label_area_size(px(s, 56.0))
        .build_cartesian_2d(from..to.max(from + 1.0), 0.0..max)?;
    cc.configure_mesh()
        .x_labels(((to - from) as usize + 1).min(12))
        .x_label_formatter(&|v| format!("{}", v.floor() as i32))
        .y_label_formatter(&|v| axis_label(*v, lang))
        .x_label_style(font(frame, 11.0, frame.theme.muted))
        .y_label_style(font(frame, 11.0, frame.theme.muted))
        .axis_style(rgb(frame.theme.grid))
        .max_light_lines(1)
        .light_line_style(rgb(frame.theme.grid).mix(0.5))
        .bold_line_style(rgb(frame.theme.grid))
        .draw()?;
    let mut hits = Vec::new();
    for point in &chart.points {
        let color = rgb(PALETTE[point.series % PALETTE.len()]);
        let line_style = ShapeStyle { color: color.to_rgba(), filled: false, stroke_width: px(s, 3.0).max(1) as u32 };
        cc.draw_series(LineSeries::new([(point.start, point.value), (point.end, point.value)], line_style))?;
        // hollow marker for one-year figures and levels, filled for running totals
        let marker = if point.aggregation == Aggregation::PeriodTotal { color.filled() } else { color.stroke_width(px(s, 2.0) as u32) };
        cc.draw_series(std::iter::once(Circle::new((point.end, point.value), px(s, 5.0), marker)))?;
        let (x, y) = cc.backend_coord(&(point.end, point.value));
        // right-aligned above the point, so labels at the latest years stay inside the drawing
        let label_style = font(frame, 11.0, frame.theme.text).pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Right,
            plotters::style::text_anchor::VPos::Bottom,
        ));
        root.draw(&Text::new(point.label.clone(), (x + px(s, 4.0), y - px(s, 7.0)), label_style))?;
        hits.push(Hit { rect: (x - px(s, 8.0), y - px(s, 8.0), x + px(s, 8.0), y + px(s, 8.0)), region: chart.series_regions[point.series].clone() });
    }
    for (n, name) in chart.series.iter().enumerate() {
        let (x, y) = (px(s, 70.0 + (n % 4) as f64 * 150.0), px(s, 40.0 + (n / 4) as f64 * 16.0));
        root.draw(&Rectangle::new([(x, y), (x + px(s, 10.0), y + px(s, 10.0))], rgb(PALETTE[n % PALETTE.len()]).filled()))?;
        root.draw(&Text::new(name.clone(), (x + px(s, 14.0), y - px(s, 1.0)), font(frame, 11.0, frame.theme.text)))?;
    }
    Ok(hits)
}

/// Draws into an SVG document of `size` (for tests and downloads).
pub(crate) fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<Vec<Hit>, DrawingAreaErrorKind<std::io::Error>>,
) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&root).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

pub(crate) fn light_frame<'a>(title: &'a str, sources: &[String], caveat: Option<&'a str>, lang: Lang) -> Frame<'a> {
    Frame { title, source: source_line(sources, lang), caveat, theme: Theme::LIGHT, scale: 1.0 }
}

/// A bar chart as an SVG document.
pub fn bars_svg(chart: &BarChart, lang: Lang, size: (u32, u32)) -> Result<String, String> {
    let frame = light_frame(&chart.title, &chart.sources, chart.caveat.as_deref(), lang);
    svg(size, |root| draw_bars(root, chart, &frame, lang))
}

/// The time chart as an SVG document.
pub fn time_svg(chart: &TimeChart, lang: Lang, size: (u32, u32)) -> Result<String, String> {
    let frame = light_frame(&chart.title, &chart.sources, chart.caveat.as_deref(), lang);
    svg(size, |root| draw_time(root, chart, &frame, lang))
}

#[cfg(test)]
mod tests {
    use super::{bar_label_lines, caveat_lines, frame_extra_height, source_lines, text_px, wrap};

    #[test]
    fn a_short_source_stays_on_one_line() {
        assert_eq!(wrap("Source: Quanzhou 2023", 400.0, 11.0, 4), vec!["Source: Quanzhou 2023"]);
    }

    #[test]
    fn a_long_source_breaks_after_its_separators_and_loses_nothing() {
        let text = "来源：福建省总工会 2024年工作报告; 泉州市总工会 2023年工作报告; 南平市总工会 2024年工作报告; 晋江市总工会 2023";
        let lines = wrap(text, 260.0, 11.0, 4);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| text_px(l, 11.0) <= 260.0), "{lines:?}");
        assert!(lines[..lines.len() - 1].iter().all(|l| l.ends_with(';')), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn latin_words_are_not_split_across_lines() {
        let text = "Source: Letting more strivers find happiness in Fuzhou: a record of how the unions led workers in building a city (2021); Nanping 2024";
        let lines = wrap(text, 200.0, 11.0, 6);
        assert!(lines.len() > 2, "{lines:?}");
        let words: Vec<&str> = text.split(' ').collect();
        for line in &lines {
            assert!(line.split(' ').all(|w| words.contains(&w)), "{line:?} splits a word");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_chart_grows_by_the_source_lines_beyond_the_first() {
        let source = "Source: Letting more strivers find happiness in Fuzhou (2021); Nanping 2024; Xiamen 2023";
        assert_eq!(frame_extra_height(source, None, 2000), 0);
        let lines = source_lines(source, 280.0).len();
        assert!(lines > 1);
        assert_eq!(frame_extra_height(source, None, 280), 15 * (lines as u32 - 1));
    }

    #[test]
    fn a_caveat_wraps_whole_and_the_chart_grows_for_it() {
        let caveat = "Only money the unions spent or paid out is added up; raised, budgeted and other money is left out and listed under the chart.";
        let lines = caveat_lines(caveat, 320.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| !l.ends_with('…')), "{lines:?}");
        assert_eq!(lines.join(" "), caveat);
        assert_eq!(frame_extra_height("Source: x", Some(caveat), 320), 15 * (lines.len() as u32 - 1));
        assert_eq!(frame_extra_height("Source: x", Some(caveat), 2000), 0);
    }

    #[test]
    fn bar_labels_wrap_and_keep_their_flag() {
        let short = bar_label_lines("Quanzhou · 2023 (year)", 400.0, 11.0);
        assert_eq!(short, ["Quanzhou · 2023 (year)"]);
        let label = "Quanzhou · line 23 · 2018–2023 (total)";
        let lines = bar_label_lines(label, 120.0, 11.0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), label.replace(' ', ""), "two lines hold it all: {lines:?}");
        let long = "Jinjiang Economic and Technological Development Zone · line 123 · 2018-01 – 2023-10 (total)";
        for width in [80.0, 120.0, 190.0] {
            let lines = bar_label_lines(long, width, 11.0);
            assert!(lines.len() <= 2);
            assert!(lines.last().is_some_and(|l| l.ends_with("(total)")), "{width}: {lines:?}");
            assert!(lines.iter().all(|l| text_px(l, 11.0) <= width + 0.01), "{width}: {lines:?}");
        }
        let zh = bar_label_lines("泉州市经济技术开发区 · 行 12 · 2018–2023（累计）", 90.0, 11.0);
        assert!(zh.last().is_some_and(|l| l.ends_with("（累计）")), "{zh:?}");
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_and_too_many_lines_end_in_an_ellipsis() {
        let text = "x".repeat(200);
        let lines = wrap(&text, 100.0, 11.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| text_px(l, 11.0) <= 100.0), "{lines:?}");
        assert!(lines[2].ends_with('…'));
    }
}
