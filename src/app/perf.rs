//! Performance marks the benchmark reads: when the first full view is on screen, how long the
//! dataset takes to decode and to index, and when a chart has been painted.
//! Cheap enough to leave in every build.

use leptos::prelude::window;

pub const DECODE_START: &str = "ue:decode-start";
pub const DECODE: &str = "ue:decode";
pub const INDEX_START: &str = "ue:index-start";
pub const INDEX: &str = "ue:index";
/// Navigation to the first painted frame that shows the data.
pub const FIRST_VIEW: &str = "ue:first-view";
/// The search text is made (just after the first view): the end of the start's work.
pub const SEARCH_READY: &str = "ue:search-ready";
/// A chart has been painted on the canvas on screen (set once per paint).
pub const CHART_PAINTED: &str = "ue:chart-painted";

pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        // a browser without user timing just has no figures; nothing else depends on them
        let _ = performance.mark(name);
    }
}

/// Milliseconds since navigation; 0 in a browser without a performance clock.
pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |performance| performance.now())
}

/// Measures from the mark `since` to now.
pub fn measure(name: &str, since: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.measure_with_start_mark(name, since);
    }
}

/// Makes the module's linear memory readable by the benchmark (`window.__ueWasmMemory`).
pub fn expose_wasm_memory() {
    let _ = js_sys::Reflect::set(&window(), &"__ueWasmMemory".into(), &wasm_bindgen::memory());
}
