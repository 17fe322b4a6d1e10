//! The view state: everything that changes what is shown, parsed from and written to the
//! page's query string, so that every view is a link.
//!
//! | parameter | values | meaning |
//! |---|---|---|
//! | `tab` | `timeline` `charts` `map` `table` `documents` | the open view (default `timeline`) |
//! | `lang` | `zh` `en` | interface language (default: the browser's) |
//! | `r` | region ids, comma-separated | regions (each includes the regions below it) |
//! | `c` | category ids, comma-separated | categories |
//! | `d` | document ids, comma-separated | source reports |
//! | `y` | `2018-2023` or `2021` | years a record must overlap |
//! | `q` | text | search in titles, indicators, notes, names and regions |
//! | `chart` | `bars` `time` `profile` `money` | which chart the Charts tab shows |
//! | `ind` | indicator id | the indicator of the bars and time charts, and the one the map colours by |
//! | `tl` | `2016-2021`, `2021`, `2021-10`, `2021-09..2022-03` | the timeline's zoomed window, in years or months |
//! | `order` | `oldest` `newest` | the reading list's order (default `oldest`) |
//! | `lanes` | `region` `category` | how the timeline is split into lanes (default `region`) |
//! | `sort` | `value`, `-value`, `period`, … | the table's sort column; `-` for descending |
//! | `kind` | `all` `figures` `events` | which records the table lists (default `all`) |
//! | `rec` | fact or event id | the record opened in the record view |
//! | `src` | folder address | where the report texts are fetched from (kept in memory only) |
//! | `read` | document id | the report open in the reader of the Documents tab |
//! | `line` | line number | the line the reader is scrolled to |

use crate::explore::Filter;
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::timeline::Window;
// years a link may name are those a dataset may hold; anything else is a typo or garbage
use crate::validate::YEARS;

