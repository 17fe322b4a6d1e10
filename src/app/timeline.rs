//! The timeline view: events and multi-year figures on a year axis, in lanes by region or
//! category; zoom, pan and reset; hover or focus shows a tooltip, click opens the record.

use super::active_filters::NoMatch;
use super::{use_app, HistoryMode};
use crate::dates::Precision;
use crate::explore::{period_label, RecordRef};
use crate::format::fact_value;
use crate::i18n::{self, Lang};
use crate::model::Dataset;
use crate::state::Lanes;
use crate::timeline::{layout, pan, zoom, Shape};
use leptos::prelude::*;

/// Height of one row of marks, in pixels.
const ROW_PX: usize = 16;

/// Title and date of a record, for tooltips and accessible names.
fn describe(data: &Dataset, record: RecordRef, lang: Lang) -> (String, String) {
    match record {
        RecordRef::Event(i) => {
            let e = &data.events[i];
            let title = if lang == Lang::Zh { e.title_zh.clone() } else { e.title_en.clone() };
            (title, period_label(&e.date_start, &e.end()))
        }
        RecordRef::Fact(i) => {
            let f = &data.facts[i];
            let indicator = data.indicator(&f.indicator).map_or(f.indicator.as_str(), |x| x.name(lang));
            (format!("{indicator}: {}", fact_value(f, lang)), period_label(&f.period_start, &f.period_end))
        }
    }
}

fn record_id(data: &Dataset, record: RecordRef) -> String {
    match record {
        RecordRef::Event(i) => data.events[i].id.clone(),
        RecordRef::Fact(i) => data.facts[i].id.clone(),
    }
}

