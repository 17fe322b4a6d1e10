//! Hostile input, generated from fixed seeds so that any failure reproduces: links (query
//! strings) through the view state, and dataset files through `open::open_dataset`. The
//! fixtures under tests/fixtures/ feed the same cases to the browser tests; the tests here keep
//! them current and make sure each still opens or fails as intended.

use serde_json::{json, Value};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use union_explorer::explore::find_record;
use union_explorer::i18n::Lang;
use union_explorer::model::Dataset;
use union_explorer::open::{open_dataset, OpenError, MAX_DATASET_BYTES, MAX_PROBLEMS};
use union_explorer::state::{clip, MAX_IGNORED,
    is_dataset_address, parse_query, parse_year_range, ChartKind, IgnoreReason, Lanes, Tab, ViewState, MAX_SEARCH_CHARS,
};
use union_explorer::validate::Problem;

/// SplitMix64: tiny, fast, and spreads every seed well.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Any Unicode scalar value, control characters and all.
    fn any_char(&mut self) -> char {
        loop {
            let code = match self.below(4) {
                0 => self.below(0x80),
                1 => self.below(0x800),
                2 => self.below(0x1_0000),
                _ => self.below(0x11_0000),
            };
            if let Some(c) = char::from_u32(code as u32) {
                return c;
            }
        }
    }
}

fn embedded() -> Dataset {
    serde_json::from_str(union_explorer::embedded::DATASET_JSON).expect("the embedded dataset decodes")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

// ---------------------------------------------------------------------------------------------
// Links

/// Every parameter the view state knows (see the table in src/state.rs).
const KEYS: [&str; 15] = ["tab", "lang", "r", "c", "d", "y", "q", "chart", "ind", "tl", "lanes", "sort", "rec", "embed", "data"];

/// Ids as the real data has them; fixed here so the fixture does not change with the data.
const IDS: [&str; 12] = [
    "fujian",
    "quanzhou",
    "jinjiang",
    "ideology",
    "assistance_welfare",
    "fj2021",
    "qz2023",
    "golden_autumn_aid_funds",
    "fj2021-f001",
    "qz2023-e020",
    "fujian,quanzhou",
    "ideology,honours",
];

fn valid_value(rng: &mut Rng) -> String {
    let values: &[&str] = &[
        "timeline", "charts", "table", "documents", "zh", "en", "2018-2023", "2021", "bars", "time", "profile", "money",
        "region", "category", "value", "-value", "period", "doc", "-raw", "助学", "golden autumn", "1",
        "https://example.org/d.json", "data/other.json", "javascript:alert(1)", "data:application/json,{}",
        "//evil.example/x", "file:///etc/passwd", "HTTPS://EXAMPLE.ORG/A.JSON",
    ];
    if rng.chance(2) {
        (*rng.pick(&IDS)).to_owned()
    } else {
        (*rng.pick(values)).to_owned()
    }
}

fn hostile_value(rng: &mut Rng) -> String {
    match rng.below(24) {
        0..=3 => valid_value(rng),
        4 | 5 => (0..rng.below(20)).map(|_| char::from(0x20 + rng.below(0x5F) as u8)).collect(),
        6 => (0..rng.below(12)).map(|_| rng.any_char()).collect(),
        7 | 8 => {
            let escapes = [
                "%", "%%", "%G1", "%FF%FE", "%C3", "%E5%8A", "%00", "%25", "%2", "%zz", "%E5%8A%A9", "%26", "%3D", "%2C",
                "%ED%A0%80", "%F4%90%80%80", "%C0%AF", "%0A", "%7F", "%2B", "+",
            ];
            (0..1 + rng.below(5)).map(|_| *rng.pick(&escapes)).collect()
        }
        9 | 10 => (*rng.pick(&[
            "99999999999999999999", "-1", "0", "1e400", "NaN", "inf", "-0", "18446744073709551616", "2147483648",
            "-2147483649", "0x7E5", "٢٠٢١", "２０２１", "2021.0", "2_021",
        ]))
        .to_owned(),
        11 | 12 => (*rng.pick(&[
            "-99999999999-99999999999", "2024-2011", "2021-", "-2021", "2021--2022", " 2021", "2021 ", "0000-9999",
            "1948-2021", "2021-2101", "2018-2023-2024", "2018‐2023", "2018%2D2023", "+2021", "02021", "2021-2021",
            "1949-2100", "9999", "-",
        ]))
        .to_owned(),
        13 | 14 => (*rng.pick(&[
            "atlantis", "fujian,atlantis", ",,,", "FUJIAN", "fujian,,fujian", " fujian ", "fujian%2Catlantis",
            "../../etc/passwd", "fujian;quanzhou", "__proto__", "constructor", "fj2021-f999", "-value-", "--value",
        ]))
        .to_owned(),
        15 | 16 => (*rng.pick(&[
            "金秋助学", "福建省总工会", "👷‍♀️🛠️", "\u{202E}evil\u{202C}", "مرحبا", "שלום", "a\u{0}b", "\u{0}",
            "\u{200B}\u{FEFF}", "e\u{301}\u{301}\u{301}", "\u{3000}泉州\u{3000}", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u{FFFD}",
        ]))
        .to_owned(),
        17 | 18 => (*rng.pick(&[
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "\"><svg onload=alert(1)>",
            "'; DROP TABLE facts; --", "{{7*7}}", "${7*7}",
        ]))
        .to_owned(),
        19 | 20 => (*rng.pick(&["==", "=a=b", "&", "&&&", "?", "#", "a=b", "=", "?tab=table", "#rec=x"])).to_owned(),
        21 => (0..rng.below(400)).map(|_| *rng.pick(&['a', '助', ' ', '%', '-', '9'])).collect(),
        22 => {
            let unit = *rng.pick(&["a", "助", "2021-", "%FF", "x y", "👷"]);
            unit.repeat(if rng.chance(60) { 100_000 } else { 1 + rng.below(300) })
        }
        _ => String::new(),
    }
}

fn hostile_name(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=6 => (*rng.pick(&KEYS)).to_owned(),
        7 => (*rng.pick(&["t%61b", "%72", "TAB", " tab", "tab ", "q[]", "r%00", "lang%3D", "%FF"])).to_owned(),
        8 => (*rng.pick(&["", "foo", "utm_source", "__proto__", "constructor", "tab.x", "😀"])).to_owned(),
        _ => hostile_value(rng),
    }
}

