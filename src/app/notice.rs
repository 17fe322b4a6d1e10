//! The notice that lists link parameters that were not understood.

use super::use_app;
use crate::i18n;
use leptos::prelude::*;

/// Dismissible; shows names and values as text, never as markup.
#[component]
pub fn IgnoredParamsNotice() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    move || {
        let ignored = app.ignored.get();
        (!ignored.is_empty()).then(|| {
            let lang = lang.get();
            view! {
                <div class="notice" role="status" data-testid="ignored-params">
                    <p>{i18n::NOTICE_IGNORED.get(lang)}</p>
                    <ul>
                        {ignored.into_iter().map(|p| view! {
                            <li><code>{format!("{}={}", p.name, p.value)}</code> " (" {p.reason.words(lang)} ")"</li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="notice-dismiss" on:click=move |_| app.ignored.set(Vec::new())>
                        {i18n::DISMISS.get(lang)}
                    </button>
                </div>
            }
        })
    }
}
