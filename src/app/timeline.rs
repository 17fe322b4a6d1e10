//! The timeline view: every dated record on a time axis, in lanes by region or category, each
//! mark labelled; zoom from years down to a month, pan and reset; hover or focus shows a
//! tooltip, click opens the record, and groups open their records in place under their lane.
//! The reading list of the same records and window follows it.

use super::active_filters::NoMatch;
use super::reading_list::ReadingList;
use super::{closest, use_app, HistoryMode};
use crate::dates::Precision;
use crate::explore::RecordRef;
use crate::i18n::{self, Lang};
use crate::model::Dataset;
use crate::reading::{date_label, full_title, record_id, title};
use crate::state::Lanes;
use crate::timeline::{fitted, layout, outside, outside_note, pan, ticks, zoom, Lane, Mark, Shape, Window};
use leptos::prelude::*;

/// Title and date of a record, for tooltips and accessible names; it starts with the mark's
/// visible label, so the name a screen reader says matches what is seen.
fn describe(data: &Dataset, record: RecordRef, lang: Lang) -> String {
    let value = match record {
        RecordRef::Fact(i) => format!(" · {}", crate::format::fact_value(&data.facts[i], lang)),
        RecordRef::Event(_) => String::new(),
    };
    format!("{}{value} ({})", title(data, record, lang), date_label(data, record))
}

/// The timeline mark (a record, a group or a cluster) an event happened on, if any.
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    closest(target, ".mark[data-record], .mark[data-group], .mark[data-period]")
}

/// Classes of a mark: its shape and precision, and whether it is a figure or an event.
fn mark_class(mark: &Mark) -> (&'static str, &'static str) {
    let kind_fact = matches!(mark.record, RecordRef::Fact(_));
    if mark.is_group() {
        return ("mark group fact", "group");
    }
    let (class, precision) = match (mark.shape, kind_fact) {
        (Shape::Point, false) => ("mark point event", "day"),
        (Shape::Point, true) => ("mark point fact", "day"),
        (Shape::Band(Precision::Month), false) => ("mark band month event", "month"),
        (Shape::Band(Precision::Month), true) => ("mark band month fact", "month"),
        (Shape::Band(_), false) => ("mark band year event", "year"),
        (Shape::Band(_), true) => ("mark band year fact", "year"),
        (Shape::Span, false) => ("mark span event", "span"),
        (Shape::Span, true) => ("mark span fact", "span"),
    };
    (class, precision)
}

/// What a lane has open in place: a cluster (by its period's code) or a group (by its first
/// record's id).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Opened {
    Cluster(String),
    Group(String),
}

/// The records of what is open in a lane, and its heading.
fn opened_records(data: &Dataset, lane: &Lane, opened: &Opened, lang: Lang) -> Option<(String, Vec<RecordRef>)> {
    match opened {
        Opened::Cluster(code) => {
            let cluster = lane.clusters.iter().find(|c| &c.period.code() == code)?;
            let heading = format!("{}: {} {}", cluster.period.label(), cluster.records.len(), i18n::CLUSTER_RECORDS.get(lang));
            Some((heading, cluster.records.clone()))
        }
        Opened::Group(id) => {
            let mark = lane.marks.iter().find(|m| m.is_group() && record_id(data, m.record) == id)?;
            let heading = format!("{} · {}", i18n::FIGURE_NOUN.count(mark.len(), lang), date_label(data, mark.record));
            Some((heading, mark.records().collect()))
        }
    }
}

