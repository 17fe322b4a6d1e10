//! The view state: everything that changes what is shown, parsed from and written to the
//! page's query string, so that every view is a link.
//!
//! | parameter | values | meaning |
//! |---|---|---|
//! | `tab` | `timeline` `charts` `table` `documents` | the open view (default `timeline`) |
//! | `lang` | `zh` `en` | interface language (default: the browser's) |

use crate::i18n::Lang;

/// The views of the explorer, one tab each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    #[default]
    Timeline,
    Charts,
    Table,
    Documents,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Timeline, Tab::Charts, Tab::Table, Tab::Documents];

    pub fn code(self) -> &'static str {
        match self {
            Tab::Timeline => "timeline",
            Tab::Charts => "charts",
            Tab::Table => "table",
            Tab::Documents => "documents",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Tab::ALL.into_iter().find(|t| t.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ViewState {
    pub tab: Tab,
    /// `None`: follow the browser.
    pub lang: Option<Lang>,
}

/// A query parameter that was not applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredParam {
    pub name: String,
    pub value: String,
    pub reason: IgnoreReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IgnoreReason {
    UnknownParameter,
    InvalidValue,
    Repeated,
}

impl ViewState {
    /// Parses a query string (with or without the leading `?`). What cannot be applied is
    /// returned, never fatal: the valid rest still applies.
    pub fn from_query(query: &str) -> (Self, Vec<IgnoredParam>) {
        let mut state = ViewState::default();
        let mut ignored = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for (name, value) in parse_query(query) {
            let mut ignore = |reason| ignored.push(IgnoredParam { name: name.clone(), value: value.clone(), reason });
            if seen.contains(&name) {
                ignore(IgnoreReason::Repeated);
                continue;
            }
            let applied = match name.as_str() {
                "tab" => Tab::from_code(&value).map(|tab| state.tab = tab),
                "lang" => Lang::from_code(&value).map(|lang| state.lang = Some(lang)),
                _ => {
                    ignore(IgnoreReason::UnknownParameter);
                    continue;
                }
            };
            if applied.is_none() {
                ignore(IgnoreReason::InvalidValue);
            }
            seen.push(name);
        }
        (state, ignored)
    }

    /// The query string for this state, without the leading `?`; defaults are left out so
    /// links stay short.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.tab != Tab::default() {
            pairs.push(("tab", self.tab.code().to_owned()));
        }
        if let Some(lang) = self.lang {
            pairs.push(("lang", lang.code().to_owned()));
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
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
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

    #[test]
    fn every_state_survives_a_round_trip() {
        for tab in Tab::ALL {
            for lang in [None, Some(Lang::Zh), Some(Lang::En)] {
                let state = ViewState { tab, lang };
                let (parsed, ignored) = ViewState::from_query(&state.to_query());
                assert_eq!(parsed, state);
                assert!(ignored.is_empty());
            }
        }
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn invalid_parameters_are_ignored_and_the_rest_applies() {
        let (state, ignored) = ViewState::from_query("?tab=charts&lang=xx&foo=1&tab=table&");
        assert_eq!(state.tab, Tab::Charts);
        assert_eq!(state.lang, None);
        let reasons: Vec<(&str, IgnoreReason)> = ignored.iter().map(|i| (i.name.as_str(), i.reason)).collect();
        assert_eq!(
            reasons,
            vec![("lang", IgnoreReason::InvalidValue), ("foo", IgnoreReason::UnknownParameter), ("tab", IgnoreReason::Repeated)]
        );
    }

    #[test]
    fn percent_coding_round_trips_and_tolerates_garbage() {
        for text in ["金秋助学", "a b&c=d", "%", "100%", "<script>"] {
            assert_eq!(decode_component(&encode_component(text)), text);
        }
        assert_eq!(decode_component("%E5%8A%A9%E5%AD%A6+x"), "助学 x");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
    }
}
