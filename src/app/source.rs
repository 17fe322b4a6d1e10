//! Other datasets: opened from an address (the `data=` parameter or the field in the reports
//! view) or from a local file (picker or drag and drop), checked by the same rules as the
//! built-in one. The banner names where the data on screen comes from; a failure is explained
//! and the explorer carries on with what it had.

use super::{use_app, AppContext, HistoryMode, Indexed, Shared};
use crate::i18n::{self, Lang, Text};
use crate::model::Dataset;
use crate::open::{OpenError, Opening, MAX_DATASET_BYTES};
use crate::state::{dataset_address_problem, AddressProblem, Ignored, ViewState};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long a request may go without anything arriving: until its answer begins, or between
/// two parts of its body.
const FETCH_TIMEOUT: Duration = Duration::from_secs(15);

/// Where the dataset on screen comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    BuiltIn,
    /// As written in the link or the field.
    Address(String),
    /// A local file, by name; it cannot travel in a link.
    File(String),
}

/// Why an outside dataset is not on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Refused before any response: offline, no such host, or the server does not allow
    /// other sites to read it (CORS).
    Unreachable,
    /// The address answers with a redirect the browser would not follow to the end: a loop,
    /// too many hops, or a hop to a site that does not let others read it.
    Redirected,
    TimedOut,
    Http { status: u16, status_text: String },
    /// The file could not be read from disk.
    Unreadable,
    /// The answer began but broke off before the whole file arrived.
    CutShort,
    /// Another load started meanwhile: nothing to report.
    Abandoned,
    /// More than `limit` bytes arrived (after decompression), whatever the headers said: the
    /// read was abandoned there.
    TooLargeWhileReading { limit: usize },
    Open(OpenError),
}

/// What opening an outside dataset is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum Loading {
    Idle,
    Busy(String),
    Failed { source: String, error: LoadError },
}

const UNREACHABLE: Text = Text {
    zh: "无法获取：网络不通、地址不存在，或该服务器不允许其他网站读取（CORS）。",
    en: "Could not fetch it: the network is down, the host does not exist, or the server does not let other sites read it (CORS).",
};
const REDIRECTED: Text = Text {
    zh: "无法获取：该地址把请求转到别处，而浏览器无法跟随到底（循环转址、转址次数过多，或转到不允许其他网站读取的服务器）。",
    en: "Could not fetch it: the address redirects, and the browser could not follow it to the end (a redirect loop, too many redirects, or a redirect to a server that does not let other sites read it).",
};
const TIMED_OUT: Text = Text { zh: "超时：15 秒内没有收到任何数据。", en: "Timed out: nothing of the dataset arrived for 15 seconds." };
const UNREADABLE: Text = Text { zh: "无法读取该文件。", en: "The file could not be read." };
const DECODING: Text = Text { zh: "正在读取数据集", en: "Reading the dataset" };
const CUT_SHORT: Text = Text {
    zh: "传输中断：服务器开始发送后，文件未完整送达。",
    en: "The answer broke off: the server began sending the file but it did not arrive whole.",
};
const LOADING: Text = Text { zh: "正在载入数据集：", en: "Loading the dataset from " };
const LOADING_AFTER: Text = Text { zh: "（载入完成前显示内置数据）", en: " (the built-in dataset is shown until it arrives)" };
const NOT_OPENED: Text = Text { zh: "未能打开数据集 ", en: "Could not open the dataset " };
const KEPT: Text = Text { zh: "仍显示原有数据。", en: "The data shown before is still shown." };
const OUTSIDE: Text = Text {
    zh: "外部数据集，并非本站的福建工会报告数据。来源：",
    en: "An outside dataset, not this site's Fujian union reports. It comes from ",
};
const LOCAL_FILE: Text = Text {
    zh: "本地文件，仅在此浏览器中打开，链接中不包含：",
    en: "A local file, open in this browser only (links do not carry it): ",
};
const USE_BUILT_IN: Text = Text { zh: "改用内置数据", en: "Use the built-in dataset" };
const DATASET: Text = Text { zh: "数据集", en: "Dataset" };
const BUILT_IN: Text = Text { zh: "内置的福建工会工作报告", en: "the built-in Fujian union work reports" };
const ADDRESS: Text = Text { zh: "数据集地址（导出格式的 JSON）", en: "Dataset address (JSON in the export schema)" };
const OPEN: Text = Text { zh: "打开", en: "Open" };
const OPEN_FILE: Text = Text { zh: "打开本地文件…", en: "Open a local file…" };
const DROP_HINT: Text = Text { zh: "也可将 JSON 文件拖放到页面上。", en: "Or drop a JSON file anywhere on the page." };
const BAD_ADDRESS: Text = Text { zh: "地址须以 http:// 或 https:// 开头，或为相对路径。", en: "The address must start with http:// or https://, or be a relative path." };

