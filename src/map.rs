//! The map of Fujian: a grid of equal tiles, one per city (`data/map.toml`), coloured by how
//! many records of the selection each place has or by one indicator's value. The layout, the
//! values and the colour classes are computed here without browser types; the drawing is
//! generic over plotters backends, like the charts.

use crate::charts::{self, Frame, Hit, LeftOut};
use crate::explore::{period_label, Index, RecordRef, Selection};
use crate::i18n::{self, Lang};
use crate::model::{Dataset, RegionLevel, Unit};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::{BTreeSet, HashMap};

pub use crate::map_layout::{check_layout, decode_layout, encode_layout, touching, Border, LayoutProblem, TilePlace, MAX_CELLS};

/// The layout embedded in the build (checked by the build script against the dataset's regions).
pub fn embedded_layout() -> Vec<TilePlace> {
    decode_layout(include_str!(concat!(env!("OUT_DIR"), "/map.txt")))
}

/// Colour classes of the sequential scale.
pub const CLASSES: usize = 5;

/// A light-to-dark blue scale (ColorBrewer Blues), readable on light and dark pages.
pub const SCALE: [(u8, u8, u8); CLASSES] = [(222, 235, 247), (158, 202, 225), (107, 174, 214), (49, 130, 189), (8, 81, 156)];

/// Equal steps from 0 to a round number at or above the largest value: the upper bound of each
/// class. Empty when there is nothing to colour.
pub fn class_bounds(values: &[f64]) -> Vec<f64> {
    let max = values.iter().copied().filter(|v| v.is_finite()).fold(0.0, f64::max);
    if values.is_empty() {
        return Vec::new();
    }
    if max <= 0.0 {
        return vec![0.0];
    }
    // the smallest of 1, 2, 2.5, 5 × 10^k whose fifth is a step that reaches max
    let step_min = max / CLASSES as f64;
    let magnitude = 10f64.powf(step_min.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= step_min).unwrap_or(10.0 * magnitude);
    // whole numbers for counts of things: no class "0–0.4"
    let step = if max >= 1.0 && step < 1.0 { 1.0 } else { step };
    let classes = ((max / step).ceil() as usize).clamp(1, CLASSES);
    (1..=classes).map(|n| step * n as f64).collect()
}

/// The class of `value` among `bounds`: the first whose upper bound it does not pass.
pub fn class_of(value: f64, bounds: &[f64]) -> usize {
    bounds.iter().position(|b| value <= *b).unwrap_or(bounds.len().saturating_sub(1))
}

/// A legend's number: `2万`, `1.5亿` in Chinese; `20 thousand`, `1.5 million` in English.
pub fn legend_number(value: f64, lang: Lang) -> String {
    let short = |v: f64| {
        let text = format!("{v:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    match lang {
        Lang::Zh => crate::format::number_zh(value),
        Lang::En if value.abs() >= 1e9 => format!("{} billion", short(value / 1e9)),
        Lang::En if value.abs() >= 1e6 => format!("{} million", short(value / 1e6)),
        Lang::En if value.abs() >= 1e4 => format!("{} thousand", short(value / 1e3)),
        Lang::En => crate::format::group_thousands(value),
    }
}

/// What a place shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// A count or a value, in a colour class.
    Value { value: f64, class: usize },
    /// Only figures the comparison leaves out (a slogan, a plan, a contradicted figure).
    LeftOut,
    /// Nothing in the selection.
    NoData,
}

/// One place on the map or beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub region: String,
    pub name: String,
    /// The name drawn on the tile.
    pub short_name: String,
    /// Where the tile is; None for a place beside the grid (the province, China).
    pub cell: Option<(u32, u32)>,
    pub shown: Shown,
    /// The value in full (`12 records`, `≥973.27万元`, `no data`).
    pub label: String,
    /// The value as short as a tile needs it (`12`, `≥973万`).
    pub tile_label: String,
    /// When and how: the period and kind of the figure shown, how many more there are, figures
    /// left out.
    pub note: String,
    /// Counties, districts and zones with data, by name.
    pub counties: Vec<String>,
}

/// The map: what each place shows, its legend, title and sources.
#[derive(Clone, Debug, PartialEq)]
pub struct MapChart {
    pub title: String,
    /// The indicator coloured by, if any (else records are counted).
    pub indicator: Option<String>,
    pub places: Vec<Place>,
    /// Upper bound of each colour class.
    pub bounds: Vec<f64>,
    /// One entry per class: its range in words.
    pub legend: Vec<String>,
    pub sources: Vec<String>,
    pub caveat: Option<String>,
    pub left_out: Vec<LeftOut>,
}

