//! The report texts a reader supplies (picked, dropped or fetched from a folder): matched to
//! the dataset's documents by file name, checked against every citation of the dataset, and cut
//! into excerpts and readable lines with the cited tokens marked. The texts are never part of
//! the build; this module only works on what it is given.

use crate::i18n::Lang;
use crate::model::Dataset;
use crate::sources::SourceText;
use std::collections::BTreeMap;
use std::ops::Range;

/// The largest report text accepted (the five reports are 8–16 KB each).
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// Lines shown either side of a cited line in a record's excerpt.
pub const EXCERPT_CONTEXT: u32 = 3;

/// Problems of one kind listed at most per file.
const MAX_LISTED_MISSES: usize = 3;

/// One report's text, ready to show and to search.
pub struct ReportText {
    pub file_name: String,
    /// The file's lines, without line ends.
    lines: Vec<String>,
    /// The same text without white space, where citations are looked up.
    source: SourceText,
    /// For each character of `source`'s stream: its 1-based line and its character index in
    /// that line, so a token found in the stream can be marked where it is printed.
    positions: Vec<(u32, usize)>,
}

impl ReportText {
    pub fn new(file_name: &str, text: &str) -> Self {
        // a byte-order mark is not part of line 1
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let mut positions = Vec::with_capacity(text.len());
        for (number, line) in (1u32..).zip(&lines) {
            // the same characters, in the same order, as `SourceText` keeps
            positions.extend(line.chars().enumerate().filter(|(_, c)| !c.is_whitespace()).map(|(index, _)| (number, index)));
        }
        Self { file_name: file_name.to_owned(), lines, source: SourceText::new(text), positions }
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// 1-based line `number`, as printed.
    pub fn line(&self, number: u32) -> Option<&str> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.lines.get(index).map(String::as_str)
    }

    /// Where `token`, cited on `line`, is printed: a character range for each line it covers
    /// (more than one when a line break falls inside it). Empty when it is not there.
    pub fn token_marks(&self, line: u32, token: &str) -> Vec<Mark> {
        let Some(span) = self.source.find_on_line(line, token) else { return Vec::new() };
        let mut marks: Vec<Mark> = Vec::new();
        for &(number, index) in self.positions.get(span).unwrap_or_default() {
            match marks.last_mut() {
                Some(mark) if mark.line == number => mark.chars.end = index + 1,
                _ => marks.push(Mark { line: number, chars: index..index + 1 }),
            }
        }
        marks
    }

    /// Line `number` cut into pieces, those inside `marks` (of any line) flagged.
    pub fn pieces(&self, number: u32, marks: &[Mark]) -> Vec<Piece> {
        let chars: Vec<char> = self.line(number).unwrap_or_default().chars().collect();
        let mut ranges: Vec<Range<usize>> = marks
            .iter()
            .filter(|m| m.line == number)
            .map(|m| m.chars.start.min(chars.len())..m.chars.end.min(chars.len()))
            .collect();
        crate::order::sort_by_key(&mut ranges, |r| r.start);
        let mut pieces = Vec::new();
        let mut at = 0;
        let mut push = |range: Range<usize>, marked: bool| {
            if !range.is_empty() {
                pieces.push(Piece { text: chars[range].iter().collect(), marked });
            }
        };
        for range in ranges {
            // overlapping marks (two records citing the same token) are drawn once
            let start = range.start.max(at);
            if range.end <= start {
                continue;
            }
            push(at..start, false);
            push(start..range.end, true);
            at = range.end;
        }
        push(at..chars.len(), false);
        pieces
    }

    /// The lines around `line` (`context` either side, fewer at the start and end of the text),
    /// with `token` marked; `None` when the text has no such line.
    pub fn excerpt(&self, line: u32, token: &str, context: u32) -> Option<Vec<ExcerptLine>> {
        self.line(line)?;
        let marks = self.token_marks(line, token);
        let last = u32::try_from(self.line_count()).unwrap_or(u32::MAX);
        let window = line.saturating_sub(context).max(1)..=line.saturating_add(context).min(last);
        Some(window.map(|number| ExcerptLine { number, cited: number == line, pieces: self.pieces(number, &marks) }).collect())
    }
}

/// Characters `chars` of 1-based line `line`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub line: u32,
    pub chars: Range<usize>,
}

