//! The view state: everything that changes what is shown, parsed from and written to the
//! page's query string, so that every view is a link.
//!
//! | parameter | values | meaning |
//! |---|---|---|
//! | `tab` | `timeline` `charts` `table` `documents` | the open view (default `timeline`) |
//! | `lang` | `zh` `en` | interface language (default: the browser's) |
//! | `r` | region ids, comma-separated | regions (each includes the regions below it) |
//! | `c` | category ids, comma-separated | categories |
//! | `d` | document ids, comma-separated | source reports |
//! | `y` | `2018-2023` or `2021` | years a record must overlap |
//! | `q` | text | search in titles, indicators, notes, names and regions |
//! | `chart` | `bars` `time` `profile` `money` | which chart the Charts tab shows |
//! | `ind` | indicator id | the indicator of the bars and time charts |
//! | `tl` | `2016-2021` | the timeline's zoomed year range |
//! | `lanes` | `region` `category` | how the timeline is split into lanes (default `region`) |
//! | `sort` | `value`, `-value`, `period`, … | the table's sort column; `-` for descending |
//! | `rec` | fact or event id | the record opened in the record view |

use crate::explore::Filter;
use crate::i18n::Lang;
use crate::model::Dataset;
// years a link may name are those a dataset may hold; anything else is a typo or garbage
use crate::validate::YEARS;

crate::coded_enum! {
    /// The views of the explorer, one tab each.
    pub enum Tab {
        Timeline = "timeline",
        Charts = "charts",
        Table = "table",
        Documents = "documents",
    }
}

crate::coded_enum! {
    /// The four charts of the Charts tab.
    pub enum ChartKind {
        /// One indicator across regions.
        Bars = "bars",
        /// One indicator over time, each value drawn over the period it covers.
        Time = "time",
        /// Facts and events per category for each region.
        Profile = "profile",
        /// Money by category and region.
        Money = "money",
    }
}

crate::coded_enum! {
    /// What the timeline's lanes group by.
    pub enum Lanes {
        Region = "region",
        Category = "category",
    }
}

crate::coded_enum! {
    /// Table columns that can be sorted, in the table's order.
    pub enum SortKey {
        Indicator = "indicator",
        Value = "value",
        Raw = "raw",
        Qualifier = "qualifier",
        Region = "region",
        Period = "period",
        Document = "doc",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Ignored parameters listed at most.
pub const MAX_IGNORED: usize = 50;

/// Characters of an ignored name or value the notice repeats.
const MAX_IGNORED_CHARS: usize = 80;

/// An ignored name or value as the notice repeats it: at most `MAX_IGNORED_CHARS` characters.
pub fn clip(text: &str) -> String {
    crate::validate::clipped(text, MAX_IGNORED_CHARS)
}

/// The longest search text a link may carry.
pub const MAX_SEARCH_CHARS: usize = 200;


#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ViewState {
    pub tab: Tab,
    /// `None`: follow the browser.
    pub lang: Option<Lang>,
    pub filter: Filter,
    pub chart: ChartKind,
    /// The indicator of the bars and time charts; `None` picks the best-covered one.
    pub indicator: Option<String>,
    /// The timeline's zoom; `None` shows every year of the data.
    pub timeline: Option<(i32, i32)>,
    pub lanes: Lanes,
    /// `None`: the order of the reports.
    pub sort: Option<Sort>,
    /// The fact or event open in the record view.
    pub record: Option<String>,
    /// Shown inside another page: the view alone, with a link to the full explorer.
    pub embed: bool,
    /// Where an outside dataset in the export schema comes from; `None`: the built-in one.
    pub data: Option<String>,
}

/// The longest dataset address a link may carry.
pub const MAX_DATA_URL_CHARS: usize = 2000;

/// An address a dataset may be fetched from: http(s), or a path relative to the explorer.
/// Other schemes (`javascript:`, `data:`, `file:`) are refused.
pub fn is_dataset_address(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    if lower.is_empty() || lower.chars().any(char::is_control) {
        return false;
    }
    match lower.split_once(':') {
        // a colon after the first slash, `?` or `#` belongs to a relative path, not a scheme
        Some((before, _)) if !before.contains(['/', '?', '#']) => {
            (before == "https" || before == "http") && lower.contains("://")
        }
        _ => !lower.starts_with("//"),
    }
}

/// A query parameter that was not applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredParam {
    pub name: String,
    pub value: String,
    pub reason: IgnoreReason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IgnoreReason {
    UnknownParameter,
    InvalidValue,
    /// An id the dataset does not have.
    UnknownId,
    Repeated,
    TooLong,
    /// An old indicator id, applied as the indicator that took it over (named here).
    RenamedTo(String),
}

impl IgnoreReason {
    /// Why, in words for the notice.
    pub fn text(&self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            IgnoreReason::UnknownParameter => Text { zh: "未知参数", en: "unknown parameter" },
            IgnoreReason::InvalidValue => Text { zh: "无效的值", en: "invalid value" },
            IgnoreReason::UnknownId => Text { zh: "数据中没有此项", en: "not in the dataset" },
            IgnoreReason::Repeated => Text { zh: "重复", en: "given twice" },
            IgnoreReason::TooLong => Text { zh: "过长", en: "too long" },
            IgnoreReason::RenamedTo(_) => Text { zh: "已更名为", en: "renamed to" },
        }
    }

    /// Why, with what it became where it became something.
    pub fn words(&self, lang: crate::i18n::Lang) -> String {
        match self {
            IgnoreReason::RenamedTo(new) => format!("{} {new}", self.text().get(lang)),
            _ => self.text().get(lang).to_owned(),
        }
    }
}