impl LoadError {
    pub(super) fn summary(&self, lang: Lang) -> String {
        match self {
            LoadError::Unreachable => UNREACHABLE.get(lang).to_owned(),
            LoadError::Redirected => REDIRECTED.get(lang).to_owned(),
            LoadError::TimedOut => TIMED_OUT.get(lang).to_owned(),
            LoadError::Http { status, status_text } => match lang {
                Lang::Zh => format!("服务器返回 HTTP {status} {status_text}。"),
                Lang::En => format!("The server answered HTTP {status} {status_text}."),
            },
            LoadError::Unreadable => UNREADABLE.get(lang).to_owned(),
            LoadError::CutShort => CUT_SHORT.get(lang).to_owned(),
            LoadError::Abandoned => String::new(),
            LoadError::TooLargeWhileReading { limit } => match lang {
                Lang::Zh => format!("文件超过 {}（解压后），已停止读取。请选择较小的文件。", crate::open::megabytes(*limit)),
                Lang::En => format!("The file is larger than {} (once decompressed): reading stopped there. Choose a smaller file.", crate::open::megabytes(*limit)),
            },
            LoadError::Open(error) => error.summary(lang),
        }
    }
}

/// The host an address points to (its own text when it cannot be resolved).
fn host_of(address: &str) -> String {
    let base = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(address, &base).map_or_else(|_| address.to_owned(), |url| url.host())
}

/// The dataset load in flight, if any. Each load has an identity: starting another, Back or
/// Forward, or going back to the built-in data abandons it (its request is aborted), and
/// whatever it still delivers (data, error or timeout) is dropped.
#[derive(Default)]
pub struct Loads {
    last_id: u64,
    current: Option<(u64, Option<web_sys::AbortController>)>,
}

impl Loads {
    /// Whether load `id` is the one in flight.
    fn is_current(&self, id: u64) -> bool {
        self.current.as_ref().is_some_and(|(current, _)| *current == id)
    }
}

/// Abandons the load in flight, if any, and starts a new one showing `source` as loading:
/// its identity, and the controller that aborts its request.
fn begin_load(app: AppContext, source: String) -> (u64, Option<web_sys::AbortController>) {
    abandon_load(app);
    let controller = web_sys::AbortController::new().ok();
    let id = app.loads.try_update_value(|loads| {
        loads.last_id += 1;
        loads.current = Some((loads.last_id, controller.clone()));
        loads.last_id
    });
    app.loading.set(Loading::Busy(source));
    app.load_progress.set(None);
    (id.unwrap_or_default(), controller)
}

/// Stops the load in flight, if any: its request is aborted and its answer will be dropped.
pub fn abandon_load(app: AppContext) {
    let abandoned = app.loads.try_update_value(|loads| loads.current.take()).flatten();
    if let Some((_, controller)) = abandoned {
        if let Some(controller) = controller {
            controller.abort();
        }
        app.loading.set(Loading::Idle);
    }
}

/// Whether load `id` is still the one wanted; if so it ends now, and its answer may be shown.
fn finish_load(app: AppContext, id: u64) -> bool {
    app.loads
        .try_update_value(|loads| {
            let current = loads.is_current(id);
            if current {
                loads.current = None;
            }
            current
        })
        .unwrap_or(false)
}

/// Fetches the file at `address`, refusing more than `limit` bytes and giving up once nothing
/// has arrived for `FETCH_TIMEOUT`; `controller`, when given, aborts it from outside (another
/// load started).
pub(super) async fn fetch_bytes(address: &str, limit: usize, controller: Option<web_sys::AbortController>) -> Result<Vec<u8>, LoadError> {
    let controller = match controller {
        Some(controller) => controller,
        None => web_sys::AbortController::new().map_err(|_| LoadError::Unreachable)?,
    };
    let signal = controller.signal();
    let mut watchdog = Watchdog::new(controller);
    async {
        let response = match gloo_net::http::Request::get(address).abort_signal(Some(&signal)).send().await {
            Ok(response) => response,
            Err(_) if watchdog.fired() => return Err(LoadError::TimedOut),
            Err(_) => return Err(why_unreachable(address, &signal).await),
        };
        if !response.ok() {
            return Err(LoadError::Http { status: response.status(), status_text: response.status_text() });
        }
        // refuse a file announced as too large before downloading it
        if let Some(bytes) = response.headers().get("content-length").and_then(|n| n.parse::<usize>().ok()) {
            if bytes > limit {
                return Err(LoadError::Open(OpenError::TooLarge { bytes, limit }));
            }
        }
        watchdog.rearm();
        read_body(&response, limit, &mut watchdog).await
    }
    .await
}