/// A piece of a line; `marked` when it is (part of) a cited token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// One line of an excerpt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExcerptLine {
    pub number: u32,
    /// The line the record cites.
    pub cited: bool,
    pub pieces: Vec<Piece>,
}

/// One place the dataset cites a report: a record's token on a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation<'a> {
    pub record: &'a str,
    pub line: u32,
    pub token: &'a str,
}

/// Every citation of document `doc_id`: each fact's `raw` on its line and its `also_lines`,
/// each event's `quote` on its line.
pub fn citations<'a>(data: &'a Dataset, doc_id: &str) -> Vec<Citation<'a>> {
    let mut found = Vec::new();
    for fact in data.facts.iter().filter(|f| f.doc == doc_id) {
        for &line in std::iter::once(&fact.line).chain(&fact.also_lines) {
            found.push(Citation { record: &fact.id, line, token: &fact.raw });
        }
    }
    for event in data.events.iter().filter(|e| e.doc == doc_id) {
        found.push(Citation { record: &event.id, line: event.line, token: &event.quote });
    }
    found
}

/// A file as supplied: its text, or why it could not be had.
#[derive(Clone, Debug, PartialEq)]
pub struct SuppliedFile {
    pub name: String,
    pub content: Result<String, TextProblem>,
}

impl SuppliedFile {
    /// A file read from disk or the network: UTF-8 text within `MAX_TEXT_BYTES`.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Self {
        let content = if bytes.len() > MAX_TEXT_BYTES {
            Err(TextProblem::TooLarge { file: name.to_owned(), bytes: bytes.len() })
        } else {
            String::from_utf8(bytes.to_vec()).map_err(|_| TextProblem::NotText { file: name.to_owned() })
        };
        SuppliedFile { name: name.to_owned(), content }
    }
}

/// Why a supplied file is not used.
#[derive(Clone, Debug, PartialEq)]
pub enum TextProblem {
    /// No document of the dataset has this file name.
    UnknownName { file: String, expected: Vec<String> },
    NotText { file: String },
    TooLarge { file: String, bytes: usize },
    /// Shorter than the lines the dataset cites: a truncated copy, or another file.
    TooFewLines { file: String, doc: String, lines: usize, needed: u32 },
    /// Cited tokens that are not on their lines: another version of the report.
    TokensMissing { file: String, doc: String, count: usize, first: Vec<Miss> },
    /// Fetching it failed; why, in both languages.
    Unavailable { file: String, zh: String, en: String },
}

/// A cited token that is not on its line.
#[derive(Clone, Debug, PartialEq)]
pub struct Miss {
    pub record: String,
    pub line: u32,
    pub token: String,
}

impl TextProblem {
    /// The file the problem is about.
    pub fn file(&self) -> &str {
        match self {
            TextProblem::UnknownName { file, .. }
            | TextProblem::NotText { file }
            | TextProblem::TooLarge { file, .. }
            | TextProblem::TooFewLines { file, .. }
            | TextProblem::TokensMissing { file, .. }
            | TextProblem::Unavailable { file, .. } => file,
        }
    }

    /// What is wrong, in a sentence after the file name.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TextProblem::UnknownName { expected, .. }, Lang::Zh) => {
                format!("本数据集没有以此命名的报告文件（应为：{}）。", listed(expected))
            }
            (TextProblem::UnknownName { expected, .. }, Lang::En) => {
                format!("no report of this dataset has this file name (expected: {}).", listed(expected))
            }
            (TextProblem::NotText { .. }, Lang::Zh) => "不是 UTF-8 文本文件。".to_owned(),
            (TextProblem::NotText { .. }, Lang::En) => "not a UTF-8 text file.".to_owned(),
            (TextProblem::TooLarge { bytes, .. }, Lang::Zh) => {
                format!("文件大小为 {}，报告文本上限为 {}。", crate::open::megabytes(*bytes), crate::open::megabytes(MAX_TEXT_BYTES))
            }
            (TextProblem::TooLarge { bytes, .. }, Lang::En) => {
                format!("the file is {}; report texts up to {} can be opened.", crate::open::megabytes(*bytes), crate::open::megabytes(MAX_TEXT_BYTES))
            }
            (TextProblem::TooFewLines { doc, lines, needed, .. }, Lang::Zh) => {
                format!("只有 {lines} 行，但数据集引用了报告 {doc} 的第 {needed} 行：可能是不完整的副本。")
            }
            (TextProblem::TooFewLines { doc, lines, needed, .. }, Lang::En) => format!(
                "it has {lines} {}, but the dataset cites line {needed} of report {doc}: a shortened copy?",
                if *lines == 1 { "line" } else { "lines" }
            ),
            (TextProblem::TokensMissing { doc, count, first, .. }, Lang::Zh) => {
                let listed: Vec<String> = first.iter().map(|m| format!("第 {} 行应有“{}”（{}）", m.line, m.token, m.record)).collect();
                format!("数据集对报告 {doc} 的 {count} 处引用不在所引的行上：{}。可能是报告的另一个版本。", listed.join("；"))
            }
            (TextProblem::TokensMissing { doc, count, first, .. }, Lang::En) => {
                let listed: Vec<String> = first.iter().map(|m| format!("line {} should hold '{}' ({})", m.line, m.token, m.record)).collect();
                format!(
                    "{count} {} the dataset makes to report {doc} {} not on {}: {}. Another version of the report?",
                    if *count == 1 { "citation" } else { "citations" },
                    if *count == 1 { "is" } else { "are" },
                    if *count == 1 { "its line" } else { "their lines" },
                    listed.join("; ")
                )
            }
            (TextProblem::Unavailable { zh, .. }, Lang::Zh) => zh.clone(),
            (TextProblem::Unavailable { en, .. }, Lang::En) => en.clone(),
        }
    }
}