impl MapChart {
    pub fn tiles(&self) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(|p| p.cell.is_some())
    }
    pub fn beside(&self) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(|p| p.cell.is_none())
    }
}

/// Per place (region position of the city, the province or China): what was found there.
#[derive(Default, Clone)]
struct Found {
    records: usize,
    counties: BTreeSet<usize>,
}

fn region_name(data: &Dataset, id: &str, lang: Lang) -> String {
    data.region(id).map_or(id.to_owned(), |r| r.name(lang).to_owned())
}

/// Builds the map of `selection` (the records passing every filter but the region one): by
/// default how many records each place has, counties counted in their city; with `indicator`,
/// its value in each place, following the charts' rules on what is compared.
pub fn map_chart(data: &Dataset, index: &Index, selection: &Selection, layout: &[TilePlace], indicator: Option<&str>, lang: Lang) -> MapChart {
    let position: HashMap<&str, usize> = data.regions.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    let mut found: Vec<Found> = vec![Found::default(); data.regions.len()];
    // the place (tile or beside) of a record, and the county it is in if it is in one
    let place_of = |record: RecordRef, own: &str| {
        let city = index.city_and_category_positions(record).0?;
        let own = position.get(own).copied().filter(|&p| p != city);
        Some((city, own))
    };
    let mut docs: Vec<&str> = Vec::new();
    let mut values: Vec<Option<(f64, String, (i32, u8, u8), String)>> = vec![None; data.regions.len()];
    let mut figures_at = vec![0usize; data.regions.len()];
    let mut left_out_at = vec![0usize; data.regions.len()];
    let mut left_out = Vec::new();
    let mut caveat = None;
    let meta = indicator.and_then(|id| data.indicator(id));
    match meta {
        None => {
            let facts = selection.facts.iter().map(|&i| (RecordRef::Fact(i), data.facts[i].region.as_str(), data.facts[i].doc.as_str()));
            let events = selection.events.iter().map(|&i| (RecordRef::Event(i), data.events[i].region.as_str(), data.events[i].doc.as_str()));
            for (record, region, doc) in facts.chain(events) {
                let Some((city, county)) = place_of(record, region) else { continue };
                found[city].records += 1;
                found[city].counties.extend(county);
                docs.push(doc);
            }
        }
        Some(meta) => {
            let mut aggregations = BTreeSet::new();
            for &i in selection.facts.iter().filter(|&&i| data.facts[i].indicator == meta.id) {
                let fact = &data.facts[i];
                let Some((city, county)) = place_of(RecordRef::Fact(i), &fact.region) else { continue };
                // a slogan, plan or contradicted figure is listed, never coloured (the charts' rule)
                if let Some(reason) = (!fact.comparable()).then(|| crate::format::trust_words(fact, lang)).flatten() {
                    left_out_at[city] += 1;
                    let label = format!(
                        "{} · {} · {}",
                        region_name(data, &fact.region, lang),
                        period_label(&fact.period_start, &fact.period_end),
                        charts::value_label(fact.value, fact.unit, fact.qualifier, lang)
                    );
                    left_out.push(LeftOut { fact: fact.id.clone(), label, reason });
                    continue;
                }
                found[city].records += 1;
                docs.push(&fact.doc);
                if let Some(county) = county {
                    // a county's figure is not its city's: it is listed, not coloured
                    found[city].counties.insert(county);
                    continue;
                }
                figures_at[city] += 1;
                aggregations.insert(format!("{:?}", fact.aggregation));
                // the latest figure the place has
                let end = fact.period_end.last_day();
                if values[city].as_ref().is_none_or(|(_, _, shown_end, _)| end > *shown_end) {
                    let label = charts::value_label(fact.value, fact.unit, fact.qualifier, lang);
                    let note = format!("{} ({})", period_label(&fact.period_start, &fact.period_end), crate::format::aggregation_words(fact.aggregation, lang));
                    values[city] = Some((fact.value, label, end, note));
                }
            }
            caveat = (aggregations.len() > 1).then(|| charts::MIXED.get(lang).to_owned());
        }
    }
    // the scale is the cities': the province's own total would leave them all in the lightest
    // class (beside the grid it takes the darkest class it reaches)
    let value_at = |at: usize| match meta {
        None => (found[at].records > 0).then_some(found[at].records as f64),
        Some(_) => values[at].as_ref().map(|v| v.0),
    };
    let mut shown_values: Vec<f64> = layout.iter().filter_map(|t| position.get(t.id.as_str())).filter_map(|&at| value_at(at)).collect();
    if shown_values.is_empty() {
        shown_values = (0..data.regions.len()).filter_map(value_at).collect();
    }
    let bounds = class_bounds(&shown_values);
    let noun = i18n::RECORD_NOUN;
    let place = |at: usize, cell: Option<(u32, u32)>, short: Option<&str>| {
        let region = &data.regions[at];
        let counties: Vec<String> = found[at].counties.iter().map(|&c| data.regions[c].name(lang).to_owned()).collect();
        let (shown, label, tile_label, note) = match meta {
            None if found[at].records > 0 => {
                let n = found[at].records;
                (Shown::Value { value: n as f64, class: class_of(n as f64, &bounds) }, noun.count(n, lang), n.to_string(), String::new())
            }
            None => (Shown::NoData, i18n::MAP_NO_DATA.get(lang).to_owned(), i18n::MAP_NO_DATA.get(lang).to_owned(), String::new()),
            Some(meta) => {
                let more = figures_at[at].saturating_sub(1);
                let mut notes = Vec::new();
                if more > 0 {
                    notes.push(match lang {
                        Lang::Zh => format!("最近一项，共 {} 项", figures_at[at]),
                        Lang::En => format!("the latest of {} figures", figures_at[at]),
                    });
                }
                if left_out_at[at] > 0 {
                    notes.push(match lang {
                        Lang::Zh => format!("{} 项未纳入比较", left_out_at[at]),
                        Lang::En if left_out_at[at] == 1 => "1 figure left out".to_owned(),
                        Lang::En => format!("{} figures left out", left_out_at[at]),
                    });
                }
                if values[at].is_none() && !counties.is_empty() {
                    notes.push(i18n::MAP_COUNTY_FIGURES_ONLY.get(lang).to_owned());
                }
                match &values[at] {
                    Some((value, label, _, period)) => {
                        notes.insert(0, period.clone());
                        let mark = label.chars().next().filter(|c| "≥~≤".contains(*c)).map(String::from).unwrap_or_default();
                        let short = format!("{mark}{}{}", crate::format::axis_label(*value, lang), if meta.unit == Unit::Percent { "%" } else { "" });
                        (Shown::Value { value: *value, class: class_of(*value, &bounds) }, label.clone(), short, notes.join(" · "))
                    }
                    None if left_out_at[at] > 0 => {
                        let words = i18n::MAP_LEFT_OUT.get(lang).to_owned();
                        (Shown::LeftOut, words.clone(), words, notes.join(" · "))
                    }
                    None => {
                        let words = i18n::MAP_NO_DATA.get(lang).to_owned();
                        (Shown::NoData, words.clone(), words, notes.join(" · "))
                    }
                }
            }
        };
        let name = region.name(lang).to_owned();
        Place { region: region.id.clone(), short_name: short.map_or_else(|| name.clone(), str::to_owned), name, cell, shown, label, tile_label, note, counties }
    };
    let mut places: Vec<Place> = layout
        .iter()
        .filter_map(|tile| {
            let at = *position.get(tile.id.as_str())?;
            let short = match lang {
                Lang::Zh => tile.label_zh.as_deref(),
                Lang::En => tile.label_en.as_deref(),
            };
            Some(place(at, Some((tile.col, tile.row)), short))
        })
        .collect();
    // the province's own records, China's, and any place without a tile: beside the grid
    let on_grid: BTreeSet<&str> = layout.iter().map(|t| t.id.as_str()).collect();
    for (at, region) in data.regions.iter().enumerate() {
        let is_place = region.level != RegionLevel::County;
        if is_place && !on_grid.contains(region.id.as_str()) && (found[at].records > 0 || left_out_at[at] > 0 || region.level == RegionLevel::Province) {
            places.push(place(at, None, None));
        }
    }
    let title = match meta {
        None => i18n::MAP_RECORDS_TITLE.get(lang).to_owned(),
        Some(meta) => format!("{}{}", meta.name(lang), i18n::MAP_BY_PLACE.get(lang)),
    };
    let legend = legend_labels(&bounds, lang, meta.map(|m| m.unit));
    MapChart {
        title,
        indicator: meta.map(|m| m.id.clone()),
        places,
        bounds,
        legend,
        sources: charts::sources(data, docs, lang),
        caveat,
        left_out,
    }
}

