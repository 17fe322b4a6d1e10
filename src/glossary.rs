//! The glossary (`data/glossary.toml`): each term is one concept with its canonical Chinese
//! and English names and the other words people use for it, so that search finds `劳动模范`
//! from `劳模` and `新就业形态劳动者` from `delivery rider`.
//!
//! The build script reads and checks the file ([`validate`]) and embeds it in a compact form
//! ([`encode`]): one term a line, its forms separated by `|`. The app reads that form back
//! ([`Glossary::decode`]). Matching keys ([`match_key`]) ignore case, hyphens, apostrophes,
//! commas and simple English plurals, so `Platform-Workers` and `platform worker` are one form.

use crate::validate::{Problem, MAX_ID_CHARS, MAX_LIST_ITEMS};
use std::collections::{HashMap, HashSet};

/// The longest name or alias, in characters: glossary forms are names, not sentences.
pub const MAX_FORM_CHARS: usize = 60;

/// What separates the forms of a term in the embedded form; no form may contain it.
const SEPARATOR: char = '|';

/// One `[[term]]` of `data/glossary.toml`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// snake_case, stable; names the term in messages.
    pub id: String,
    /// The canonical Chinese name.
    pub zh: String,
    /// The canonical English rendering, as programme and award names are written in the data.
    pub en: String,
    /// Other Chinese words for the same concept.
    #[serde(default)]
    pub aliases_zh: Vec<String>,
    /// Other English words for it (plurals need not be listed: `workers` matches `worker`).
    #[serde(default)]
    pub aliases_en: Vec<String>,
}

impl Term {
    /// Every form: canonical names first, then the aliases.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        [self.zh.as_str(), self.en.as_str()]
            .into_iter()
            .chain(self.aliases_zh.iter().map(String::as_str))
            .chain(self.aliases_en.iter().map(String::as_str))
    }
}

/// A Chinese, Japanese or Korean ideograph (or CJK punctuation, kana): text matched by
/// substring rather than by words.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{2fa1f}')
}

/// `workers` → `worker`, `activities` → `activity`, `craftsmen` → `craftsman`: the singular
/// of a lower-case English word, when it looks like a plural.
pub fn singular(word: &str) -> Option<String> {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if word.len() > 4 && word.ends_with("ies") {
        Some(format!("{}y", &word[..word.len() - 3]))
    } else if word.len() > 4 && word.ends_with("men") {
        Some(format!("{}man", &word[..word.len() - 3]))
    } else if word.len() > 3 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|end| word.ends_with(end)) {
        Some(word[..word.len() - 1].to_owned())
    } else {
        None
    }
}