/// Up to five names, then how many more.
fn listed(names: &[String]) -> String {
    let mut text = names.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > 5 {
        text.push_str(&format!(", … (+{})", names.len() - 5));
    }
    text
}

/// The supplied texts that fit the dataset, by document id, and why the others do not.
#[derive(Default)]
pub struct Matched {
    pub texts: BTreeMap<String, ReportText>,
    pub problems: Vec<TextProblem>,
}

/// Checks `text` against every citation of `doc_id`.
fn check(data: &Dataset, doc_id: &str, text: &ReportText) -> Result<(), TextProblem> {
    let citations = citations(data, doc_id);
    let needed = citations.iter().map(|c| c.line).max().unwrap_or(0);
    if text.line_count() < needed as usize {
        return Err(TextProblem::TooFewLines { file: text.file_name.clone(), doc: doc_id.to_owned(), lines: text.line_count(), needed });
    }
    let misses: Vec<Miss> = citations
        .iter()
        .filter(|c| text.source.find_on_line(c.line, c.token).is_none())
        .map(|c| Miss { record: c.record.to_owned(), line: c.line, token: c.token.to_owned() })
        .collect();
    if misses.is_empty() {
        Ok(())
    } else {
        let count = misses.len();
        Err(TextProblem::TokensMissing {
            file: text.file_name.clone(),
            doc: doc_id.to_owned(),
            count,
            first: misses.into_iter().take(MAX_LISTED_MISSES).collect(),
        })
    }
}

/// Matches each file to the document of that `source_file` and checks it; a later file of the
/// same name replaces an earlier one.
pub fn match_texts(data: &Dataset, files: &[SuppliedFile]) -> Matched {
    let mut matched = Matched::default();
    let mut latest: BTreeMap<&str, &SuppliedFile> = BTreeMap::new();
    for file in files {
        latest.insert(&file.name, file);
    }
    for file in files.iter().filter(|f| latest.get(f.name.as_str()).is_some_and(|l| std::ptr::eq(*l, *f))) {
        let text = match &file.content {
            Ok(text) => text,
            Err(problem) => {
                matched.problems.push(problem.clone());
                continue;
            }
        };
        let Some(doc) = data.documents.iter().find(|d| d.source_file == file.name) else {
            let expected = data.documents.iter().map(|d| d.source_file.clone()).collect();
            matched.problems.push(TextProblem::UnknownName { file: file.name.clone(), expected });
            continue;
        };
        let text = ReportText::new(&file.name, text);
        match check(data, &doc.id, &text) {
            Ok(()) => {
                matched.texts.insert(doc.id.clone(), text);
            }
            Err(problem) => matched.problems.push(problem),
        }
    }
    matched
}

/// Where a file of a report is fetched from: `folder` joined with the plain file name; `None`
/// for a name that is not a plain file name (a path, `..`), which could point elsewhere.
pub fn text_address(folder: &str, file_name: &str) -> Option<String> {
    let plain = !file_name.is_empty()
        && !file_name.contains(['/', '\\', '?', '#', '%', ':'])
        && file_name != "."
        && file_name != ".."
        && !file_name.chars().any(char::is_control);
    plain.then(|| format!("{}/{}", folder.trim().trim_end_matches('/'), crate::state::encode_component(file_name)))
}