/// `0–10`, `10–20` … in the legend's numbers, the unit once, on the last.
fn legend_labels(bounds: &[f64], lang: Lang, unit: Option<Unit>) -> Vec<String> {
    let unit = unit.map(|u| crate::format::unit_name(u, lang)).unwrap_or_default();
    let sep = if lang == Lang::En && !unit.is_empty() && unit != "%" { " " } else { "" };
    bounds
        .iter()
        .enumerate()
        .map(|(n, &upper)| {
            let lower = if n == 0 { 0.0 } else { bounds[n - 1] };
            let text = format!("{}–{}", legend_number(lower, lang), legend_number(upper, lang));
            if n + 1 == bounds.len() { format!("{text}{sep}{unit}") } else { text }
        })
        .collect()
}

/// The region of `place` is selected: it or a region below it is in the region filter.
pub fn is_selected(index: &Index, place: &str, regions: &BTreeSet<String>) -> bool {
    regions.iter().any(|r| index.lineage(r).iter().any(|id| id == place))
}

/// The grid's size in cells.
fn grid_size(chart: &MapChart) -> (u32, u32) {
    chart.tiles().filter_map(|p| p.cell).fold((1, 1), |(c, r), (col, row)| (c.max(col + 1), r.max(row + 1)))
}

/// Largest tile side, in CSS pixels.
const MAX_TILE_PX: f64 = 120.0;
/// Height of the legend and the row of places beside the grid, in CSS pixels.
const BELOW_GRID_PX: f64 = 86.0;