/// Why a fetch the browser refused failed, where the browser lets a page tell: asked again
/// without following redirects, an address that redirects shows it (the browser says no more
/// of a CORS refusal or a network that is down).
async fn why_unreachable(address: &str, signal: &web_sys::AbortSignal) -> LoadError {
    let probe = gloo_net::http::Request::get(address).redirect(web_sys::RequestRedirect::Manual).abort_signal(Some(signal)).send().await;
    match probe {
        Ok(response) if response.type_() == web_sys::ResponseType::Opaqueredirect => LoadError::Redirected,
        _ => LoadError::Unreachable,
    }
}

/// Aborts a request once nothing has arrived for `FETCH_TIMEOUT`: a large file on a slow line
/// goes on while it moves, and one that stalls is given up.
struct Watchdog {
    controller: web_sys::AbortController,
    fired: std::rc::Rc<std::cell::Cell<bool>>,
    timer: Option<TimeoutHandle>,
}

impl Watchdog {
    fn new(controller: web_sys::AbortController) -> Self {
        let mut watchdog = Watchdog { controller, fired: Default::default(), timer: None };
        watchdog.rearm();
        watchdog
    }

    /// Something arrived: the wait starts again.
    fn rearm(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        let (fired, controller) = (self.fired.clone(), self.controller.clone());
        let abort = move || {
            fired.set(true);
            controller.abort();
        };
        self.timer = set_timeout_with_handle(abort, FETCH_TIMEOUT).ok();
    }

    /// Whether it aborted the request.
    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}

/// Reads a response body as a stream, counting what arrives (decompressed, whatever the headers
/// claim) and abandoning the read past `limit`. The chunks wait in the JavaScript
/// heap and are copied into the module's memory once, whole and within the limit, so an
/// abandoned read leaves nothing behind there.
async fn read_body(response: &gloo_net::http::Response, limit: usize, watchdog: &mut Watchdog) -> Result<Vec<u8>, LoadError> {
    use wasm_bindgen_futures::JsFuture;
    let Some(stream) = response.body() else { return Ok(Vec::new()) };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let chunks = js_sys::Array::new();
    let mut bytes = 0_usize;
    // chunks already there resolve one after another without a new task: the page gets its
    // turn a share of time at a time
    let mut started_ms = super::perf::now_ms();
    loop {
        let result = JsFuture::from(reader.read()).await.map_err(|_| if watchdog.fired() { LoadError::TimedOut } else { LoadError::CutShort })?;
        let result: web_sys::ReadableStreamReadResult = result.unchecked_into();
        if result.get_done().unwrap_or(true) {
            break;
        }
        let chunk: js_sys::Uint8Array = result.get_value().unchecked_into();
        bytes += chunk.length() as usize;
        if bytes > limit {
            // the rest is not wanted; a refused cancel changes nothing
            let _ = reader.cancel();
            return Err(LoadError::TooLargeWhileReading { limit });
        }
        chunks.push(&chunk);
        watchdog.rearm();
        if super::tasks::task_is_over(started_ms) {
            super::tasks::next_task().await;
            started_ms = super::perf::now_ms();
        }
    }
    // copied a share of time at a time: 30 MB at once would hold the page
    let mut body = vec![0_u8; bytes];
    let mut at = 0;
    for chunk in chunks.iter() {
        let chunk: js_sys::Uint8Array = chunk.unchecked_into();
        let end = at + chunk.length() as usize;
        chunk.copy_to(&mut body[at..end]);
        at = end;
        if super::tasks::task_is_over(started_ms) {
            super::tasks::next_task().await;
            started_ms = super::perf::now_ms();
        }
    }
    Ok(body)
}

/// Fetches and opens the dataset at `address`, as load `id`.
async fn fetch_dataset(app: AppContext, id: u64, address: &str, controller: Option<web_sys::AbortController>) -> Result<Dataset, LoadError> {
    let body = fetch_bytes(address, MAX_DATASET_BYTES, controller).await?;
    open_in_slices(app, id, body).await
}