/// The timeline with its controls, legend and reading list.
#[component]
pub fn TimelineView() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let bounds = move || app.index.with(|i| i.year_span);
    // without a zoom: the year filter's years, else those the selected records cover
    let filter_years = Memo::new(move |_| app.view.with(|v| v.filter.years));
    let fitted_window = move || fitted(filter_years.get(), app.selection.with(|s| s.year_span), bounds());
    // memos, so that opening a record or any other change outside the timeline does not redraw
    // every mark (and take keyboard focus away from the one that opened the record)
    let zoomed = Memo::new(move |_| app.view.with(|v| v.timeline));
    let lanes_mode = Memo::new(move |_| app.view.with(|v| v.lanes));
    let window = Memo::new(move |_| zoomed.get().unwrap_or_else(fitted_window));
    let laid = Memo::new(move |_| {
        let data = app.data.get();
        let index = app.index.get();
        app.selection.with(|s| layout(&data, &index, s, lanes_mode.get(), window.get()))
    });
    let set_window = move |next: Window| {
        // read before the change: the view state cannot be read while it is being written
        let fitted = fitted_window();
        app.change(HistoryMode::Replace, |v| v.timeline = (next != fitted).then_some(next));
    };
    let axis = move || {
        ticks(window.get(), lang.get())
            .into_iter()
            .map(|tick| {
                let class = if tick.month { "tick month" } else { "tick year" };
                view! { <span class=class style:left=format!("{:.3}%", tick.at * 100.0)>{tick.label}</span> }
            })
            .collect_view()
    };
    // the group or cluster open in place: its lane's key and which
    let opened = RwSignal::new(None::<(String, Opened)>);
    let open_list = move |lane_key: String| {
        move || {
            let (key, which) = opened.get().filter(|(key, _)| *key == lane_key)?;
            let data = app.data.get();
            let lang = lang.get();
            let (heading, records) = laid.with(|lanes| opened_records(&data, lanes.iter().find(|l| l.key == key)?, &which, lang))?;
            let items = records
                .iter()
                .map(|&record| {
                    let id = record_id(&data, record).to_owned();
                    view! {
                        <li><button type="button" class="link-button" data-record=id>
                            <span class="muted">{date_label(&data, record)}</span> " " {full_title(&data, record, lang)}
                        </button></li>
                    }
                })
                .collect_view();
            let name = heading.clone();
            Some(view! {
                <section class="cluster-list" data-testid="cluster-list" aria-label=name>
                    <header>
                        <h3>{heading}</h3>
                        <button type="button" class="link-button" data-close="cluster" on:click=move |_| opened.set(None)>{i18n::CLOSE.get(lang)}</button>
                    </header>
                    <ul>{items}</ul>
                </section>
            })
        }
    };
    let lanes = move || {
        let data = app.data.get();
        let lang = lang.get();
        let shown = window.get();
        let (from, width) = (shown.start_in_years(), shown.end_in_years() - shown.start_in_years());
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
                        let (class, precision) = mark_class(mark);
                        let id = record_id(&data, mark.record).to_owned();
                        let (short, name) = if mark.is_group() {
                            let short = format!("{} {}", i18n::FIGURE_NOUN.count(mark.len(), lang), date_label(&data, mark.record));
                            let titles: Vec<String> = mark.records().take(8).map(|r| title(&data, r, lang)).collect();
                            let name = format!("{short}, {}: {}", i18n::GROUP_OF_FIGURES.get(lang), titles.join(" · "));
                            (short, name)
                        } else {
                            (title(&data, mark.record, lang), describe(&data, mark.record, lang))
                        };
                        // what a report announces as coming is drawn apart from what happened
                        let planned = match mark.record {
                            RecordRef::Event(i) if !mark.is_group() => data.events.get(i).and_then(|e| crate::format::status_words(e.status, lang)),
                            _ => None,
                        };
                        let name = match planned {
                            Some(words) => format!("{name} ({words})"),
                            None => name,
                        };
                        let (record, group) = if mark.is_group() { (None, Some(id)) } else { (Some(id), None) };
                        let bar = (mark.end - mark.start) / (mark.label_end - mark.start).max(f64::EPSILON) * 100.0;
                        view! {
                            <button type="button" class=class data-record=record data-group=group
                                data-precision=precision aria-label=name data-status=planned.map(|_| "planned")
                                style:left=format!("{:.3}%", x(mark.start))
                                style:width=format!("{:.3}%", (x(mark.label_end) - x(mark.start)).max(0.0))
                                style:top=format!("calc({} * var(--tl-row))", mark.row)>
                                <span class="bar" style:width=format!("{bar:.1}%")></span>
                                <span class="mark-label">{short}</span>
                            </button>
                        }
                    })
                    .collect_view();
                let clusters = lane
                    .clusters
                    .iter()
                    .map(|cluster| {
                        let count = cluster.records.len();
                        let titles: Vec<String> = cluster.records.iter().take(8).map(|r| title(&data, *r, lang)).collect();
                        let (start, end) = (cluster.period.start_in_years().max(from), cluster.period.end_in_years().min(from + width));
                        view! {
                            <button type="button" class="mark cluster" data-period=cluster.period.code()
                                aria-label=format!("{}: +{count} {}: {}", cluster.period.label(), i18n::MORE_RECORDS.get(lang), titles.join(" · "))
                                style:left=format!("{:.3}%", x(start))
                                style:width=format!("{:.3}%", (x(end) - x(start)).max(0.0))
                                style:top=format!("calc({} * var(--tl-row))", cluster.row)>
                                {format!("+{count}")}
                            </button>
                        }
                    })
                    .collect_view();
                let rows = lane.rows.max(1);
                view! {
                    <div class="lane" data-lane=lane.key.clone()>
                        <div class="lane-label">{label}</div>
                        <div class="lane-track" style:height=format!("calc({rows} * var(--tl-row))")>{marks}{clusters}</div>
                        {open_list(lane.key.clone())}
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
    let open = move |ev: leptos::ev::MouseEvent| {
        let Some(mark) = closest(ev.target(), "[data-record], .mark[data-group], .mark[data-period]") else { return };
        let lane = mark.closest(".lane").ok().flatten().and_then(|l| l.get_attribute("data-lane"));
        if let Some(id) = mark.get_attribute("data-record") {
            app.change(HistoryMode::Push, |v| v.record = Some(id));
        } else if let (Some(lane), Some(id)) = (lane.clone(), mark.get_attribute("data-group")) {
            opened.set(Some((lane, Opened::Group(id))));
        } else if let (Some(lane), Some(code)) = (lane, mark.get_attribute("data-period")) {
            opened.set(Some((lane, Opened::Cluster(code))));
        }
    };
    // where the selected records not drawn are, each with one click that shows them
    let not_drawn = Memo::new(move |_| {
        let data = app.data.get();
        app.selection.with(|s| outside(&data, s, window.get()))
    });
    let outside_notes = move || {
        let (before, after) = not_drawn.get();
        let lang = lang.get();
        let shown = window.get();
        let notes: Vec<String> = [(before, true), (after, false)]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, is_before)| outside_note(n, shown, is_before, lang))
            .collect();
        (!notes.is_empty()).then(|| {
            view! {
                <p class="outside-note" data-testid="timeline-outside">
                    {notes.join(" · ")} " "
                    <button type="button" class="link-button" data-show="all"
                        on:click=move |_| app.change(HistoryMode::Push, |v| v.timeline = None)>
                        {i18n::SHOW_THEM.get(lang)}
                    </button>
                </p>
            }
        })
    };
    // the timeline itself is only rebuilt between "nothing" and "something"; its lanes redraw
    let nothing_selected = Memo::new(move |_| app.selection.with(|s| s.is_empty()));
    let empty = Memo::new(move |_| laid.with(Vec::is_empty));
    let lane_button = move |mode: Lanes, text: i18n::Text| {
        view! {
            <button type="button" aria-pressed=move || (lanes_mode.get() == mode).to_string() data-lanes=mode.code()
                on:click=move |_| app.change(HistoryMode::Push, |v| v.lanes = mode)>
                {move || text.get(lang.get())}
            </button>
        }
    };
    let legend_entry = move |class: &'static str, text: i18n::Text| {
        view! { <li><span class=class><span class="bar"></span></span>{move || text.get(lang.get())}</li> }
    };
    view! {
        <div class="timeline-controls">
            <div class="segmented" role="group" aria-label=move || i18n::LANES.get(lang.get())>
                {lane_button(Lanes::Region, i18n::BY_REGION)}
                {lane_button(Lanes::Category, i18n::BY_CATEGORY)}
            </div>
            <div class="zoom" role="group">
                <button type="button" data-zoom="out" on:click=move |_| set_window(zoom(window.get(), bounds(), false))
                    aria-label=move || i18n::ZOOM_OUT.get(lang.get())>"−"</button>
                <span class="range-label" data-testid="timeline-range">{move || window.get().label()}</span>
                <button type="button" data-zoom="in" on:click=move |_| set_window(zoom(window.get(), bounds(), true))
                    aria-label=move || i18n::ZOOM_IN.get(lang.get())>"+"</button>
                <button type="button" data-pan="earlier" on:click=move |_| set_window(pan(window.get(), bounds(), -1))
                    aria-label=move || i18n::PAN_EARLIER.get(lang.get())>"←"</button>
                <button type="button" data-pan="later" on:click=move |_| set_window(pan(window.get(), bounds(), 1))
                    aria-label=move || i18n::PAN_LATER.get(lang.get())>"→"</button>
                <button type="button" data-zoom="reset" on:click=move |_| set_window(fitted_window())>
                    {move || i18n::RESET_VIEW.get(lang.get())}</button>
            </div>
        </div>
        {move || if nothing_selected.get() {
            view! { <NoMatch/> }.into_any()
        } else {
            view! {
                {outside_notes}
                {move || if empty.get() {
                    // selected records with a date are all outside the window (said above), or
                    // none has a lane to be drawn in
                    let drawable = not_drawn.get() != (0, 0);
                    (!drawable).then(|| view! {
                        <p class="empty-state" data-testid="timeline-nothing-drawn">{move || i18n::NOTHING_DRAWN.get(lang.get())}</p>
                    }).into_any()
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
                        <ul class="legend">
                            {legend_entry("mark point event", i18n::LEGEND_DAY)}
                            {legend_entry("mark band month event", i18n::LEGEND_MONTH)}
                            {legend_entry("mark band year event", i18n::LEGEND_YEAR)}
                            {legend_entry("mark span event", i18n::LEGEND_EVENT_SPAN)}
                            {legend_entry("mark point fact", i18n::LEGEND_FIGURE_DAY)}
                            {legend_entry("mark band month fact", i18n::LEGEND_FIGURE_MONTH)}
                            {legend_entry("mark band year fact", i18n::LEGEND_FIGURE_YEAR)}
                            {legend_entry("mark span fact", i18n::LEGEND_FIGURE_SPAN)}
                            {legend_entry("mark group fact", i18n::LEGEND_FIGURE_GROUP)}
                            <li><span class="mark band year event planned" data-status="planned"><span class="bar"></span></span>{move || i18n::LEGEND_PLANNED.get(lang.get())}</li>
                        </ul>
                    }.into_any()
                }}
                <ReadingList window=window/>
            }.into_any()
        }}
    }
}

