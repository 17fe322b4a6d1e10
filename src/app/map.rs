//! The map view: a tile per city of Fujian, drawn with plotters on the charts' canvas backend,
//! with a button over each tile (click or Enter filters to its place; hover or focus tells its
//! count or value and its counties with data), a data table that says the same, and downloads.

use super::backend::ChartBackend;
use super::charts::{chart_width, prefers_dark, sized_canvas, width_before_layout, LeftOutList, DOWNLOAD_MIN_WIDTH, SCREEN_MIN_WIDTH};
use super::downloads::{save, save_url};
use super::{use_app, HistoryMode, Shared};
use crate::charts::{indicators_by_coverage, source_line, Frame, Theme};
use crate::explore::{select, Filter};
use crate::export::file_stem;
use crate::i18n::{self, Lang};
use crate::map::{draw_map, embedded_layout, is_selected, map_chart, map_height, MapChart, Place, Shown};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// A tile's box on screen, in CSS pixels: left, top, right, bottom.
type CssRect = (i32, i32, i32, i32);

/// Draws the map with its title, source line and legend; returns where each place is, in the
/// backend's pixels.
fn draw(backend: ChartBackend<'_>, chart: &MapChart, selected: &BTreeSet<String>, theme: Theme, scale: f64, lang: Lang) -> Result<Vec<crate::charts::Hit>, String> {
    let root = backend.into_drawing_area();
    let frame = Frame { title: &chart.title, source: source_line(&chart.sources, lang), caveat: chart.caveat.as_deref(), theme, scale };
    let hits = draw_map(&root, chart, selected, &frame, lang).map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    Ok(hits)
}

/// What a tile says to assistive technology and in its tooltip: place, count or value, note,
/// counties with data.
fn describe(place: &Place, lang: Lang) -> String {
    let mut parts = vec![format!("{}: {}", place.name, place.label)];
    if !place.note.is_empty() {
        parts.push(place.note.clone());
    }
    if !place.counties.is_empty() {
        parts.push(format!("{}: {}", i18n::MAP_COUNTIES.get(lang), place.counties.join(", ")));
    }
    parts.join(match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    })
}

