//! The charts view: four comparison charts drawn with plotters on a HiDPI-aware canvas, each
//! with a title, a source line and a table that says the same in text. Picking a bar filters
//! to its region.

use super::active_filters::NoMatch;
use super::{use_app, HistoryMode, Shared};
use super::downloads::{save, save_url};
use super::backend::ChartBackend;
use super::perf;
use crate::charts::{
    category_profile, draw_bars, draw_time, frame_extra_height, indicator_by_region, indicator_over_time, indicators_by_coverage, money_by_category,
    left_out_heading, source_line, BarChart, Frame, Hit, LeftOut, Theme, TimeChart,
};
use crate::export::file_stem;
use crate::i18n;
use crate::state::ChartKind;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::sync::atomic::{AtomicU32, Ordering};

/// What the open chart shows.
#[derive(Clone, PartialEq)]
enum Drawn {
    Bars(BarChart),
    Time(TimeChart),
}

impl Drawn {
    fn title(&self) -> &str {
        match self {
            Drawn::Bars(c) => &c.title,
            Drawn::Time(c) => &c.title,
        }
    }
    fn sources(&self) -> &[String] {
        match self {
            Drawn::Bars(c) => &c.sources,
            Drawn::Time(c) => &c.sources,
        }
    }
    fn caveat(&self) -> Option<&str> {
        match self {
            Drawn::Bars(c) => c.caveat.as_deref(),
            Drawn::Time(c) => c.caveat.as_deref(),
        }
    }
    fn left_out(&self) -> &[LeftOut] {
        match self {
            Drawn::Bars(c) => &c.left_out,
            Drawn::Time(c) => &c.left_out,
        }
    }
}