crate::coded_enum! {
    /// The views of the explorer, one tab each.
    pub enum Tab {
        Timeline = "timeline",
        Charts = "charts",
        /// The tile map of Fujian's cities.
        Map = "map",
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
    /// The order of the reading list under the timeline.
    pub enum Order {
        /// Oldest first, each record filed under its start.
        Oldest = "oldest",
        /// Newest first, each record filed under its end.
        Newest = "newest",
    }
}

crate::coded_enum! {
    /// Table columns that can be sorted, in the table's order. Events sort by the column that
    /// stands for theirs: their title under `indicator`, their date under `period`.
    pub enum SortKey {
        Indicator = "indicator",
        Value = "value",
        Raw = "raw",
        Qualifier = "qualifier",
        Region = "region",
        Category = "category",
        Period = "period",
        Document = "doc",
    }
}

crate::coded_enum! {
    /// Which records the table lists.
    pub enum TableKind {
        All = "all",
        Figures = "figures",
        Events = "events",
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

/// An ignored name or value as the notice repeats it: at most `MAX_IGNORED_CHARS` characters,
/// with every control, format or invisible character written out as `U+202E`, so that a
/// parameter can neither turn the notice's own words around nor pass for a valid id.
pub fn clip(text: &str) -> String {
    let mut visible = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible(c) {
            visible.push_str(&format!("U+{:04X}", c as u32));
        } else {
            visible.push(c);
        }
    }
    crate::validate::clipped(&visible, MAX_IGNORED_CHARS)
}

/// Characters that show as nothing, or change how the text around them is shown: controls,
/// bidirectional marks, overrides and isolates, zero-width characters, fillers, variation
/// selectors, tags, and every space but the plain one.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c as u32,
            0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
            | 0xFEFF | 0xFFA0 | 0xFFF9..=0xFFFB | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
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
    /// The timeline's zoom; `None` fits the year filter or the selected records.
    pub timeline: Option<Window>,
    pub lanes: Lanes,
    /// The reading list's order.
    pub order: Order,
    /// `None`: the order of the reports.
    pub sort: Option<Sort>,
    /// Figures, events or both in the table.
    pub kind: TableKind,
    /// The fact or event open in the record view.
    pub record: Option<String>,
    /// Shown inside another page: the view alone, with a link to the full explorer.
    pub embed: bool,
    /// Where an outside dataset in the export schema comes from; `None`: the built-in one.
    pub data: Option<String>,
    /// The folder the report texts are fetched from (each document's `source_file` in it).
    pub src: Option<String>,
    /// The document whose text the reader shows.
    pub read: Option<String>,
    /// The 1-based line the reader is opened at.
    pub line: Option<u32>,
}

/// The highest line number a link may name.
pub const MAX_LINE: u32 = 1_000_000;

/// The longest dataset address a link may carry.
pub const MAX_DATA_URL_CHARS: usize = 2000;

/// An address a dataset may be fetched from: http(s), or a path relative to the explorer.
/// Other schemes (`javascript:`, `data:`, `file:`) are refused.
pub fn is_dataset_address(text: &str) -> bool {
    dataset_address_problem(text).is_none()
}

/// Ports the Fetch standard blocks ("bad ports"): a fetch from them fails without a word.
const BLOCKED_PORTS: [u16; 81] = [
    0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
    111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
    540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
    6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697,
];

/// What is wrong with a dataset address, if anything: it must be an absolute `http(s)://`
/// address a browser will fetch, or a path on this site. A browser reads `\` as `/` and drops
/// tabs and line breaks, so `/\host/x.json` would load from another site although it does not
/// look absolute: such forms are refused, not guessed at.
pub fn dataset_address_problem(text: &str) -> Option<AddressProblem> {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    if lower.is_empty() || lower.chars().any(char::is_control) {
        return Some(AddressProblem::NotHttp);
    }
    match lower.split_once(':') {
        // a colon after the first slash, `?` or `#` belongs to a relative path, not a scheme
        Some((scheme, rest)) if !scheme.contains(['/', '\\', '?', '#']) => {
            if scheme != "https" && scheme != "http" {
                return Some(AddressProblem::NotHttp);
            }
            let Some(after) = rest.strip_prefix("//") else { return Some(AddressProblem::NotHttp) };
            let authority = after.split(['/', '\\', '?', '#']).next().unwrap_or_default();
            if authority.is_empty() || after.starts_with(['/', '\\']) {
                return Some(AddressProblem::NotHttp);
            }
            if authority.contains('@') {
                return Some(AddressProblem::Credentials);
            }
            // the port follows the last colon, unless that colon is inside an IPv6 literal
            let port = authority.rsplit_once(':').filter(|(_, p)| !p.contains(']')).map(|(_, p)| p);
            match port {
                Some(p) if !p.is_empty() => match p.parse::<u16>() {
                    Ok(port) if BLOCKED_PORTS.contains(&port) => Some(AddressProblem::BlockedPort),
                    Ok(_) => None,
                    Err(_) => Some(AddressProblem::NotHttp),
                },
                _ => None,
            }
        }
        // a relative path: two leading slashes, in any mix of `/` and `\`, name another host
        _ if lower.starts_with(['/', '\\']) && lower[1..].starts_with(['/', '\\']) => Some(AddressProblem::OtherOrigin),
        _ => None,
    }
}

impl AddressProblem {
    /// Why, in words for the notice.
    pub fn text(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            AddressProblem::NotHttp => Text { zh: "无效的值：须为 http(s):// 地址或本站路径", en: "invalid value: an http(s):// address or a path on this site is needed" },
            AddressProblem::OtherOrigin => Text {
                zh: "看似本站路径，浏览器却会从其他网站载入：请写出完整的 https:// 地址",
                en: "looks like a path on this site but a browser would load it from another site: write the full https:// address",
            },
            AddressProblem::Credentials => Text { zh: "地址中含用户名或密码，浏览器不会载入", en: "the address holds a user name or password, which browsers refuse to fetch" },
            AddressProblem::BlockedPort => Text { zh: "浏览器不允许从此端口载入", en: "browsers do not fetch from this port" },
        }
    }
}

/// A query parameter that was not applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredParam {
    pub name: String,
    pub value: String,
    pub reason: IgnoreReason,
}

/// The parameters a link could not apply: the first `MAX_IGNORED`, and how many more there
/// were, so that the notice can say so. Reads as the list of those shown.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Ignored {
    listed: Vec<IgnoredParam>,
    /// Ignored parameters beyond the listed ones.
    pub unlisted: usize,
}

impl Ignored {
    fn push(&mut self, param: IgnoredParam) {
        if self.listed.len() < MAX_IGNORED {
            self.listed.push(param);
        } else {
            self.unlisted += 1;
        }
    }

    /// Every ignored parameter, listed or not.
    pub fn total(&self) -> usize {
        self.listed.len() + self.unlisted
    }
}