/// The side of a tile, in CSS pixels, for a map `width` CSS pixels wide.
fn tile_px(chart: &MapChart, width: u32) -> f64 {
    let (cols, _) = grid_size(chart);
    ((f64::from(width) - 24.0) / f64::from(cols)).min(MAX_TILE_PX).max(40.0)
}

/// The height of the map drawn `width` CSS pixels wide.
pub fn map_height(chart: &MapChart, width: u32, lang: Lang) -> u32 {
    let (_, rows) = grid_size(chart);
    let source = charts::frame_extra_height(&charts::source_line(&chart.sources, lang), chart.caveat.as_deref(), width);
    let caveat = if chart.caveat.is_some() { 18.0 } else { 0.0 };
    (38.0 + 24.0 + 8.0 + tile_px(chart, width) * f64::from(rows) + BELOW_GRID_PX + caveat) as u32 + source
}

/// Colours of a place's tile: fill and text.
fn tile_colours(shown: &Shown, theme: &charts::Theme) -> ((u8, u8, u8), (u8, u8, u8)) {
    match shown {
        Shown::Value { class, .. } => (SCALE[(*class).min(CLASSES - 1)], if *class >= 3 { (255, 255, 255) } else { (29, 31, 35) }),
        Shown::LeftOut | Shown::NoData => (theme.background, theme.muted),
    }
}