/// The timeline with its controls and legend.
#[component]
pub fn TimelineView() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let bounds = move || app.index.with(|i| i.year_span);
    // without a zoom, the years the selected records cover
    let fitted = move || app.selection.with(|s| s.year_span).unwrap_or_else(bounds);
    let range = move || app.view.with(|v| v.timeline).unwrap_or_else(fitted);
    let lanes_mode = move || app.view.with(|v| v.lanes);
    let laid = Memo::new(move |_| {
        let data = app.data.get();
        let index = app.index.get();
        app.selection.with(|s| layout(&data, &index, s, lanes_mode(), range()))
    });
    let set_range = move |next: (i32, i32)| {
        app.change(HistoryMode::Replace, |v| v.timeline = (next != fitted()).then_some(next));
    };
    let axis = move || {
        let (from, to) = range();
        let years = f64::from(to - from + 1);
        let step = if years > 12.0 { 2 } else { 1 };
        (from..=to)
            .filter(|y| (y - from) % step == 0)
            .map(|year| {
                let left = f64::from(year - from) / years * 100.0;
                view! { <span class="tick" style=format!("left:{left:.3}%")>{year}</span> }
            })
            .collect_view()
    };
    let lanes = move || {
        let data = app.data.get();
        let lang = lang.get();
        let (from, to) = range();
        let (from, width) = (f64::from(from), f64::from(to - from + 1));
        let x = move |year: f64| (year - from) / width * 100.0;
        laid.get()
            .into_iter()
            .map(|lane| {
                let label = match lanes_mode() {
                    Lanes::Region => data.region(&lane.key).map_or(lane.key.clone(), |r| r.name(lang).to_owned()),
                    Lanes::Category => data.category(&lane.key).map_or(lane.key.clone(), |c| c.name(lang).to_owned()),
                };
                let marks = lane
                    .marks
                    .iter()
                    .map(|mark| {
                        let (title, date) = describe(&data, mark.record, lang);
                        let id = record_id(&data, mark.record);
                        let (class, precision) = match mark.shape {
                            Shape::Point => ("mark point", "day"),
                            Shape::Band(Precision::Month) => ("mark band month", "month"),
                            Shape::Band(_) => ("mark band year", "year"),
                            Shape::Span => ("mark span", "span"),
                        };
                        let kind = if matches!(mark.record, RecordRef::Fact(_)) { " fact" } else { " event" };
                        let style = format!(
                            "left:{:.3}%;width:{:.3}%;top:{}px",
                            x(mark.start),
                            (x(mark.end) - x(mark.start)).max(0.0),
                            mark.row * ROW_PX
                        );
                        let open_id = id.clone();
                        let name = format!("{title} ({date})");
                        view! {
                            <button type="button" class=format!("{class}{kind}") style=style data-record=id data-precision=precision
                                aria-label=name
                                on:click=move |_| app.change(HistoryMode::Push, |v| v.record = Some(open_id.clone()))>
                                <span class="tip" role="tooltip"><strong>{date}</strong> " " {title}</span>
                            </button>
                        }
                    })
                    .collect_view();
                let clusters = lane
                    .clusters
                    .iter()
                    .map(|cluster| {
                        let style = format!(
                            "left:{:.3}%;width:{:.3}%;top:{}px",
                            x(f64::from(cluster.year)),
                            x(f64::from(cluster.year) + 1.0) - x(f64::from(cluster.year)),
                            cluster.row * ROW_PX
                        );
                        let titles: Vec<String> = cluster.records.iter().take(8).map(|r| describe(&data, *r, lang).0).collect();
                        let year = cluster.year;
                        let count = cluster.records.len();
                        view! {
                            <button type="button" class="mark cluster" style=style
                                aria-label=format!("{year}: +{count} {}", i18n::MORE_RECORDS.get(lang))
                                on:click=move |_| app.change(HistoryMode::Replace, |v| v.timeline = Some((year, year)))>
                                {format!("+{count}")}
                                <span class="tip" role="tooltip"><strong>{year}</strong> " " {titles.join(" · ")}</span>
                            </button>
                        }
                    })
                    .collect_view();
                let height = lane.rows.max(1) * ROW_PX;
                view! {
                    <div class="lane" data-lane=lane.key.clone()>
                        <div class="lane-label">{label}</div>
                        <div class="lane-track" style=format!("height:{height}px")>{marks}{clusters}</div>
                    </div>
                }
            })
            .collect_view()
    };
    let lane_button = move |mode: Lanes, text: i18n::Text| {
        view! {
            <button type="button" aria-pressed=move || (lanes_mode() == mode).to_string() data-lanes=mode.code()
                on:click=move |_| app.change(HistoryMode::Push, |v| v.lanes = mode)>
                {move || text.get(lang.get())}
            </button>
        }
    };
    view! {
        <div class="timeline-controls">
            <div class="segmented" role="group" aria-label=move || i18n::LANES.get(lang.get())>
                {lane_button(Lanes::Region, i18n::BY_REGION)}
                {lane_button(Lanes::Category, i18n::BY_CATEGORY)}
            </div>
            <div class="zoom" role="group">
                <button type="button" data-zoom="out" on:click=move |_| set_range(zoom(range(), bounds(), false))
                    aria-label=move || i18n::ZOOM_OUT.get(lang.get())>"−"</button>
                <span class="range-label" data-testid="timeline-range">{move || { let (a, b) = range(); if a == b { a.to_string() } else { format!("{a}–{b}") } }}</span>
                <button type="button" data-zoom="in" on:click=move |_| set_range(zoom(range(), bounds(), true))
                    aria-label=move || i18n::ZOOM_IN.get(lang.get())>"+"</button>
                <button type="button" data-pan="earlier" on:click=move |_| set_range(pan(range(), bounds(), -1))
                    aria-label=move || i18n::PAN_EARLIER.get(lang.get())>"←"</button>
                <button type="button" data-pan="later" on:click=move |_| set_range(pan(range(), bounds(), 1))
                    aria-label=move || i18n::PAN_LATER.get(lang.get())>"→"</button>
                <button type="button" data-zoom="reset" on:click=move |_| set_range(fitted())>
                    {move || i18n::RESET_VIEW.get(lang.get())}</button>
            </div>
        </div>
        {move || if laid.with(Vec::is_empty) {
            view! { <NoMatch/> }.into_any()
        } else {
            view! {
                <div class="timeline" data-testid="timeline">
                    <div class="axis"><div class="lane-label"></div><div class="axis-track">{axis}</div></div>
                    {lanes}
                </div>
                <ul class="legend">
                    <li><span class="mark point event"></span>{move || i18n::LEGEND_DAY.get(lang.get())}</li>
                    <li><span class="mark band month event"></span>{move || i18n::LEGEND_MONTH.get(lang.get())}</li>
                    <li><span class="mark band year event"></span>{move || i18n::LEGEND_YEAR.get(lang.get())}</li>
                    <li><span class="mark span fact"></span>{move || i18n::LEGEND_SPAN.get(lang.get())}</li>
                </ul>
            }.into_any()
        }}
    }
}