/// `2018-2023` or `2021`, within sensible years and in order.
pub fn parse_year_range(text: &str) -> Option<(i32, i32)> {
    let year = |t: &str| t.parse::<i32>().ok().filter(|y| t.len() == 4 && YEARS.contains(y));
    let (from, to) = match text.split_once('-') {
        Some((a, b)) => (year(a)?, year(b)?),
        None => (year(text)?, year(text)?),
    };
    (from <= to).then_some((from, to))
}

fn write_year_range((from, to): (i32, i32)) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}-{to}")
    }
}

impl ViewState {
    /// Parses a query string (with or without the leading `?`) against the ids `data` knows.
    /// What cannot be applied is returned, never fatal: the valid rest still applies.
    pub fn from_query(query: &str, data: &Dataset) -> (Self, Vec<IgnoredParam>) {
        let mut state = ViewState::default();
        let mut ignored = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for (name, value) in parse_query(query) {
            // a hostile link cannot make the notice huge: values are clipped, and the list is capped
            let mut ignore = |value: &str, reason| {
                if ignored.len() < MAX_IGNORED {
                    ignored.push(IgnoredParam { name: clip(&name), value: clip(value), reason });
                }
            };
            if seen.contains(&name) {
                ignore(&value, IgnoreReason::Repeated);
                continue;
            }
            // Lists keep their known ids; each unknown one is reported on its own.
            let mut ids = |known: &dyn Fn(&str) -> bool, into: &mut std::collections::BTreeSet<String>| {
                for id in value.split(',').map(str::trim).filter(|id| !id.is_empty()) {
                    if known(id) {
                        into.insert(id.to_owned());
                    } else {
                        ignore(id, IgnoreReason::UnknownId);
                    }
                }
                Some(())
            };
            let applied = match name.as_str() {
                "tab" => Tab::from_code(&value).map(|tab| state.tab = tab),
                "lang" => Lang::from_code(&value).map(|lang| state.lang = Some(lang)),
                "r" => ids(&|id| data.region(id).is_some(), &mut state.filter.regions),
                "c" => ids(&|id| data.category(id).is_some(), &mut state.filter.categories),
                "d" => ids(&|id| data.document(id).is_some(), &mut state.filter.docs),
                "y" => parse_year_range(&value).map(|years| state.filter.years = Some(years)),
                "q" if value.chars().count() > MAX_SEARCH_CHARS => {
                    ignore(&value.chars().take(40).collect::<String>(), IgnoreReason::TooLong);
                    Some(())
                }
                "q" => {
                    state.filter.text = value.trim().to_owned();
                    Some(())
                }
                "chart" => ChartKind::from_code(&value).map(|chart| state.chart = chart),
                "ind" if data.indicator(&value).is_some() => {
                    state.indicator = Some(value.clone());
                    Some(())
                }
                // an indicator split or renamed since the link was made: its successor, said so
                "ind" => {
                    match data.indicator_replacing(&value) {
                        Some(successor) => {
                            state.indicator = Some(successor.id.clone());
                            ignore(&value, IgnoreReason::RenamedTo(clip(&successor.id)));
                        }
                        None => ignore(&value, IgnoreReason::UnknownId),
                    }
                    Some(())
                }
                "tl" => parse_year_range(&value).map(|range| state.timeline = Some(range)),
                "lanes" => Lanes::from_code(&value).map(|lanes| state.lanes = lanes),
                "sort" => {
                    let (descending, code) = value.strip_prefix('-').map_or((false, value.as_str()), |c| (true, c));
                    SortKey::from_code(code).map(|key| state.sort = Some(Sort { key, descending }))
                }
                "rec" if crate::explore::find_record(data, &value).is_some() => {
                    state.record = Some(value.clone());
                    Some(())
                }
                "rec" => {
                    ignore(&value, IgnoreReason::UnknownId);
                    Some(())
                }
                "embed" => (value == "1").then(|| state.embed = true),
                "data" if value.chars().count() > MAX_DATA_URL_CHARS => {
                    ignore(&value.chars().take(40).collect::<String>(), IgnoreReason::TooLong);
                    Some(())
                }
                "data" => is_dataset_address(&value).then(|| state.data = Some(value.trim().to_owned())),
                _ => {
                    ignore(&value, IgnoreReason::UnknownParameter);
                    continue;
                }
            };
            if applied.is_none() {
                ignore(&value, IgnoreReason::InvalidValue);
            }
            seen.push(name);
        }
        (state, ignored)
    }

