//! The filter panel: search, region tree, categories, years and reports, each with counts that
//! follow the other filters. Always visible on desktop, a drawer on phones.

use super::{use_app, HistoryMode};
use crate::explore::{regions_in_tree_order, toggle};
use crate::i18n;
use crate::state::MAX_SEARCH_CHARS;
use leptos::prelude::*;

/// The whole panel, with the button that opens it on small screens.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let open = RwSignal::new(false);
    let active = move || app.view.with(|v| {
        let f = &v.filter;
        f.regions.len() + f.categories.len() + f.docs.len() + usize::from(f.years.is_some()) + usize::from(!f.text.is_empty())
    });
    view! {
        <button
            type="button"
            class="filters-toggle"
            aria-controls="filters"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {move || i18n::SHOW_FILTERS.get(lang.get())}
            {move || (active() > 0).then(|| view! { <span class="badge">{active()}</span> })}
        </button>
        <aside id="filters" class="filters" class:open=move || open.get() aria-label=move || i18n::FILTERS.get(lang.get())>
            <div class="filters-head">
                <h2>{move || i18n::FILTERS.get(lang.get())}</h2>
                <button type="button" class="filters-close" on:click=move |_| open.set(false)>
                    {move || i18n::CLOSE.get(lang.get())}
                </button>
            </div>
            <SearchBox/>
            <RegionTree/>
            <CategoryList/>
            <YearRange/>
            <DocumentList/>
        </aside>
    }
}

/// Free-text search; typing replaces the history entry rather than adding one per key.
#[component]
fn SearchBox() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    view! {
        <div class="facet-group">
            <label class="facet-title" for="search">{move || i18n::SEARCH.get(lang.get())}</label>
            <input
                id="search"
                type="search"
                maxlength=MAX_SEARCH_CHARS
                autocomplete="off"
                placeholder=move || i18n::SEARCH_PLACEHOLDER.get(lang.get())
                prop:value=move || app.view.with(|v| v.filter.text.clone())
                on:input=move |ev| {
                    let text: String = event_target_value(&ev).chars().take(MAX_SEARCH_CHARS).collect();
                    app.change(HistoryMode::Replace, |v| v.filter.text = text.trim().to_owned());
                }
            />
        </div>
    }
}

