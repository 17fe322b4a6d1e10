//! The loading notice: written into index.html, so it shows while the module downloads, and
//! replaced by the explorer once the dataset is decoded.

use leptos::prelude::document;

const NOTICE_ID: &str = "loading";
const PROGRESS_ID: &str = "loading-progress";

/// Shows how much of the dataset is decoded, from 0 to 1.
pub fn show_progress(done: f64) {
    if let Some(progress) = document().get_element_by_id(PROGRESS_ID) {
        // a progress bar that cannot be set stays indeterminate: still true
        let _ = progress.set_attribute("value", &format!("{done:.2}"));
    }
}

pub fn remove() {
    if let Some(notice) = document().get_element_by_id(NOTICE_ID) {
        notice.remove();
    }
}