/// The map tab: what it shows (records, or an indicator), the map with a button per place, its
/// downloads, its data table and the figures it leaves out.
#[component]
pub fn MapView() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let layout = StoredValue::new(embedded_layout());
    // every filter but the region one: all places stay on the map, the chosen ones outlined
    let others = Memo::new(move |_| app.view.with(|v| Filter { regions: BTreeSet::new(), ..v.filter.clone() }));
    let selection = Memo::new(move |_| {
        if app.view.with(|v| v.filter.regions.is_empty()) {
            return app.selection.get();
        }
        let data = app.data.get();
        let index = app.index.get();
        others.with(|f| Shared::new(select(&data, &index, f)))
    });
    let indicator = Memo::new(move |_| app.view.with(|v| v.indicator.clone()));
    let chart = Memo::new(move |_| {
        let data = app.data.get();
        let index = app.index.get();
        let lang = lang.get();
        let wanted = indicator.get();
        selection.with(|s| layout.with_value(|l| map_chart(&data, &index, s, l, wanted.as_deref(), lang)))
    });
    let selected = Memo::new(move |_| {
        let index = app.index.get();
        let regions = app.view.with(|v| v.filter.regions.clone());
        chart.with(|c| c.places.iter().filter(|p| is_selected(&index, &p.region, &regions)).map(|p| p.region.clone()).collect::<BTreeSet<_>>())
    });
    let places = Memo::new(move |_| chart.with(|c| c.places.iter().map(|p| p.region.clone()).collect::<Vec<_>>()));
    let canvas = NodeRef::<Canvas>::new();
    let rects = RwSignal::new(HashMap::<String, CssRect>::new());
    let hovered = RwSignal::new(None::<String>);
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n = n.wrapping_add(1)));
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas.get() else { return };
        let chart = chart.get();
        let selected = selected.get();
        let lang = lang.get_untracked();
        // as the charts: the height now (from the width known without a layout, if any), the
        // drawing after the frame, in a task of its own, at the width laid out
        let width = width_before_layout().unwrap_or_else(|| chart_width(Some(&canvas), SCREEN_MIN_WIDTH));
        let _ = web_sys::HtmlElement::style(&canvas).set_property("height", &format!("{}px", map_height(&chart, width, lang)));
        let paint_after_frame = move || {
            let ratio = window().device_pixel_ratio().max(1.0);
            let width = chart_width(Some(&canvas), SCREEN_MIN_WIDTH);
            let size = (width, map_height(&chart, width, lang));
            let theme = if prefers_dark() { Theme::DARK } else { Theme::LIGHT };
            let drawn = sized_canvas(&canvas, size, ratio).and_then(|backend| draw(ChartBackend::Canvas(backend), &chart, &selected, theme, ratio, lang));
            match drawn {
                Ok(hits) => {
                    let css = |v: i32| (f64::from(v) / ratio).round() as i32;
                    let placed: HashMap<String, CssRect> =
                        hits.into_iter().map(|h| (h.region, (css(h.rect.0), css(h.rect.1), css(h.rect.2), css(h.rect.3)))).collect();
                    let listed: Vec<String> = placed.iter().map(|(r, (a, b, c, d))| format!("{a},{b},{c},{d},{r}")).collect();
                    let _ = canvas.set_attribute("data-hits", &listed.join(";"));
                    place_tiles(&canvas, &placed);
                    // the view may have closed since the frame was asked for
                    let _ = rects.try_set(placed);
                }
                Err(e) => leptos::logging::warn!("map not drawn: {e}"),
            }
        };
        request_animation_frame(move || set_timeout(paint_after_frame, std::time::Duration::ZERO));
    });

    // a click or Enter on a place filters to it; on the one place already chosen, lets it go
    let pick = move |region: String| {
        app.change(HistoryMode::Push, |v| {
            v.filter.regions = if v.filter.regions.len() == 1 && v.filter.regions.contains(&region) { BTreeSet::new() } else { std::iter::once(region).collect() };
        });
    };

    let download = move |format: &'static str| {
        let chart = chart.get_untracked();
        let selected = selected.get_untracked();
        let lang = lang.get_untracked();
        let width = chart_width(canvas.get_untracked().as_ref(), DOWNLOAD_MIN_WIDTH);
        let size = (width, map_height(&chart, width, lang));
        let named = chart.indicator.as_ref().map_or_else(|| "map".to_owned(), |i| format!("{i}_map"));
        let stem = format!("{}_{named}", app.view.with_untracked(|v| file_stem(&v.filter)));
        let result = if format == "svg" {
            let mut svg = String::new();
            draw(ChartBackend::Svg(SVGBackend::with_string(&mut svg, size)), &chart, &selected, Theme::LIGHT, 1.0, lang)
                .map_err(|e| wasm_bindgen::JsValue::from_str(&e))
                .and_then(|_| save(&format!("{stem}.svg"), "image/svg+xml", &svg))
        } else {
            png_data_url(&chart, &selected, size, lang).and_then(|url| save_url(&format!("{stem}.png"), &url))
        };
        if let Err(error) = result {
            leptos::logging::error!("map download failed: {error:?}");
        }
    };

    // what the map shows: records, or one indicator of the selection (the `ind` of the charts)
    let measure_picker = move || {
        let lang = lang.get();
        let data = app.data.get();
        let current = indicator.get();
        let mut ids = selection.with(|s| indicators_by_coverage(&data, s));
        if let Some(current) = current.as_ref().filter(|c| !ids.contains(c) && data.indicator(c).is_some()) {
            ids.push(current.clone());
        }
        let groups = crate::picker::indicator_groups(&data, &ids, "", current.as_deref(), lang);
        let current = current.unwrap_or_default();
        view! {
            <div class="indicator-picker map-measure">
                <label for="map-measure">{i18n::MAP_SHOW.get(lang)}</label>
                <select id="map-measure" data-testid="map-measure" prop:value=current.clone()
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        app.change(HistoryMode::Push, |v| v.indicator = (!id.is_empty()).then_some(id));
                    }>
                    <option value="" selected=current.is_empty()>{i18n::MAP_SHOW_RECORDS.get(lang)}</option>
                    {groups.into_iter().map(|group| view! {
                        <optgroup label=group.category>
                            {group.indicators.into_iter().map(|(id, name)| {
                                let chosen = id == current;
                                view! { <option value=id selected=chosen>{name}</option> }
                            }).collect_view()}
                        </optgroup>
                    }).collect_view()}
                </select>
            </div>
        }
    };

    let tile_button = move |region: String| {
        let place = {
            let region = region.clone();
            move || chart.with(|c| c.places.iter().find(|p| p.region == region).cloned())
        };
        let label = {
            let place = place.clone();
            move || place().map(|p| describe(&p, lang.get())).unwrap_or_default()
        };
        let pressed = {
            let region = region.clone();
            move || selected.with(|s| s.contains(&region)).to_string()
        };
        let (enter, clicked) = (region.clone(), region.clone());
        view! {
            <button type="button" class="map-tile" data-region=region.clone() aria-label=label aria-pressed=pressed
                data-shown=move || place().map(|p| match p.shown { Shown::Value { .. } => "value", Shown::LeftOut => "left-out", Shown::NoData => "no-data" })
                on:mouseenter={let enter = enter.clone(); move |_| hovered.set(Some(enter.clone()))}
                on:focus=move |_| hovered.set(Some(enter.clone()))
                on:mouseleave=move |_| hovered.set(None)
                on:blur=move |_| hovered.set(None)
                on:click=move |_| pick(clicked.clone())></button>
        }
    };

    // under the tile, held from its left edge, or from its right in the map's right half; set
    // through the style object, as the page's policy refuses style attributes
    let tooltip_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let (Some(tip), Some(region)) = (tooltip_ref.get(), hovered.get()) else { return };
        let Some((x0, _, x1, y1)) = rects.with(|r| r.get(&region).copied()) else { return };
        let right_edge = rects.with(|r| r.values().map(|rect| rect.2).max().unwrap_or(x1));
        let style = web_sys::HtmlElement::style(&tip);
        let (side, other, at) = if x0 * 2 > right_edge { ("right", "left", format!("calc(100% - {x1}px)")) } else { ("left", "right", format!("{x0}px")) };
        let _ = style.set_property(side, &at);
        let _ = style.set_property(other, "auto");
        let _ = style.set_property("top", &format!("{}px", y1 + 4));
    });
    let tooltip = move || {
        let region = hovered.get()?;
        let place = chart.with(|c| c.places.iter().find(|p| p.region == region).cloned())?;
        let lang = lang.get();
        Some(view! {
            <div class="map-tooltip" data-testid="map-tooltip" node_ref=tooltip_ref>
                <strong>{place.name.clone()}</strong>
                <span>{place.label.clone()}</span>
                {(!place.note.is_empty()).then(|| view! { <span>{place.note.clone()}</span> })}
                {(!place.counties.is_empty()).then(|| view! { <span>{format!("{}: {}", i18n::MAP_COUNTIES.get(lang), place.counties.join(", "))}</span> })}
            </div>
        })
    };

    let data_table = move || {
        let chart = chart.get();
        let lang = lang.get();
        let row = |place: &Place| {
            let region = place.region.clone();
            view! {
                <tr data-region=place.region.clone() data-shown=match place.shown { Shown::Value { .. } => "value", Shown::LeftOut => "left-out", Shown::NoData => "no-data" }>
                    <th scope="row">
                        <button type="button" class="link-button" on:click=move |_| pick(region.clone())>{place.name.clone()}</button>
                    </th>
                    <td class="num">{place.label.clone()}</td>
                    <td>{place.counties.join(", ")}</td>
                    <td>{place.note.clone()}</td>
                </tr>
            }
        };
        let tiles = chart.tiles().map(row).collect_view();
        let beside = chart.beside().map(row).collect_view();
        let has_beside = chart.beside().next().is_some();
        view! {
            <table class="chart-data map-data" id="map-data" data-testid="map-data" tabindex="-1">
                <caption>{format!("{}: {}", i18n::CHART_DATA.get(lang), chart.title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n::MAP_PLACE.get(lang)}</th>
                        <th scope="col">{i18n::MAP_VALUE.get(lang)}</th>
                        <th scope="col">{i18n::MAP_COUNTIES.get(lang)}</th>
                        <th scope="col">{i18n::MAP_NOTE.get(lang)}</th>
                    </tr>
                </thead>
                <tbody>{tiles}</tbody>
                {has_beside.then(|| view! {
                    <tbody class="map-beside">
                        <tr><th scope="rowgroup" colspan="4">{i18n::MAP_BESIDE.get(lang)}</th></tr>
                        {beside}
                    </tbody>
                })}
            </table>
            <p class="chart-source">{source_line(&chart.sources, lang)}</p>
            {chart.caveat.clone().map(|c| view! { <p class="chart-caveat">{c}</p> })}
            {(!chart.left_out.is_empty()).then(|| view! { <LeftOutList left_out=chart.left_out.clone()/> })}
        }
    };

    view! {
        <div class="chart-controls">{measure_picker}</div>
        <figure class="chart map" data-testid="map" data-indicator=move || indicator.get().unwrap_or_default()>
            <div class="map-canvas">
                <canvas node_ref=canvas role="img" aria-describedby="map-data"
                    aria-label=move || chart.with(|c| c.title.clone())></canvas>
                <div class="map-tiles" role="group" aria-label=move || i18n::MAP_LABEL.get(lang.get())>
                    <For each=move || places.get() key=|region| region.clone() let:region>
                        {tile_button(region)}
                    </For>
                </div>
                {tooltip}
            </div>
            <figcaption>
                {move || i18n::MAP_PICK_TILE.get(lang.get())}
                <super::image_downloads::ImageDownloads download/>
            </figcaption>
        </figure>
        <details class="chart-data-wrap" open=true>
            <summary>{move || i18n::CHART_DATA.get(lang.get())}</summary>
            {data_table}
        </details>
    }
}