/// The selected figures the chart does not compare, each with why, and opening its record.
#[component]
pub(super) fn LeftOutList(
    /// The figures left out, as the chart core lists them.
    left_out: Vec<LeftOut>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let count = left_out.len();
    let items = left_out
        .into_iter()
        .map(|item| {
            let id = item.fact.clone();
            view! {
                <li data-record=item.fact.clone()>
                    <button type="button" class="link-button" on:click=move |_| {
                        let id = id.clone();
                        app.change(HistoryMode::Push, |v| v.record = Some(id));
                    }>{item.label}</button>
                    " — " {item.reason}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="chart-left-out" data-testid="chart-left-out">
            <h3>{move || left_out_heading(count, lang.get())}</h3>
            <ul>{items}</ul>
        </section>
    }
}

fn kind_label(kind: ChartKind) -> i18n::Text {
    match kind {
        ChartKind::Bars => i18n::CHART_BARS,
        ChartKind::Time => i18n::CHART_TIME,
        ChartKind::Profile => i18n::CHART_PROFILE,
        ChartKind::Money => i18n::CHART_MONEY,
    }
}

/// What the charts view shows: the empty state, a note that no chart fits, or the chart.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    NoMatch,
    NoChart,
    Chart,
}

/// Height of a chart `width` CSS pixels wide: bar charts grow with their bars, and every chart
/// with the lines its source and caveat take.
fn chart_height(chart: &Drawn, width: u32, lang: i18n::Lang) -> u32 {
    let rows = match chart {
        Drawn::Bars(c) => c.bars.len(),
        Drawn::Time(_) => 10,
    };
    let plot = (rows as f64 * 30.0 + 150.0).clamp(300.0, 1400.0) as u32;
    plot + frame_extra_height(&source_line(chart.sources(), lang), chart.caveat(), width)
}

/// The width, in CSS pixels, a chart was last painted at (0 before the first), and the view
/// panel's width then: the best guess of the next chart's width before the page is laid out,
/// across visits to the charts tab, as long as the panel keeps its width.
static DRAWN_WIDTH: AtomicU32 = AtomicU32::new(0);
static DRAWN_IN_PANEL: AtomicU32 = AtomicU32::new(0);

/// The left and right border of a chart's figure (`.chart` in the style sheet), in CSS pixels:
/// the canvas fills the panel less these.
const FIGURE_BORDERS_PX: u32 = 2;

/// The width a chart on screen will most likely have, known without laying out the page: the
/// width last painted while the view panel keeps its width, else the panel's less the figure's
/// border. A wrong guess is painted again at the right width once the frame is laid out.
pub(super) fn width_before_layout() -> Option<u32> {
    let panel = super::view_width::content_width();
    match (DRAWN_WIDTH.load(Ordering::Relaxed), panel) {
        (drawn, Some(panel)) if drawn > 0 && DRAWN_IN_PANEL.load(Ordering::Relaxed) == panel => Some(drawn),
        (_, Some(panel)) => Some(panel.saturating_sub(FIGURE_BORDERS_PX).max(SCREEN_MIN_WIDTH)),
        (0, None) => None,
        (drawn, None) => Some(drawn),
    }
}

/// Narrowest chart on screen, in CSS pixels: a phone in portrait.
pub(super) const SCREEN_MIN_WIDTH: u32 = 280;
/// Narrowest chart file: wide enough for a slide even when saved from a phone.
pub(super) const DOWNLOAD_MIN_WIDTH: u32 = 480;

/// Width of a chart in CSS pixels: the width its canvas has to fill, at least `min`.
pub(super) fn chart_width(canvas: Option<&web_sys::HtmlCanvasElement>, min: u32) -> u32 {
    let available = canvas.and_then(|c| c.parent_element()).map_or(800, |p| p.client_width());
    u32::try_from(available).unwrap_or(0).max(min)
}

/// Draws `chart` on `canvas` at `size` CSS pixels with `ratio` device pixels each, so lines
/// and text stay crisp; returns where the bars are, in device pixels.
fn paint(canvas: &web_sys::HtmlCanvasElement, chart: &Drawn, size: (u32, u32), ratio: f64, theme: Theme, lang: i18n::Lang) -> Result<Vec<Hit>, String> {
    draw(ChartBackend::Canvas(sized_canvas(canvas, size, ratio)?), chart, theme, ratio, lang)
}

/// `canvas` sized to `size` CSS pixels with `ratio` device pixels each, as a drawing backend.
pub(super) fn sized_canvas(canvas: &web_sys::HtmlCanvasElement, size: (u32, u32), ratio: f64) -> Result<CanvasBackend, String> {
    let (width, height) = (f64::from(size.0), f64::from(size.1));
    let bitmap = ((width * ratio) as u32, (height * ratio) as u32);
    // a canvas given a size anew makes its bitmap anew, even the same size: the drawing paints
    // every pixel over anyway
    if (canvas.width(), canvas.height()) != bitmap {
        canvas.set_width(bitmap.0);
        canvas.set_height(bitmap.1);
    }
    let style = web_sys::HtmlElement::style(canvas);
    for (property, value) in [("width", format!("{width}px")), ("height", format!("{height}px"))] {
        if style.get_property_value(property).ok().as_deref() != Some(value.as_str()) {
            style.set_property(property, &value).map_err(|e| format!("{e:?}"))?;
        }
    }
    Ok(CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the canvas has no 2D context")?)
}

/// Draws `chart` with its title, source line and caveat; returns where the bars are.
fn draw(backend: ChartBackend<'_>, chart: &Drawn, theme: Theme, scale: f64, lang: i18n::Lang) -> Result<Vec<Hit>, String> {
    let root = backend.into_drawing_area();
    let frame = Frame { title: chart.title(), source: source_line(chart.sources(), lang), caveat: chart.caveat(), theme, scale };
    let drawn = match chart {
        Drawn::Bars(c) => draw_bars(&root, c, &frame, lang),
        Drawn::Time(c) => draw_time(&root, c, &frame, lang),
    };
    drawn.and_then(|h| root.present().map(|()| h)).map_err(|e| e.to_string())
}

/// The chart as an SVG document of `size`, light, as for print.
fn svg_document(chart: &Drawn, size: (u32, u32), lang: i18n::Lang) -> Result<String, String> {
    let mut svg = String::new();
    draw(ChartBackend::Svg(SVGBackend::with_string(&mut svg, size)), chart, Theme::LIGHT, 1.0, lang)?;
    Ok(svg)
}

/// The chart drawn at twice `size` on a canvas of its own, as a PNG data URL.
fn png_data_url(chart: &Drawn, size: (u32, u32), lang: i18n::Lang) -> Result<String, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
    paint(&canvas, chart, size, 2.0, Theme::LIGHT, lang).map_err(|e| wasm_bindgen::JsValue::from_str(&e))?;
    canvas.to_data_url_with_type("image/png")
}

/// The canvas attribute that says whether the chart on it is the one the view shows: `pending`
/// until it is painted, then `done`; `data-paints` counts the paints. Tests and the benchmark
/// wait for it, and each paint sets the `ue:chart-painted` performance mark.
const PAINT_STATE: &str = "data-paint";
const PAINT_PENDING: &str = "pending";
const PAINT_DONE: &str = "done";
const PAINT_COUNT: &str = "data-paints";

/// Paints `chart` on the canvas on screen at `width` CSS pixels, keeps where its bars are for
/// picking, and says it is painted.
fn paint_on_screen(canvas: &web_sys::HtmlCanvasElement, chart: &Drawn, width: u32, lang: i18n::Lang, hits: StoredValue<Vec<Hit>>) {
    let ratio = window().device_pixel_ratio().max(1.0);
    DRAWN_WIDTH.store(width, Ordering::Relaxed);
    DRAWN_IN_PANEL.store(super::view_width::content_width().unwrap_or(0), Ordering::Relaxed);
    let size = (width, chart_height(chart, width, lang));
    let theme = if prefers_dark() { Theme::DARK } else { Theme::LIGHT };
    match paint(canvas, chart, size, ratio, theme, lang) {
        Ok(h) => {
            // where each bar is, in CSS pixels: lets tests and tools pick bars precisely
            let listed: Vec<String> = h
                .iter()
                .map(|hit| {
                    let (x0, y0, x1, y1) = hit.rect;
                    let css = |v: i32| (f64::from(v) / ratio).round() as i32;
                    format!("{},{},{},{},{}", css(x0), css(y0.min(y1)), css(x1), css(y0.max(y1)), hit.region)
                })
                .collect();
            let _ = canvas.set_attribute("data-hits", &listed.join(";"));
            // the view may have closed meanwhile
            let _ = hits.try_update_value(|hits| *hits = h);
            let paints = canvas.get_attribute(PAINT_COUNT).and_then(|n| n.parse::<u32>().ok()).unwrap_or(0);
            let _ = canvas.set_attribute(PAINT_COUNT, &paints.wrapping_add(1).to_string());
            let _ = canvas.set_attribute(PAINT_STATE, PAINT_DONE);
            perf::mark(perf::CHART_PAINTED);
        }
        Err(e) => leptos::logging::warn!("chart not drawn: {e}"),
    }
}

pub(super) fn prefers_dark() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches())
}

