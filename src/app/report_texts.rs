//! The report texts in this browser's memory: picked, dropped, or fetched from the folder that
//! `src=` names. They are matched to the dataset on screen in a memo, so another dataset finds
//! its own files among them; the notice names every file that does not fit.

use super::source::{fetch_bytes, LoadError, Origin};
use super::{use_app, AppContext, Shared};
use crate::i18n::{self, Lang};
use crate::open::OpenError;
use crate::source_texts::{match_texts, text_address, texts_open_words, Matched, SuppliedFile, TextProblem, MAX_TEXT_BYTES};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Shared through context: the supplied files and what fits the dataset on screen.
#[derive(Clone, Copy)]
pub struct ReportTexts {
    /// Every file supplied, in order; a later file of a name replaces the earlier.
    files: RwSignal<Shared<Vec<SuppliedFile>>>,
    /// The files matched to the documents of the dataset on screen.
    pub matched: Memo<Shared<Matched>>,
    /// Files still being read or fetched.
    pending: RwSignal<usize>,
    /// The folder and file names fetched last, so that `src=` fetches each file once.
    fetched: StoredValue<Option<(String, Vec<String>)>>,
}

impl ReportTexts {
    fn add(self, file: SuppliedFile) {
        self.files.update(|files| {
            let mut list: Vec<SuppliedFile> = files.iter().filter(|f| f.name != file.name).cloned().collect();
            list.push(file);
            *files = Shared::new(list);
        });
    }

    /// Forgets the files that do not fit, and with them the notice.
    fn drop_unused(self) {
        let unused: Vec<String> = self.matched.with_untracked(|m| m.problems.iter().map(|p| p.file().to_owned()).collect());
        self.files.update(|files| *files = Shared::new(files.iter().filter(|f| !unused.contains(&f.name)).cloned().collect()));
    }

    /// Forgets every text.
    fn clear(self) {
        self.files.set(Shared::new(Vec::new()));
        self.fetched.set_value(None);
    }
}

pub fn use_report_texts() -> ReportTexts {
    expect_context::<ReportTexts>()
}

/// Makes the store of report texts and follows `src=`.
pub fn provide(app: AppContext) {
    let files = RwSignal::new(Shared::new(Vec::new()));
    let matched = Memo::new(move |_| {
        let data = app.data.get();
        files.with(|files| Shared::new(match_texts(&data, files)))
    });
    let texts = ReportTexts { files, matched, pending: RwSignal::new(0), fetched: StoredValue::new(None) };
    provide_context(texts);
    follow_src_parameter(app, texts);
}

/// Whether a file name is that of a report text (rather than a dataset).
pub fn is_report_text(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".txt")
}

/// Fetches each document's file from the folder `src=` names, once per folder and dataset.
fn follow_src_parameter(app: AppContext, texts: ReportTexts) {
    Effect::new(move |_| {
        let Some(folder) = app.view.with(|v| v.src.clone()) else { return };
        // a link with `data=` names the files of that dataset: wait until it is on screen
        let waiting = app.view.with(|v| v.data.is_some()) && app.origin.with(|o| *o == Origin::BuiltIn);
        if waiting || app.loading.with(|l| matches!(l, super::source::Loading::Busy(_))) {
            return;
        }
        let names: Vec<String> = app.data.with(|d| d.documents.iter().map(|doc| doc.source_file.clone()).collect());
        let wanted = Some((folder.clone(), names.clone()));
        if texts.fetched.with_value(|f| *f == wanted) {
            return;
        }
        texts.fetched.set_value(wanted);
        for name in names {
            fetch_text(texts, &folder, name);
        }
    });
}

/// Both languages of a failure, for the notice.
fn unavailable(file: &str, error: &LoadError) -> TextProblem {
    TextProblem::Unavailable { file: file.to_owned(), zh: error.summary(Lang::Zh), en: error.summary(Lang::En) }
}

fn fetch_text(texts: ReportTexts, folder: &str, name: String) {
    let Some(address) = text_address(folder, &name) else {
        let problem = TextProblem::Unavailable { file: name.clone(), zh: i18n::NOT_PLAIN_NAME.zh.to_owned(), en: i18n::NOT_PLAIN_NAME.en.to_owned() };
        texts.add(SuppliedFile { name, content: Err(problem) });
        return;
    };
    texts.pending.update(|n| *n += 1);
    leptos::task::spawn_local(async move {
        let file = match fetch_bytes(&address, MAX_TEXT_BYTES, None).await {
            Ok(bytes) => SuppliedFile::from_bytes(&name, &bytes),
            Err(LoadError::Open(OpenError::TooLarge { bytes, .. })) => {
                SuppliedFile { name: name.clone(), content: Err(TextProblem::TooLarge { file: name, bytes }) }
            }
            Err(error) => SuppliedFile { name: name.clone(), content: Err(unavailable(&name, &error)) },
        };
        texts.add(file);
        texts.pending.update(|n| *n = n.saturating_sub(1));
    });
}