    /// The query string for this state, without the leading `?`; defaults are left out so
    /// links stay short.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(data) = &self.data {
            pairs.push(("data", data.clone()));
        }
        let list = |set: &std::collections::BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join(",");
        if self.tab != Tab::default() {
            pairs.push(("tab", self.tab.code().to_owned()));
        }
        if !self.filter.regions.is_empty() {
            pairs.push(("r", list(&self.filter.regions)));
        }
        if !self.filter.categories.is_empty() {
            pairs.push(("c", list(&self.filter.categories)));
        }
        if !self.filter.docs.is_empty() {
            pairs.push(("d", list(&self.filter.docs)));
        }
        if let Some(years) = self.filter.years {
            pairs.push(("y", write_year_range(years)));
        }
        if !self.filter.text.is_empty() {
            pairs.push(("q", self.filter.text.clone()));
        }
        if self.chart != ChartKind::default() {
            pairs.push(("chart", self.chart.code().to_owned()));
        }
        if let Some(indicator) = &self.indicator {
            pairs.push(("ind", indicator.clone()));
        }
        if let Some(range) = self.timeline {
            pairs.push(("tl", write_year_range(range)));
        }
        if self.lanes != Lanes::default() {
            pairs.push(("lanes", self.lanes.code().to_owned()));
        }
        if let Some(sort) = self.sort {
            pairs.push(("sort", format!("{}{}", if sort.descending { "-" } else { "" }, sort.key.code())));
        }
        if let Some(record) = &self.record {
            pairs.push(("rec", record.clone()));
        }
        if let Some(lang) = self.lang {
            pairs.push(("lang", lang.code().to_owned()));
        }
        if self.embed {
            pairs.push(("embed", "1".to_owned()));
        }
        pairs.iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect::<Vec<_>>().join("&")
    }
}

