//! The width of the panel the open view is drawn in, kept up to date by a `ResizeObserver`.
//! Its callback comes after the browser has laid out the page, so reading the width there costs
//! nothing; a chart opened by a tab switch is sized from it instead of reading the new page's
//! layout, which would make the browser lay out the whole view in the middle of building it.

use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The panel's content width in CSS pixels, 0 until the observer first reports.
static CONTENT_WIDTH: AtomicU32 = AtomicU32::new(0);

/// Starts following the width of the panel that holds the open view: `#view-panel`, or in an
/// embedded view `#main`. Called once, after the explorer is mounted; without `ResizeObserver`
/// the charts read the layout as before.
pub fn follow() {
    let document = leptos::prelude::document();
    let Some(panel) = document.get_element_by_id("view-panel").or_else(|| document.get_element_by_id("main")) else { return };
    let report = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        if let Some(entry) = entries.iter().last().and_then(|e| e.dyn_into::<web_sys::ResizeObserverEntry>().ok()) {
            // rounded as `clientWidth` is, which the charts compare it with after the frame
            CONTENT_WIDTH.store(entry.content_rect().width().round().max(0.0) as u32, Ordering::Relaxed);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
        observer.observe(&panel);
        // the panel lives as long as the page: so do the observer and its callback
        report.forget();
        std::mem::forget(observer);
    }
}

/// The panel's content width in CSS pixels as last laid out, if known.
pub fn content_width() -> Option<u32> {
    match CONTENT_WIDTH.load(Ordering::Relaxed) {
        0 => None,
        width => Some(width),
    }
}
