//! Opening a dataset from outside the build (a URL, a file the user picks): the bytes are
//! untrusted, so every way they can be wrong becomes an [`OpenError`] that says what to fix,
//! and a dataset is only returned once it obeys the same rules as the embedded one.

use crate::i18n::Lang;
use crate::model::{Dataset, SCHEMA_NAME, SCHEMA_VERSION};
use crate::validate::{clipped, quoted, Problem, Validation};

/// Largest dataset file accepted, in bytes (32 MB). The real dataset is about 0.26 MB and the
/// synthetic benchmark dataset a hundred times its size about 20 MB, so both open with room to
/// grow; parsing a file this size stays within what a browser tab handles in a second or two.
pub const MAX_DATASET_BYTES: usize = 32_000_000;

/// Problems listed at most; a final entry counts the rest.
pub const MAX_PROBLEMS: usize = 200;

/// How much of a parser message or field path is kept; both can quote the file's own text.
const MAX_MESSAGE_CHARS: usize = 300;

/// Why a dataset could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    /// Larger than [`MAX_DATASET_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// Not UTF-8 / not JSON at all, or truncated: where it broke (line and column from 1).
    NotJson { line: usize, column: usize, message: String },
    /// JSON, but a field has the wrong type or is missing: the path to it (e.g.
    /// `facts[3].value`; empty for the whole file) and what was wrong.
    Shape { path: String, message: String },
    /// Well-formed, but breaks the dataset rules: every problem, naming record and field (at
    /// most [`MAX_PROBLEMS`], then one entry counting the rest).
    Invalid(Vec<Problem>),
}

/// The field of the entry that counts the problems not listed.
const MORE_PROBLEMS_FIELD: &str = "problems";

fn is_more_problems(problem: &Problem) -> bool {
    problem.record_kind == "dataset" && problem.field == MORE_PROBLEMS_FIELD
}

fn is_schema_problem(problem: &Problem) -> bool {
    problem.record_kind == "dataset" && problem.field == "schema"
}

/// `67.1 MB`, `32 MB`.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as f64 / 100_000.0).round();
    if tenths % 10.0 == 0.0 {
        format!("{} MB", tenths / 10.0)
    } else {
        format!("{:.1} MB", tenths / 10.0)
    }
}

impl OpenError {
    /// One line for the user, in the interface language, naming what to fix.
    pub fn summary(&self, lang: Lang) -> String {
        match (self, lang) {
            (OpenError::TooLarge { bytes, limit }, Lang::Zh) => {
                format!("文件大小为 {}，超过可打开的上限 {}。请选择较小的数据集文件。", megabytes(*bytes), megabytes(*limit))
            }
            (OpenError::TooLarge { bytes, limit }, Lang::En) => {
                format!("The file is {}; datasets up to {} can be opened. Choose a smaller file.", megabytes(*bytes), megabytes(*limit))
            }
            (OpenError::NotJson { line, column, .. }, Lang::Zh) => {
                format!("文件不是完整有效的 JSON：第 {line} 行第 {column} 列处出错。")
            }
            (OpenError::NotJson { line, column, .. }, Lang::En) => {
                format!("The file is not complete, valid JSON: it breaks at line {line}, column {column}.")
            }
            (OpenError::Shape { path, .. }, Lang::Zh) if path.is_empty() => "文件内容不符合数据集格式（整体结构有误）。".to_owned(),
            (OpenError::Shape { path, .. }, Lang::En) if path.is_empty() => {
                "The file does not follow the dataset format as a whole.".to_owned()
            }
            (OpenError::Shape { path, .. }, Lang::Zh) => format!("文件内容不符合数据集格式：字段 {path} 有误。"),
            (OpenError::Shape { path, .. }, Lang::En) => format!("The file does not follow the dataset format at field {path}."),
            (OpenError::Invalid(problems), _) if problems.iter().any(is_schema_problem) => match lang {
                Lang::Zh => format!("该文件不是本应用能打开的数据集：需要 {SCHEMA_NAME} 格式（schema）第 {SCHEMA_VERSION} 版。"),
                Lang::En => format!("This is not a dataset this app can open: it needs the schema {SCHEMA_NAME}, version {SCHEMA_VERSION}."),
            },
            (OpenError::Invalid(problems), _) => {
                let listed = problems.iter().filter(|p| !is_more_problems(p)).count();
                let more = problems.iter().any(is_more_problems);
                match (lang, more) {
                    (Lang::Zh, false) => format!("数据集有 {listed} 处不符合规则，请修改下列记录的字段："),
                    (Lang::Zh, true) => format!("数据集有超过 {listed} 处不符合规则，请修改下列记录的字段："),
                    (Lang::En, false) => format!("The dataset breaks its rules in {listed} place(s); fix the records and fields below:"),
                    (Lang::En, true) => format!("The dataset breaks its rules in more than {listed} places; fix the records and fields below:"),
                }
            }
        }
    }