impl<'a> IntoIterator for &'a Ignored {
    type Item = &'a IgnoredParam;
    type IntoIter = std::slice::Iter<'a, IgnoredParam>;
    fn into_iter(self) -> Self::IntoIter {
        self.listed.iter()
    }
}

impl std::ops::Deref for Ignored {
    type Target = [IgnoredParam];
    fn deref(&self) -> &[IgnoredParam] {
        &self.listed
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IgnoreReason {
    UnknownParameter,
    InvalidValue,
    /// An id the dataset does not have.
    UnknownId,
    Repeated,
    TooLong,
    /// A dataset address that is not absolute but would load from another site (`/\host`),
    /// or that a browser refuses to fetch (credentials, a blocked port).
    UnsafeAddress(AddressProblem),
    /// An old indicator id, applied as the indicator that took it over (named here).
    RenamedTo(String),
}

/// Why a dataset address is refused before anything is fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressProblem {
    /// Neither `http(s)://` nor a path on this site: another scheme, or empty.
    NotHttp,
    /// Looks relative, but a browser reads it as another site (`//host`, `/\host`, `\/host`).
    OtherOrigin,
    /// `user:password@` in the address: browsers refuse to fetch it.
    Credentials,
    /// A port browsers never fetch from (such as 25, mail).
    BlockedPort,
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
            IgnoreReason::UnsafeAddress(problem) => problem.text(),
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
    pub fn from_query(query: &str, data: &Dataset) -> (Self, Ignored) {
        let mut state = ViewState::default();
        let mut ignored = Ignored::default();
        let mut seen: Vec<String> = Vec::new();
        for (name, value) in parse_query(query) {
            // a hostile link cannot make the notice huge: values are clipped, and the list is capped
            let mut ignore = |value: &str, reason| ignored.push(IgnoredParam { name: clip(&name), value: clip(value), reason });
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
                "tl" => Window::parse(&value).map(|window| state.timeline = Some(window)),
                "order" => Order::from_code(&value).map(|order| state.order = order),
                "lanes" => Lanes::from_code(&value).map(|lanes| state.lanes = lanes),
                "sort" => {
                    let (descending, code) = value.strip_prefix('-').map_or((false, value.as_str()), |c| (true, c));
                    SortKey::from_code(code).map(|key| state.sort = Some(Sort { key, descending }))
                }
                "kind" => TableKind::from_code(&value).map(|kind| state.kind = kind),
                "rec" if crate::explore::find_record(data, &value).is_some() => {
                    state.record = Some(value.clone());
                    Some(())
                }
                "rec" => {
                    ignore(&value, IgnoreReason::UnknownId);
                    Some(())
                }
                "embed" => (value == "1").then(|| state.embed = true),
                "data" | "src" if value.chars().count() > MAX_DATA_URL_CHARS => {
                    ignore(&value.chars().take(40).collect::<String>(), IgnoreReason::TooLong);
                    Some(())
                }
                "data" | "src" => match dataset_address_problem(&value) {
                    None => {
                        let address = Some(value.trim().to_owned());
                        if name == "data" {
                            state.data = address;
                        } else {
                            state.src = address;
                        }
                        Some(())
                    }
                    // anything but http(s) or a path is simply not an address
                    Some(AddressProblem::NotHttp) => None,
                    Some(problem) => {
                        ignore(&value, IgnoreReason::UnsafeAddress(problem));
                        Some(())
                    }
                },
                "read" if data.document(&value).is_some() => {
                    state.read = Some(value.clone());
                    Some(())
                }
                "read" => {
                    ignore(&value, IgnoreReason::UnknownId);
                    Some(())
                }
                "line" => value
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=MAX_LINE).contains(n) && !value.starts_with('+'))
                    .map(|n| state.line = Some(n)),
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
        if let Some(window) = self.timeline {
            pairs.push(("tl", window.code()));
        }
        if self.lanes != Lanes::default() {
            pairs.push(("lanes", self.lanes.code().to_owned()));
        }
        if self.order != Order::default() {
            pairs.push(("order", self.order.code().to_owned()));
        }
        if let Some(sort) = self.sort {
            pairs.push(("sort", format!("{}{}", if sort.descending { "-" } else { "" }, sort.key.code())));
        }
        if self.kind != TableKind::default() {
            pairs.push(("kind", self.kind.code().to_owned()));
        }
        if let Some(record) = &self.record {
            pairs.push(("rec", record.clone()));
        }
        if let Some(src) = &self.src {
            pairs.push(("src", src.clone()));
        }
        if let Some(read) = &self.read {
            pairs.push(("read", read.clone()));
        }
        if let Some(line) = self.line {
            pairs.push(("line", line.to_string()));
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
    fn addresses_that_reach_another_site_without_saying_so_are_refused() {
        for (address, problem) in [
            ("/\\evil.example/x.json", AddressProblem::OtherOrigin),
            ("\\/evil.example/x.json", AddressProblem::OtherOrigin),
            ("\\\\evil.example/x.json", AddressProblem::OtherOrigin),
            ("//evil.example/x.json", AddressProblem::OtherOrigin),
            ("https://user:pass@example.org/x.json", AddressProblem::Credentials),
            ("https://example.org:25/x.json", AddressProblem::BlockedPort),
            ("http://127.0.0.1:6667/x.json", AddressProblem::BlockedPort),
            ("https:/example.org/x.json", AddressProblem::NotHttp),
            ("https:///x.json", AddressProblem::NotHttp),
            ("https://example.org:99999/x.json", AddressProblem::NotHttp),
        ] {
            assert_eq!(dataset_address_problem(address), Some(problem), "{address}");
        }
        for good in ["https://example.org:8443/x.json", "http://[::1]:8080/x.json", "http://[::1]/x.json", "sets\\a.json", "/a.json"] {
            assert_eq!(dataset_address_problem(good), None, "{good}");
        }
        let (state, ignored) = ViewState::from_query("data=%2F%5Cevil.example%2Fx.json", &data());
        assert_eq!(state.data, None);
        assert_eq!(ignored[0].reason, IgnoreReason::UnsafeAddress(AddressProblem::OtherOrigin));
    }

    #[test]
    fn invisible_characters_in_ignored_parameters_are_written_out() {
        assert_eq!(clip("abc\u{202e}def"), "abcU+202Edef");
        assert_eq!(clip("ideology\u{200b}"), "ideologyU+200B");
        assert_eq!(clip("a\u{a0}b\u{feff}"), "aU+00A0bU+FEFF");
        assert_eq!(clip("金秋 助学"), "金秋 助学");
        let (_, ignored) = ViewState::from_query("c=ideology%E2%80%8B&x=%E2%80%AEtxet", &data());
        let shown: Vec<&str> = ignored.iter().map(|i| i.value.as_str()).collect();
        assert_eq!(shown, ["ideologyU+200B", "U+202Etxet"]);
    }

    #[test]
    fn the_notice_counts_what_it_does_not_list() {
        let query: Vec<String> = (0..MAX_IGNORED + 7).map(|i| format!("x{i}=1")).collect();
        let (_, ignored) = ViewState::from_query(&query.join("&"), &data());
        assert_eq!((ignored.len(), ignored.unlisted, ignored.total()), (MAX_IGNORED, 7, MAX_IGNORED + 7));
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
    fn timeline_windows_in_years_and_months_round_trip() {
        let data = data();
        for (query, window) in [
            ("tl=2016-2021", Window::years(2016, 2021)),
            ("tl=2021", Window::years(2021, 2021)),
            ("tl=2021-10", Window::month(2021, 10)),
            ("tl=2021-09..2022-03", Window { first_month: Window::month(2021, 9).first_month, last_month: Window::month(2022, 3).last_month }),
        ] {
            let (state, ignored) = ViewState::from_query(query, &data);
            assert!(ignored.is_empty(), "{query}: {ignored:?}");
            assert_eq!(state.timeline, Some(window), "{query}");
            assert_eq!(state.to_query(), query);
        }
        let (state, ignored) = ViewState::from_query("tl=2021-13&order=newest", &data);
        assert_eq!((state.timeline, state.order), (None, Order::Newest));
        assert_eq!(ignored.iter().map(|i| (i.name.as_str(), i.reason.clone())).collect::<Vec<_>>(), [("tl", IgnoreReason::InvalidValue)]);
        let (state, ignored) = ViewState::from_query("order=sideways", &data);
        assert_eq!(state.order, Order::Oldest);
        assert_eq!(ignored[0].reason, IgnoreReason::InvalidValue);
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
    fn the_table_kind_travels_in_the_link() {
        let data = data();
        let (state, ignored) = ViewState::from_query("tab=table&kind=events&sort=-category", &data);
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(state.kind, TableKind::Events);
        assert_eq!(state.sort, Some(Sort { key: SortKey::Category, descending: true }));
        assert_eq!(state.to_query(), "tab=table&sort=-category&kind=events");
        let (state, ignored) = ViewState::from_query("kind=tables", &data);
        assert_eq!(state.kind, TableKind::All);
        assert_eq!(ignored[0].reason, IgnoreReason::InvalidValue);
        assert_eq!(ViewState { kind: TableKind::All, ..ViewState::default() }.to_query(), "");
    }

    #[test]
    fn an_old_indicator_id_opens_its_successor_and_says_so() {
        let mut data = data();
        let successor = data.indicators[0].id.clone();
        data.indicators[0].replaces = vec!["old_indicator".into()];
        let (state, ignored) = ViewState::from_query("tab=charts&ind=old_indicator", &data);
        assert_eq!(state.indicator.as_deref(), Some(successor.as_str()));
        assert_eq!(*ignored, [IgnoredParam { name: "ind".into(), value: "old_indicator".into(), reason: IgnoreReason::RenamedTo(successor.clone()) }]);
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

    #[test]
    fn report_texts_and_the_reader_round_trip() {
        let data = data();
        let state = ViewState {
            tab: Tab::Documents,
            src: Some("https://example.org/reports/?v=1&x=2".into()),
            read: Some("qz2023".into()),
            line: Some(55),
            ..ViewState::default()
        };
        let query = state.to_query();
        assert_eq!(query, "tab=documents&src=https%3A%2F%2Fexample.org%2Freports%2F%3Fv%3D1%26x%3D2&read=qz2023&line=55");
        assert_eq!(ViewState::from_query(&query, &data), (state, Ignored::default()));
        let (state, _) = ViewState::from_query("src=/seeds/", &data);
        assert_eq!(state.src.as_deref(), Some("/seeds/"));
        let (state, ignored) = ViewState::from_query("src=javascript:alert(1)&read=atlantis&line=0", &data);
        assert_eq!((state.src, state.read, state.line), (None, None, None));
        let reasons: Vec<(&str, IgnoreReason)> = ignored.iter().map(|i| (i.name.as_str(), i.reason.clone())).collect();
        assert_eq!(reasons, vec![("src", IgnoreReason::InvalidValue), ("read", IgnoreReason::UnknownId), ("line", IgnoreReason::InvalidValue)]);
        for bad in ["-3", "+4", "x", "1000001", "2.5", ""] {
            let (state, ignored) = ViewState::from_query(&format!("line={bad}"), &data);
            assert_eq!((state.line, ignored.len()), (None, 1), "{bad}");
        }
        let long = format!("src={}", "a".repeat(MAX_DATA_URL_CHARS + 1));
        assert_eq!(ViewState::from_query(&long, &data).1[0].reason, IgnoreReason::TooLong);
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
                tab: Tab::ALL[next(Tab::ALL.len())],
                lang: [None, Some(Lang::Zh), Some(Lang::En)][next(3)],
                chart: ChartKind::ALL[next(4)],
                lanes: [Lanes::Region, Lanes::Category][next(2)],
                kind: TableKind::ALL[next(3)],
                order: Order::ALL[next(2)],
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
            match next(3) {
                1 => {
                    let from = 2014 + next(8) as i32;
                    state.timeline = Some(Window::years(from, from + next(4) as i32));
                }
                2 => {
                    let first_month = 2014 * 12 + next(96) as i32;
                    state.timeline = Some(Window { first_month, last_month: first_month + next(30) as i32 });
                }
                _ => {}
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
            if next(3) == 1 {
                state.src = Some(["/seeds/", "https://example.org/r?a=1&b=2", "texts"][next(3)].to_owned());
            }
            if next(3) == 1 {
                state.read = Some(data.documents[next(data.documents.len())].id.clone());
                state.line = [None, Some(1 + next(200) as u32)][next(2)];
            }
            let query = state.to_query();
            let (parsed, ignored) = ViewState::from_query(&query, &data);
            assert!(ignored.is_empty(), "{query}: {ignored:?}");
            assert_eq!(parsed, state, "{query}");
        }
        assert_eq!(ViewState::default().to_query(), "");
    }
}