/// Province > city > county, each with its record count; regions without records stay listed,
/// greyed, so gaps in the data show.
#[component]
fn RegionTree() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let rows = move || {
        let data = app.data.get();
        regions_in_tree_order(&data)
            .into_iter()
            .map(|(depth, region)| {
                let id = region.id.clone();
                let (zh, en) = (region.zh.clone(), region.en.clone());
                let count_id = id.clone();
                let count = Signal::derive(move || app.selection.with(|s| s.region_counts.get(&count_id).copied().unwrap_or(0)));
                let checked_id = id.clone();
                let checked = move || app.view.with(|v| v.filter.regions.contains(&checked_id));
                view! {
                    <li class=format!("depth-{depth}")>
                        <label class="facet" class:empty=move || count.get() == 0>
                            <input
                                type="checkbox"
                                data-region=id.clone()
                                prop:checked=checked
                                on:change=move |_| app.change(HistoryMode::Push, |v| toggle(&mut v.filter.regions, &id))
                            />
                            <span class="facet-name">{move || if lang.get() == i18n::Lang::Zh { zh.clone() } else { en.clone() }}</span>
                            <span class="count" title=move || if count.get() == 0 { i18n::NO_DATA_REGION.get(lang.get()) } else { "" }>{move || count.get()}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="facet-group">
            <legend class="facet-title">{move || i18n::REGION.get(lang.get())}</legend>
            <ul class="facet-list region-tree">{rows}</ul>
        </fieldset>
    }
}

/// The fourteen categories with counts that follow the other filters.
#[component]
fn CategoryList() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let rows = move || {
        let data = app.data.get();
        data.categories
            .iter()
            .map(|category| {
                let id = category.id.clone();
                let (zh, en) = (category.zh.clone(), category.en.clone());
                let count_id = id.clone();
                let count = Signal::derive(move || app.selection.with(|s| s.category_counts.get(&count_id).copied().unwrap_or(0)));
                let checked_id = id.clone();
                let checked = move || app.view.with(|v| v.filter.categories.contains(&checked_id));
                view! {
                    <li>
                        <label class="facet" class:empty=move || count.get() == 0>
                            <input
                                type="checkbox"
                                data-category=id.clone()
                                prop:checked=checked
                                on:change=move |_| app.change(HistoryMode::Push, |v| toggle(&mut v.filter.categories, &id))
                            />
                            <span class="facet-name">{move || if lang.get() == i18n::Lang::Zh { zh.clone() } else { en.clone() }}</span>
                            <span class="count">{move || count.get()}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="facet-group">
            <legend class="facet-title">{move || i18n::CATEGORY.get(lang.get())}</legend>
            <ul class="facet-list">{rows}</ul>
        </fieldset>
    }
}

/// From and to year, between the earliest and the latest year in the data.
#[component]
fn YearRange() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let span = move || app.index.with(|i| i.year_span);
    let years = move || app.view.with(|v| v.filter.years);
    let set = move |from: Option<i32>, to: Option<i32>| {
        let (lo, hi) = span();
        app.change(HistoryMode::Push, |v| {
            let (cur_from, cur_to) = v.filter.years.unwrap_or((lo, hi));
            let (from, to) = (from.unwrap_or(cur_from), to.unwrap_or(cur_to));
            let (from, to) = (from.min(to), from.max(to));
            v.filter.years = ((from, to) != (lo, hi)).then_some((from, to));
        });
    };
    let options = move |selected: i32| {
        let (lo, hi) = span();
        (lo..=hi)
            .map(|year| view! { <option value=year.to_string() selected=year == selected>{year}</option> })
            .collect_view()
    };
    view! {
        <fieldset class="facet-group year-range">
            <legend class="facet-title">{move || i18n::YEARS.get(lang.get())}</legend>
            <label>
                <span>{move || i18n::FROM.get(lang.get())}</span>
                <select
                    data-testid="year-from"
                    prop:value=move || years().map_or(span().0, |y| y.0).to_string()
                    on:change=move |ev| set(event_target_value(&ev).parse().ok(), None)
                >
                    {move || options(years().map_or(span().0, |y| y.0))}
                </select>
            </label>
            <label>
                <span>{move || i18n::TO.get(lang.get())}</span>
                <select
                    data-testid="year-to"
                    prop:value=move || years().map_or(span().1, |y| y.1).to_string()
                    on:change=move |ev| set(None, event_target_value(&ev).parse().ok())
                >
                    {move || options(years().map_or(span().1, |y| y.1))}
                </select>
            </label>
        </fieldset>
    }
}

/// The five reports, by region and year, with counts.
#[component]
fn DocumentList() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let rows = move || {
        let data = app.data.get();
        let lang = lang.get();
        data.documents
            .iter()
            .map(|doc| {
                let id = doc.id.clone();
                let region = data.region(&doc.region).map(|r| r.name(lang).to_owned()).unwrap_or_default();
                let label = format!("{region} · {}", doc.period_end.year);
                let count_id = id.clone();
                let count = Signal::derive(move || app.selection.with(|s| s.doc_counts.get(&count_id).copied().unwrap_or(0)));
                let checked_id = id.clone();
                let checked = move || app.view.with(|v| v.filter.docs.contains(&checked_id));
                view! {
                    <li>
                        <label class="facet" title=doc.title(lang).to_owned() class:empty=move || count.get() == 0>
                            <input
                                type="checkbox"
                                data-doc=id.clone()
                                prop:checked=checked
                                on:change=move |_| app.change(HistoryMode::Push, |v| toggle(&mut v.filter.docs, &id))
                            />
                            <span class="facet-name">{label}</span>
                            <span class="count">{move || count.get()}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="facet-group">
            <legend class="facet-title">{move || i18n::DOCUMENT.get(lang.get())}</legend>
            <ul class="facet-list">{rows}</ul>
        </fieldset>
    }
}
