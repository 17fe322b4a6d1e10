//! The reading list under the timeline: the timeline's records, events and figures together,
//! in date order under year and month headings, a page at a time; an item opens its record.

use super::{closest, use_app, HistoryMode};
use crate::i18n::{self, Lang};
use crate::model::Dataset;
use crate::reading::{count_line, date_label, details, listing, month_heading, record_id, rows, title, Entry, Row};
use crate::state::Order;
use crate::timeline::Window;
use leptos::prelude::*;

/// Items drawn at first; "show more" adds as many again, so large selections stay quick.
const PAGE_ITEMS: usize = 100;

/// One item: date, title, and kind · region · category · report and line.
fn item(data: &Dataset, entry: Entry, lang: Lang) -> impl IntoView {
    let record = entry.record;
    let kind = if matches!(record, crate::explore::RecordRef::Fact(_)) { i18n::FIGURE } else { i18n::EVENT };
    let (region, category, source) = details(data, record, lang);
    view! {
        <li>
            <button type="button" class="reading-item" data-record=record_id(data, record).to_owned()>
                <span class="reading-date">{date_label(data, record)}</span>
                <span class="reading-title">{title(data, record, lang)}</span>
                <span class="reading-meta">{format!("{} · {region} · {category} · {source}", kind.get(lang))}</span>
            </button>
        </li>
    }
}

/// The list of the timeline's selection within its `window`, with its order switch and count.
#[component]
pub fn ReadingList(
    /// The months the timeline shows: the list holds the records overlapping them.
    #[prop(into)]
    window: Signal<Window>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let order = Memo::new(move |_| app.view.with(|v| v.order));
    let shown = RwSignal::new(PAGE_ITEMS);
    // a new dataset, selection, window or order starts again from the first page
    Effect::new(move |_| {
        (app.data.track(), app.selection.track(), window.track(), order.track());
        if shown.get_untracked() != PAGE_ITEMS {
            shown.set(PAGE_ITEMS);
        }
    });
    // only what is shown is put in order
    let listed = Memo::new(move |_| {
        let data = app.data.get();
        app.selection.with(|s| listing(&data, s, window.get(), order.get(), shown.get()))
    });
    let body = move || {
        let data = app.data.get();
        let lang = lang.get();
        let mut groups: Vec<AnyView> = Vec::new();
        let mut items: Vec<AnyView> = Vec::new();
        let flush = |items: &mut Vec<AnyView>, groups: &mut Vec<AnyView>| {
            if !items.is_empty() {
                let list = std::mem::take(items);
                groups.push(view! { <ul class="reading-items">{list}</ul> }.into_any());
            }
        };
        listed.with(|listed| {
            for row in rows(&listed.entries) {
                match row {
                    Row::Year(year) => {
                        flush(&mut items, &mut groups);
                        groups.push(view! { <h3 class="reading-year">{crate::reading::year_heading(year, lang)}</h3> }.into_any());
                    }
                    Row::Month(year, month) => {
                        flush(&mut items, &mut groups);
                        groups.push(view! { <h4 class="reading-month">{month_heading(year, month, lang)}</h4> }.into_any());
                    }
                    Row::Record(entry) => items.push(item(&data, entry, lang).into_any()),
                }
            }
        });
        flush(&mut items, &mut groups);
        groups
    };
    let more = move || {
        let left = listed.with(|listed| listed.len()).saturating_sub(shown.get());
        (left > 0).then(|| {
            view! {
                <button type="button" class="show-more" data-testid="reading-more" on:click=move |_| shown.update(|n| *n += PAGE_ITEMS)>
                    {move || format!("{} ({} {})", i18n::SHOW_MORE.get(lang.get()), left, i18n::NOT_SHOWN_YET.get(lang.get()))}
                </button>
            }
        })
    };
    let open = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = closest(ev.target(), "[data-record]").and_then(|item| item.get_attribute("data-record")) {
            app.change(HistoryMode::Push, |v| v.record = Some(id));
        }
    };
    let order_button = move |value: Order, text: i18n::Text| {
        view! {
            <button type="button" aria-pressed=move || (order.get() == value).to_string() data-order=value.code()
                on:click=move |_| app.change(HistoryMode::Push, |v| v.order = value)>
                {move || text.get(lang.get())}
            </button>
        }
    };
    view! {
        <section class="reading-list" data-testid="reading-list" aria-labelledby="reading-list-heading">
            <header class="reading-header">
                <h2 id="reading-list-heading">{move || i18n::READING_LIST.get(lang.get())}</h2>
                <div class="segmented" role="group" aria-label=move || i18n::ORDER.get(lang.get())>
                    {order_button(Order::Oldest, i18n::OLDEST_FIRST)}
                    {order_button(Order::Newest, i18n::NEWEST_FIRST)}
                </div>
            </header>
            <p class="reading-count" data-testid="reading-count">{move || listed.with(|listed| count_line(listed, window.get(), lang.get()))}</p>
            <div class="reading-body" on:click=open>{body}</div>
            {more}
        </section>
    }
}
