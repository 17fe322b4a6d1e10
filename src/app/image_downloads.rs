//! The PNG and SVG buttons of a chart or the map: one drawing, saved as an image or as vectors.

use crate::i18n;
use leptos::prelude::*;

/// The two download buttons, in a group the screen reader names.
#[component]
pub fn ImageDownloads(
    /// Saves the drawing as `"png"` or `"svg"`.
    #[prop(into)]
    download: Callback<&'static str>,
) -> impl IntoView {
    let lang = super::use_app().lang();
    view! {
        <span class="downloads" role="group" aria-label=move || i18n::DOWNLOAD_CHART.get(lang.get())>
            <button type="button" class="link-button" data-download="png" on:click=move |_| download.run("png")>"PNG"</button>
            <button type="button" class="link-button" data-download="svg" on:click=move |_| download.run("svg")>"SVG"</button>
        </span>
    }
}