/// Draws the map: the tiles, the selected ones outlined, the places beside the grid and the
/// legend; returns where each tile and place is, in the drawing's pixels.
pub fn draw_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &MapChart,
    selected: &BTreeSet<String>,
    frame: &Frame<'_>,
    lang: Lang,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let area = charts::draw_frame(root, frame)?;
    let s = frame.scale;
    let px = |v: f64| charts::px(s, v);
    let (width, _) = root.dim_in_pixel();
    let side = tile_px(chart, (f64::from(width) / s) as u32);
    let (cols, rows) = grid_size(chart);
    let left = (f64::from(width) / s - side * f64::from(cols)) / 2.0;
    let top = 38.0;
    let gap = 3.0;
    let theme = frame.theme;
    let mut hits = Vec::new();
    let draw_place = |place: &Place, x: f64, y: f64, w: f64, h: f64, hits: &mut Vec<Hit>| -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let (fill, text) = tile_colours(&place.shown, &theme);
        let (x0, y0, x1, y1) = (px(x + gap), px(y + gap), px(x + w - gap), px(y + h - gap));
        root.draw(&Rectangle::new([(x0, y0), (x1, y1)], charts::rgb(fill).filled()))?;
        // no data: an outline only, dashed where a figure is left out, so neither reads as zero
        if !matches!(place.shown, Shown::Value { .. }) {
            let outline = charts::rgb(theme.muted);
            if place.shown == Shown::LeftOut {
                let step = px(6.0).max(2);
                let mut x = x0;
                while x < x1 {
                    root.draw(&PathElement::new([(x, y0), ((x + step / 2).min(x1), y0)], outline.stroke_width(1)))?;
                    root.draw(&PathElement::new([(x, y1), ((x + step / 2).min(x1), y1)], outline.stroke_width(1)))?;
                    x += step;
                }
                let mut y = y0;
                while y < y1 {
                    root.draw(&PathElement::new([(x0, y), (x0, (y + step / 2).min(y1))], outline.stroke_width(1)))?;
                    root.draw(&PathElement::new([(x1, y), (x1, (y + step / 2).min(y1))], outline.stroke_width(1)))?;
                    y += step;
                }
            } else {
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], outline.stroke_width(1)))?;
            }
        }
        if selected.contains(&place.region) {
            root.draw(&Rectangle::new([(x0, y0), (x1, y1)], charts::rgb(theme.text).stroke_width(px(3.0).max(2) as u32)))?;
        }
        let centre = |size: f64, color| {
            charts::font(frame, size, color).pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Center,
            ))
        };
        let room = w - 2.0 * gap - 6.0;
        let name_px = if side < 70.0 { 11.0 } else { 13.0 };
        let cx = px(x + w / 2.0);
        root.draw(&Text::new(charts::truncate_to(&place.short_name, room, name_px), (cx, px(y + h / 2.0 - 9.0)), centre(name_px, text)))?;
        root.draw(&Text::new(charts::truncate_to(&place.tile_label, room, 12.0), (cx, px(y + h / 2.0 + 9.0)), centre(12.0, text)))?;
        hits.push(Hit { rect: (x0, y0, x1, y1), region: place.region.clone() });
        Ok(())
    };
    for place in chart.tiles() {
        let Some((col, row)) = place.cell else { continue };
        draw_place(place, left + side * f64::from(col), top + side * f64::from(row), side, side, &mut hits)?;
    }
    // below the grid: the places beside it, then the legend
    let below = top + side * f64::from(rows) + 4.0;
    let mut x = left;
    for place in chart.beside() {
        let w = (side * 1.4).min(150.0);
        draw_place(place, x, below, w, 44.0, &mut hits)?;
        x += w;
    }
    let legend_y = below + 50.0;
    let swatch = 14.0;
    let mut lx = 12.0;
    let (legend_w, _) = area.dim_in_pixel();
    let _ = legend_w;
    let text = charts::font(frame, 11.0, theme.text);
    for (n, label) in chart.legend.iter().enumerate() {
        let w = charts::text_px(label, 11.0) + swatch + 14.0;
        if lx + w > f64::from(width) / s - 8.0 && lx > 12.0 {
            break;
        }
        root.draw(&Rectangle::new([(px(lx), px(legend_y)), (px(lx + swatch), px(legend_y + swatch))], charts::rgb(SCALE[n.min(CLASSES - 1)]).filled()))?;
        root.draw(&Text::new(label.clone(), (px(lx + swatch + 4.0), px(legend_y + 1.0)), text.clone()))?;
        lx += w;
    }
    // the no-data swatch, so an empty tile never reads as the lowest class
    let no_data = i18n::MAP_NO_DATA.get(lang);
    if lx + charts::text_px(no_data, 11.0) + swatch + 8.0 <= f64::from(width) / s {
        root.draw(&Rectangle::new([(px(lx), px(legend_y)), (px(lx + swatch), px(legend_y + swatch))], charts::rgb(theme.muted).stroke_width(1)))?;
        root.draw(&Text::new(no_data, (px(lx + swatch + 4.0), px(legend_y + 1.0)), text))?;
    }
    Ok(hits)
}

/// The map as an SVG document of `size`, light (for tests and downloads).
pub fn map_svg(chart: &MapChart, selected: &BTreeSet<String>, lang: Lang, size: (u32, u32)) -> Result<String, String> {
    let frame = charts::light_frame(&chart.title, &chart.sources, chart.caveat.as_deref(), lang);
    charts::svg(size, |root| draw_map(root, chart, selected, &frame, lang))
}
