//! The tab bar that switches between the views.

use super::{use_app, HistoryMode};
use crate::i18n;
use crate::state::Tab;
use leptos::prelude::*;

fn label(tab: Tab) -> i18n::Text {
    match tab {
        Tab::Timeline => i18n::TAB_TIMELINE,
        Tab::Charts => i18n::TAB_CHARTS,
        Tab::Table => i18n::TAB_TABLE,
        Tab::Documents => i18n::TAB_DOCUMENTS,
    }
}

/// One button per view; the open one is marked for assistive technology too.
#[component]
pub fn TabBar() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    view! {
        <nav class="tabs" role="tablist" aria-label=move || i18n::VIEWS.get(lang.get())>
            {Tab::ALL.into_iter().map(|tab| {
                let selected = move || app.view.with(|v| v.tab == tab);
                view! {
                    <button
                        type="button"
                        role="tab"
                        data-tab=tab.code()
                        aria-controls="main"
                        aria-selected=move || selected().to_string()
                        class:active=selected
                        on:click=move |_| app.change(HistoryMode::Push, |v| v.tab = tab)
                    >
                        {move || label(tab).get(lang.get())}
                    </button>
                }
            }).collect_view()}
        </nav>
    }
}
