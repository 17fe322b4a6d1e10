//! The page header: a link past it to the view, the product name in both languages and the
//! language switch.

use super::{use_app, HistoryMode};
use crate::i18n::{self, Lang};
use leptos::prelude::*;

/// Product name (always in both languages, the current one first) and the zh/en switch.
#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let other = move || match lang.get() {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    // the first thing Tab reaches: past the header, tabs and filters to the open view
    let skip = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = document().get_element_by_id("view-panel").or_else(|| document().get_element_by_id("main")) else { return };
        ev.prevent_default();
        use wasm_bindgen::JsCast;
        let target: web_sys::HtmlElement = target.unchecked_into();
        // focusable by script only, so Tab from there goes on into the view
        let _ = target.set_attribute("tabindex", "-1");
        let _ = target.focus();
    };
    view! {
        <a class="skip-link" href="#main" data-testid="skip-link" on:click=skip>{move || i18n::SKIP_TO_VIEW.get(lang.get())}</a>
        <header class="site-header">
            <div class="brand">
                <h1 class="brand-name">{move || i18n::APP_NAME.get(lang.get())}</h1>
                <p class="brand-alt" lang=move || other().code()>{move || i18n::APP_NAME.get(other())}</p>
                <p class="tagline">{move || i18n::APP_TAGLINE.get(lang.get())}</p>
            </div>
            <div class="lang-switch" role="group" aria-label=move || i18n::LANGUAGE.get(lang.get())>
                {Lang::ALL.into_iter().map(|choice| view! {
                    <button
                        type="button"
                        lang=choice.code()
                        data-lang=choice.code()
                        aria-pressed=move || (lang.get() == choice).to_string()
                        on:click=move |_| app.change(HistoryMode::Push, |v| v.lang = Some(choice))
                    >
                        {choice.endonym()}
                    </button>
                }).collect_view()}
            </div>
        </header>
    }
}
