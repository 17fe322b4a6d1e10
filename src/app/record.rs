//! The record view: everything the dataset knows about one fact or event; the same indicator
//! elsewhere, the other records of the same passage and searches for the people and
//! organisations named, each one click away.

use super::{use_app, HistoryMode};
use crate::explore::{find_record, period_label, same_passage, RecordRef};
use crate::format::{aggregation_words, event_kind_words, fact_value, precision_words, qualifier_words};
use crate::i18n::{self, Lang};
use crate::model::{Dataset, Name};
use crate::state::{ChartKind, Tab};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The region and its ancestors, province first: "福建省 › 泉州市 › 晋江市".
fn region_path(data: &Dataset, index: &crate::explore::Index, region: &str, lang: Lang) -> String {
    let mut names: Vec<&str> = index.lineage(region).iter().filter_map(|id| data.region(id)).map(|r| r.name(lang)).collect();
    names.reverse();
    names.join(" › ")
}

/// Each name as shown ("Yin Li (尹力)") and as searched for (the name in the interface
/// language, which the search finds in either).
fn names(list: &[Name], lang: Lang) -> Vec<(String, String)> {
    list.iter()
        .map(|n| {
            if lang == Lang::En && !n.en.is_empty() {
                (format!("{} ({})", n.en, n.zh), n.en.clone())
            } else {
                (n.zh.clone(), n.zh.clone())
            }
        })
        .collect()
}

/// A record in a list of links: what it is, and where in its report.
fn link_label(data: &Dataset, record: RecordRef, lang: Lang) -> (String, String) {
    match record {
        RecordRef::Fact(i) => {
            let f = &data.facts[i];
            let indicator = data.indicator(&f.indicator).map_or(f.indicator.as_str(), |x| x.name(lang));
            (f.id.clone(), format!("{} · {indicator} · {} · {} {}", i18n::FIGURE.get(lang), fact_value(f, lang), i18n::LINE.get(lang), f.line))
        }
        RecordRef::Event(i) => {
            let e = &data.events[i];
            let title = if lang == Lang::Zh { &e.title_zh } else { &e.title_en };
            (e.id.clone(), format!("{} · {title} · {} · {} {}", i18n::EVENT.get(lang), period_label(&e.date_start, &e.end()), i18n::LINE.get(lang), e.line))
        }
    }
}

/// Gives focus back to what opened the dialog; if a re-render replaced it, to the element now
/// showing the same record.
fn return_focus(opener: &web_sys::Element) {
    let target = if opener.is_connected() {
        Some(opener.clone())
    } else {
        opener
            .get_attribute("data-record")
            .and_then(|id| document().query_selector(&format!("[data-record=\"{id}\"]")).ok().flatten())
    };
    if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = target.focus();
    }
}

/// Tab and Shift+Tab cycle through the dialog's controls (all buttons) while it is open, as a
/// modal dialog must not let focus wander behind it.
fn keep_focus_inside(ev: leptos::ev::KeyboardEvent) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let buttons = dialog.get_elements_by_tag_name("button");
    let (Some(first), Some(last)) = (buttons.item(0), buttons.item(buttons.length().saturating_sub(1))) else { return };
    let active = document().active_element();
    let wrap_to = if ev.shift_key() && active.as_ref() == Some(&first) {
        last
    } else if !ev.shift_key() && active.as_ref() == Some(&last) {
        first
    } else if active.as_ref().is_some_and(|a| !dialog.contains(Some(&**a))) {
        first
    } else {
        return;
    };
    if let Ok(target) = wrap_to.dyn_into::<web_sys::HtmlElement>() {
        ev.prevent_default();
        let _ = target.focus();
    }
}

