//! The tab bar that switches between the views.

use super::{use_app, HistoryMode};
use crate::i18n;
use crate::state::Tab;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn label(tab: Tab) -> i18n::Text {
    match tab {
        Tab::Timeline => i18n::TAB_TIMELINE,
        Tab::Charts => i18n::TAB_CHARTS,
        Tab::Map => i18n::TAB_MAP,
        Tab::Table => i18n::TAB_TABLE,
        Tab::Documents => i18n::TAB_DOCUMENTS,
    }
}

/// The tab an arrow key, Home or End moves to from `current`, wrapping at the ends.
fn tab_for_key(current: Tab, key: &str) -> Option<Tab> {
    let at = Tab::ALL.iter().position(|t| *t == current)?;
    let last = Tab::ALL.len() - 1;
    let next = match key {
        "ArrowRight" | "ArrowDown" => if at == last { 0 } else { at + 1 },
        "ArrowLeft" | "ArrowUp" => if at == 0 { last } else { at - 1 },
        "Home" => 0,
        "End" => last,
        _ => return None,
    };
    Some(Tab::ALL[next])
}

/// One button per view; the open one is marked for assistive technology too. As in any tab
/// list, only the open tab is a Tab stop: arrow keys, Home and End move between tabs and open them.
#[component]
pub fn TabBar() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(tab) = tab_for_key(app.view.with_untracked(|v| v.tab), &ev.key()) else { return };
        ev.prevent_default();
        app.change(HistoryMode::Push, |v| v.tab = tab);
        let button = document().query_selector(&format!("nav.tabs button[data-tab={}]", tab.code())).ok().flatten();
        if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = button.focus();
        }
    };
    view! {
        // the navigation landmark holds the tab list: a tablist role on the <nav> itself
        // would hide the landmark from assistive technology
        <nav class="tabs" aria-label=move || i18n::VIEWS.get(lang.get())>
            <div class="tab-list" role="tablist" aria-label=move || i18n::VIEWS.get(lang.get()) on:keydown=on_keydown>
                {Tab::ALL.into_iter().map(|tab| {
                    let selected = move || app.view.with(|v| v.tab == tab);
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=format!("tab-{}", tab.code())
                            data-tab=tab.code()
                            aria-controls="view-panel"
                            aria-selected=move || selected().to_string()
                            tabindex=move || if selected() { "0" } else { "-1" }
                            class:active=selected
                            on:click=move |_| app.change(HistoryMode::Push, |v| v.tab = tab)
                        >
                            {move || label(tab).get(lang.get())}
                        </button>
                    }
                }).collect_view()}
            </div>
        </nav>
    }
}