/// A record's cited line with its neighbours, when its report's text is supplied.
pub struct RecordExcerpt {
    pub doc: String,
    pub line: u32,
    pub lines: Vec<ExcerptLine>,
    /// The token was found on its line (always, for a text that passed `match_texts`).
    pub found: bool,
}

/// The excerpt for record `id` (its first cited line), if its report's text is in `matched`.
pub fn record_excerpt(data: &Dataset, matched: &Matched, id: &str) -> Option<RecordExcerpt> {
    let (doc, line, token) = match crate::explore::find_record(data, id)? {
        crate::explore::RecordRef::Fact(i) => (&data.facts[i].doc, data.facts[i].line, &data.facts[i].raw),
        crate::explore::RecordRef::Event(i) => (&data.events[i].doc, data.events[i].line, &data.events[i].quote),
    };
    let text = matched.texts.get(doc.as_str())?;
    let lines = text.excerpt(line, token, EXCERPT_CONTEXT)?;
    let found = lines.iter().any(|l| l.pieces.iter().any(|p| p.marked));
    Some(RecordExcerpt { doc: doc.to_string(), line, lines, found })
}

/// One line of the whole report, with the records cited on it.
pub struct ReaderLine {
    pub number: u32,
    pub pieces: Vec<Piece>,
    /// (record id, token) of each record cited on this line.
    pub records: Vec<(String, String)>,
}

/// Every line of `doc_id`'s text, cited tokens marked, each with the records cited on it.
pub fn reader_lines(data: &Dataset, doc_id: &str, text: &ReportText) -> Vec<ReaderLine> {
    let citations = citations(data, doc_id);
    let marks: Vec<Mark> = citations.iter().flat_map(|c| text.token_marks(c.line, c.token)).collect();
    let mut records: BTreeMap<u32, Vec<(String, String)>> = BTreeMap::new();
    for citation in &citations {
        let on_line = records.entry(citation.line).or_default();
        if !on_line.iter().any(|(id, _)| id == citation.record) {
            on_line.push((citation.record.to_owned(), citation.token.to_owned()));
        }
    }
    (1u32..)
        .take(text.line_count())
        .map(|number| ReaderLine { number, pieces: text.pieces(number, &marks), records: records.remove(&number).unwrap_or_default() })
        .collect()
}

/// "2 of 5 reports' texts are open", in words.
pub fn texts_open_words(open: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已打开 {total} 份报告中 {open} 份的原文。"),
        Lang::En if total == 1 => format!("{open} of 1 report's text is open."),
        Lang::En => format!("{open} of {total} reports' texts {} open.", if open == 1 { "is" } else { "are" }),
    }
}