/// Records decoded in one step of opening a dataset.
const RECORDS_PER_STEP: usize = 250;

/// Decodes and checks a dataset a slice at a time, moving the loading banner's progress bar
/// between slices; stops early, with nothing to show, once load `id` is abandoned.
async fn open_in_slices(app: AppContext, id: u64, bytes: Vec<u8>) -> Result<Dataset, LoadError> {
    // reading and checking take about as long as each other
    const READ_SHARE: f64 = 0.5;
    // in a task of its own: the one that fetched or read the bytes has had its share
    super::tasks::next_task().await;
    let mut turns = Turns { app, id, started_ms: super::perf::now_ms() };
    let mut opening = Opening::new(bytes).map_err(LoadError::Open)?;
    while !opening.step(RECORDS_PER_STEP).map_err(LoadError::Open)? {
        turns.between_slices(opening.progress() * READ_SHARE).await?;
    }
    let mut checking = opening.into_checking().map_err(LoadError::Open)?;
    while !checking.step(RECORDS_PER_STEP) {
        turns.between_slices(READ_SHARE + checking.progress() * (1.0 - READ_SHARE)).await?;
    }
    app.load_progress.set(Some(1.0));
    checking.finish().map_err(LoadError::Open)
}

/// Gives the page its turn once a task has worked its share of time, showing how far load `id`
/// has got.
struct Turns {
    app: AppContext,
    id: u64,
    started_ms: f64,
}

impl Turns {
    /// Between two slices of work: yields if the task is over; `Abandoned` once the load is.
    async fn between_slices(&mut self, progress: f64) -> Result<(), LoadError> {
        if super::tasks::task_is_over(self.started_ms) {
            self.app.load_progress.set(Some(progress));
            super::tasks::next_task().await;
            if !is_current_load(self.app, self.id) {
                return Err(LoadError::Abandoned);
            }
            self.started_ms = super::perf::now_ms();
        }
        Ok(())
    }
}

/// Whether load `id` is the one in flight.
fn is_current_load(app: AppContext, id: u64) -> bool {
    app.loads.with_value(|loads| loads.is_current(id))
}

/// Reads and opens a local file.
async fn read_file(app: AppContext, id: u64, file: &web_sys::File) -> Result<Dataset, LoadError> {
    let bytes = file.size() as usize;
    if bytes > MAX_DATASET_BYTES {
        return Err(LoadError::Open(OpenError::TooLarge { bytes, limit: MAX_DATASET_BYTES }));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|_| LoadError::Unreadable)?;
    open_in_slices(app, id, js_sys::Uint8Array::new(&buffer).to_vec()).await
}

/// The address of the dataset on screen, if it came from one.
fn shown_address(app: AppContext) -> Option<String> {
    app.origin.with_untracked(|o| match o {
        Origin::Address(a) => Some(a.clone()),
        _ => None,
    })
}

/// Whether the dataset on screen came from an address (rather than being built in or a file).
pub fn shows_outside_address(app: AppContext) -> bool {
    shown_address(app).is_some()
}

/// A fresh view of another dataset: its ids differ, so filters, zoom, record and reader start
/// over; the tab, language, embedding and the folder of the report texts stay.
fn fresh_view(current: &ViewState, data: Option<String>) -> ViewState {
    ViewState { tab: current.tab, lang: current.lang, embed: current.embed, data, src: current.src.clone(), ..ViewState::default() }
}

/// Opens `address` as the dataset on screen. With `link_query`, the rest of that link is
/// applied to the new data once it is in (its ids mean nothing to the data shown before).
pub fn open_address(app: AppContext, address: String, link_query: Option<String>) {
    let (id, controller) = begin_load(app, address.clone());
    leptos::task::spawn_local(async move {
        let result = indexed(fetch_dataset(app, id, &address, controller).await).await;
        if !finish_load(app, id) {
            return;
        }
        match result {
            Ok(indexed) => {
                let (state, ignored) = match &link_query {
                    Some(query) => ViewState::from_query(query, &indexed.data),
                    None => (app.view.with_untracked(|v| fresh_view(v, Some(address.clone()))), Ignored::default()),
                };
                show_outside(app, indexed, Origin::Address(address));
                app.loading.set(Loading::Idle);
                app.ignored.set(ignored);
                app.change(HistoryMode::Replace, |v| *v = state);
            }
            Err(error) => {
                app.loading.set(Loading::Failed { source: address, error });
                // the link goes back to naming the data still on screen
                let shown = shown_address(app);
                app.change(HistoryMode::Replace, |v| v.data = shown);
            }
        }
    });
}