/// A form as record texts are searched: lower case, hyphens and dashes as spaces, single
/// spaces (`Model-Workers` → `model workers`). Apostrophes stay, so that `model workers`
/// does not run into `model 'workers' homes'`.
pub fn plain(form: &str) -> String {
    let spaced: String = form.to_lowercase().chars().map(|c| if is_dash(c) { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Hyphens and dashes, read as spaces in search: `model-worker` is `model worker`.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–' | '—')
}

/// The key two forms share when search should treat them as the same words: [`plain`], with
/// apostrophes dropped, commas as spaces and each English word in the singular (`Workers'
/// Reading-Rooms` → `worker reading room`).
pub fn match_key(form: &str) -> String {
    let plain = plain(form);
    let bare: String = plain.chars().filter(|c| !matches!(c, '\'' | '’')).map(|c| if matches!(c, ',' | '，' | '、' | ';' | '；') { ' ' } else { c }).collect();
    let words: Vec<String> = bare.split_whitespace().map(|w| singular(w).unwrap_or_else(|| w.to_owned())).collect();
    words.join(" ")
}

/// Checks every term: ids, names and aliases present, short, in the right script, and no form
/// (by its [`match_key`]) listed twice, in one term or in two.
pub fn validate(terms: &[Term]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |id: &str, field: &'static str, message: String| {
        problems.push(Problem { record_kind: "term", record_id: id.to_owned(), field, message });
    };
    let mut ids = HashSet::new();
    let mut owners: HashMap<String, &str> = HashMap::new();
    for term in terms {
        let id = term.id.as_str();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            report(id, "id", "ids are lowercase letters, digits and '_'".to_owned());
        }
        if id.chars().count() > MAX_ID_CHARS {
            report(id, "id", format!("ids have at most {MAX_ID_CHARS} characters"));
        }
        if !ids.insert(id) {
            report(id, "id", "used by another term".to_owned());
        }
        for (field, list) in [("aliases_zh", &term.aliases_zh), ("aliases_en", &term.aliases_en)] {
            if list.len() > MAX_LIST_ITEMS {
                report(id, field, format!("has {} entries; at most {MAX_LIST_ITEMS} are allowed", list.len()));
            }
        }
        let fields = [("zh", true, std::slice::from_ref(&term.zh)), ("en", false, std::slice::from_ref(&term.en))];
        let aliases = [("aliases_zh", true, term.aliases_zh.as_slice()), ("aliases_en", false, term.aliases_en.as_slice())];
        for (field, chinese, forms) in fields.into_iter().chain(aliases) {
            for form in forms {
                let quoted = crate::validate::quoted(form);
                if form.trim().is_empty() {
                    report(id, field, "is empty".to_owned());
                    continue;
                }
                if form.trim() != form {
                    report(id, field, format!("'{quoted}' starts or ends with a space"));
                }
                let length = form.chars().count();
                if length > MAX_FORM_CHARS {
                    report(id, field, format!("'{quoted}' is {length} characters long; at most {MAX_FORM_CHARS} are allowed"));
                }
                if form.chars().any(|c| c.is_control() || c == SEPARATOR) {
                    report(id, field, format!("'{quoted}' contains a control character or '{SEPARATOR}'"));
                }
                if chinese != form.chars().any(is_cjk) {
                    let expected = if chinese { "needs Chinese characters" } else { "must not contain Chinese characters" };
                    report(id, field, format!("'{quoted}' {expected}"));
                }
                match owners.get(&match_key(form)) {
                    Some(&owner) if owner == id => report(id, field, format!("'{quoted}' is listed twice in this term")),
                    Some(&owner) => report(id, field, format!("'{quoted}' is already listed under term '{owner}'")),
                    None => {
                        owners.insert(match_key(form), id);
                    }
                }
            }
        }
    }
    problems
}

/// The compact form the app embeds: a term a line, its forms separated by `|`.
pub fn encode(terms: &[Term]) -> String {
    terms.iter().map(|t| t.forms().collect::<Vec<_>>().join("|") + "\n").collect()
}

/// The glossary as search uses it: each form's [`match_key`] leads to its term.
#[derive(Debug, Default)]
pub struct Glossary {
    /// Per term, its forms as written, canonical Chinese and English first.
    terms: Vec<Vec<String>>,
    /// Keys of forms with Chinese characters, matched anywhere inside a query word.
    chinese: HashMap<String, usize>,
    /// Keys of the other forms, matched on whole query words.
    words: HashMap<String, usize>,
    /// The most characters in a Chinese key and words in another key.
    longest_chinese: usize,
    longest_words: usize,
}