    /// The individual problems to list under the summary: each broken rule, or what the parser
    /// said; empty when the summary says it all.
    pub fn details(&self) -> Vec<String> {
        match self {
            OpenError::TooLarge { .. } => Vec::new(),
            OpenError::NotJson { message, .. } | OpenError::Shape { message, .. } => vec![message.clone()],
            OpenError::Invalid(problems) => {
                problems.iter().map(|p| if is_more_problems(p) { p.message.clone() } else { p.to_string() }).collect()
            }
        }
    }
}


/// 1-based line and column of byte `offset` in `bytes` (the column counts bytes, as the JSON
/// parser's does).
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (line, before.len() - line_start + 1)
}

/// serde_json's message without the position it appends (reported separately).
fn parser_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    clipped(text.strip_suffix(&suffix).unwrap_or(&text), MAX_MESSAGE_CHARS)
}

/// Editors on some systems save UTF-8 with a byte-order mark; JSON parsers reject it.
const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

/// A file's text without its byte-order mark, or where it stops being UTF-8.
fn whole_text(bytes: &[u8]) -> Result<&str, OpenError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(bytes, e.valid_up_to());
        OpenError::NotJson { line, column, message: "not UTF-8 text".to_owned() }
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Checks size, parses, and validates with the same rules as the embedded dataset.
pub fn open_dataset(bytes: &[u8]) -> Result<Dataset, OpenError> {
    let mut opening = Opening::new(bytes.to_vec())?;
    while !opening.step(usize::MAX)? {}
    let mut checking = opening.into_checking()?;
    while !checking.step(usize::MAX) {}
    checking.finish()
}

/// Opens a dataset a slice at a time, so that a large file does not hold the page: each
/// `step` decodes a number of facts and events, then `into_checking` reads the rest of the
/// file and its [`Checking`] checks the whole by the dataset rules, a slice at a time too.
/// Anything unexpected in the file's shape is left to the whole-file reader, so a broken file
/// is reported exactly as `parse` reports it.
pub struct Opening {
    /// The file as it came: its text is checked to be UTF-8 a record at a time, as it is read
    /// (a whole 30 MB file at once would be a long task of its own).
    text: Vec<u8>,
    /// Byte offset of the scan.
    at: usize,
    scan: Scan,
    /// `{` and every top-level member but the facts and events, as written.
    head: String,
    facts: Vec<crate::model::Fact>,
    events: Vec<crate::model::Event>,
    lists_seen: (bool, bool),
    /// Gives the records' repeated texts one copy each, as the built-in data has them.
    interner: crate::shared_str::Interner,
}

#[derive(Clone, Copy, PartialEq)]
enum Scan {
    Members,
    Facts,
    Events,
    Done,
}