/// A query string as it might arrive in a hostile link (without the leading `?`, though some
/// carry one of their own).
fn hostile_query(rng: &mut Rng) -> String {
    let mut params: Vec<String> = Vec::new();
    for _ in 0..rng.below(8) {
        let param = match rng.below(12) {
            0 if !params.is_empty() => rng.pick(&params).clone(),
            1 => hostile_name(rng),
            2 => format!("={}", hostile_value(rng)),
            _ => format!("{}={}", hostile_name(rng), hostile_value(rng)),
        };
        params.push(param);
    }
    let separator = *rng.pick(&["&", "&", "&", "&&&", "&=&"]);
    let mut query = params.join(separator);
    if rng.chance(8) {
        query.insert(0, '?');
    }
    if rng.chance(8) {
        query.push('&');
    }
    query
}

/// The query with what a browser would change in a URL percent-encoded (controls, spaces,
/// `#`, anything not ASCII), so a browser test sees exactly these bytes in `location.search`;
/// decoding gives the same parameters, so the state is the same.
fn url_safe(query: &str) -> String {
    let mut out = String::new();
    for c in query.chars() {
        if c.is_ascii_graphic() && c != '#' {
            out.push(c);
        } else {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// Checks every property of the view state parsed from `query`.
fn check_query(query: &str, data: &Dataset) {
    let (state, ignored) = ViewState::from_query(query, data);
    let reported: HashSet<(&str, &str)> = ignored.iter().map(|i| (i.name.as_str(), i.value.as_str())).collect();
    // the notice repeats names and values clipped, and lists at most MAX_IGNORED of them
    let full = ignored.len() >= MAX_IGNORED;
    let was_reported = |name: &str, value: &str| full || reported.contains(&(clip(name).as_str(), clip(value).as_str()));
    let pairs = parse_query(query);
    let short = || query.chars().take(300).collect::<String>();

    // Every parameter is applied or reported, and only parameters of the query are reported.
    let mut seen = HashSet::new();
    for (name, value) in &pairs {
        let first = seen.insert(name.as_str());
        let is_reported = was_reported(name, value);
        if !KEYS.contains(&name.as_str()) || !first {
            assert!(is_reported, "{name}={value} not reported in {:?}", short());
            continue;
        }
        let applied = match name.as_str() {
            "tab" => Tab::from_code(value) == Some(state.tab),
            "lang" => Lang::from_code(value).is_some_and(|lang| state.lang == Some(lang)),
            "r" | "c" | "d" => {
                let set = match name.as_str() {
                    "r" => &state.filter.regions,
                    "c" => &state.filter.categories,
                    _ => &state.filter.docs,
                };
                value.split(',').map(str::trim).filter(|id| !id.is_empty()).all(|id| set.contains(id) || was_reported(name, id))
            }
            "y" => parse_year_range(value).is_some_and(|years| state.filter.years == Some(years)),
            "tl" => union_explorer::timeline::Window::parse(value).is_some_and(|window| state.timeline == Some(window)),
            "order" => union_explorer::state::Order::from_code(value) == Some(state.order),
            "q" => {
                state.filter.text == value.trim()
                    || (state.filter.text.is_empty() && ignored.iter().any(|i| i.name == "q" && i.reason == IgnoreReason::TooLong))
            }
            "chart" => ChartKind::from_code(value) == Some(state.chart),
            "lanes" => Lanes::from_code(value) == Some(state.lanes),
            "sort" => state.sort.is_some_and(|sort| format!("{}{}", if sort.descending { "-" } else { "" }, sort.key.code()) == *value),
            "ind" => state.indicator.as_deref() == Some(value.as_str()) && data.indicator(value).is_some(),
            "rec" => state.record.as_deref() == Some(value.as_str()) && find_record(data, value).is_some(),
            "embed" => value == "1" && state.embed,
            "data" => {
                (state.data.as_deref() == Some(value.trim()) && is_dataset_address(value))
                    || (state.data.is_none() && ignored.iter().any(|i| i.name == "data" && i.reason == IgnoreReason::TooLong))
            }
            _ => false,
        };
        assert!(applied || is_reported, "{name}={value} neither applied nor reported in {:?}: {state:?}", short());
    }
    for item in &ignored {
        assert!(pairs.iter().any(|(name, _)| clip(name) == item.name), "{item:?} is not in {:?}", short());
    }

    assert!(state.filter.text.chars().count() <= MAX_SEARCH_CHARS, "{:?}", short());

    // What the state writes back reads as the same state, with nothing to report.
    let written = state.to_query();
    let (again, ignored_again) = ViewState::from_query(&written, data);
    assert!(ignored_again.is_empty(), "{written}: {ignored_again:?}");
    assert_eq!(again, state, "{written} from {:?}", short());

    // The form a browser keeps in its address bar means the same.
    assert_eq!(ViewState::from_query(&url_safe(query), data), (state, ignored), "{:?}", short());
}

#[test]
fn hostile_links_never_break_the_view_state() {
    let data = embedded();
    let mut rng = Rng(0x0114_B50F_1EE7);
    for _ in 0..4000 {
        check_query(&hostile_query(&mut rng), &data);
    }
    for query in ["", "?", "&&&", "==", "=", "?&=&", "y=-99999999999-99999999999", "y=2024-2011&tl=0000-9999", "%FF%FE=%FF%FE"] {
        check_query(query, &data);
    }
    let long = "助".repeat(100_000);
    for query in [format!("q={long}"), format!("r={}", "atlantis,".repeat(10_000)), format!("{long}={long}"), format!("rec={long}")] {
        check_query(&query, &data);
    }
}

#[test]
fn a_garbage_value_for_a_known_key_is_reported() {
    let data = embedded();
    let mut rng = Rng(7);
    for key in KEYS {
        for _ in 0..50 {
            let value = hostile_value(&mut rng);
            let query = format!("{key}={}", union_explorer::state::encode_component(&value));
            let (state, ignored) = ViewState::from_query(&query, &data);
            let default_value = matches!((key, value.as_str()), ("tab", "timeline") | ("chart", "bars") | ("lanes", "region") | ("order", "oldest"));
            let empty = value.split(',').all(|v| v.trim().is_empty());
            if state == ViewState::default() && !default_value && !empty {
                assert!(!ignored.is_empty(), "{query}");
            }
        }
    }
}

const HOSTILE_QUERIES: &str = "hostile-queries.json";
const FIXTURE_QUERIES: usize = 300;
const FIXTURE_QUERY_CHARS: usize = 2000;

/// The first distinct hostile queries short enough for a URL, in the form a browser keeps.
fn fixture_queries() -> Vec<String> {
    let mut rng = Rng(0x0F1C_57E5);
    let mut seen = HashSet::new();
    std::iter::repeat_with(|| url_safe(&hostile_query(&mut rng)))
        .filter(|q| q.len() <= FIXTURE_QUERY_CHARS && seen.insert(q.clone()))
        .take(FIXTURE_QUERIES)
        .collect()
}

#[test]
fn the_hostile_query_fixture_is_current() {
    let data = embedded();
    // each query with what the browser must show for it: how many parameters the notice lists,
    // and whether it names an outside dataset (whose ids are judged only once it is in)
    let expected: Vec<Value> = fixture_queries()
        .into_iter()
        .map(|query| {
            let (state, ignored) = ViewState::from_query(&query, &data);
            json!({ "query": query, "ignored": ignored.len(), "outside_data": state.data.is_some() })
        })
        .collect();
    let path = fixtures().join(HOSTILE_QUERIES);
    if std::env::var("UE_WRITE_FIXTURES").is_ok_and(|v| v == "1") {
        let text = serde_json::to_string_pretty(&expected).expect("values serialise");
        std::fs::write(&path, text + "\n").expect("fixture written");
    }
    let committed: Vec<Value> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    assert!(
        committed == expected,
        "{} differs from what the generator produces; regenerate it with `UE_WRITE_FIXTURES=1 cargo test --test fuzz`",
        path.display()
    );
    for entry in &committed {
        let query = entry["query"].as_str().unwrap_or_default();
        assert!(query.len() <= FIXTURE_QUERY_CHARS && query.is_ascii() && !query.contains('#'), "{query}");
        check_query(query, &data);
    }
}

// ---------------------------------------------------------------------------------------------
// Dataset files

fn small_json() -> String {
    std::fs::read_to_string(fixtures().join("datasets/small.json")).expect("small.json readable")
}

fn open_value(value: &Value) -> Result<Dataset, OpenError> {
    open_dataset(value.to_string().as_bytes())
}

/// Sets the value at a JSON pointer, adding the last key to its object when missing.
fn set(value: &mut Value, pointer: &str, replacement: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer below the root");
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.insert(key.to_owned(), replacement);
        }
        Some(Value::Array(items)) => items[key.parse::<usize>().expect("an index")] = replacement,
        _ => panic!("no object or array at {parent}"),
    }
}

/// The problems of an `Invalid` error, or a failure naming what came instead.
fn problems(result: Result<Dataset, OpenError>, case: &str) -> Vec<Problem> {
    match result {
        Err(OpenError::Invalid(problems)) => problems,
        other => panic!("{case}: expected Invalid, got {:?}", other.map(|_| "a dataset")),
    }
}

fn names(problems: &[Problem], kind: &str, id: &str, field: &str) -> bool {
    problems.iter().any(|p| p.record_kind == kind && p.record_id == id && p.field == field)
}

/// Whatever went wrong, the error describes itself briefly and in one line.
fn check_error_text(error: &OpenError) {
    for lang in Lang::ALL {
        let summary = error.summary(lang);
        assert!(!summary.is_empty() && !summary.contains('\n') && summary.chars().count() < 700, "{summary}");
    }
    let details = error.details();
    assert!(details.len() <= MAX_PROBLEMS + 1);
    for detail in details {
        assert!(detail.chars().count() < 1000, "{}", detail.chars().take(200).collect::<String>());
    }
}

#[test]
fn the_embedded_dataset_opens() {
    let opened = open_dataset(union_explorer::embedded::DATASET_JSON.as_bytes()).expect("opens");
    assert_eq!(opened, embedded());
}

#[test]
fn random_bytes_never_open() {
    let mut rng = Rng(0xB17E5);
    let tokens = [
        "{", "}", "[", "]", ":", ",", "\"schema\"", "\"union-explorer-dataset\"", "\"facts\"", "null", "true", "1e400", "-0",
        "\"\\ud800\"", "\"\\u0000\"", "\"", "\\", " ", "1", "[]", "{}",
    ];
    for round in 0..600 {
        let bytes: Vec<u8> = match round % 3 {
            0 => (0..rng.below(2000)).map(|_| rng.next() as u8).collect(),
            1 => (0..rng.below(200)).map(|_| rng.any_char()).collect::<String>().into_bytes(),
            _ => (0..rng.below(60)).map(|_| *rng.pick(&tokens)).collect::<String>().into_bytes(),
        };
        let error = open_dataset(&bytes).expect_err("random bytes are no dataset");
        if std::str::from_utf8(&bytes).is_err() {
            assert!(matches!(error, OpenError::NotJson { .. }), "{error:?}");
        }
        check_error_text(&error);
    }
}

#[test]
fn truncated_files_are_not_json() {
    let mut rng = Rng(0x7C47);
    let whole = union_explorer::embedded::DATASET_JSON.trim_end();
    let small = small_json();
    let small = small.trim_end();
    let cuts = (0..50).map(|_| (whole, rng.below(whole.len()))).chain((0..small.len()).step_by(5).map(|cut| (small, cut)));
    for (text, cut) in cuts {
        let error = open_dataset(&text.as_bytes()[..cut]).expect_err("a truncated file is no dataset");
        match &error {
            OpenError::NotJson { line, column, .. } => assert!(*line >= 1 && *column <= cut + 1, "{error:?} at {cut}"),
            other => panic!("cut at {cut}: {other:?}"),
        }
        check_error_text(&error);
    }
}

#[test]
fn a_wrong_type_names_the_path_to_the_field() {
    let small: Value = serde_json::from_str(&small_json()).expect("small.json is JSON");
    let cases: Vec<(&str, Value, &str)> = vec![
        ("/facts/3/value", json!("12万"), "facts[3].value"),
        ("/facts/0/line", json!(-1), "facts[0].line"),
        ("/facts/0/line", json!(18446744073709551616.0), "facts[0].line"),
        ("/facts/1/unit", json!("yuan"), "facts[1].unit"),
        ("/facts/1/also_lines", json!({"0": 3}), "facts[1].also_lines"),
        ("/events/0/people", json!("Yin Li"), "events[0].people"),
        ("/events/1/date_start", json!("2023-13"), "events[1].date_start"),
        ("/documents", json!({"fj2021": {}}), "documents"),
        ("/regions/0/level", json!(5), "regions[0].level"),
        ("/categories/0", json!(null), "categories[0]"),
        ("/schema_version", json!("1"), "schema_version"),
    ];
    for (pointer, replacement, path) in cases {
        let mut broken = small.clone();
        set(&mut broken, pointer, replacement);
        match open_value(&broken) {
            Err(error @ OpenError::Shape { .. }) => {
                check_error_text(&error);
                let OpenError::Shape { path: found, .. } = &error else { unreachable!() };
                assert_eq!(found, path, "{error:?}");
                assert!(error.summary(Lang::En).contains(path));
            }
            other => panic!("{pointer}: expected Shape, got {:?}", other.map(|_| "a dataset")),
        }
    }
    // a field the schema does not have, and one it needs
    let mut extra = small.clone();
    extra["facts"][2]["colour"] = json!("red");
    let error = open_value(&extra);
    assert!(matches!(&error, Err(OpenError::Shape { path, message }) if path == "facts[2].colour" && message.contains("unknown field")), "{error:?}");
    let mut missing = small.clone();
    missing["events"][1].as_object_mut().expect("an event").remove("title_en");
    assert!(matches!(open_value(&missing), Err(OpenError::Shape { path, message }) if path == "events[1]" && message.contains("title_en")));
}

#[test]
fn unknown_references_name_record_and_field() {
    let small: Value = serde_json::from_str(&small_json()).expect("small.json is JSON");
    let cases = [
        ("/facts/0/region", "fact", "/facts/0/id", "region"),
        ("/facts/1/indicator", "fact", "/facts/1/id", "indicator"),
        ("/facts/2/doc", "fact", "/facts/2/id", "doc"),
        ("/facts/2/category", "fact", "/facts/2/id", "category"),
        ("/events/0/region", "event", "/events/0/id", "region"),
        ("/events/1/doc", "event", "/events/1/id", "doc"),
        ("/documents/0/region", "document", "/documents/0/id", "region"),
        ("/regions/1/parent", "region", "/regions/1/id", "parent"),
    ];
    for (pointer, kind, id_pointer, field) in cases {
        let mut broken = small.clone();
        set(&mut broken, pointer, json!("atlantis"));
        let id = broken.pointer(id_pointer).and_then(Value::as_str).expect("an id").to_owned();
        let problems = problems(open_value(&broken), pointer);
        assert!(names(&problems, kind, &id, field), "{pointer}: {problems:#?}");
        assert!(problems.iter().any(|p| p.message.contains("atlantis")), "{problems:#?}");
    }
}

#[test]
fn huge_numbers_are_rejected() {
    let small: Value = serde_json::from_str(&small_json()).expect("small.json is JSON");
    let id = small["facts"][0]["id"].as_str().expect("an id").to_owned();
    let with_value = |literal: &str| {
        let mut broken = small.clone();
        broken["facts"][0]["value"] = json!("VALUE");
        broken.to_string().replace("\"VALUE\"", literal)
    };
    for literal in ["1e300", "-1e300", "18446744073709551616", "1e16", "-0.5"] {
        let problems = problems(open_dataset(with_value(literal).as_bytes()), literal);
        assert!(names(&problems, "fact", &id, "value"), "{literal}: {problems:#?}");
    }
    for literal in ["1e400", "-1e400"] {
        assert!(matches!(open_dataset(with_value(literal).as_bytes()), Err(OpenError::NotJson { .. })), "{literal}");
    }
    let mut far_line = small.clone();
    far_line["facts"][0]["line"] = json!(u32::MAX);
    assert!(names(&problems(open_value(&far_line), "line"), "fact", &id, "line"));
    let mut far_year = small.clone();
    far_year["events"][0]["date_end"] = json!("9999-12-31");
    let event = small["events"][0]["id"].as_str().expect("an id");
    assert!(names(&problems(open_value(&far_year), "year"), "event", event, "date_end"));
}

#[test]
fn markup_in_text_is_kept_as_text() {
    let mut data: Value = serde_json::from_str(&small_json()).expect("small.json is JSON");
    let script = "<script>alert(1)</script>";
    let image = "<img src=x onerror=alert(1)>";
    data["documents"][0]["title_en"] = json!(script);
    data["events"][0]["title_zh"] = json!(image);
    data["facts"][0]["note_en"] = json!(format!("{script}{image}"));
    let opened = open_value(&data).expect("markup is text, and text is allowed");
    assert_eq!(opened.documents[0].title_en, script);
    assert_eq!(opened.events[0].title_zh, image);
}

#[test]
fn megabyte_strings_are_rejected_briefly() {
    let small: Value = serde_json::from_str(&small_json()).expect("small.json is JSON");
    let long = "长".repeat(1 << 20);
    let event = small["events"][0]["id"].as_str().expect("an id").to_owned();
    for (pointer, kind, field) in [
        ("/events/0/title_en", "event", "title_en"),
        ("/events/0/quote", "event", "quote"),
        ("/facts/0/raw", "fact", "raw"),
        ("/facts/0/region", "fact", "region"),
        ("/facts/0/id", "fact", "id"),
        ("/documents/0/summary_zh", "document", "summary_zh"),
    ] {
        let mut broken = small.clone();
        set(&mut broken, pointer, json!(long));
        let error = open_value(&broken).expect_err("too long");
        check_error_text(&error);
        let OpenError::Invalid(problems) = &error else { panic!("{pointer}: {error:?}") };
        assert!(problems.iter().any(|p| p.record_kind == kind && p.field == field), "{pointer}: {:?}", error.details());
    }
    let mut broken = small.clone();
    broken["events"][0]["people"] = json!([{"zh": long, "en": "A"}]);
    assert!(names(&problems(open_value(&broken), "people"), "event", &event, "people"));
    // an unknown field or variant with a huge name is quoted briefly
    let mut broken = small.clone();
    broken["facts"][0][long.as_str()] = json!(1);
    broken["facts"][1]["unit"] = json!(long);
    let error = open_value(&broken).expect_err("unknown field");
    assert!(matches!(error, OpenError::Shape { .. }), "{:?}", error.details());
    check_error_text(&error);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let depth = 100_000;
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    let small = small_json();
    let cases = [
        arrays.clone(),
        objects.clone(),
        format!("{{\"schema\":{arrays}}}"),
        format!("{{\"future\":{objects},\"schema\":\"union-explorer-dataset\",\"schema_version\":2}}"),
        small.replacen("\"documents\": [", &format!("\"documents\": [{arrays},"), 1),
        small.replacen("\"people\": [", &format!("\"people\": [{objects},"), 1),
        small.replacen("\"level\": \"province\"", &format!("\"level\": {arrays}"), 1),
        "[".repeat(depth),
    ];
    for case in cases {
        let error = open_dataset(case.as_bytes()).expect_err("nesting is no dataset");
        check_error_text(&error);
    }
}

#[test]
fn other_schemas_and_empty_files_say_so() {
    let small: Value = serde_json::from_str(&small_json()).expect("small.json is JSON");
    let schema_problem = |result: Result<Dataset, OpenError>, case: &str| {
        let problems = problems(result, case);
        assert!(problems.iter().any(|p| p.record_kind == "dataset" && p.field == "schema"), "{case}: {problems:#?}");
    };
    let mut renamed = small.clone();
    renamed["schema"] = json!("some-other-dataset");
    schema_problem(open_value(&renamed), "renamed");
    let mut newer = small.clone();
    newer["schema_version"] = json!(2);
    schema_problem(open_value(&newer), "newer");
    // a later version may have fields this one does not know: the version is what to report
    newer["facts"][0]["confidence"] = json!(0.9);
    schema_problem(open_value(&newer), "newer with new fields");
    let error = open_value(&newer).expect_err("newer");
    assert!(error.summary(Lang::En).contains("version 1"), "{}", error.summary(Lang::En));

    let root_shape = |text: &str, needle: &str| match open_dataset(text.as_bytes()) {
        Err(OpenError::Shape { path, message }) => assert!(path.is_empty() && message.contains(needle), "{text}: {path} {message}"),
        other => panic!("{text}: {:?}", other.map(|_| "a dataset")),
    };
    root_shape("{}", "missing field `schema`");
    root_shape("null", "null");
    root_shape("[]", "");
    root_shape("\"union-explorer-dataset\"", "string");
    root_shape("{\"schema\":\"union-explorer-dataset\",\"schema_version\":1}", "documents");
    for text in ["", "   ", "\u{feff}", "{", "nul"] {
        assert!(matches!(open_dataset(text.as_bytes()), Err(OpenError::NotJson { .. })), "{text:?}");
    }
}

#[test]
fn files_over_the_limit_are_refused_unread() {
    let bytes = vec![b' '; MAX_DATASET_BYTES + 1];
    let error = open_dataset(&bytes).expect_err("too large");
    assert_eq!(error, OpenError::TooLarge { bytes: MAX_DATASET_BYTES + 1, limit: MAX_DATASET_BYTES });
    check_error_text(&error);
}

#[test]
fn the_problem_list_is_capped() {
    let mut data: Value = serde_json::from_str(&small_json()).expect("small.json is JSON");
    let template = data["facts"][0].clone();
    let facts = data["facts"].as_array_mut().expect("facts");
    for i in 0..1000 {
        let mut fact = template.clone();
        fact["id"] = json!(format!("copy-{i}"));
        fact["region"] = json!("atlantis");
        facts.push(fact);
    }
    let error = open_value(&data).expect_err("broken");
    let OpenError::Invalid(problems) = &error else { panic!("{error:?}") };
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    let last = error.details().pop().expect("a last entry");
    assert!(last.contains("more problem"), "{last}");
    assert!(error.summary(Lang::En).contains(&format!("more than {MAX_PROBLEMS}")), "{}", error.summary(Lang::En));
    check_error_text(&error);
}

/// A JSON pointer to a random node of `value` (the root included).
fn random_pointer(value: &Value, rng: &mut Rng) -> String {
    let mut pointer = String::new();
    let mut node = value;
    loop {
        match node {
            Value::Object(map) if !map.is_empty() && !rng.chance(4) => {
                let (key, child) = map.iter().nth(rng.below(map.len())).expect("an entry");
                pointer = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                node = child;
            }
            Value::Array(items) if !items.is_empty() && !rng.chance(4) => {
                let index = rng.below(items.len());
                pointer = format!("{pointer}/{index}");
                node = &items[index];
            }
            _ => return pointer,
        }
    }
}

/// Random edits anywhere in a valid file: whatever comes out, nothing panics and every error
/// describes itself briefly.
#[test]
fn random_edits_never_panic() {
    let small: Value = serde_json::from_str(&small_json()).expect("small.json is JSON");
    let mut rng = Rng(0xED17);
    let replacements = [
        json!(null),
        json!(true),
        json!(-1),
        json!(0),
        json!(4_294_967_296_u64),
        json!(1e300),
        json!(""),
        json!(" "),
        json!("atlantis"),
        json!("2021-02-30"),
        json!("<script>alert(1)</script>"),
        json!("\u{0}\u{7}"),
        json!([]),
        json!({}),
        json!(["x"]),
        json!({"zh": "名", "en": "Name"}),
    ];
    for _ in 0..400 {
        let mut edited = small.clone();
        for _ in 0..1 + rng.below(3) {
            let pointer = random_pointer(&edited, &mut rng);
            let replacement = rng.pick(&replacements).clone();
            *edited.pointer_mut(&pointer).expect("the pointer was just walked") = replacement;
        }
        if let Err(error) = open_value(&edited) {
            check_error_text(&error);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The dataset fixtures of the browser tests

#[test]
fn dataset_fixtures_open_or_fail_as_intended() {
    let dir = fixtures().join("datasets");
    let open = |name: &str| open_dataset(&std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}")));

    let small = open("small.json").unwrap_or_else(|e| panic!("small.json: {:?}", e.details()));
    assert!(small.documents.iter().all(|d| d.title_en.contains("Sample dataset") && d.title_zh.contains("样例数据集")));
    assert!((1..=2).contains(&small.documents.len()) && (3..=8).contains(&small.facts.len()) && (2..=5).contains(&small.events.len()));

    let scripts = open("script-tags.json").unwrap_or_else(|e| panic!("script-tags.json: {:?}", e.details()));
    assert!(scripts.documents[0].title_en.contains("<script>alert(1)</script>"));
    assert!(scripts.events[0].title_en.contains("<img src=x onerror=alert(1)>"));

    for name in ["truncated.json", "not-json.txt"] {
        assert!(matches!(open(name), Err(OpenError::NotJson { .. })), "{name}");
    }
    assert!(matches!(open("wrong-types.json"), Err(OpenError::Shape { path, .. }) if path == "facts[1].value"));

    let fact = |i: usize| small.facts[i].id.as_str();
    let event = |i: usize| small.events[i].id.as_str();
    let refs = problems(open("unknown-refs.json"), "unknown-refs.json");
    for (kind, id, field) in [("fact", fact(0), "region"), ("fact", fact(1), "indicator"), ("fact", fact(2), "doc"), ("event", event(0), "category")] {
        assert!(names(&refs, kind, id, field), "unknown-refs.json: {kind} {id} {field}: {refs:#?}");
    }
    let huge = problems(open("huge-numbers.json"), "huge-numbers.json");
    for (id, field) in [(fact(0), "value"), (fact(1), "value"), (fact(2), "value"), (fact(3), "line")] {
        assert!(names(&huge, "fact", id, field), "huge-numbers.json: {id} {field}: {huge:#?}");
    }
    let long = problems(open("long-strings.json"), "long-strings.json");
    assert!(names(&long, "event", event(0), "title_en") && names(&long, "fact", fact(0), "note_en"), "{long:#?}");
    let schema = problems(open("wrong-schema.json"), "wrong-schema.json");
    assert!(schema.iter().any(|p| p.record_kind == "dataset" && p.field == "schema"), "{schema:#?}");
}
