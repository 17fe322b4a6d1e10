//! The filter panel: search, region tree, categories, years and reports, each with counts that
//! follow the other filters. Always visible on desktop, a drawer on phones.

use super::{use_app, HistoryMode};
use crate::explore::{document_label, regions_in_tree_order, toggle, Filter, Selection};
use crate::i18n::{self, Lang};
use std::collections::BTreeSet;
use crate::state::MAX_SEARCH_CHARS;
use leptos::prelude::*;

/// The whole panel, with the button that opens it on small screens.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let open = RwSignal::new(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    let close_button = NodeRef::<leptos::html::Button>::new();
    // on phones the panel is a drawer over the page: focus goes into it when it opens and back
    // to its button when it closes, and Escape closes it; after the next frame, once it shows
    let set_open = move |value: bool| {
        if open.get_untracked() == value {
            return;
        }
        open.set(value);
        let target = if value { close_button } else { toggle };
        request_animation_frame(move || {
            if let Some(button) = target.get_untracked() {
                let _ = button.focus();
            }
        });
    };
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
            node_ref=toggle
            on:click=move |_| set_open(!open.get_untracked())
        >
            {move || i18n::SHOW_FILTERS.get(lang.get())}
            {move || (active() > 0).then(|| view! { <span class="badge">{active()}</span> })}
        </button>
        <aside id="filters" class="filters" class:open=move || open.get() aria-label=move || i18n::FILTERS.get(lang.get())
            on:keydown=move |ev| if ev.key() == "Escape" { set_open(false) }>
            <div class="filters-head">
                <h2>{move || i18n::FILTERS.get(lang.get())}</h2>
                <button type="button" class="filters-close" node_ref=close_button on:click=move |_| set_open(false)>
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

/// Which filter a checkbox list sets.
#[derive(Clone, Copy)]
enum FacetKind {
    Region,
    Category,
    Doc,
}

impl FacetKind {
    /// The checkbox `name`, so a checkbox is found as `input[name=region][value=quanzhou]`.
    fn name(self) -> &'static str {
        match self {
            FacetKind::Region => "region",
            FacetKind::Category => "category",
            FacetKind::Doc => "doc",
        }
    }

    fn selected(self, filter: &Filter) -> &BTreeSet<String> {
        match self {
            FacetKind::Region => &filter.regions,
            FacetKind::Category => &filter.categories,
            FacetKind::Doc => &filter.docs,
        }
    }

    fn selected_mut(self, filter: &mut Filter) -> &mut BTreeSet<String> {
        match self {
            FacetKind::Region => &mut filter.regions,
            FacetKind::Category => &mut filter.categories,
            FacetKind::Doc => &mut filter.docs,
        }
    }

    fn count(self, selection: &Selection, id: &str) -> usize {
        let counts = match self {
            FacetKind::Region => &selection.region_counts,
            FacetKind::Category => &selection.category_counts,
            FacetKind::Doc => &selection.doc_counts,
        };
        counts.get(id).copied().unwrap_or(0)
    }
}

/// One checkbox with its label and record count; greyed, not hidden, when the count is 0.
fn facet_row(kind: FacetKind, id: String, label: Signal<String>, class: String, title: String) -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let count_id = id.clone();
    let count = Signal::derive(move || app.selection.with(|s| kind.count(s, &count_id)));
    let checked_id = id.clone();
    let checked = move || app.view.with(|v| kind.selected(&v.filter).contains(&checked_id));
    let title = move || if count.get() == 0 { i18n::NO_DATA_REGION.get(lang.get()).to_owned() } else { title.clone() };
    view! {
        <li class=class>
            <label class="facet" class:empty=move || count.get() == 0 title=title>
                <input
                    type="checkbox"
                    name=kind.name()
                    value=id.clone()
                    prop:checked=checked
                    on:change=move |_| app.change(HistoryMode::Push, |v| toggle(kind.selected_mut(&mut v.filter), &id))
                />
                <span class="facet-name">{move || label.get()}</span>
                <span class="count">{move || count.get()}</span>
            </label>
        </li>
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
                let (zh, en) = (region.zh.clone(), region.en.clone());
                let label = Signal::derive(move || if lang.get() == Lang::Zh { zh.clone() } else { en.clone() });
                facet_row(FacetKind::Region, region.id.clone(), label, format!("depth-{depth}"), String::new())
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
                let (zh, en) = (category.zh.clone(), category.en.clone());
                let label = Signal::derive(move || if lang.get() == Lang::Zh { zh.clone() } else { en.clone() });
                facet_row(FacetKind::Category, category.id.clone(), label, String::new(), String::new())
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
                let label = Signal::stored(document_label(&data, doc, lang));
                facet_row(FacetKind::Doc, doc.id.clone(), label, String::new(), doc.title(lang).to_owned())
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
