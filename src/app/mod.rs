//! The browser layer: components that read the shared state and draw it. All logic they need
//! lives in the native-tested core (`state`, `i18n`, `model`).

mod active_filters;
mod backend;
mod charts;
mod documents;
mod downloads;
mod filters;
mod header;
mod image_downloads;
mod loading;
mod map;
mod notice;
mod perf;
mod reading_list;
mod record;
mod report_reader;
mod report_texts;
mod source;
mod source_excerpt;
mod table;
mod tabs;
mod tasks;
mod timeline;
mod url;
mod view_width;

use crate::explore::{select, Index, Selection};
use crate::i18n::{self, Lang};
use crate::model::Dataset;
use crate::state::{Ignored, Tab, ViewState};
use leptos::prelude::*;
use std::ops::Deref;
use std::sync::Arc;

/// Shared, immutable data in a signal; equal only to itself, so memos downstream rerun
/// exactly when a new value is made.
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// How a change of view state enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A discrete change (a filter, a tab): Back undoes it.
    Push,
    /// Typing and zooming: the address bar follows without a history entry each time.
    Replace,
}

/// Shared through context: the one view state, and what derives from it.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// Everything the URL holds; change it with `change`, and `url` keeps the address bar in step.
    pub view: RwSignal<ViewState>,
    /// How the next change of `view` enters the history.
    pub history_mode: StoredValue<HistoryMode>,
    /// The interface language in effect: the URL's, else the browser's.
    lang: Memo<Lang>,
    /// Query parameters that could not be applied, shown until dismissed.
    pub ignored: RwSignal<Ignored>,
    pub data: RwSignal<Shared<Dataset>>,
    /// The dataset this build carries, to return to from an outside one.
    pub built_in: StoredValue<Shared<Dataset>>,
    /// The outside dataset last opened with its index, made in a task of its own before the
    /// dataset is shown (with the first drawing of it, a large one would make a long task).
    pub outside_indexed: StoredValue<Option<Indexed>>,
    /// Where `data` comes from.
    pub origin: RwSignal<source::Origin>,
    /// Opening an outside dataset: in progress, failed, or nothing.
    pub loading: RwSignal<source::Loading>,
    /// The outside dataset load in flight, so that a newer one can abandon it.
    pub loads: StoredValue<source::Loads, LocalStorage>,
    /// How far the outside dataset being opened is decoded, from 0 to 1, once it has arrived.
    pub load_progress: RwSignal<Option<f64>>,
    pub index: Memo<Shared<Index>>,
    /// The records passing the current filters, and the filter panel's counts.
    pub selection: Memo<Shared<Selection>>,
}

impl AppContext {
    /// Applies a change to the view state; `mode` says whether Back should undo it.
    pub fn change(&self, mode: HistoryMode, edit: impl FnOnce(&mut ViewState)) {
        self.history_mode.set_value(mode);
        self.view.update(edit);
    }

    /// The interface language in effect.
    pub fn lang(&self) -> Memo<Lang> {
        self.lang
    }
}

/// The element matching `selector` that an event happened in: lets one listener serve many
/// rows or marks, none of which needs a handler of its own.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    target?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok().flatten()
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

/// Starts the explorer: decodes the embedded dataset, then reads the URL and mounts the page.
pub fn mount() {
    console_error_panic_hook::set_once();
    perf::expose_wasm_memory();
    perf::mark(perf::DECODE_START);
    match crate::embedded::Decoder::new() {
        // in a task of its own: starting the module is a long task already
        Ok(decoder) => set_timeout(move || decode_in_tasks(decoder), std::time::Duration::ZERO),
        Err(message) => show(Err(message)),
    }
}

/// Records decoded, or given their search text, in one step of a task.
const RECORDS_PER_STEP: usize = 250;

/// Decodes the dataset in tasks, showing how far it got, and then shows the explorer.
fn decode_in_tasks(decoder: crate::embedded::Decoder) {
    let mut decoder = Some(decoder);
    let step = move || {
        let decoding = decoder.as_mut()?;
        match decoding.step(RECORDS_PER_STEP) {
            Err(message) => Some(Err(message)),
            Ok(false) => {
                loading::show_progress(decoding.progress());
                None
            }
            Ok(true) => decoder.take().map(|d| Ok(d.finish())),
        }
    };
    tasks::run_in_tasks(step, |decoded| {
        perf::measure(perf::DECODE, perf::DECODE_START);
        // indexing and drawing the explorer each get a task of their own
        set_timeout(move || show(decoded), std::time::Duration::ZERO);
    });
}

/// Indexes the built-in dataset, then replaces the loading notice with the explorer; a dataset
/// that could not be decoded shows as an error over an empty explorer.
fn show(decoded: Result<Dataset, String>) {
    let (data, data_error) = match decoded {
        Ok(data) => (data, None),
        Err(message) => (Dataset::empty(), Some(message)),
    };
    let data = Indexed::new(data);
    set_timeout(
        move || {
            loading::remove();
            leptos::mount::mount_to_body(move || view! { <App data data_error/> });
            view_width::follow();
            // after the frame that shows the first full view has been painted
            request_animation_frame(|| set_timeout(|| perf::mark(perf::FIRST_VIEW), std::time::Duration::ZERO));
        },
        std::time::Duration::ZERO,
    );
}

/// A dataset with its index, made together so they always belong together.
#[derive(Clone)]
pub struct Indexed {
    data: Shared<Dataset>,
    index: Shared<Index>,
}