/// Chart switch, indicator picker, the canvas and its text alternative.
#[component]
pub fn ChartsView() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let kind = Memo::new(move |_| app.view.with(|v| v.chart));
    let indicators = Memo::new(move |_| {
        let data = app.data.get();
        app.selection.with(|s| indicators_by_coverage(&data, s))
    });
    // the indicator in the link, if the selection has it, else the best-covered one
    let indicator = Memo::new(move |_| {
        let wanted = app.view.with(|v| v.indicator.clone());
        indicators.with(|list| wanted.filter(|w| list.contains(w)).or_else(|| list.first().cloned()))
    });
    let drawn = Memo::new(move |_| {
        let data = app.data.get();
        let index = app.index.get();
        let lang = lang.get();
        app.selection.with(|s| match kind.get() {
            ChartKind::Bars => indicator.get().and_then(|i| indicator_by_region(&data, s, &i, lang)).map(Drawn::Bars),
            ChartKind::Time => indicator.get().and_then(|i| indicator_over_time(&data, s, &i, lang)).map(Drawn::Time),
            ChartKind::Profile => category_profile(&data, &index, s, lang).map(Drawn::Bars),
            ChartKind::Money => money_by_category(&data, &index, s, lang).map(Drawn::Bars),
        })
    });
    let canvas = NodeRef::<Canvas>::new();
    let hits = StoredValue::new(Vec::<Hit>::new());
    let resized = RwSignal::new(0u32);
    // whether the next paint reads the canvas's width from the page's layout
    let measure_next = StoredValue::new(width_before_layout().is_none());
    // whether the next paint corrects a width that the laid-out page showed to be wrong
    let correcting = StoredValue::new(false);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let _ = measure_next.try_set_value(true);
        resized.update(|n| *n = n.wrapping_add(1));
    });
    on_cleanup(move || handle.remove());

    // painted in the task that changed the view, before its frame: the chart is on screen in
    // the same frame as the rest of the view. Its width is the one last painted, or the view
    // panel's (reading the page's layout now would force a layout of the whole view), measured
    // only when neither is known and after a resize; once the frame is laid out, a chart whose
    // width turns out different is painted again at the right one.
    Effect::new(move |_| {
        resized.track();
        let (Some(canvas), Some(chart)) = (canvas.get(), drawn.get()) else { return };
        let lang = lang.get_untracked();
        let corrective = correcting.try_update_value(|c| std::mem::replace(c, false)).unwrap_or(false);
        let measure = measure_next.try_update_value(|m| std::mem::replace(m, false)).unwrap_or(true) || corrective;
        let width = match width_before_layout() {
            Some(guess) if !measure => guess,
            _ => chart_width(Some(&canvas), SCREEN_MIN_WIDTH),
        };
        paint_on_screen(&canvas, &chart, width, lang, hits);
        // a chart painted again for its width is checked no further: a scroll bar that comes
        // and goes with its height could otherwise have it painted back and forth
        if corrective {
            return;
        }
        // after the frame the layout is known and reading it costs nothing
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if canvas.is_connected() && chart_width(Some(&canvas), SCREEN_MIN_WIDTH) != width {
                        let _ = canvas.set_attribute(PAINT_STATE, PAINT_PENDING);
                        // the view may have closed since
                        let _ = correcting.try_set_value(true);
                        resized.try_update(|n| *n = n.wrapping_add(1));
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    });
    // the open chart as a file: SVG as drawn, PNG at twice the size; both light, for slides and print
    let download = move |format: &'static str| {
        let Some(chart) = drawn.get_untracked() else { return };
        let lang = lang.get_untracked();
        let width = chart_width(canvas.get_untracked().as_ref(), DOWNLOAD_MIN_WIDTH);
        let size = (width, chart_height(&chart, width, lang));
        // a chart of one indicator is named after it; the others after the chart
        let named = match kind.get_untracked() {
            ChartKind::Bars => indicator.get_untracked(),
            ChartKind::Time => indicator.get_untracked().map(|i| format!("{i}_time")),
            other => Some(other.code().to_owned()),
        };
        let stem = format!("{}_{}", app.view.with_untracked(|v| file_stem(&v.filter)), named.unwrap_or_else(|| kind.get_untracked().code().to_owned()));
        let result = if format == "svg" {
            svg_document(&chart, size, lang).map_err(|e| wasm_bindgen::JsValue::from_str(&e)).and_then(|svg| save(&format!("{stem}.svg"), "image/svg+xml", &svg))
        } else {
            png_data_url(&chart, size, lang).and_then(|url| save_url(&format!("{stem}.png"), &url))
        };
        if let Err(error) = result {
            leptos::logging::error!("chart download failed: {error:?}");
        }
    };

    let pick = move |ev: leptos::ev::MouseEvent| {
        let ratio = window().device_pixel_ratio().max(1.0);
        let (x, y) = ((f64::from(ev.offset_x()) * ratio) as i32, (f64::from(ev.offset_y()) * ratio) as i32);
        let region = hits.with_value(|hits| {
            hits.iter().find(|h| x >= h.rect.0 && x <= h.rect.2 && y >= h.rect.1.min(h.rect.3) && y <= h.rect.1.max(h.rect.3)).map(|h| h.region.clone())
        });
        if let Some(region) = region {
            app.change(HistoryMode::Push, |v| v.filter.regions = std::iter::once(region).collect());
        }
    };

    let kind_buttons = move || {
        ChartKind::ALL
            .into_iter()
            .map(|k| view! {
                <button type="button" data-chart=k.code() aria-pressed=move || (kind.get() == k).to_string()
                    on:click=move |_| app.change(HistoryMode::Push, |v| v.chart = k)>
                    {move || kind_label(k).get(lang.get())}
                </button>
            })
            .collect_view()
    };
    // what is typed into the picker's search box, narrowing its list
    let picker_query = RwSignal::new(String::new());
    // which category each indicator is listed under: read from every figure, once per dataset
    let indicator_categories = Memo::new(move |_| Shared::new(crate::picker::main_categories(&app.data.get())));
    let indicator_groups = Memo::new(move |_| {
        let data = app.data.get();
        let categories = indicator_categories.get();
        let current = indicator.get();
        indicators.with(|ids| crate::picker::indicator_groups_in(&data, &categories, ids, &picker_query.get(), current.as_deref(), lang.get()))
    });
    let indicator_picker = move || {
        matches!(kind.get(), ChartKind::Bars | ChartKind::Time).then(|| {
            let lang = lang.get();
            view! {
                <div class="indicator-picker">
                    <label for="indicator-search">{i18n::FIND_INDICATOR.get(lang)}</label>
                    <input id="indicator-search" type="search" data-testid="indicator-search" autocomplete="off"
                        aria-controls="indicator-select" prop:value=move || picker_query.get()
                        on:input=move |ev| picker_query.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            // Enter takes the first indicator that matches
                            if ev.key() == "Enter" && !picker_query.with_untracked(|q| q.trim().is_empty()) {
                                ev.prevent_default();
                                let query = picker_query.get_untracked();
                                let data = app.data.get_untracked();
                                // the list keeps the chosen indicator even when it does not match: ask afresh without it
                                let first = indicators.with_untracked(|ids| {
                                    crate::picker::indicator_groups_in(&data, &indicator_categories.get_untracked(), ids, &query, None, lang)
                                        .into_iter()
                                        .flat_map(|g| g.indicators)
                                        .map(|(id, _)| id)
                                        .next()
                                });
                                if let Some(id) = first {
                                    app.change(HistoryMode::Push, |v| v.indicator = Some(id));
                                }
                            }
                        }/>
                    <label for="indicator-select">{i18n::INDICATOR.get(lang)}</label>
                    <select id="indicator-select" data-testid="indicator" prop:value=move || indicator.get().unwrap_or_default()
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            app.change(HistoryMode::Push, |v| v.indicator = Some(id));
                        }>
                        // keyed, so a filter change adds and removes only the options that change
                        // instead of making the whole list anew
                        <For each=move || indicator_groups.get() key=|group| group.clone() let:group>
                            <optgroup label=group.category>
                                {group.indicators.into_iter().map(|(id, name)| {
                                    let selected = id == indicator.get_untracked().unwrap_or_default();
                                    view! { <option value=id selected=selected>{name}</option> }
                                }).collect_view()}
                            </optgroup>
                        </For>
                    </select>
                    {move || (indicator_groups.with(|g| g.iter().map(|g| g.indicators.len()).sum::<usize>()) <= 1 && !picker_query.with(String::is_empty))
                        .then(|| view! { <span class="picker-note" role="status">{i18n::NO_INDICATOR_MATCH.get(lang)}</span> })}
                </div>
            }
        })
    };
    // the keyboard way to pick a bar: the same filter as a click on the canvas
    let pick_button = move |label: String, region: String| {
        view! {
            <button type="button" class="link-button" on:click=move |_| {
                let region = region.clone();
                app.change(HistoryMode::Push, |v| v.filter.regions = std::iter::once(region).collect());
                // the rows are redrawn for the new filter: keyboard focus goes to their table
                request_animation_frame(|| {
                    if let Some(table) = document().get_element_by_id("chart-data") {
                        use wasm_bindgen::JsCast;
                        let _ = table.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                });
            }>{label}</button>
        }
    };
    let text_alternative = move || {
        let chart = drawn.get()?;
        let lang = lang.get();
        let table = match &chart {
            Drawn::Bars(c) => {
                let stacked = c.series.len() > 1;
                let rows = c
                    .bars
                    .iter()
                    .map(|bar| {
                        let detail = stacked.then(|| {
                            bar.segments
                                .iter()
                                .map(|s| format!("{} {}", c.series[s.series], crate::format::axis_label(s.value, lang)))
                                .collect::<Vec<_>>()
                                .join(" · ")
                        });
                        view! {
                            <tr data-region=bar.region.clone()>
                                <th scope="row">{pick_button(bar.label.clone(), bar.region.clone())}</th>
                                <td class="num">{bar.value_label.clone()}</td>
                                {detail.map(|d| view! { <td>{d}</td> })}
                            </tr>
                        }
                    })
                    .collect_view();
                view! { <tbody>{rows}</tbody> }.into_any()
            }
            Drawn::Time(c) => {
                let rows = c
                    .points
                    .iter()
                    .map(|p| {
                        let region = c.series[p.series].clone();
                        view! {
                            <tr data-region=c.series_regions[p.series].clone()>
                                <th scope="row">{pick_button(format!("{region} · {}", p.period), c.series_regions[p.series].clone())}</th>
                                <td class="num">{p.label.clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! { <tbody>{rows}</tbody> }.into_any()
            }
        };
        Some(view! {
            <table class="chart-data" id="chart-data" data-testid="chart-data" tabindex="-1">
                <caption>{format!("{}: {}", i18n::CHART_DATA.get(lang), chart.title())}</caption>
                {table}
            </table>
            <p class="chart-source">{source_line(chart.sources(), lang)}</p>
            {chart.caveat().map(|c| view! { <p class="chart-caveat">{c.to_owned()}</p> })}
            {(!chart.left_out().is_empty()).then(|| view! { <LeftOutList left_out=chart.left_out().to_vec()/> })}
        })
    };
    // only a change between "nothing", "no chart" and "a chart" rebuilds the figure: picking a
    // bar in the data table redraws it and keeps keyboard focus where it was
    let shown = Memo::new(move |_| {
        if app.selection.with(|s| s.is_empty()) {
            Shown::NoMatch
        } else if drawn.with(Option::is_none) {
            Shown::NoChart
        } else {
            Shown::Chart
        }
    });
    view! {
        <div class="chart-controls">
            <div class="segmented" role="group" aria-label=move || i18n::CHART_KIND.get(lang.get())>{kind_buttons}</div>
            {indicator_picker}
        </div>
        {move || if shown.get() == Shown::NoMatch {
            view! { <NoMatch/> }.into_any()
        } else if shown.get() == Shown::NoChart {
            view! { <p class="empty-state">{i18n::NO_CHART.get(lang.get())}</p> }.into_any()
        } else {
            view! {
                <figure class="chart" data-testid="chart" data-kind=move || kind.get().code()>
                    <canvas node_ref=canvas data-paint=PAINT_PENDING role="img" aria-describedby="chart-data"
                        aria-label=move || drawn.with(|d| d.as_ref().map(|d| d.title().to_owned()).unwrap_or_default())
                        on:click=pick></canvas>
                    <figcaption>
                        {move || i18n::PICK_BAR.get(lang.get())}
                        <super::image_downloads::ImageDownloads download/>
                    </figcaption>
                </figure>
                <details class="chart-data-wrap" open=true>
                    <summary>{move || i18n::CHART_DATA.get(lang.get())}</summary>
                    {text_alternative}
                </details>
            }.into_any()
        }}
    }
}