/// Opens a local file as the dataset on screen.
fn open_file(app: AppContext, file: web_sys::File) {
    let name = file.name();
    let (id, _) = begin_load(app, name.clone());
    leptos::task::spawn_local(async move {
        let result = indexed(read_file(app, id, &file).await).await;
        if !finish_load(app, id) {
            return;
        }
        match result {
            Ok(indexed) => {
                show_outside(app, indexed, Origin::File(name));
                app.loading.set(Loading::Idle);
                app.change(HistoryMode::Push, |v| *v = fresh_view(v, None));
            }
            Err(error) => app.loading.set(Loading::Failed { source: name, error }),
        }
    });
}

/// Puts an outside dataset, with its index made ahead, on screen.
fn show_outside(app: AppContext, indexed: Indexed, origin: Origin) {
    let data = indexed.data.clone();
    app.outside_indexed.set_value(Some(indexed));
    show(app, data, origin);
}

/// Indexes a dataset just opened, in a task of its own between the last slice of checking it
/// and the first drawing of it.
async fn indexed(result: Result<Dataset, LoadError>) -> Result<Indexed, LoadError> {
    let data = result?;
    super::tasks::next_task().await;
    let indexed = Indexed::new(data);
    super::tasks::next_task().await;
    Ok(indexed)
}

/// Puts `data` on screen, remembering where it came from.
fn show(app: AppContext, data: Shared<Dataset>, origin: Origin) {
    if origin == Origin::BuiltIn {
        // nothing holds on to the outside dataset left
        app.outside_indexed.set_value(None);
    }
    app.data.set(data);
    app.origin.set(origin);
}

/// Back to the dataset this build carries.
fn use_built_in(app: AppContext) {
    abandon_load(app);
    show(app, app.built_in.get_value(), Origin::BuiltIn);
    app.loading.set(Loading::Idle);
    app.change(HistoryMode::Push, |v| *v = fresh_view(v, None));
}

/// Follows the `data=` parameter when Back or Forward changes it.
pub fn follow_data_parameter(app: AppContext) {
    Effect::new(move |_| {
        let wanted = app.view.with(|v| v.data.clone());
        let shown = shown_address(app);
        let busy = app.loading.with_untracked(|l| matches!(l, Loading::Busy(_)));
        match wanted {
            Some(address) if shown.as_ref() != Some(&address) && !busy => open_address(app, address, Some(super::url::current_query())),
            None if shown.is_some() => {
                show(app, app.built_in.get_value(), Origin::BuiltIn);
            }
            _ => {}
        }
    });
}

