//! In the record view: the line a record cites, three lines either side, with the printed
//! token marked, when the text of its report is open; one click opens the whole report there.

use super::report_texts::use_report_texts;
use super::{use_app, HistoryMode};
use crate::i18n;
use crate::source_texts::{record_excerpt, Piece};
use crate::state::Tab;
use leptos::prelude::*;

/// A line's pieces as text nodes, the cited token in `<mark>`.
pub fn line_pieces(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|piece| if piece.marked { view! { <mark>{piece.text}</mark> }.into_any() } else { piece.text.into_any() })
        .collect_view()
}

/// The cited lines of record `id`, or nothing while its report's text is not open.
#[component]
pub fn SourceExcerpt(
    /// The fact or event whose cited line is shown.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let app = use_app();
    let texts = use_report_texts();
    let lang = app.lang();
    move || {
        let excerpt = app.data.with(|data| texts.matched.with(|matched| record_excerpt(data, matched, &id)))?;
        let lang = lang.get();
        let (doc, line) = (excerpt.doc.clone(), excerpt.line);
        let read = move |_| {
            app.change(HistoryMode::Push, |v| {
                v.tab = Tab::Documents;
                v.read = Some(doc.clone());
                v.line = Some(line);
                v.record = None;
            })
        };
        Some(view! {
            <section class="source-excerpt" data-testid="source-excerpt" aria-labelledby="source-excerpt-title">
                <h3 id="source-excerpt-title">{i18n::IN_THE_REPORT.get(lang)}</h3>
                <ol class="text-lines">
                    {excerpt.lines.into_iter().map(|l| view! {
                        <li class="text-line" class:cited=l.cited data-line=l.number.to_string()>
                            <span class="line-no">{l.number}</span>
                            <span class="line-text">{line_pieces(l.pieces)}</span>
                        </li>
                    }).collect_view()}
                </ol>
                <button type="button" class="link-button" data-testid="read-in-report" on:click=read>{i18n::READ_IN_REPORT.get(lang)}</button>
            </section>
        })
    }
}
