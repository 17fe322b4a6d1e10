//! Keeps the view state and the address bar in step, by hand rather than with a router: read
//! `location.search`, write with `history.pushState`, follow Back with `popstate`. Relative
//! URLs keep the build working under any sub-path.

use super::{AppContext, HistoryMode};
use crate::i18n::Lang;
use crate::state::{Ignored, ViewState};
use leptos::prelude::*;

pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

pub fn browser_lang() -> Lang {
    let navigator = window().navigator();
    let preferred: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if preferred.is_empty() {
        Lang::from_browser(navigator.language().as_deref())
    } else {
        Lang::from_browser(preferred.iter().map(String::as_str))
    }
}

pub fn set_document_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        // the page still works without it; nothing to report
        let _ = root.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
    }
}

/// Puts `query` in the address bar, unless it is there already (after Back, for instance).
fn write_address(query: &str, mode: HistoryMode) {
    if query == current_query().trim_start_matches('?') {
        return;
    }
    let target = if query.is_empty() { window().location().pathname().unwrap_or_default() } else { format!("?{query}") };
    if let Ok(history) = window().history() {
        let null = wasm_bindgen::JsValue::NULL;
        // a refused history entry leaves the page as it is; nothing to recover
        let _ = match mode {
            HistoryMode::Push => history.push_state_with_url(&null, "", Some(&target)),
            HistoryMode::Replace => history.replace_state_with_url(&null, "", Some(&target)),
        };
    }
}

/// Every state change that alters the query string updates the address bar: discrete changes
/// add a history entry, typing and zooming replace the current one; Back restores the previous
/// state.
pub fn sync_with_address_bar(app: AppContext) {
    let view = app.view;
    Effect::new(move |_| {
        let query = view.with(ViewState::to_query);
        let mode = app.history_mode.get_value();
        app.history_mode.set_value(HistoryMode::Push);
        // written once the new view is painted: a history entry costs the browser time that the
        // change itself should not wait for
        request_animation_frame(move || set_timeout(move || write_address(&query, mode), std::time::Duration::ZERO));
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        // Back or Forward leaves whatever dataset was on its way; the entry reached asks anew
        super::source::abandon_load(app);
        let query = current_query();
        let (state, ignored) = app.data.with_untracked(|data| ViewState::from_query(&query, data));
        // an entry without `data=`, reached from an outside dataset, names ids of the built-in one
        let (state, ignored) = if state.data.is_none() && super::source::shows_outside_address(app) {
            ViewState::from_query(&query, &app.built_in.get_value())
        } else {
            (state, ignored)
        };
        // the notice describes the entry on screen, not the one left; an entry naming an outside
        // dataset is judged once that dataset is in
        app.ignored.set(if state.data.is_some() { Ignored::default() } else { ignored });
        view.set(state);
    });
    on_cleanup(move || handle.remove());
}
