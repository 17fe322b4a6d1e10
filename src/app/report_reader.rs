//! The documents view's reader: a report's whole text with line numbers, the lines that carry
//! records marked (each record a button that opens it), opened at the line `line=` names.

use super::report_texts::use_report_texts;
use super::source_excerpt::line_pieces;
use super::{closest, use_app, HistoryMode};
use crate::i18n;
use crate::source_texts::{lines_words, reader_lines};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Scrolls line `number` into view and gives it focus, once it is on the page.
fn go_to_line(number: u32) {
    request_animation_frame(move || {
        let target = document().get_element_by_id(&format!("line-{number}"));
        if let Some(line) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            // the page works without focus; nothing to report
            let _ = line.focus();
            line.scroll_into_view();
        }
    });
}

/// The whole text of report `doc`, or a note that it is not open yet.
#[component]
pub fn ReportReader(
    /// The document id of the report to show.
    doc: String,
) -> impl IntoView {
    let app = use_app();
    let texts = use_report_texts();
    let lang = app.lang();
    let target = Memo::new(move |_| app.view.with(|v| v.line));
    // record buttons have no handlers of their own: one listener serves every line
    let open_record = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = closest(ev.target(), "button[data-record]").and_then(|b| b.get_attribute("data-record")) {
            app.change(HistoryMode::Push, |v| v.record = Some(id));
        }
    };
    let back = move |_| {
        app.change(HistoryMode::Push, |v| {
            v.read = None;
            v.line = None;
        })
    };
    let body = move || {
        let lang = lang.get();
        let data = app.data.get();
        let matched = texts.matched.get();
        let report = data.document(&doc)?;
        let title = report.title(lang).to_owned();
        let Some(text) = matched.texts.get(&doc) else {
            return Some(view! {
                <h2 id="reader-heading">{title}</h2>
                <p class="reader-missing" data-testid="reader-missing">{i18n::TEXT_NOT_OPEN.get(lang)}</p>
            }.into_any());
        };
        let lines = reader_lines(&data, &doc, text);
        let target = target.get();
        if let Some(number) = target {
            go_to_line(number);
        }
        Some(view! {
            <h2 id="reader-heading">{title}</h2>
            <p class="reader-meta"><code>{text.file_name.clone()}</code> " · " {lines_words(text.line_count(), lang)}</p>
            <p class="reader-hint">{i18n::CITED_LINES_HINT.get(lang)}</p>
            <ol class="text-lines reader-lines" data-testid="reader-lines" on:click=open_record>
                {lines.into_iter().map(|l| {
                    let cited = !l.records.is_empty();
                    view! {
                        <li class="text-line" class:has-records=cited class:target=target == Some(l.number)
                            id=format!("line-{}", l.number) data-line=l.number.to_string() tabindex="-1">
                            <span class="line-no">{l.number}</span>
                            <span class="line-text">{line_pieces(l.pieces)}</span>
                            {cited.then(|| view! {
                                <span class="line-records">
                                    {l.records.into_iter().map(|(id, token)| {
                                        // the token is the button's name; the record id is a hint on hover
                                        let hint = format!("{}: {id}", i18n::OPEN_RECORD.get(lang));
                                        view! { <button type="button" class="record-chip" data-record=id title=hint>{token}</button> }
                                    }).collect_view()}
                                </span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        }.into_any())
    };
    view! {
        <section class="report-reader" data-testid="report-reader" aria-labelledby="reader-heading">
            <p><button type="button" class="link-button" data-testid="reader-back" on:click=back>{move || i18n::BACK_TO_REPORTS.get(lang.get())}</button></p>
            {body}
        </section>
    }
}
