//! What is active, in one line ("泉州 · 帮扶 · 2018–2023 · 42 条记录"), each part removable with
//! one click, plus reset and copy-link; and the empty state when nothing matches.

use super::{use_app, HistoryMode};
use crate::explore::document_label;
use crate::i18n;
use crate::state::ViewState;
use leptos::prelude::*;

/// One removable part of the active filters.
struct Chip {
    label: String,
    remove: Box<dyn Fn(&mut ViewState) + Send + Sync>,
}

/// The summary bar above every view.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let copied = RwSignal::new(false);
    let chips = move || {
        let lang = lang.get();
        let data = app.data.get();
        let filter = app.view.with(|v| v.filter.clone());
        let mut chips: Vec<Chip> = Vec::new();
        for id in &filter.regions {
            let name = data.region(id).map_or(id.clone(), |r| r.name(lang).to_owned());
            let id = id.clone();
            chips.push(Chip { label: name, remove: Box::new(move |v| { v.filter.regions.remove(&id); }) });
        }
        for id in &filter.categories {
            let name = data.category(id).map_or(id.clone(), |c| c.name(lang).to_owned());
            let id = id.clone();
            chips.push(Chip { label: name, remove: Box::new(move |v| { v.filter.categories.remove(&id); }) });
        }
        if let Some((from, to)) = filter.years {
            let label = if from == to { from.to_string() } else { format!("{from}–{to}") };
            chips.push(Chip { label, remove: Box::new(|v| v.filter.years = None) });
        }
        for id in &filter.docs {
            let name = data
                .document(id)
                .map(|d| document_label(&data, d, lang))
                .unwrap_or_else(|| id.clone());
            let id = id.clone();
            chips.push(Chip { label: name, remove: Box::new(move |v| { v.filter.docs.remove(&id); }) });
        }
        if !filter.text.is_empty() {
            chips.push(Chip { label: format!("“{}”", filter.text), remove: Box::new(|v| v.filter.text.clear()) });
        }
        chips
            .into_iter()
            .map(|chip| {
                let remove = chip.remove;
                let label = chip.label;
                view! {
                    <li class="chip">
                        <span>{label.clone()}</span>
                        <button
                            type="button"
                            aria-label=format!("{} {label}", i18n::REMOVE.get(lang))
                            on:click=move |_| app.change(HistoryMode::Push, |v| remove(v))
                        >"×"</button>
                    </li>
                }
            })
            .collect_view()
    };
    // the dates the search understood, said back so that a person sees how it was read
    let search_dates = move || {
        let lang = lang.get();
        let text = app.view.with(|v| v.filter.text.clone());
        let query = crate::search::Query::parse(&text, crate::embedded::glossary());
        let colon = if lang == i18n::Lang::Zh { "：" } else { ": " };
        let days = query.days().map(|(year, month, day)| format!("{}{colon}{}", i18n::SEARCH_DAY.get(lang), i18n::day_label(lang, year, month, day)));
        let months = query.months().map(|(year, month)| format!("{}{colon}{}", i18n::SEARCH_MONTH.get(lang), i18n::month_label(lang, year, month)));
        let years = query.years().map(|year| format!("{}{colon}{}", i18n::SEARCH_YEAR.get(lang), i18n::year_label(lang, year)));
        days.chain(months)
            .chain(years)
            .map(|label| view! { <li class="chip search-date" data-testid="search-date">{label}</li> })
            .collect_view()
    };
    let partial = move || {
        app.selection.with(|s| s.partial).map(|(matched, groups)| {
            view! { <p class="search-partial" data-testid="search-partial" role="status">{i18n::partial_match(lang.get(), matched, groups)}</p> }
        })
    };
    let count = move || app.selection.with(|s| s.len());
    let any_filter = move || app.view.with(|v| !v.filter.is_empty());
    let copy_link = move |_| {
        // the link names the language in effect: a colleague whose browser speaks the other
        // language still sees what was shared
        let query = app.view.with_untracked(|v| ViewState { lang: Some(lang.get_untracked()), ..v.clone() }.to_query());
        let location = window().location();
        let href = format!("{}{}?{query}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
        // without clipboard access the address bar still holds the link
        let _ = window().navigator().clipboard().write_text(&href);
        copied.set(true);
        set_timeout(move || copied.set(false), std::time::Duration::from_secs(2));
    };
    view! {
        <div class="active-filters" data-testid="active-filters">
            <ul class="chips">{chips}{search_dates}</ul>
            <span class="record-count" data-testid="record-count">
                {move || i18n::RECORD_NOUN.count(count(), lang.get())}
            </span>
            <span class="bar-actions">
                {move || any_filter().then(|| view! {
                    <button type="button" class="link-button" data-testid="reset"
                        on:click=move |_| app.change(HistoryMode::Push, |v| v.filter = Default::default())>
                        {i18n::RESET.get(lang.get())}
                    </button>
                })}
                <super::downloads::DownloadButtons/>
                <button type="button" class="link-button" data-testid="copy-link" on:click=copy_link>
                    {move || if copied.get() { i18n::LINK_COPIED.get(lang.get()) } else { i18n::COPY_LINK.get(lang.get()) }}
                </button>
            </span>
            {partial}
        </div>
    }
}

/// Shown by a view when the filters match nothing.
#[component]
pub fn NoMatch() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    view! {
        <div class="empty-state" data-testid="no-match">
            <p>{move || i18n::NO_MATCH.get(lang.get())}</p>
            <button type="button" class="primary" on:click=move |_| app.change(HistoryMode::Push, |v| v.filter = Default::default())>
                {move || i18n::RESET.get(lang.get())}
            </button>
        </div>
    }
}
