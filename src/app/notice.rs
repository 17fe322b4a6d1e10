//! The notice that lists link parameters that were not understood.

use super::use_app;
use crate::i18n;
use crate::state::Ignored;
use leptos::prelude::*;

/// Dismissible; shows names and values as text, never as markup, each isolated (`<bdi>`) so
/// that right-to-left text in a link cannot reorder the notice's own words.
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
                        {ignored.iter().map(|p| view! {
                            <li><code><bdi>{p.name.clone()}</bdi> "=" <bdi>{p.value.clone()}</bdi></code> " (" {p.reason.words(lang)} ")"</li>
                        }).collect_view()}
                    </ul>
                    {(ignored.unlisted > 0).then(|| view! {
                        <p data-testid="ignored-unlisted">{i18n::and_more_ignored(ignored.unlisted, lang)}</p>
                    })}
                    <button type="button" class="notice-dismiss" on:click=move |_| app.ignored.set(Ignored::default())>
                        {i18n::DISMISS.get(lang)}
                    </button>
                </div>
            }
        })
    }
}
