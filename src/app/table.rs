//! The table view: the filtered figures and events, all or one kind, sortable by any column; a
//! row opens its record on a click, Enter or Space.

use super::active_filters::NoMatch;
use super::{closest, use_app, HistoryMode};
use crate::explore::{document_label, period_label, RecordRef};
use crate::format::{event_kind_words, fact_value, qualifier_words};
use crate::i18n::{self, Lang, Text};
use crate::model::Dataset;
use crate::state::{Sort, SortKey, TableKind};
use crate::table_rows::{table_rows, KindCounts};
use leptos::prelude::*;

/// Rows drawn at first; more are added on request so large datasets stay responsive.
const PAGE_ROWS: usize = 100;

/// A column's heading; the two that mean something else for events say both.
fn column_label(key: SortKey, kind: TableKind) -> Text {
    match (key, kind) {
        (SortKey::Indicator, TableKind::Figures) => i18n::INDICATOR,
        (SortKey::Indicator, TableKind::Events) => i18n::EVENT,
        (SortKey::Indicator, TableKind::All) => i18n::WHAT_COLUMN,
        (SortKey::Value, _) => i18n::VALUE,
        (SortKey::Raw, _) => i18n::AS_PRINTED,
        (SortKey::Qualifier, _) => i18n::QUALIFIER,
        (SortKey::Region, _) => i18n::REGION,
        (SortKey::Category, _) => i18n::CATEGORY,
        (SortKey::Period, TableKind::Figures) => i18n::PERIOD,
        (SortKey::Period, TableKind::Events) => i18n::DATE,
        (SortKey::Period, TableKind::All) => i18n::PERIOD_OR_DATE,
        (SortKey::Document, _) => i18n::SOURCE,
    }
}

fn kind_label(kind: TableKind) -> Text {
    match kind {
        TableKind::All => i18n::KIND_ALL,
        TableKind::Figures => i18n::KIND_FIGURES,
        TableKind::Events => i18n::KIND_EVENTS,
    }
}

/// The cells of one row, in the columns' order, as text.
struct RowCells {
    id: String,
    /// The figure's value, for tools and tests that read the order; none for an event.
    value: Option<f64>,
    is_event: bool,
    kind: String,
    cells: [String; 8],
}

fn row_cells(data: &Dataset, record: RecordRef, lang: Lang) -> RowCells {
    let region = |id: &str| data.region(id).map_or(id.to_owned(), |r| r.name(lang).to_owned());
    let category = |id: &str| data.category(id).map_or(id.to_owned(), |c| c.name(lang).to_owned());
    let source = |doc: &str, line: u32| {
        data.document(doc).map_or(doc.to_owned(), |d| format!("{} · {} {line}", document_label(data, d, lang), i18n::LINE.get(lang)))
    };
    match record {
        RecordRef::Fact(i) => {
            let f = &data.facts[i];
            RowCells {
                id: f.id.clone(),
                value: Some(f.value),
                is_event: false,
                kind: i18n::FIGURE.get(lang).to_owned(),
                cells: [
                    data.indicator(&f.indicator).map_or(f.indicator.to_string(), |x| x.name(lang).to_owned()),
                    fact_value(f, lang),
                    f.raw.to_string(),
                    {
                        let qualifier = qualifier_words(f.qualifier, lang).split('（').next().unwrap_or_default().to_owned();
                        // a slogan, a plan or a contradicted figure says so in its row
                        match crate::format::trust_words(f, lang) {
                            Some(caveat) => format!("{qualifier} · ⚠ {caveat}"),
                            None => qualifier,
                        }
                    },
                    region(&f.region),
                    category(&f.category),
                    period_label(&f.period_start, &f.period_end),
                    source(&f.doc, f.line),
                ],
            }
        }
        RecordRef::Event(i) => {
            let e = &data.events[i];
            RowCells {
                id: e.id.clone(),
                value: None,
                is_event: true,
                kind: format!("{} · {}", i18n::EVENT.get(lang), event_kind_words(e.kind, lang)),
                cells: [
                    match lang {
                        Lang::Zh => e.title_zh.to_string(),
                        Lang::En => e.title_en.to_string(),
                    },
                    String::new(),
                    e.quote.to_string(),
                    String::new(),
                    region(&e.region),
                    category(&e.category),
                    period_label(&e.date_start, &e.end()),
                    source(&e.doc, e.line),
                ],
            }
        }
    }
}