/// Drop a JSON file anywhere on the page to open it as the dataset, or report texts (`.txt`)
/// to read them beside it.
pub fn accept_dropped_files(app: AppContext) {
    let texts = super::report_texts::use_report_texts();
    // only drags that carry files: text dropped into the search box still lands there
    let carries_files = |ev: &web_sys::DragEvent| ev.data_transfer().is_some_and(|t| t.types().includes(&"Files".into(), 0));
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        let Some(files) = ev.data_transfer().and_then(|t| t.files()) else { return };
        let (report_texts, others): (Vec<web_sys::File>, Vec<web_sys::File>) =
            (0..files.length()).filter_map(|i| files.get(i)).partition(|f| super::report_texts::is_report_text(&f.name()));
        if !report_texts.is_empty() {
            super::report_texts::open_files(texts, report_texts);
        }
        if let Some(file) = others.into_iter().next() {
            open_file(app, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

/// Under the header: where the data comes from when it is not the built-in dataset, loading
/// progress, and why an outside dataset could not be opened.
#[component]
pub fn SourceBanner() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let origin = move || {
        let lang = lang.get();
        match app.origin.get() {
            Origin::BuiltIn => None,
            Origin::Address(address) => Some(view! {
                <div class="notice notice-origin" role="status" data-testid="origin-banner">
                    <p>{OUTSIDE.get(lang)} <strong>{host_of(&address)}</strong> " (" <code>{address}</code> ")"</p>
                    <button type="button" class="notice-dismiss" on:click=move |_| use_built_in(app)>{USE_BUILT_IN.get(lang)}</button>
                </div>
            }.into_any()),
            Origin::File(name) => Some(view! {
                <div class="notice notice-origin" role="status" data-testid="origin-banner">
                    <p>{LOCAL_FILE.get(lang)} <strong>{name}</strong></p>
                    <button type="button" class="notice-dismiss" on:click=move |_| use_built_in(app)>{USE_BUILT_IN.get(lang)}</button>
                </div>
            }.into_any()),
        }
    };
    let loading = move || {
        let lang = lang.get();
        match app.loading.get() {
            Loading::Idle => None,
            Loading::Busy(source) => Some(view! {
                <div class="notice" role="status" data-testid="loading-banner">
                    <p>{LOADING.get(lang)} <strong>{host_of(&source)}</strong> {LOADING_AFTER.get(lang)}</p>
                    // decoding a large file: how far it has got
                    {move || app.load_progress.get().map(|done| view! {
                        <progress max="1" value=done.to_string() aria-label=DECODING.get(lang)></progress>
                    })}
                </div>
            }.into_any()),
            Loading::Failed { source, error } => {
                let details = match &error {
                    LoadError::Open(open) => open.details(),
                    _ => Vec::new(),
                };
                Some(view! {
                    <div class="notice notice-error" role="alert" data-testid="load-error">
                        <p>{NOT_OPENED.get(lang)} <code>{source}</code> ": " {error.summary(lang)} " " {KEPT.get(lang)}</p>
                        {(!details.is_empty()).then(|| view! {
                            <ul class="problems">{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                        })}
                        <button type="button" class="notice-dismiss" on:click=move |_| app.loading.set(Loading::Idle)>
                            {i18n::DISMISS.get(lang)}
                        </button>
                    </div>
                }.into_any())
            }
        }
    };
    view! { {origin} {loading} <super::report_texts::ReportTextsNotice/> }
}

/// In the reports view: which dataset is shown, and the ways to open another.
#[component]
pub fn DatasetPicker() -> impl IntoView {
    let app = use_app();
    let lang = app.lang();
    let address = RwSignal::new(String::new());
    // why the address typed was refused, if it was
    let invalid = RwSignal::new(None::<AddressProblem>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = address.get_untracked().trim().to_owned();
        invalid.set(dataset_address_problem(&text));
        if invalid.get_untracked().is_some() {
            return;
        }
        // the link now names the new data; its ids start over
        app.change(HistoryMode::Push, |v| *v = fresh_view(v, Some(text.clone())));
        open_address(app, text, None);
    };
    let picked = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|files| files.get(0)) {
            open_file(app, file);
        }
        if let Some(input) = input {
            // picking the same file again still opens it
            input.set_value("");
        }
    };
    let current = move || match app.origin.get() {
        Origin::BuiltIn => BUILT_IN.get(lang.get()).to_owned(),
        Origin::Address(a) => a,
        Origin::File(name) => name,
    };
    view! {
        <section class="dataset-picker" data-testid="dataset-picker" aria-labelledby="dataset-heading">
            <h2 id="dataset-heading">{move || DATASET.get(lang.get())} ": " <span data-testid="dataset-current">{current}</span></h2>
            <form class="dataset-address" on:submit=submit>
                <label for="dataset-address">{move || ADDRESS.get(lang.get())}</label>
                <div class="dataset-row">
                    <input id="dataset-address" name="data" type="text" inputmode="url" autocomplete="url" spellcheck="false"
                        placeholder="https://…/dataset.json" prop:value=move || address.get()
                        aria-invalid=move || invalid.get().is_some().to_string()
                        on:input=move |ev| address.set(event_target_value(&ev))/>
                    <button type="submit">{move || OPEN.get(lang.get())}</button>
                </div>
                {move || invalid.get().map(|problem| {
                    // an unknown scheme gets the general advice; the others say what is wrong
                    let text = if problem == AddressProblem::NotHttp { BAD_ADDRESS } else { problem.text() };
                    view! { <p class="field-error" role="alert">{move || text.get(lang.get())}</p> }
                })}
            </form>
            <p class="dataset-file">
                <label class="file-button">
                    {move || OPEN_FILE.get(lang.get())}
                    <input type="file" accept=".json,application/json" data-testid="dataset-file" on:change=picked/>
                </label>
                " " {move || DROP_HINT.get(lang.get())}
            </p>
            {move || (app.origin.get() != Origin::BuiltIn).then(|| view! {
                <button type="button" class="link-button" on:click=move |_| use_built_in(app)>{USE_BUILT_IN.get(lang.get())}</button>
            })}
        </section>
    }
}