impl Glossary {
    /// Reads the compact form (see [`encode`]); the build has checked it.
    pub fn decode(text: &str) -> Self {
        let mut glossary = Glossary::default();
        for line in text.lines().filter(|line| !line.is_empty()) {
            let term = glossary.terms.len();
            let forms: Vec<String> = line.split(SEPARATOR).map(str::to_owned).collect();
            for form in &forms {
                let key = match_key(form);
                if form.chars().any(is_cjk) {
                    glossary.longest_chinese = glossary.longest_chinese.max(key.chars().count());
                    glossary.chinese.entry(key).or_insert(term);
                } else {
                    glossary.longest_words = glossary.longest_words.max(key.split(' ').count());
                    glossary.words.entry(key).or_insert(term);
                }
            }
            glossary.terms.push(forms);
        }
        glossary
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// A term's forms as written, canonical Chinese and English first.
    pub fn forms(&self, term: usize) -> &[String] {
        self.terms.get(term).map(Vec::as_slice).unwrap_or_default()
    }

    /// The term whose Chinese form has this key.
    pub fn chinese_term(&self, key: &str) -> Option<usize> {
        self.chinese.get(key).copied()
    }

    /// The term whose other (English) form has this key.
    pub fn words_term(&self, key: &str) -> Option<usize> {
        self.words.get(key).copied()
    }

    /// The most characters in a Chinese form's key.
    pub fn longest_chinese(&self) -> usize {
        self.longest_chinese
    }

    /// The most words in an English form's key.
    pub fn longest_words(&self) -> usize {
        self.longest_words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(id: &str, zh: &str, en: &str, aliases_zh: &[&str], aliases_en: &[&str]) -> Term {
        Term {
            id: id.to_owned(),
            zh: zh.to_owned(),
            en: en.to_owned(),
            aliases_zh: aliases_zh.iter().map(|s| (*s).to_owned()).collect(),
            aliases_en: aliases_en.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn plurals_hyphens_case_and_apostrophes_share_a_key() {
        assert_eq!(match_key("Platform-Workers"), "platform worker");
        assert_eq!(match_key("workers' reading rooms"), "worker reading room");
        assert_eq!(match_key("craftsmen"), "craftsman");
        assert_eq!(match_key("activities"), "activity");
        assert_eq!(match_key("class bus"), "class bus");
        assert_eq!(match_key("劳动模范"), "劳动模范");
        assert_eq!(plain(" Model-Workers'  Homes "), "model workers' homes");
        assert_eq!(match_key("Six comparisons, one creation"), "six comparison one creation");
    }

    #[test]
    fn broken_terms_are_named_with_their_field() {
        let terms = [
            term("model_worker", "劳动模范", "model worker", &["劳模"], &["model workers"]),
            term("Bad Id", "", "x", &["a"], &["工匠"]),
            term("craftsman", "工匠", "craftsman", &["劳模"], &["craftsmen"]),
        ];
        let problems: Vec<String> = validate(&terms).iter().map(ToString::to_string).collect();
        let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
        assert!(has("term 'model_worker', field `aliases_en`: 'model workers' is listed twice in this term"), "{problems:#?}");
        assert!(has("term 'Bad Id', field `id`"), "{problems:#?}");
        assert!(has("term 'Bad Id', field `zh`: is empty"), "{problems:#?}");
        assert!(has("term 'Bad Id', field `aliases_zh`: 'a' needs Chinese characters"), "{problems:#?}");
        assert!(has("term 'Bad Id', field `aliases_en`: '工匠' must not contain Chinese characters"), "{problems:#?}");
        assert!(has("term 'craftsman', field `zh`: '工匠' is already listed under term 'Bad Id'"), "{problems:#?}");
        assert!(has("term 'craftsman', field `aliases_zh`: '劳模' is already listed under term 'model_worker'"), "{problems:#?}");
        assert!(has("term 'craftsman', field `aliases_en`: 'craftsmen' is listed twice in this term"), "{problems:#?}");
    }

    #[test]
    fn the_compact_form_reads_back() {
        let terms = [term("model_worker", "劳动模范", "model worker", &["劳模"], &["model workers' studio"])];
        assert!(validate(&terms).is_empty(), "{:?}", validate(&terms));
        let glossary = Glossary::decode(&encode(&terms));
        assert_eq!(glossary.len(), 1);
        assert_eq!(glossary.forms(0), ["劳动模范", "model worker", "劳模", "model workers' studio"]);
        assert_eq!(glossary.chinese_term("劳模"), Some(0));
        assert_eq!(glossary.words_term("model worker"), Some(0));
        assert_eq!(glossary.longest_chinese(), 4);
        assert_eq!(glossary.longest_words(), 3);
    }
}
