//! The documents view: the five reports as cards; a card filters the explorer to its report,
//! and, when its text is open, opens it in the reader (`read=`).

use super::{use_app, HistoryMode};
use crate::explore::period_label;
use crate::i18n;
use crate::model::Certainty;
use crate::state::Tab;
use leptos::prelude::*;

/// One card per report, with what it gives the dataset.
#[component]
pub fn DocumentsView() -> impl IntoView {
    let app = use_app();
    let texts = super::report_texts::use_report_texts();
    let lang = app.lang();
    let reading = Memo::new(move |_| app.view.with(|v| v.read.clone()));
    let cards = move || {
        let data = app.data.get();
        let matched = texts.matched.get();
        let lang = lang.get();
        data.documents
            .iter()
            .map(|doc| {
                let facts = data.facts.iter().filter(|f| f.doc == doc.id).count();
                let events = data.events.iter().filter(|e| e.doc == doc.id).count();
                let region = data.region(&doc.region).map_or(doc.region.clone(), |r| r.name(lang).to_owned());
                let published = match doc.published_certainty {
                    Certainty::Stated => doc.published.to_string(),
                    Certainty::Inferred => format!("{} ({})", doc.published, i18n::INFERRED.get(lang)),
                };
                let id = doc.id.clone();
                let read_id = doc.id.clone();
                let has_text = matched.texts.contains_key(&doc.id);
                let time_notes = if lang == i18n::Lang::Zh { doc.time_notes_zh.clone() } else { doc.time_notes_en.clone() };
                view! {
                    <article class="doc-card" data-doc=doc.id.clone()>
                        <h3>{doc.title(lang).to_owned()}</h3>
                        {(lang == i18n::Lang::En).then(|| view! { <p class="doc-original" lang="zh-CN">{doc.title_zh.clone()}</p> })}
                        <dl class="doc-meta">
                            <dt>{i18n::SOURCE.get(lang)}</dt><dd>{doc.outlet(lang).to_owned()} " "<code>{doc.source_file.clone()}</code></dd>
                            <dt>{i18n::PUBLISHED.get(lang)}</dt><dd>{published}</dd>
                            <dt>{i18n::COVERS.get(lang)}</dt><dd>{period_label(&doc.period_start, &doc.period_end)} " · " {region}</dd>
                        </dl>
                        <p class="doc-summary">{doc.summary(lang).to_owned()}</p>
                        {(!time_notes.is_empty()).then(|| view! {
                            <details><summary>{i18n::TIME_NOTES.get(lang)}</summary><p>{time_notes}</p></details>
                        })}
                        <p class="doc-counts">
                            <strong>{facts}</strong> " " {i18n::FIGURE_NOUN.word_for(facts, lang)} " · "
                            <strong>{events}</strong> " " {i18n::EVENT_NOUN.word_for(events, lang)}
                        </p>
                        <button type="button" class="primary" on:click=move |_| app.change(HistoryMode::Push, |v| {
                            v.filter.docs = std::iter::once(id.clone()).collect();
                            v.tab = Tab::Table;
                        })>
                            {i18n::SHOW_RECORDS.get(lang)}
                        </button>
                        {has_text.then(|| view! {
                            <button type="button" data-testid="read-report" on:click=move |_| app.change(HistoryMode::Push, |v| {
                                v.read = Some(read_id.clone());
                                v.line = None;
                            })>
                                {i18n::READ_REPORT.get(lang)}
                            </button>
                        })}
                    </article>
                }
            })
            .collect_view()
    };
    view! {
        <super::source::DatasetPicker/>
        <super::report_texts::ReportTextsPicker/>
        {move || match reading.get() {
            Some(doc) => view! { <super::report_reader::ReportReader doc=doc/> }.into_any(),
            None => view! { <div class="doc-cards" data-testid="documents">{cards}</div> }.into_any(),
        }}
    }
}
