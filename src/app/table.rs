//! The table view: the filtered facts, sortable by any column; a row opens its record.

use super::active_filters::NoMatch;
use super::{closest, use_app, HistoryMode};
use crate::explore::{document_label, period_label, sort_facts};
use crate::format::{fact_value, qualifier_words};
use crate::i18n::{self, Text};
use crate::state::{Sort, SortKey};
use leptos::prelude::*;

/// Rows drawn at first; more are added on request so large datasets stay responsive.
const PAGE_ROWS: usize = 100;

fn column_label(key: SortKey) -> Text {
    match key {
        SortKey::Indicator => i18n::INDICATOR,
        SortKey::Value => i18n::VALUE,
        SortKey::Raw => i18n::AS_PRINTED,
        SortKey::Qualifier => i18n::QUALIFIER,
        SortKey::Region => i18n::REGION,
        SortKey::Period => i18n::PERIOD,
        SortKey::Document => i18n::SOURCE,
    }
}

/// The facts table with sortable headers.
#[component]
pub fn TableView() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let shown = RwSignal::new(PAGE_ROWS);
    let sort = move || app.view.with(|v| v.sort);
    let rows = Memo::new(move |_| {
        let data = app.data.get();
        let mut facts = app.selection.with(|s| s.facts.clone());
        if let Some(sort) = sort() {
            sort_facts(&data, &mut facts, sort, lang.get());
        }
        facts
    });
    let header = move || {
        SortKey::ALL
            .into_iter()
            .map(|key| {
                let state = move || sort().filter(|s| s.key == key).map(|s| if s.descending { "descending" } else { "ascending" });
                view! {
                    <th scope="col" aria-sort=move || state().unwrap_or("none")>
                        <button
                            type="button"
                            data-sort=key.code()
                            on:click=move |_| app.change(HistoryMode::Push, |v| {
                                let descending = v.sort.is_some_and(|s| s.key == key && !s.descending);
                                v.sort = Some(Sort { key, descending });
                            })
                        >
                            {move || column_label(key).get(lang.get())}
                            <span class="sort-mark" aria-hidden="true">
                                {move || match state() { Some("ascending") => "▲", Some(_) => "▼", None => "" }}
                            </span>
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    let open_row = move |target: Option<web_sys::EventTarget>| {
        if let Some(id) = closest(target, "tr[data-record]").and_then(|r| r.get_attribute("data-record")) {
            app.change(HistoryMode::Push, |v| v.record = Some(id));
        }
    };
    let body = move || {
        let data = app.data.get();
        let lang = lang.get();
        rows.get()
            .into_iter()
            .take(shown.get())
            .map(|i| {
                let fact = &data.facts[i];
                let id = fact.id.clone();
                // rows have no handlers of their own: the table body listens for all of them
                let indicator = data.indicator(&fact.indicator).map_or(fact.indicator.clone(), |x| x.name(lang).to_owned());
                let region = data.region(&fact.region).map_or(fact.region.clone(), |r| r.name(lang).to_owned());
                let doc = data.document(&fact.doc).map_or(fact.doc.clone(), |d| {
                    format!("{} · {} {}", document_label(&data, d, lang), i18n::LINE.get(lang), fact.line)
                });
                view! {
                    <tr data-record=id data-value=fact.value.to_string() tabindex="0">
                        <td>{indicator}</td>
                        <td class="num">{fact_value(fact, lang)}</td>
                        <td lang="zh-CN">{fact.raw.clone()}</td>
                        <td>{qualifier_words(fact.qualifier, lang).split('（').next().unwrap_or_default().to_owned()}</td>
                        <td>{region}</td>
                        <td class="num">{period_label(&fact.period_start, &fact.period_end)}</td>
                        <td>{doc}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    // only a change between "nothing" and "something" rebuilds the table: sorting or filtering
    // redraws the rows and keeps the header button that has keyboard focus
    let empty = Memo::new(move |_| rows.with(Vec::is_empty));
    view! {
        {move || if empty.get() {
            view! { <NoMatch/> }.into_any()
        } else {
            view! {
                <p class="table-note" data-testid="table-count">
                    {move || rows.with(Vec::len)} " " {move || i18n::TABLE_NOTE.get(lang.get())}
                </p>
                <div class="table-wrap">
                    <table class="facts" data-testid="facts-table">
                        <thead><tr>{header}</tr></thead>
                        <tbody on:click=move |ev| open_row(ev.target())
                            on:keydown=move |ev| if ev.key() == "Enter" { open_row(ev.target()) }>{body}</tbody>
                    </table>
                </div>
                {move || (rows.with(Vec::len) > shown.get()).then(|| view! {
                    <button type="button" class="more" on:click=move |_| shown.update(|n| *n += PAGE_ROWS)>
                        {move || format!("+{}", rows.with(Vec::len) - shown.get())}
                    </button>
                })}
            }.into_any()
        }}
    }
}