/// Splits `a=1&b=x%20y` into decoded pairs; empty pieces are skipped.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
            (decode_component(name), decode_component(value))
        })
        .collect()
}

/// Percent-decoding as browsers write query strings (`+` is a space); invalid escapes are
/// kept as they are rather than failing.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encoding for a query value: unreserved ASCII stays, everything else is escaped.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::embedded::dataset().expect("embedded dataset")
    }

    #[test]
    fn percent_coding_round_trips_and_tolerates_garbage() {
        for text in ["金秋助学", "a b&c=d", "%", "100%", "<script>", "a,b"] {
            assert_eq!(decode_component(&encode_component(text)), text);
        }
        assert_eq!(decode_component("%E5%8A%A9%E5%AD%A6+x"), "助学 x");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
    }

    #[test]
    fn dataset_addresses_are_http_or_relative() {
        for good in ["https://example.org/d.json", "HTTP://127.0.0.1:8080/x.json", "data/other.json", "/sets/a.json", "./a.json?v=1:2"] {
            assert!(is_dataset_address(good), "{good}");
        }
        for bad in ["javascript:alert(1)", "data:application/json,{}", "file:///etc/passwd", "//evil.example/x", "", " ", "https:x", "a\u{0}b"] {
            assert!(!is_dataset_address(bad), "{bad}");
        }
    }

    #[test]
    fn embed_and_data_round_trip() {
        let data = data();
        let (state, ignored) = ViewState::from_query("data=https%3A%2F%2Fexample.org%2Fd.json&embed=1&tab=charts", &data);
        assert!(ignored.is_empty(), "{ignored:?}");
        assert!(state.embed);
        assert_eq!(state.data.as_deref(), Some("https://example.org/d.json"));
        assert_eq!(ViewState::from_query(&state.to_query(), &data).0, state);
        let (state, ignored) = ViewState::from_query("embed=yes&data=javascript:alert(1)", &data);
        assert_eq!((state.embed, state.data), (false, None));
        assert_eq!(ignored.iter().map(|i| i.reason.clone()).collect::<Vec<_>>(), [IgnoreReason::InvalidValue, IgnoreReason::InvalidValue]);
    }

    #[test]
    fn year_ranges() {
        assert_eq!(parse_year_range("2018-2023"), Some((2018, 2023)));
        assert_eq!(parse_year_range("2021"), Some((2021, 2021)));
        for bad in ["2023-2018", "18-23", "2018-", "abcd", "3000", "2018-2023-2024", ""] {
            assert_eq!(parse_year_range(bad), None, "{bad}");
        }
    }

    #[test]
    fn invalid_parameters_are_ignored_and_the_rest_applies() {
        let data = data();
        let (state, ignored) =
            ViewState::from_query("?tab=charts&lang=xx&foo=1&tab=table&r=quanzhou,atlantis&y=2023-2018&sort=-value&", &data);
        assert_eq!(state.tab, Tab::Charts);
        assert_eq!(state.lang, None);
        assert_eq!(state.filter.regions.iter().collect::<Vec<_>>(), ["quanzhou"]);
        assert_eq!(state.filter.years, None);
        assert_eq!(state.sort, Some(Sort { key: SortKey::Value, descending: true }));
        let reasons: Vec<(&str, &str, IgnoreReason)> = ignored.iter().map(|i| (i.name.as_str(), i.value.as_str(), i.reason.clone())).collect();
        assert_eq!(
            reasons,
            vec![
                ("lang", "xx", IgnoreReason::InvalidValue),
                ("foo", "1", IgnoreReason::UnknownParameter),
                ("tab", "table", IgnoreReason::Repeated),
                ("r", "atlantis", IgnoreReason::UnknownId),
                ("y", "2023-2018", IgnoreReason::InvalidValue),
            ]
        );
    }

    #[test]
    fn an_old_indicator_id_opens_its_successor_and_says_so() {
        let mut data = data();
        let successor = data.indicators[0].id.clone();
        data.indicators[0].replaces = vec!["old_indicator".into()];
        let (state, ignored) = ViewState::from_query("tab=charts&ind=old_indicator", &data);
        assert_eq!(state.indicator.as_deref(), Some(successor.as_str()));
        assert_eq!(ignored, [IgnoredParam { name: "ind".into(), value: "old_indicator".into(), reason: IgnoreReason::RenamedTo(successor.clone()) }]);
        assert_eq!(ignored[0].reason.words(Lang::En), format!("renamed to {successor}"));
        assert_eq!(ignored[0].reason.words(Lang::Zh), format!("已更名为 {successor}"));
        // the link it writes back uses the new id
        assert!(state.to_query().contains(&format!("ind={successor}")), "{}", state.to_query());
        let (_, ignored) = ViewState::from_query("ind=never_an_indicator", &data);
        assert_eq!(ignored[0].reason, IgnoreReason::UnknownId);
    }

    #[test]
    fn overlong_search_text_is_ignored() {
        let long = "助".repeat(MAX_SEARCH_CHARS + 1);
        let (state, ignored) = ViewState::from_query(&format!("q={}", encode_component(&long)), &data());
        assert!(state.filter.text.is_empty());
        assert_eq!(ignored[0].reason, IgnoreReason::TooLong);
    }

    /// Any state reachable through the interface survives state -> URL -> state.
    #[test]
    fn every_reachable_state_survives_a_round_trip() {
        let data = data();
        let mut seed: u64 = 0x5eed;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n.max(1)
        };
        let texts = ["", "助学", "金秋 助学", "Golden autumn", "a&b=c?d#e", "100%", " 泉州 "];
        for _ in 0..500 {
            let mut state = ViewState {
                tab: Tab::ALL[next(4)],
                lang: [None, Some(Lang::Zh), Some(Lang::En)][next(3)],
                chart: ChartKind::ALL[next(4)],
                lanes: [Lanes::Region, Lanes::Category][next(2)],
                ..ViewState::default()
            };
            for _ in 0..next(3) {
                state.filter.regions.insert(data.regions[next(data.regions.len())].id.clone());
            }
            for _ in 0..next(3) {
                state.filter.categories.insert(data.categories[next(data.categories.len())].id.clone());
            }
            for _ in 0..next(2) {
                state.filter.docs.insert(data.documents[next(data.documents.len())].id.clone());
            }
            if next(2) == 1 {
                let from = 2014 + next(8) as i32;
                state.filter.years = Some((from, from + next(4) as i32));
            }
            state.filter.text = texts[next(texts.len())].trim().to_owned();
            if next(2) == 1 {
                state.indicator = Some(data.indicators[next(data.indicators.len())].id.clone());
            }
            if next(2) == 1 {
                let from = 2014 + next(8) as i32;
                state.timeline = Some((from, from + next(4) as i32));
            }
            if next(2) == 1 {
                state.sort = Some(Sort { key: SortKey::ALL[next(SortKey::ALL.len())], descending: next(2) == 1 });
            }
            if next(2) == 1 {
                state.record = Some(if next(2) == 1 {
                    data.facts[next(data.facts.len())].id.clone()
                } else {
                    data.events[next(data.events.len())].id.clone()
                });
            }
            let query = state.to_query();
            let (parsed, ignored) = ViewState::from_query(&query, &data);
            assert!(ignored.is_empty(), "{query}: {ignored:?}");
            assert_eq!(parsed, state, "{query}");
        }
        assert_eq!(ViewState::default().to_query(), "");
    }
}