/// A dialog over the current view while a record is open (`rec=` in the URL).
#[component]
pub fn RecordView() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let close = move || app.change(HistoryMode::Push, |v| v.record = None);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && app.view.with_untracked(|v| v.record.is_some()) {
            close();
        }
    });
    on_cleanup(move || handle.remove());
    // where focus was when the dialog opened (None inside: nothing was focused); the outer None
    // means the dialog is closed, so records opened from within it keep the first opener
    let opener = StoredValue::new_local(None::<Option<web_sys::Element>>);
    let open_record = Memo::new(move |_| app.view.with(|v| v.record.clone()));
    Effect::new(move |_| {
        if open_record.with(Option::is_none) {
            if let Some(Some(element)) = opener.try_update_value(Option::take).flatten() {
                return_focus(&element);
            }
        }
    });
    move || {
        let id = app.view.with(|v| v.record.clone())?;
        let data = app.data.get();
        let index = app.index.get();
        let lang = lang.get();
        let record = find_record(&data, &id)?;
        let mut named: Vec<(&'static str, Vec<(String, String)>)> = Vec::new();
        let (kind_label, heading, rows, doc_id, line, same_indicator) = match record {
            RecordRef::Fact(i) => {
                let fact = &data.facts[i];
                let indicator = data.indicator(&fact.indicator);
                let heading = format!(
                    "{} · {}",
                    indicator.map_or(fact.indicator.as_str(), |x| x.name(lang)),
                    data.region(&fact.region).map_or(fact.region.as_str(), |r| r.name(lang))
                );
                let mut rows = vec![
                    (i18n::VALUE.get(lang), format!("{} / {}", fact_value(fact, Lang::Zh), fact_value(fact, Lang::En))),
                    (i18n::AS_PRINTED.get(lang), fact.raw.to_string()),
                    (i18n::QUALIFIER.get(lang), qualifier_words(fact.qualifier, lang).to_owned()),
                    (i18n::PERIOD.get(lang), period_label(&fact.period_start, &fact.period_end)),
                    (i18n::AGGREGATION.get(lang), aggregation_words(fact.aggregation, lang).to_owned()),
                    (i18n::REGION.get(lang), region_path(&data, &index, &fact.region, lang)),
                    (i18n::CATEGORY.get(lang), data.category(&fact.category).map_or(String::new(), |c| c.name(lang).to_owned())),
                ];
                if let Some(indicator) = indicator {
                    let note = if lang == Lang::Zh { &indicator.note_zh } else { &indicator.note_en };
                    rows.push((
                        i18n::INDICATOR.get(lang),
                        match note {
                            Some(note) => format!("{} — {note}", indicator.name(lang)),
                            None => indicator.name(lang).to_owned(),
                        },
                    ));
                    if let Some(counts) = if lang == Lang::Zh { &indicator.counts_zh } else { &indicator.counts_en } {
                        rows.push((i18n::WHAT_IT_COUNTS.get(lang), counts.clone()));
                    }
                    if let Some(money) = indicator.money {
                        rows.push((i18n::MONEY_KIND.get(lang), crate::format::money_words(money, lang).to_owned()));
                    }
                }
                // a slogan, a plan or a contradicted figure says so where it is read
                if let Some(caveat) = crate::format::trust_words(fact, lang) {
                    rows.insert(1, (i18n::CAVEAT.get(lang), caveat));
                }
                if let Some(note) = if lang == Lang::Zh { &fact.note_zh } else { &fact.note_en } {
                    rows.push((i18n::NOTE.get(lang), note.to_string()));
                }
                let others: Vec<(String, String)> = data
                    .facts
                    .iter()
                    .filter(|f| f.indicator == fact.indicator && f.id != fact.id)
                    .map(|f| {
                        let where_when = format!(
                            "{} · {} · {}",
                            data.region(&f.region).map_or(f.region.as_str(), |r| r.name(lang)),
                            period_label(&f.period_start, &f.period_end),
                            fact_value(f, lang)
                        );
                        (f.id.clone(), where_when)
                    })
                    .collect();
                let mut lines = vec![fact.line];
                lines.extend(&fact.also_lines);
                let line = lines.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
                (i18n::FIGURE.get(lang), heading, rows, fact.doc.clone(), line, Some((fact.indicator.clone(), others)))
            }
            RecordRef::Event(i) => {
                let event = &data.events[i];
                let heading = if lang == Lang::Zh { event.title_zh.to_string() } else { event.title_en.to_string() };
                let mut rows = vec![
                    (
                        i18n::DATE.get(lang),
                        format!("{} ({})", period_label(&event.date_start, &event.end()), precision_words(event.precision, lang)),
                    ),
                    (i18n::EVENT.get(lang), event_kind_words(event.kind, lang).to_owned()),
                    (i18n::REGION.get(lang), region_path(&data, &index, &event.region, lang)),
                    (i18n::CATEGORY.get(lang), data.category(&event.category).map_or(String::new(), |c| c.name(lang).to_owned())),
                ];
                if lang == Lang::En {
                    rows.insert(0, ("中文", event.title_zh.to_string()));
                }
                if !event.people.is_empty() {
                    named.push((i18n::PEOPLE.get(lang), names(&event.people, lang)));
                }
                if !event.organisations.is_empty() {
                    named.push((i18n::ORGANISATIONS.get(lang), names(&event.organisations, lang)));
                }
                if let Some(status) = crate::format::status_words(event.status, lang) {
                    rows.insert(1, (i18n::STATUS.get(lang), status.to_owned()));
                }
                rows.push((i18n::AS_PRINTED.get(lang), event.quote.to_string()));
                if let Some(note) = if lang == Lang::Zh { &event.note_zh } else { &event.note_en } {
                    rows.push((i18n::NOTE.get(lang), note.to_string()));
                }
                (i18n::EVENT.get(lang), heading, rows, event.doc.clone(), event.line.to_string(), None)
            }
        };
        let passage: Vec<(String, String)> = same_passage(&data, record).into_iter().map(|r| link_label(&data, r, lang)).collect();
        let open = move |target: String| app.change(HistoryMode::Push, |v| v.record = Some(target));
        // a name searches the explorer for it; the record closes so the matches show
        let search = move |name: String| app.change(HistoryMode::Push, |v| {
            v.filter.text = name;
            v.record = None;
        });
        let source = data.document(&doc_id).map(|doc| {
            // a report whose outlet is unknown is named by its title alone
            let outlet = doc.outlet(lang);
            format!(
                "{}{}{} · {} · {} {} ({})",
                doc.title(lang),
                if outlet.is_empty() { "" } else { " — " },
                outlet,
                doc.published,
                i18n::LINE.get(lang),
                line,
                doc.source_file
            )
        });
        // focus moves into the dialog once it is on the page, remembering where it came from
        let close_button = NodeRef::<leptos::html::Button>::new();
        close_button.on_load(move |button| {
            if opener.with_value(Option::is_none) {
                let active = document().active_element().filter(|e| e.closest(".record").ok().flatten().is_none());
                opener.set_value(Some(active));
            }
            let _ = button.focus();
        });
        Some(view! {
            <div class="record-backdrop" on:click=move |_| close()></div>
            <section class="record" role="dialog" aria-modal="true" aria-labelledby="record-title" data-testid="record" data-record=id.clone()
                on:keydown=keep_focus_inside>
                <header class="record-head">
                    <p class="record-kind">{kind_label}</p>
                    <h2 id="record-title">{heading}</h2>
                    <button type="button" class="record-close" node_ref=close_button aria-label=i18n::CLOSE.get(lang) on:click=move |_| close()>"×"</button>
                </header>
                <dl class="record-fields">
                    {rows.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
                    {named.into_iter().map(|(label, list)| view! {
                        <dt>{label}</dt>
                        <dd><ul class="record-names">
                            {list.into_iter().map(|(shown, query)| {
                                let aria = format!("{} {shown}", i18n::SEARCH_FOR.get(lang));
                                view! {
                                    <li><button type="button" class="link-button" data-search=query.clone() aria-label=aria
                                        on:click=move |_| search(query.clone())>{shown}</button></li>
                                }
                            }).collect_view()}
                        </ul></dd>
                    }).collect_view()}
                    <dt>{i18n::SOURCE.get(lang)}</dt>
                    <dd data-testid="record-source">{source}</dd>
                </dl>
                <super::source_excerpt::SourceExcerpt id=id.clone()/>
                {(!passage.is_empty()).then(|| view! {
                    <h3>{i18n::SAME_PASSAGE.get(lang)}</h3>
                    <ul class="same-passage" data-testid="same-passage">
                        {passage.into_iter().map(|(other, label)| {
                            let target = other.clone();
                            view! {
                                <li><button type="button" class="link-button" data-record=other on:click=move |_| open(target.clone())>{label}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                {same_indicator.map(|(indicator, others)| view! {
                    <h3>{i18n::SAME_INDICATOR.get(lang)}</h3>
                    <ul class="same-indicator">
                        {others.into_iter().map(|(other, label)| {
                            let target = other.clone();
                            view! {
                                <li><button type="button" class="link-button" data-record=other
                                    on:click=move |_| app.change(HistoryMode::Push, |v| v.record = Some(target.clone()))>{label}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="primary" data-testid="compare-indicator" on:click=move |_| app.change(HistoryMode::Push, |v| {
                        v.tab = Tab::Charts;
                        v.chart = ChartKind::Bars;
                        v.indicator = Some(indicator.to_string());
                        v.record = None;
                    })>
                        {i18n::COMPARE.get(lang)}
                    </button>
                })}
            </section>
        })
    }
}