impl Indexed {
    fn new(data: Dataset) -> Self {
        perf::mark(perf::INDEX_START);
        let index = Shared::new(Index::new(&data));
        perf::measure(perf::INDEX, perf::INDEX_START);
        Indexed { data: Shared::new(data), index }
    }
}

/// The whole page: header, notices, the tab bar and the open view.
#[component]
pub fn App(
    /// The built-in dataset, decoded and indexed.
    data: Indexed,
    /// Why the built-in dataset could not be decoded (then `data` is empty).
    data_error: Option<String>,
) -> impl IntoView {
    let Indexed { data, index: built_in_index } = data;
    let (initial, ignored) = ViewState::from_query(&url::current_query(), &data);
    // a link to an outside dataset names ids of that dataset: judged once it is in
    let ignored = if initial.data.is_some() { Ignored::default() } else { ignored };
    let embed = initial.embed;
    let view = RwSignal::new(initial);
    let built_in = data;
    let data = RwSignal::new(built_in.clone());
    let outside_indexed = StoredValue::new(None::<Indexed>);
    let index = {
        let built_in = built_in.clone();
        // the built-in dataset keeps its index: coming back to it from another costs nothing
        Memo::new(move |_| {
            let data = data.get();
            if data == built_in {
                return built_in_index.clone();
            }
            let made = outside_indexed.with_value(|made: &Option<Indexed>| made.as_ref().filter(|m| m.data == data).map(|m| m.index.clone()));
            made.unwrap_or_else(|| Shared::new(Index::new(&data)))
        })
    };
    // only the filters change the selection: a new tab, language or open record does not
    let filter = Memo::new(move |_| view.with(|v| v.filter.clone()));
    let selection = Memo::new(move |_| {
        let data = data.get();
        let index = index.get();
        filter.with(|f| Shared::new(select(&data, &index, f)))
    });
    let context = AppContext {
        view,
        // the first write only tidies the address (ignored parameters dropped): no new entry
        history_mode: StoredValue::new(HistoryMode::Replace),
        lang: {
            let browser_lang = url::browser_lang();
            Memo::new(move |_| view.with(|v| v.lang.unwrap_or(browser_lang)))
        },
        ignored: RwSignal::new(ignored),
        data,
        built_in: StoredValue::new(built_in),
        outside_indexed,
        origin: RwSignal::new(source::Origin::BuiltIn),
        loading: RwSignal::new(source::Loading::Idle),
        loads: StoredValue::new_local(source::Loads::default()),
        load_progress: RwSignal::new(None),
        index,
        selection,
    };
    provide_context(context);
    url::sync_with_address_bar(context);
    source::follow_data_parameter(context);
    report_texts::provide(context);
    source::accept_dropped_files(context);
    let lang = context.lang();
    Effect::new(move |_| url::set_document_lang(lang.get()));
    // the search text is not needed for the first view: made just after it, before anyone types
    // (a search that comes sooner makes the rest itself)
    request_animation_frame(move || {
        let index = index.get_untracked();
        let data = context.data.get_untracked();
        let step = move || index.prepare_search(&data, RECORDS_PER_STEP).then_some(());
        set_timeout(move || tasks::run_in_tasks(step, |()| perf::mark(perf::SEARCH_READY)), std::time::Duration::ZERO)
    });

    if embed {
        return view! {
            <notice::IgnoredParamsNotice/>
            <source::SourceBanner/>
            <main id="main" class="view embedded">
                <CurrentView/>
                <FullExplorerLink/>
            </main>
            <record::RecordView/>
        }
        .into_any();
    }
    view! {
        <header::Header/>
        <notice::IgnoredParamsNotice/>
        {data_error.map(|message| view! {
            <p class="notice notice-error" role="alert">{move || i18n::DATA_ERROR.get(lang.get())} " " {message}</p>
        })}
        <source::SourceBanner/>
        <tabs::TabBar/>
        <div class="layout">
            <filters::FilterPanel/>
            <main id="main" class="view">
                <active_filters::ActiveFilters/>
                <div role="tabpanel" id="view-panel" aria-labelledby=move || format!("tab-{}", view.with(|v| v.tab).code())>
                    <CurrentView/>
                </div>
            </main>
        </div>
        <record::RecordView/>
    }
    .into_any()
}

/// In an embedded view: the same view, opened in the full explorer.
#[component]
fn FullExplorerLink() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let href = move || {
        let query = app.view.with(|v| ViewState { embed: false, ..v.clone() }.to_query());
        let path = window().location().pathname().unwrap_or_default();
        if query.is_empty() { path } else { format!("{path}?{query}") }
    };
    view! {
        <p class="embed-footer">
            <a href=href target="_blank" rel="noopener" data-testid="full-explorer">{move || i18n::OPEN_FULL_EXPLORER.get(lang.get())}</a>
        </p>
    }
}

/// The open tab's view.
#[component]
fn CurrentView() -> impl IntoView {
    let app = use_app();
    let tab = Memo::new(move |_| app.view.with(|v| v.tab));
    move || match tab.get() {
        Tab::Timeline => view! { <timeline::TimelineView/> }.into_any(),
        Tab::Charts => view! { <charts::ChartsView/> }.into_any(),
        Tab::Map => view! { <map::MapView/> }.into_any(),
        Tab::Table => view! { <table::TableView/> }.into_any(),
        Tab::Documents => view! { <documents::DocumentsView/> }.into_any(),
    }
}