/// The records table: a switch for figures, events or both, their counts, sortable headers
/// and rows that open their record.
#[component]
pub fn TableView() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let shown = RwSignal::new(PAGE_ROWS);
    // memos: opening a record changes the view state but neither of these, so the rows (and
    // the focus on one of them) stay as they are
    let sort = Memo::new(move |_| app.view.with(|v| v.sort));
    let kind = Memo::new(move |_| app.view.with(|v| v.kind));
    let rows = Memo::new(move |_| {
        let data = app.data.get();
        app.selection.with(|s| table_rows(&data, s, kind.get(), sort.get(), lang.get()))
    });
    let counts = Memo::new(move |_| app.selection.with(|s| KindCounts::of(s)));
    let kind_switch = move || {
        TableKind::ALL
            .into_iter()
            .map(|k| view! {
                <button type="button" data-kind=k.code() aria-pressed=move || (kind.get() == k).to_string()
                    on:click=move |_| app.change(HistoryMode::Push, |v| v.kind = k)>
                    {move || kind_label(k).get(lang.get())}
                </button>
            })
            .collect_view()
    };
    let header = move || {
        SortKey::ALL
            .into_iter()
            .map(|key| {
                let state = move || sort.get().filter(|s| s.key == key).map(|s| if s.descending { "descending" } else { "ascending" });
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
                            {move || column_label(key, kind.get()).get(lang.get())}
                            <span class="sort-mark" aria-hidden="true">
                                {move || match state() { Some("ascending") => "▲", Some(_) => "▼", None => "" }}
                            </span>
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    let open_row = move |target: Option<web_sys::EventTarget>| -> bool {
        let Some(id) = closest(target, "tr[data-record]").and_then(|r| r.get_attribute("data-record")) else { return false };
        app.change(HistoryMode::Push, |v| v.record = Some(id));
        true
    };
    // Enter and Space open the focused row. The key's default is prevented: otherwise Chromium
    // sends the Enter's keypress to whatever has focus by then, which is the record's close
    // button once the record has opened, and that closes it again at once
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if matches!(ev.key().as_str(), "Enter" | " ") && !ev.repeat() && open_row(ev.target()) {
            ev.prevent_default();
        }
    };
    let body = move || {
        let data = app.data.get();
        let lang = lang.get();
        rows.get()
            .into_iter()
            .take(shown.get())
            .map(|record| {
                let row = row_cells(&data, record, lang);
                // rows have no handlers of their own: the table body listens for all of them
                let [what, value, printed, qualifier, region, category, period, source] = row.cells;
                view! {
                    <tr data-record=row.id data-value=row.value.map(|v| v.to_string()) class:event=row.is_event tabindex="0">
                        <td class="kind">{row.kind}</td>
                        <td>{what}</td>
                        <td class="num">{value}</td>
                        <td lang="zh-CN">{printed}</td>
                        <td>{qualifier}</td>
                        <td>{region}</td>
                        <td>{category}</td>
                        <td class="num">{period}</td>
                        <td>{source}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    // only a change between "nothing" and "something" rebuilds the table: sorting or filtering
    // redraws the rows and keeps the header button that has keyboard focus
    let empty = Memo::new(move |_| app.selection.with(|s| s.is_empty()));
    view! {
        {move || if empty.get() {
            view! { <NoMatch/> }.into_any()
        } else {
            view! {
                <div class="table-controls">
                    <p class="table-note" data-testid="table-count">{move || counts.get().label(lang.get())}</p>
                    <div class="segmented" role="group" aria-label=move || i18n::SHOW_KIND.get(lang.get())>{kind_switch}</div>
                </div>
                <div class="table-wrap">
                    <table class="facts" data-testid="facts-table" aria-describedby="table-row-hint">
                        <thead><tr>
                            <th scope="col">{move || i18n::KIND_COLUMN.get(lang.get())}</th>
                            {header}
                        </tr></thead>
                        <tbody on:click=move |ev| { open_row(ev.target()); } on:keydown=on_key>{body}</tbody>
                    </table>
                    <p id="table-row-hint" class="visually-hidden">{move || i18n::ROW_HINT.get(lang.get())}</p>
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
