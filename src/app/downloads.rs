//! Download buttons: the filtered records as CSV (opens in Excel with Chinese intact) and as
//! JSON in the export schema; file names say what the filter was.

use super::use_app;
use crate::export::{file_stem, records_csv, selection_dataset};
use crate::table_rows::KindCounts;
use crate::i18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Hands `contents` to the browser as a file download.
pub fn save(file_name: &str, mime: &str, contents: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    save_url(file_name, &url)?;
    web_sys::Url::revoke_object_url(&url)
}

/// Downloads what `url` (a blob or data URL) holds, as `file_name`.
pub fn save_url(file_name: &str, url: &str) -> Result<(), wasm_bindgen::JsValue> {
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(url);
    link.set_download(file_name);
    link.click();
    Ok(())
}

/// CSV and JSON of what the filters select; the CSV button says how many figures and events
/// the file holds.
#[component]
pub fn DownloadButtons() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let download = move |json: bool| {
        let data = app.data.get_untracked();
        let stem = app.view.with_untracked(|v| file_stem(&v.filter));
        let result = app.selection.with_untracked(|selection| {
            if json {
                let subset = selection_dataset(&data, selection);
                let text = serde_json::to_string_pretty(&subset).map_err(|e| wasm_bindgen::JsValue::from_str(&e.to_string()))?;
                save(&format!("{stem}.json"), "application/json", &text)
            } else {
                save(&format!("{stem}.csv"), "text/csv;charset=utf-8", &records_csv(&data, selection, lang.get_untracked()))
            }
        });
        if let Err(error) = result {
            leptos::logging::error!("download failed: {error:?}");
        }
    };
    view! {
        <span class="downloads" role="group" aria-label=move || i18n::DOWNLOAD.get(lang.get())>
            <button type="button" class="link-button" data-download="csv" data-testid="csv-download" on:click=move |_| download(false)>
                {move || format!("{}{}", i18n::CSV_HOLDS.get(lang.get()), app.selection.with(|s| KindCounts::of(s)).joined(lang.get()))}
            </button>
            <button type="button" class="link-button" data-download="json" on:click=move |_| download(true)>"JSON"</button>
        </span>
    }
}