/// Lays each place's button over its tile (`placed`, in CSS pixels), through the style object:
/// the page's policy refuses style attributes.
fn place_tiles(canvas: &web_sys::HtmlCanvasElement, placed: &HashMap<String, CssRect>) {
    use wasm_bindgen::JsCast;
    let Some(figure) = canvas.parent_element() else { return };
    for (region, (x0, y0, x1, y1)) in placed {
        // region ids are lowercase letters, digits and hyphens (validated), safe in a selector
        let Ok(Some(button)) = figure.query_selector(&format!(".map-tile[data-region=\"{region}\"]")) else { continue };
        let style = button.unchecked_into::<web_sys::HtmlElement>().style();
        for (name, value) in [("left", *x0), ("top", *y0), ("width", x1 - x0), ("height", y1 - y0)] {
            let _ = style.set_property(name, &format!("{value}px"));
        }
        let _ = style.set_property("display", "block");
    }
}

/// The map drawn at twice `size` on a canvas of its own, light, as a PNG data URL.
fn png_data_url(chart: &MapChart, selected: &BTreeSet<String>, size: (u32, u32), lang: Lang) -> Result<String, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
    let backend = sized_canvas(&canvas, size, 2.0).map_err(|e| wasm_bindgen::JsValue::from_str(&e))?;
    draw(ChartBackend::Canvas(backend), chart, selected, Theme::LIGHT, 2.0, lang).map_err(|e| wasm_bindgen::JsValue::from_str(&e))?;
    canvas.to_data_url_with_type("image/png")
}