impl Opening {
    /// Checks the size.
    pub fn new(bytes: Vec<u8>) -> Result<Self, OpenError> {
        if bytes.len() > MAX_DATASET_BYTES {
            return Err(OpenError::TooLarge { bytes: bytes.len(), limit: MAX_DATASET_BYTES });
        }
        let mut opening = Opening {
            at: if bytes.starts_with(BYTE_ORDER_MARK) { BYTE_ORDER_MARK.len() } else { 0 },
            text: bytes,
            scan: Scan::Members,
            head: String::from("{"),
            facts: Vec::new(),
            events: Vec::new(),
            lists_seen: (false, false),
            interner: Default::default(),
        };
        opening.skip_space();
        if opening.byte() == Some(b'{') {
            opening.at += 1;
        } else {
            opening.scan = Scan::Done;
        }
        Ok(opening)
    }

    /// How far the scan has got, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.text.is_empty() { 1.0 } else { self.at as f64 / self.text.len() as f64 }
    }

    /// Decodes up to `records` more facts and events; true once the scan is through the file.
    pub fn step(&mut self, records: usize) -> Result<bool, OpenError> {
        let mut decoded = 0;
        while decoded < records && self.scan != Scan::Done {
            match self.scan_one() {
                Some(record) => decoded += usize::from(record),
                // a shape this scan does not expect: the whole-file reader says what is wrong
                None => self.scan = Scan::Done,
            }
        }
        Ok(self.scan == Scan::Done)
    }

    /// One member or one record; `Some(true)` when a record was decoded, `None` when the file
    /// is not shaped as this scan expects.
    fn scan_one(&mut self) -> Option<bool> {
        self.skip_space();
        match self.scan {
            Scan::Done => Some(false),
            Scan::Members => {
                match self.byte()? {
                    b'}' => {
                        self.at += 1;
                        self.skip_space();
                        // only whitespace may follow, and both lists must have been there
                        if self.at < self.text.len() || self.lists_seen != (true, true) {
                            return None;
                        }
                        self.head.push_str("\"facts\":[],\"events\":[]}");
                        self.scan = Scan::Done;
                        return Some(false);
                    }
                    b',' => {
                        self.at += 1;
                        return Some(false);
                    }
                    b'"' => {}
                    _ => return None,
                }
                let key_start = self.at;
                let key_end = skip_value(&self.text, key_start)?;
                let key: String = serde_json::from_str(std::str::from_utf8(&self.text[key_start..key_end]).ok()?).ok()?;
                self.at = key_end;
                self.skip_space();
                if self.byte()? != b':' {
                    return None;
                }
                self.at += 1;
                self.skip_space();
                let list = match key.as_str() {
                    "facts" => Some((Scan::Facts, &mut self.lists_seen.0)),
                    "events" => Some((Scan::Events, &mut self.lists_seen.1)),
                    _ => None,
                };
                match list {
                    Some((scan, seen)) if !*seen && self.text.get(self.at) == Some(&b'[') => {
                        *seen = true;
                        self.at += 1;
                        self.scan = scan;
                    }
                    Some(_) => return None,
                    None => {
                        let value_end = skip_value(&self.text, self.at)?;
                        self.head.push_str(std::str::from_utf8(&self.text[key_start..key_end]).ok()?);
                        self.head.push(':');
                        self.head.push_str(std::str::from_utf8(&self.text[self.at..value_end]).ok()?);
                        self.head.push(',');
                        self.at = value_end;
                    }
                }
                Some(false)
            }
            Scan::Facts | Scan::Events => {
                match self.byte()? {
                    b']' => {
                        self.at += 1;
                        self.scan = Scan::Members;
                        return Some(false);
                    }
                    b',' if !self.list_is_empty() => {
                        self.at += 1;
                        self.skip_space();
                    }
                    _ => {}
                }
                let end = skip_value(&self.text, self.at)?;
                // each record's text is checked to be UTF-8 as it is read
                let record = std::str::from_utf8(&self.text[self.at..end]).ok()?;
                if self.scan == Scan::Facts {
                    let mut fact: crate::model::Fact = serde_json::from_str(record).ok()?;
                    fact.share_texts(&mut self.interner);
                    self.facts.push(fact);
                } else {
                    let mut event: crate::model::Event = serde_json::from_str(record).ok()?;
                    event.share_texts(&mut self.interner);
                    self.events.push(event);
                }
                self.at = end;
                Some(true)
            }
        }
    }

    fn list_is_empty(&self) -> bool {
        if self.scan == Scan::Facts { self.facts.is_empty() } else { self.events.is_empty() }
    }

    fn byte(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.byte().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    /// The dataset as read, to be checked by the dataset rules.
    pub fn into_checking(self) -> Result<Checking, OpenError> {
        let head = (self.head.ends_with('}')).then(|| parse(&self.head).ok()).flatten();
        let mut dataset = match head {
            Some(mut head) => {
                head.facts = self.facts;
                head.events = self.events;
                head
            }
            // read whole, so that the problem is reported where it is in the file
            None => parse(whole_text(&self.text)?)?,
        };
        // The export always writes an event's end date; a hand-made file may leave it out.
        dataset.complete_defaults();
        Ok(Checking { dataset, validation: Validation::new(MAX_PROBLEMS) })
    }
}

