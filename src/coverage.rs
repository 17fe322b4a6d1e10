//! Tying the dataset back to its source texts: every cited token must be on its line
//! (`verify`), and every number in a text must be explained (`extract`).

use crate::model::{Dataset, Skip};
use crate::sources::SourceText;
use crate::validate::Problem;
use std::ops::Range;

/// Where one record's cited token was found in the text.
pub struct Explanation {
    pub span: Range<usize>,
    /// `fact qz2023-f001`, `event …`, `skip (edition)`.
    pub label: String,
}

/// What a source text says about one document's records.
pub struct Reconciliation {
    /// Cited tokens that are not on their line.
    pub misses: Vec<Problem>,
    pub explanations: Vec<Explanation>,
}

/// Looks up every fact, event and skip of document `doc_id` in its source text.
pub fn reconcile(text: &SourceText, data: &Dataset, skips: &[Skip], doc_id: &str) -> Reconciliation {
    let mut result = Reconciliation { misses: Vec::new(), explanations: Vec::new() };
    let mut cite = |kind: &'static str, id: &str, field: &'static str, line: u32, token: &str, label: String| {
        // the same token cited twice on a line stands for its first and its second occurrence
        let candidates = text.find_all_on_line(line, token);
        let unused = candidates.iter().find(|span| !result.explanations.iter().any(|e| e.span == **span));
        match unused.or(candidates.first()).cloned() {
            Some(span) => result.explanations.push(Explanation { span, label }),
            None => result.misses.push(Problem {
                record_kind: kind,
                record_id: id.to_owned(),
                field,
                message: if (line as usize) > text.line_count() || line == 0 {
                    format!("line {line} does not exist (the text has {} lines)", text.line_count())
                } else {
                    format!("'{token}' is not on line {line}")
                },
            }),
        }
    };
    for fact in data.facts.iter().filter(|f| f.doc == doc_id) {
        cite("fact", &fact.id, "raw", fact.line, &fact.raw, format!("fact {}", fact.id));
        for &line in &fact.also_lines {
            cite("fact", &fact.id, "also_lines", line, &fact.raw, format!("fact {}", fact.id));
        }
    }
    for event in data.events.iter().filter(|e| e.doc == doc_id) {
        cite("event", &event.id, "quote", event.line, &event.quote, format!("event {}", event.id));
    }
    for skip in skips.iter().filter(|s| s.doc == doc_id) {
        let id = format!("line {} '{}'", skip.line, skip.token);
        cite("skip", &id, "token", skip.line, &skip.token, format!("skip ({:?})", skip.reason));
    }
    result
}

/// One number of a text and why it is, or is not, accounted for.
pub struct NumberStatus {
    pub line: u32,
    pub token: String,
    pub context: String,
    /// `None`: unexplained.
    pub explained_by: Option<String>,
}

/// Every number in `text`, each with the record or rule that explains it.
pub fn number_statuses(text: &SourceText, explanations: &[Explanation]) -> Vec<NumberStatus> {
    text.numbers()
        .into_iter()
        .map(|number| {
            let explained_by = if number.is_date {
                Some("date".to_owned())
            } else {
                explanations
                    .iter()
                    .find(|e| e.span.start <= number.span.start && number.span.end <= e.span.end)
                    .map(|e| e.label.clone())
            };
            NumberStatus { line: number.line, context: text.context(&number.span, 8), token: number.text, explained_by }
        })
        .collect()
}
