//! Downloads of the filtered records: CSV for spreadsheets and JSON in the export schema, with
//! file names that say what the filter was.

use crate::explore::{Filter, Selection};
use crate::i18n::Lang;
use crate::model::Dataset;
use std::collections::BTreeSet;

/// Quotes a CSV field when it needs it (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One row per selected fact, with where it comes from. Starts with a byte-order mark so that
/// Excel reads the Chinese correctly.
pub fn facts_csv(data: &Dataset, selection: &Selection, lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => "编号,指标,数值,单位,原文写法,精确度,统计口径,地区,时期起,时期止,类别,报告,出处,发表日期,行,说明",
        Lang::En => "id,indicator,value,unit,as_printed,qualifier,counted_as,region,period_start,period_end,category,report,outlet,published,line,note",
    };
    let mut out = String::from("\u{feff}");
    out.push_str(header);
    out.push_str("\r\n");
    for &i in &selection.facts {
        let f = &data.facts[i];
        let doc = data.document(&f.doc);
        let note = match lang {
            Lang::Zh => f.note_zh.as_deref(),
            Lang::En => f.note_en.as_deref(),
        };
        let unit = serde_json::to_value(f.unit).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let row = [
            f.id.clone(),
            data.indicator(&f.indicator).map_or(f.indicator.clone(), |x| x.name(lang).to_owned()),
            f.value.to_string(),
            unit,
            f.raw.clone(),
            crate::format::qualifier_words(f.qualifier, lang).to_owned(),
            crate::format::aggregation_words(f.aggregation, lang).to_owned(),
            data.region(&f.region).map_or(f.region.clone(), |r| r.name(lang).to_owned()),
            f.period_start.to_string(),
            f.period_end.to_string(),
            data.category(&f.category).map_or(f.category.clone(), |c| c.name(lang).to_owned()),
            doc.map_or(f.doc.clone(), |d| d.title(lang).to_owned()),
            doc.map_or(String::new(), |d| d.outlet(lang).to_owned()),
            doc.map_or(String::new(), |d| d.published.to_string()),
            f.line.to_string(),
            note.unwrap_or_default().to_owned(),
        ];
        out.push_str(&row.iter().map(|v| field(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// The selected facts and events as a dataset in the export schema, with the documents,
/// regions, categories and indicators they refer to; it validates like the whole.
pub fn selection_dataset(data: &Dataset, selection: &Selection) -> Dataset {
    let facts: Vec<_> = selection.facts.iter().map(|&i| data.facts[i].clone()).collect();
    let events: Vec<_> = selection.events.iter().map(|&i| data.events[i].clone()).collect();
    let docs: BTreeSet<&str> = facts.iter().map(|f| f.doc.as_str()).chain(events.iter().map(|e| e.doc.as_str())).collect();
    let indicators: BTreeSet<&str> = facts.iter().map(|f| f.indicator.as_str()).collect();
    let mut out = Dataset::empty();
    out.documents = data.documents.iter().filter(|d| docs.contains(d.id.as_str())).cloned().collect();
    // every region, so that parents and document regions always resolve
    out.regions = data.regions.clone();
    out.categories = data.categories.clone();
    out.indicators = data.indicators.iter().filter(|i| indicators.contains(i.id.as_str())).cloned().collect();
    out.facts = facts;
    out.events = events;
    out
}

/// `union-explorer_quanzhou_assistance_welfare_2018-2023_助学`: what the filter was, safe in a
/// file name.
pub fn file_stem(filter: &Filter) -> String {
    let mut parts = vec!["union-explorer".to_owned()];
    parts.extend(filter.regions.iter().cloned());
    parts.extend(filter.categories.iter().cloned());
    parts.extend(filter.docs.iter().cloned());
    if let Some((from, to)) = filter.years {
        parts.push(if from == to { from.to_string() } else { format!("{from}-{to}") });
    }
    let text: String = filter.text.chars().filter(|c| c.is_alphanumeric() || *c == ' ').take(30).collect();
    if !text.trim().is_empty() {
        parts.push(text.split_whitespace().collect::<Vec<_>>().join("-"));
    }
    if parts.len() == 1 {
        parts.push("all".to_owned());
    }
    parts.join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn file_names_say_what_the_filter_was() {
        let mut filter = Filter::default();
        assert_eq!(file_stem(&filter), "union-explorer_all");
        filter.regions.insert("quanzhou".into());
        filter.categories.insert("assistance_welfare".into());
        filter.years = Some((2018, 2023));
        filter.text = "金秋 助学/../".into();
        assert_eq!(file_stem(&filter), "union-explorer_quanzhou_assistance_welfare_2018-2023_金秋-助学");
    }
}