/// A decoded dataset being checked by the dataset rules a slice at a time.
pub struct Checking {
    dataset: Dataset,
    validation: Validation,
}

impl Checking {
    /// Checks about `records` more records; true once every rule has been checked.
    pub fn step(&mut self, records: usize) -> bool {
        self.validation.step(&self.dataset, records)
    }

    /// How far the check has got, from 0 to 1.
    pub fn progress(&self) -> f64 {
        self.validation.progress(&self.dataset)
    }

    /// The dataset, if it obeys every rule.
    pub fn finish(self) -> Result<Dataset, OpenError> {
        let (mut problems, omitted) = self.validation.finish();
        if omitted > 0 {
            problems.push(Problem {
                record_kind: "dataset",
                record_id: String::new(),
                field: MORE_PROBLEMS_FIELD,
                message: format!("… and {omitted} more problem(s) not listed"),
            });
        }
        if problems.is_empty() {
            Ok(self.dataset)
        } else {
            Err(OpenError::Invalid(problems))
        }
    }
}

/// Where the JSON value starting at byte `start` ends (an object, list, string or literal),
/// without reading it; `None` if the text ends first.
fn skip_value(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    match *bytes.get(at)? {
        b'"' => {
            at += 1;
            loop {
                match *bytes.get(at)? {
                    b'\\' => at += 2,
                    b'"' => return Some(at + 1),
                    _ => at += 1,
                }
            }
        }
        b'{' | b'[' => {
            let mut depth = 0_usize;
            loop {
                match *bytes.get(at)? {
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(at + 1);
                        }
                    }
                    b'"' => at = skip_value(bytes, at)? - 1,
                    _ => {}
                }
                at += 1;
            }
        }
        _ => {
            while bytes.get(at).is_some_and(|b| !matches!(b, b',' | b']' | b'}') && !b.is_ascii_whitespace()) {
                at += 1;
            }
            (at > start).then_some(at)
        }
    }
}

/// The byte offset of a 1-based line and column (counted in bytes, as serde_json counts them).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes().enumerate().filter(|&(_, b)| b == b'\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
    };
    let mut offset = (line_start + column).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Where in the document the end of `before` lies, as a path like `facts[3].value`: a small
