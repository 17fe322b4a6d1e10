//! The timeline view: events and multi-year figures on a year axis, in lanes by region or
//! category; zoom, pan and reset; hover or focus shows a tooltip, click opens the record.

use super::active_filters::NoMatch;
use super::{closest, use_app, HistoryMode};
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

/// The timeline mark (a record or a cluster of them) an event happened on, if any.
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    closest(target, ".mark[data-record], .mark[data-year]")
}

/// The timeline with its controls and legend.
#[component]
pub fn TimelineView() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let bounds = move || app.index.with(|i| i.year_span);
    // without a zoom, the years the selected records cover
    let fitted = move || app.selection.with(|s| s.year_span).unwrap_or_else(bounds);
    // memos, so that opening a record or any other change outside the timeline does not redraw
    // every mark (and take keyboard focus away from the one that opened the record)
    let zoomed = Memo::new(move |_| app.view.with(|v| v.timeline));
    let lanes_mode = Memo::new(move |_| app.view.with(|v| v.lanes));
    let range = move || zoomed.get().unwrap_or_else(fitted);
    let laid = Memo::new(move |_| {
        let data = app.data.get();
        let index = app.index.get();
        app.selection.with(|s| layout(&data, &index, s, lanes_mode.get(), range()))
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
                view! { <span class="tick" style:left=format!("{left:.3}%")>{year}</span> }
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
                let label = match lanes_mode.get() {
                    Lanes::Region => data.region(&lane.key).map_or(lane.key.clone(), |r| r.name(lang).to_owned()),
                    Lanes::Category => data.category(&lane.key).map_or(lane.key.clone(), |c| c.name(lang).to_owned()),
                };
                // one button per mark, no handlers of its own: the timeline listens for all of
                // them, so large selections stay quick to draw
                let marks = lane
                    .marks
                    .iter()
                    .map(|mark| {
                        let (title, date) = describe(&data, mark.record, lang);
                        let (class, precision) = match mark.shape {
                            Shape::Point => ("mark point", "day"),
                            Shape::Band(Precision::Month) => ("mark band month", "month"),
                            Shape::Band(_) => ("mark band year", "year"),
                            Shape::Span => ("mark span", "span"),
                        };
                        let kind = if matches!(mark.record, RecordRef::Fact(_)) { " fact" } else { " event" };
                        view! {
                            <button type="button" class=format!("{class}{kind}") data-record=record_id(&data, mark.record)
                                data-precision=precision aria-label=format!("{title} ({date})")
                                style:left=format!("{:.3}%", x(mark.start))
                                style:width=format!("{:.3}%", (x(mark.end) - x(mark.start)).max(0.0))
                                style:top=format!("{}px", mark.row * ROW_PX)></button>
                        }
                    })
                    .collect_view();
                let clusters = lane
                    .clusters
                    .iter()
                    .map(|cluster| {
                        let year = cluster.year;
                        let count = cluster.records.len();
                        let titles: Vec<String> = cluster.records.iter().take(8).map(|r| describe(&data, *r, lang).0).collect();
                        view! {
                            <button type="button" class="mark cluster" data-year=year
                                aria-label=format!("{year}: +{count} {}: {}", i18n::MORE_RECORDS.get(lang), titles.join(" · "))
                                style:left=format!("{:.3}%", x(f64::from(year)))
                                style:width=format!("{:.3}%", x(f64::from(year) + 1.0) - x(f64::from(year)))
                                style:top=format!("{}px", cluster.row * ROW_PX)>
                                {format!("+{count}")}
                            </button>
                        }
                    })
                    .collect_view();
                let height = lane.rows.max(1) * ROW_PX;
                view! {
                    <div class="lane" data-lane=lane.key.clone()>
                        <div class="lane-label">{label}</div>
                        <div class="lane-track" style:height=format!("{height}px")>{marks}{clusters}</div>
                    </div>
                }
            })
            .collect_view()
    };
    // the mark under the pointer or in focus: its name, and where to show it within the timeline
    let tip = RwSignal::new(None::<(String, f64, f64)>);
    let show_tip = move |target: Option<web_sys::EventTarget>| {
        let mark = mark_of(target);
        let container = mark.as_ref().and_then(|m| m.closest(".timeline").ok().flatten());
        tip.set(mark.zip(container).and_then(|(mark, container)| {
            let name = mark.get_attribute("aria-label")?;
            let (at, frame) = (mark.get_bounding_client_rect(), container.get_bounding_client_rect());
            // kept inside the timeline, so a tooltip near the right edge is not cut off
            Some((name, (at.left() - frame.left()).min(frame.width() - 290.0).max(0.0), at.top() - frame.top()))
        }));
    };
    // a cluster's records, listed one by one under the timeline
    let open_cluster = RwSignal::new(None::<(String, i32)>);
    let cluster_list = move || {
        let (lane_key, year) = open_cluster.get()?;
        let data = app.data.get();
        let lang = lang.get();
        let records = laid.with(|lanes| {
            lanes.iter().find(|l| l.key == lane_key)?.clusters.iter().find(|c| c.year == year).map(|c| c.records.clone())
        })?;
        let lane_name = data.region(&lane_key).map(|r| r.name(lang)).or_else(|| data.category(&lane_key).map(|c| c.name(lang))).unwrap_or(&lane_key).to_owned();
        let items = records
            .iter()
            .map(|&record| {
                let (title, date) = describe(&data, record, lang);
                let id = record_id(&data, record);
                view! {
                    <li><button type="button" class="link-button" data-record=id.clone()
                        on:click=move |_| app.change(HistoryMode::Push, |v| v.record = Some(id.clone()))>
                        <span class="muted">{date}</span> " " {title}
                    </button></li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="cluster-list" data-testid="cluster-list" aria-label=format!("{lane_name} {year}")>
                <header>
                    <h3>{format!("{lane_name} · {year}: {}", crate::format::count(records.len(), i18n::CLUSTER_NOUN, lang))}</h3>
                    <button type="button" class="link-button" on:click=move |_| open_cluster.set(None)>{i18n::CLOSE.get(lang)}</button>
                </header>
                <ul>{items}</ul>
            </section>
        })
    };
    let open = move |ev: leptos::ev::MouseEvent| {
        let Some(mark) = mark_of(ev.target()) else { return };
        if let Some(id) = mark.get_attribute("data-record") {
            app.change(HistoryMode::Push, |v| v.record = Some(id));
        } else if let (Some(lane), Some(year)) = (
            mark.closest(".lane").ok().flatten().and_then(|l| l.get_attribute("data-lane")),
            mark.get_attribute("data-year").and_then(|y| y.parse::<i32>().ok()),
        ) {
            open_cluster.set(Some((lane, year)));
        }
    };
    // the timeline itself is only rebuilt between "nothing" and "something"; its lanes redraw
    let empty = Memo::new(move |_| laid.with(Vec::is_empty));
    let lane_button = move |mode: Lanes, text: i18n::Text| {
        view! {
            <button type="button" aria-pressed=move || (lanes_mode.get() == mode).to_string() data-lanes=mode.code()
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
        {move || if empty.get() {
            view! { <NoMatch/> }.into_any()
        } else {
            view! {
                <div class="timeline" data-testid="timeline" on:click=open
                    on:mouseover=move |ev| show_tip(ev.target()) on:mouseleave=move |_| tip.set(None)
                    on:focusin=move |ev| show_tip(ev.target()) on:focusout=move |_| tip.set(None)>
                    <div class="axis"><div class="lane-label"></div><div class="axis-track">{axis}</div></div>
                    {lanes}
                    {move || tip.get().map(|(name, left, top)| view! {
                        <div class="tip" role="tooltip" style:left=format!("{left:.0}px") style:top=format!("{top:.0}px")>{name}</div>
                    })}
                </div>
                {cluster_list}
                <ul class="legend">
                    <li><span class="mark point event"></span>{move || i18n::LEGEND_DAY.get(lang.get())}</li>
                    <li><span class="mark band month event"></span>{move || i18n::LEGEND_MONTH.get(lang.get())}</li>
                    <li><span class="mark band year event"></span>{move || i18n::LEGEND_YEAR.get(lang.get())}</li>
                    <li><span class="mark span event"></span>{move || i18n::LEGEND_EVENT_SPAN.get(lang.get())}</li>
                    <li><span class="mark span fact"></span>{move || i18n::LEGEND_FIGURE_SPAN.get(lang.get())}</li>
                </ul>
            }.into_any()
        }}
    }
}