/// Reads local files (picked or dropped) into the store.
pub fn open_files(texts: ReportTexts, files: Vec<web_sys::File>) {
    for file in files {
        let name = file.name();
        let bytes = file.size() as usize;
        if bytes > MAX_TEXT_BYTES {
            texts.add(SuppliedFile { name: name.clone(), content: Err(TextProblem::TooLarge { file: name, bytes }) });
            continue;
        }
        texts.pending.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let supplied = match read {
                Ok(buffer) => SuppliedFile::from_bytes(&name, &js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => SuppliedFile { name: name.clone(), content: Err(unavailable(&name, &LoadError::Unreadable)) },
            };
            texts.add(supplied);
            texts.pending.update(|n| *n = n.saturating_sub(1));
        });
    }
}

/// Under the header: texts still arriving, and every supplied file that does not fit.
#[component]
pub fn ReportTextsNotice() -> impl IntoView {
    let app = use_app();
    let texts = use_report_texts();
    let lang = app.lang();
    let fetching = move || {
        let lang = lang.get();
        (texts.pending.get() > 0).then(|| {
            let folder = app.view.with(|v| v.src.clone()).unwrap_or_default();
            view! {
                <div class="notice" role="status" data-testid="texts-loading">
                    <p>{i18n::FETCHING_TEXTS.get(lang)} <code>{folder}</code></p>
                </div>
            }
        })
    };
    let problems = move || {
        let lang = lang.get();
        let matched = texts.matched.get();
        (!matched.problems.is_empty()).then(|| view! {
            <div class="notice notice-error" role="alert" data-testid="texts-problems">
                <p>{i18n::TEXTS_NOT_USED.get(lang)}</p>
                <ul class="problems">
                    {matched.problems.iter().map(|p| view! {
                        <li data-file=p.file().to_owned()><code>{p.file().to_owned()}</code> ": " {p.message(lang)}</li>
                    }).collect_view()}
                </ul>
                <button type="button" class="notice-dismiss" on:click=move |_| texts.drop_unused()>{i18n::DISMISS.get(lang)}</button>
            </div>
        })
    };
    view! { {fetching} {problems} }
}

/// In the documents view: how many report texts are open, and the ways to open them.
#[component]
pub fn ReportTextsPicker() -> impl IntoView {
    let app = use_app();
    let texts = use_report_texts();
    let lang = app.lang();
    let picked = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(files) = input.as_ref().and_then(|i| i.files()) {
            open_files(texts, (0..files.length()).filter_map(|i| files.get(i)).collect());
        }
        if let Some(input) = input {
            // picking the same files again still reads them
            input.set_value("");
        }
    };
    let status = move || {
        let open = texts.matched.with(|m| m.texts.len());
        let total = app.data.with(|d| d.documents.len());
        if open == 0 { i18n::REPORT_TEXTS_NONE.get(lang.get()).to_owned() } else { texts_open_words(open, total, lang.get()) }
    };
    let forget = move |_| {
        texts.clear();
        app.change(super::HistoryMode::Push, |v| v.src = None);
    };
    view! {
        <section class="texts-picker" data-testid="texts-picker" aria-labelledby="texts-heading">
            <h2 id="texts-heading">{move || i18n::REPORT_TEXTS.get(lang.get())}</h2>
            <p data-testid="texts-status">{status}</p>
            <p class="texts-actions">
                <label class="file-button">
                    {move || i18n::OPEN_REPORT_TEXTS.get(lang.get())}
                    <input type="file" multiple accept=".txt,text/plain" data-testid="texts-file" on:change=picked/>
                </label>
                {move || texts.matched.with(|m| !m.texts.is_empty()).then(|| view! {
                    " " <button type="button" class="link-button" on:click=forget>{i18n::FORGET_TEXTS.get(lang.get())}</button>
                })}
            </p>
            <p class="texts-hint">{move || i18n::REPORT_TEXTS_HINT.get(lang.get())}</p>
        </section>
    }
}