/// "108 lines".
pub fn lines_words(lines: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{lines} 行"),
        Lang::En => format!("{lines} {}", if lines == 1 { "line" } else { "lines" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn data() -> Dataset {
        crate::embedded::dataset().expect("embedded dataset")
    }

    /// The five source reports, or `None` (with a message) where they are not at hand.
    fn seeds() -> Option<Vec<SuppliedFile>> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
        if !dir.is_dir() {
            eprintln!("skipped: no source folder at {}", dir.display());
            return None;
        }
        let data = data();
        Some(
            data.documents
                .iter()
                .map(|d| SuppliedFile::from_bytes(&d.source_file, &std::fs::read(dir.join(&d.source_file)).expect("seed file")))
                .collect(),
        )
    }

    fn marked(lines: &[ExcerptLine]) -> Vec<(u32, String)> {
        lines.iter().flat_map(|l| l.pieces.iter().filter(|p| p.marked).map(move |p| (l.number, p.text.clone()))).collect()
    }

    #[test]
    fn the_five_reports_match_their_documents() {
        let Some(files) = seeds() else { return };
        let data = data();
        let matched = match_texts(&data, &files);
        assert!(matched.problems.is_empty(), "{:?}", matched.problems);
        assert_eq!(matched.texts.len(), data.documents.len());
        // every record's excerpt marks its token
        for id in data.facts.iter().map(|f| &f.id).chain(data.events.iter().map(|e| &e.id)) {
            let excerpt = record_excerpt(&data, &matched, id).expect("excerpt");
            assert!(excerpt.found, "{id}");
        }
    }

    #[test]
    fn a_wrong_name_a_truncated_copy_and_another_version_are_named() {
        let Some(files) = seeds() else { return };
        let data = data();
        let qz = data.document("qz2023").expect("qz2023");
        let text = files.iter().find(|f| f.name == qz.source_file).and_then(|f| f.content.clone().ok()).expect("qz2023 text");

        let renamed = SuppliedFile { name: "quanzhou.txt".into(), content: Ok(text.clone()) };
        let matched = match_texts(&data, &[renamed]);
        assert!(matched.texts.is_empty());
        assert!(matches!(&matched.problems[..], [TextProblem::UnknownName { file, expected }] if file == "quanzhou.txt" && expected.contains(&qz.source_file)));
        assert!(matched.problems[0].message(Lang::En).contains("002_bbca9678028a6cab.txt"));

        let truncated: String = text.lines().take(20).map(|l| format!("{l}\n")).collect();
        let matched = match_texts(&data, &[SuppliedFile { name: qz.source_file.clone(), content: Ok(truncated) }]);
        let needed = citations(&data, "qz2023").iter().map(|c| c.line).max().expect("citations");
        assert_eq!(matched.problems, vec![TextProblem::TooFewLines { file: qz.source_file.clone(), doc: "qz2023".into(), lines: 20, needed }]);
        assert!(matched.problems[0].message(Lang::En).contains("20 lines"));
        assert!(matched.problems[0].message(Lang::Zh).contains("20 行"));

        // the figure of one fact changed on its line
        let fact = data.facts.iter().find(|f| f.doc == "qz2023" && f.raw.starts_with(|c: char| c.is_ascii_digit())).expect("a fact");
        let edited: String = text
            .lines()
            .enumerate()
            .map(|(i, l)| if i + 1 == fact.line as usize { format!("{}\n", l.replace(|c: char| c.is_ascii_digit(), "")) } else { format!("{l}\n") })
            .collect();
        let matched = match_texts(&data, &[SuppliedFile { name: qz.source_file.clone(), content: Ok(edited) }]);
        match &matched.problems[..] {
            [TextProblem::TokensMissing { count, first, .. }] => {
                assert!(*count >= 1);
                assert!(first.iter().any(|m| m.record == fact.id && m.line == fact.line));
            }
            other => panic!("{other:?}"),
        }
        assert!(matched.problems[0].message(Lang::En).contains(&fact.id));
    }

    #[test]
    fn unreadable_files_are_named() {
        let data = data();
        let file = SuppliedFile::from_bytes("x.txt", &[0xff, 0xfe, 0x00]);
        assert_eq!(file.content, Err(TextProblem::NotText { file: "x.txt".into() }));
        let big = SuppliedFile::from_bytes("big.txt", &vec![b'a'; MAX_TEXT_BYTES + 1]);
        assert!(matches!(big.content, Err(TextProblem::TooLarge { .. })));
        let matched = match_texts(&data, &[file, big]);
        assert_eq!(matched.problems.len(), 2);
        assert_eq!(matched.problems[0].file(), "x.txt");
    }

    #[test]
    fn a_later_file_of_the_same_name_replaces_the_earlier() {
        let data = data();
        let name = data.documents[0].source_file.clone();
        let files = [SuppliedFile { name: name.clone(), content: Ok("x".into()) }, SuppliedFile::from_bytes(&name, &[0xff])];
        let matched = match_texts(&data, &files);
        assert_eq!(matched.problems, vec![TextProblem::NotText { file: name }]);
    }

    #[test]
    fn excerpt_windows_stop_at_the_start_and_end_of_the_text() {
        let text = ReportText::new("t.txt", "一\n二\n三\n四\n五\n六\n七\n八\n九\n十一\n");
        let numbers = |line| text.excerpt(line, "x", 3).expect("line").iter().map(|l| l.number).collect::<Vec<_>>();
        assert_eq!(numbers(1), vec![1, 2, 3, 4]);
        assert_eq!(numbers(2), vec![1, 2, 3, 4, 5]);
        assert_eq!(numbers(5), vec![2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(numbers(10), vec![7, 8, 9, 10]);
        assert!(text.excerpt(0, "x", 3).is_none());
        assert!(text.excerpt(11, "x", 3).is_none());
        let excerpt = text.excerpt(10, "十一", 3).expect("line");
        assert!(excerpt.iter().all(|l| l.cited == (l.number == 10)));
        assert_eq!(marked(&excerpt), vec![(10, "十一".to_owned())]);
    }

    #[test]
    fn tokens_are_marked_where_printed_across_spaces_widths_and_line_breaks() {
        let text = ReportText::new("t.txt", "\u{feff}标题\n\n共投入 973.27 万\n\n元，帮扶 １．６万多家\n  超 过 2 万人，另有1个\n");
        assert_eq!(text.line(1), Some("标题"));
        // the space inside the token is marked with it
        assert_eq!(text.token_marks(5, "1.6万多家"), vec![Mark { line: 5, chars: 5..11 }]);
        // broken across a line break: the end of line 3 and the start of line 5
        let marks = text.token_marks(3, "973.27 万元");
        assert_eq!(marks, vec![Mark { line: 3, chars: 4..12 }, Mark { line: 5, chars: 0..1 }]);
        let excerpt = text.excerpt(3, "973.27 万元", 3).expect("line");
        assert_eq!(marked(&excerpt), vec![(3, "973.27 万".to_owned()), (5, "元".to_owned())]);
        let line5 = &excerpt.iter().find(|l| l.number == 5).expect("line 5").pieces;
        assert_eq!(line5.iter().map(|p| p.text.as_str()).collect::<String>(), "元，帮扶 １．６万多家");
        // spaces between the characters of a token, and a number never found inside a longer one
        assert_eq!(text.pieces(6, &text.token_marks(6, "超过 2 万人")).iter().filter(|p| p.marked).map(|p| p.text.clone()).collect::<Vec<_>>(), vec!["超 过 2 万人"]);
        assert_eq!(text.token_marks(6, "1个"), vec![Mark { line: 6, chars: 13..15 }]);
        assert!(text.token_marks(6, "2 万元").is_empty());
    }

    #[test]
    fn overlapping_marks_are_drawn_once() {
        let text = ReportText::new("t.txt", "建成120个站点\n");
        let marks = [Mark { line: 1, chars: 2..6 }, Mark { line: 1, chars: 2..5 }, Mark { line: 1, chars: 7..99 }];
        let pieces = text.pieces(1, &marks);
        let shown: Vec<(&str, bool)> = pieces.iter().map(|p| (p.text.as_str(), p.marked)).collect();
        assert_eq!(shown, vec![("建成", false), ("120个", true), ("站", false), ("点", true)]);
    }

    #[test]
    fn the_reader_lists_every_line_with_its_records() {
        let Some(files) = seeds() else { return };
        let data = data();
        let matched = match_texts(&data, &files);
        let text = matched.texts.get("qz2023").expect("qz2023");
        let lines = reader_lines(&data, "qz2023", text);
        assert_eq!(lines.len(), text.line_count());
        let fact = data.facts.iter().find(|f| f.doc == "qz2023").expect("a fact");
        let line = &lines[fact.line as usize - 1];
        assert!(line.records.iter().any(|(id, token)| *id == fact.id && *token == fact.raw));
        assert!(line.pieces.iter().any(|p| p.marked));
        assert_eq!(lines.iter().map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect::<String>()).collect::<Vec<_>>()[0], text.line(1).unwrap_or_default());
    }

    #[test]
    fn counts_in_words() {
        assert_eq!(texts_open_words(1, 5, Lang::En), "1 of 5 reports' texts is open.");
        assert_eq!(texts_open_words(5, 5, Lang::En), "5 of 5 reports' texts are open.");
        assert_eq!(texts_open_words(0, 1, Lang::En), "0 of 1 report's text is open.");
        assert_eq!(texts_open_words(2, 5, Lang::Zh), "已打开 5 份报告中 2 份的原文。");
        assert_eq!(lines_words(1, Lang::En), "1 line");
        assert_eq!(lines_words(108, Lang::En), "108 lines");
        assert_eq!(lines_words(108, Lang::Zh), "108 行");
    }

    #[test]
    fn text_addresses_join_a_folder_and_a_plain_name() {
        assert_eq!(text_address("/seeds/", "002_b.txt").as_deref(), Some("/seeds/002_b.txt"));
        assert_eq!(text_address("https://example.org/r", "a b.txt").as_deref(), Some("https://example.org/r/a%20b.txt"));
        for bad in ["", "..", "../x.txt", "a/b.txt", "a\\b", "x?y", "%2e%2e"] {
            assert_eq!(text_address("/seeds/", bad), None, "{bad}");
        }
    }
}