/// scan that follows objects, keys and array positions (the text before an error is valid).
fn path_at(before: &str) -> String {
    enum Level {
        /// The key being read or last read, and whether the next string is a key.
        Object { key: Option<String>, expecting_key: bool },
        Array { index: usize },
    }
    let mut levels: Vec<Level> = Vec::new();
    let mut chars = before.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => levels.push(Level::Object { key: None, expecting_key: true }),
            '[' => levels.push(Level::Array { index: 0 }),
            '}' | ']' => {
                levels.pop();
            }
            ',' => match levels.last_mut() {
                Some(Level::Array { index }) => *index += 1,
                Some(Level::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            '"' => {
                let mut string = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        c => string.push(c),
                    }
                }
                if let Some(Level::Object { key, expecting_key }) = levels.last_mut() {
                    if *expecting_key {
                        *key = Some(string);
                        *expecting_key = false;
                    }
                }
            }
            _ => {}
        }
    }
    let mut path = String::new();
    for level in &levels {
        match level {
            Level::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Level::Object { key: None, .. } => {}
            Level::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// The schema fields alone, read leniently: a file in another schema or version is reported
/// as such rather than by the first field the current schema does not know.
#[derive(serde::Deserialize)]
struct SchemaHeader {
    schema: Option<String>,
    schema_version: Option<u32>,
}

/// Reads a dataset without judging it: for JSON already checked (the build checks the embedded
/// one). Sharing this reader with `open_dataset` keeps one copy of the parsing code in the app.
pub fn parse(text: &str) -> Result<Dataset, OpenError> {
    let not_json =
        |error: &serde_json::Error| OpenError::NotJson { line: error.line(), column: error.column(), message: parser_message(error) };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let dataset = match <Dataset as serde::Deserialize>::deserialize(&mut deserializer) {
        Ok(dataset) => dataset,
        Err(error) => {
            // serde_json reports a number, list or null where a word of a fixed set belongs as
            // a syntax error ("expected value"); in a well-formed file it is a wrong type.
            let well_formed = || serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
            let message = if error.is_data() {
                parser_message(&error)
            } else if parser_message(&error) == "expected value" && well_formed() {
                "wrong type: expected one of a fixed set of words, as a string".to_owned()
            } else {
                return Err(not_json(&error));
            };
            if let Some(wrong_schema) = wrong_schema(text) {
                return Err(OpenError::Invalid(vec![wrong_schema]));
            }
            let offset = byte_offset(text, error.line(), error.column());
            let mut path = path_at(&text[..offset]);
            // a missing field is reported at the end of its record: the path is the record
            if message.starts_with("missing field") {
                if let Some(dot) = path.rfind('.') {
                    path.truncate(dot);
                }
            }
            return Err(OpenError::Shape { path: clipped(&path, MAX_MESSAGE_CHARS), message });
        }
    };
    deserializer.end().map_err(|e| not_json(&e))?;
    Ok(dataset)
}

/// The problem to report when `text` names a schema or version other than this app's.
fn wrong_schema(text: &str) -> Option<Problem> {
    let SchemaHeader { schema, schema_version } = serde_json::from_str(text).ok()?;
    let schema = schema?;
    if schema == SCHEMA_NAME && schema_version.is_none_or(|v| v == SCHEMA_VERSION) {
        return None;
    }
    let version = schema_version.map_or_else(|| "(none)".to_owned(), |v| v.to_string());
    let found = quoted(&schema);
    Some(Problem {
        record_kind: "dataset",
        message: format!("expected schema '{SCHEMA_NAME}' version {SCHEMA_VERSION}, found '{found}' version {version}"),
        record_id: found,
        field: "schema",
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_path_follows_keys_indices_and_escapes() {
        assert_eq!(super::path_at(r#"{"facts": [{"id": "a"}, {"raw": "x\"}", "value": "#), "facts[1].value");
        assert_eq!(super::path_at(r#"{"regions": [], "events": [{}, {"people": [{"zh": 1}, {"en": "#), "events[1].people[1].en");
        assert_eq!(super::path_at(""), "");
    }

    use super::*;

    #[test]
    fn the_embedded_dataset_opens() {
        let opened = open_dataset(crate::embedded::DATASET_JSON.as_bytes()).expect("opens");
        assert_eq!(Ok(opened), crate::embedded::dataset());
    }

    #[test]
    fn a_dataset_opened_in_slices_is_the_dataset_opened_whole() {
        let whole = crate::embedded::dataset().expect("embedded");
        let mut opening = Opening::new(crate::embedded::DATASET_JSON.as_bytes().to_vec()).expect("starts");
        let mut steps = 0;
        while !opening.step(5).expect("steps") {
            steps += 1;
        }
        assert!(steps > (whole.facts.len() + whole.events.len()) / 5 - 2, "{steps} steps");
        assert_eq!(opening.progress(), 1.0);
        let mut checking = opening.into_checking().expect("read");
        let mut checks = 0;
        while !checking.step(5) {
            checks += 1;
        }
        assert!(checks > (whole.facts.len() + whole.events.len()) / 5, "{checks} checks");
        assert_eq!(checking.progress(), 1.0);
        assert_eq!(checking.finish(), Ok(whole));
    }

    #[test]
    fn a_broken_file_opened_in_slices_is_reported_as_read_whole() {
        let text = crate::embedded::DATASET_JSON;
        let broken = [
            text.replacen("\"value\":", "\"value\":\"x\",\"v\":", 1),
            text.replacen("\"facts\"", "\"fact\"", 1),
            text.replacen("\"events\":[", "\"events\":[5,", 1),
            text[..text.len() / 2].to_owned(),
            format!("{text},"),
            text.replacen('{', "{\"extra\": 1, ", 1),
            "[]".to_owned(),
            String::new(),
        ];
        for text in &broken {
            let mut opening = Opening::new(text.as_bytes().to_vec()).expect("starts");
            while !opening.step(3).expect("steps") {}
            let sliced = opening.into_checking().and_then(|mut checking| {
                while !checking.step(3) {}
                checking.finish()
            });
            assert!(sliced.is_err());
            assert_eq!(sliced, parse(text).and_then(|_| sliced.clone()), "{}", &text[..text.len().min(80)]);
        }
    }

    #[test]
    fn positions_count_from_one() {
        assert_eq!(position(b"ab\ncd", 0), (1, 1));
        assert_eq!(position(b"ab\ncd", 4), (2, 2));
        assert_eq!(position(b"ab", 99), (1, 3));
    }

    #[test]
    fn a_byte_order_mark_is_allowed_and_invalid_utf8_is_located() {
        let with_bom = format!("\u{feff}{}", crate::embedded::DATASET_JSON);
        assert!(open_dataset(with_bom.as_bytes()).is_ok());
        let err = open_dataset(b"{\n  \"schema\": \"\xff\"").unwrap_err();
        assert_eq!(err, OpenError::NotJson { line: 2, column: 14, message: "not UTF-8 text".into() });
    }

    #[test]
    fn an_opened_dataset_holds_each_repeated_text_once() {
        let opened = open_dataset(crate::embedded::DATASET_JSON.as_bytes()).expect("opens");
        let (first, second) = (&opened.facts[0], &opened.facts[1]);
        assert_eq!(first.doc, second.doc);
        assert!(first.doc.is_same_copy(&second.doc), "one copy of the report id");
        let same_region = opened.facts.iter().skip(1).find(|f| f.region == first.region).expect("another figure of that region");
        assert!(same_region.region.is_same_copy(&first.region));
    }

    #[test]
    fn trailing_text_is_not_json() {
        let text = format!("{} x", crate::embedded::DATASET_JSON);
        assert!(matches!(open_dataset(text.as_bytes()), Err(OpenError::NotJson { .. })));
    }

    #[test]
    fn summaries_speak_both_languages() {
        let errors = [
            OpenError::TooLarge { bytes: 40_000_000, limit: MAX_DATASET_BYTES },
            OpenError::NotJson { line: 3, column: 7, message: "EOF while parsing an object".into() },
            OpenError::Shape { path: "facts[3].value".into(), message: "invalid type".into() },
            OpenError::Shape { path: String::new(), message: "missing field `schema`".into() },
        ];
        for error in &errors {
            let zh = error.summary(Lang::Zh);
            let en = error.summary(Lang::En);
            assert_ne!(zh, en);
            assert!(!zh.contains('\n') && !en.contains('\n'));
        }
        assert!(errors[0].summary(Lang::En).contains("40 MB; datasets up to 32 MB"), "{}", errors[0].summary(Lang::En));
        assert_eq!(megabytes(67_108_864), "67.1 MB");
        assert!(errors[1].summary(Lang::Zh).contains("第 3 行第 7 列"));
        assert!(errors[2].summary(Lang::En).contains("facts[3].value"));
    }
}
