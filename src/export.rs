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

/// Characters a spreadsheet reads as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell no spreadsheet evaluates: one that starts like a formula gets a `'` before it.
/// Built-in and outside data alike go through here.
fn text_cell(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        field(&format!("'{text}"))
    } else {
        field(text)
    }
}

/// A numeric cell: a plain number (a negative one too) stays a number; anything else is text.
fn number_cell(text: &str) -> String {
    let plain = !text.is_empty() && text.parse::<f64>().is_ok_and(f64::is_finite) && text.bytes().all(|b| b.is_ascii_digit() || b"-.".contains(&b));
    if plain { text.to_owned() } else { text_cell(text) }
}

/// A CSV cell and whether its column holds numbers.
enum Cell {
    Text(String),
    Number(String),
}

fn names(list: &[crate::model::Name], lang: Lang) -> String {
    list.iter()
        .map(|n| if lang == Lang::En && !n.en.is_empty() { n.en.as_str() } else { n.zh.as_str() })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One row per selected figure and per selected event, with where it comes from: figures in
/// the reports' order, then events. Starts with a byte-order mark so that Excel reads the
/// Chinese correctly.
pub fn records_csv(data: &Dataset, selection: &Selection, lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => "编号,类型,指标,标题,数值,单位,原文写法,精确度,统计口径,事件类别,地区,时期起,时期止,日期起,日期止,类别,人物,机构,报告,出处,发表日期,行,说明,注意",
        Lang::En => "id,kind,indicator,title,value,unit,as_printed,qualifier,counted_as,event_kind,region,period_start,period_end,date_start,date_end,category,people,organisations,report,outlet,published,line,note,caveat",
    };
    let mut out = String::from("\u{feff}");
    out.push_str(header);
    out.push_str("\r\n");
    let region = |id: &str| data.region(id).map_or(id.to_owned(), |r| r.name(lang).to_owned());
    let category = |id: &str| data.category(id).map_or(id.to_owned(), |c| c.name(lang).to_owned());
    let source = |doc_id: &str| {
        let doc = data.document(doc_id);
        [
            doc.map_or(doc_id.to_owned(), |d| d.title(lang).to_owned()),
            doc.map_or(String::new(), |d| d.outlet(lang).to_owned()),
            doc.map_or(String::new(), |d| d.published.to_string()),
        ]
    };
    let mut push = |cells: Vec<Cell>| {
        let written: Vec<String> = cells
            .iter()
            .map(|cell| match cell {
                Cell::Text(t) => text_cell(t),
                Cell::Number(n) => number_cell(n),
            })
            .collect();
        out.push_str(&written.join(","));
        out.push_str("\r\n");
    };
    use Cell::{Number, Text};
    for &i in &selection.facts {
        let f = &data.facts[i];
        let note = match lang {
            Lang::Zh => f.note_zh.as_deref(),
            Lang::En => f.note_en.as_deref(),
        };
        let unit = serde_json::to_value(f.unit).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let [report, outlet, published] = source(&f.doc);
        push(vec![
            Text(f.id.clone()),
            Text(crate::i18n::FIGURE.get(lang).to_owned()),
            Text(data.indicator(&f.indicator).map_or(f.indicator.to_string(), |x| x.name(lang).to_owned())),
            Text(String::new()),
            Number(f.value.to_string()),
            Text(unit),
            Text(f.raw.to_string()),
            Text(crate::format::qualifier_words(f.qualifier, lang).to_owned()),
            Text(crate::format::aggregation_words(f.aggregation, lang).to_owned()),
            Text(String::new()),
            Text(region(&f.region)),
            Text(f.period_start.to_string()),
            Text(f.period_end.to_string()),
            Text(String::new()),
            Text(String::new()),
            Text(category(&f.category)),
            Text(String::new()),
            Text(String::new()),
            Text(report),
            Text(outlet),
            Text(published),
            Number(f.line.to_string()),
            Text(note.unwrap_or_default().to_owned()),
            // a slogan, a plan or a contradicted figure travels with its mark
            Text(crate::format::trust_words(f, lang).unwrap_or_default()),
        ]);
    }
    for &i in &selection.events {
        let e = &data.events[i];
        let (title, note) = match lang {
            Lang::Zh => (&e.title_zh, e.note_zh.as_deref()),
            Lang::En => (&e.title_en, e.note_en.as_deref()),
        };
        let [report, outlet, published] = source(&e.doc);
        push(vec![
            Text(e.id.clone()),
            Text(crate::i18n::EVENT.get(lang).to_owned()),
            Text(String::new()),
            Text(title.to_string()),
            Number(String::new()),
            Text(String::new()),
            Text(e.quote.to_string()),
            Text(String::new()),
            Text(String::new()),
            Text(crate::format::event_kind_words(e.kind, lang).to_owned()),
            Text(region(&e.region)),
            Text(String::new()),
            Text(String::new()),
            Text(e.date_start.to_string()),
            Text(e.end().to_string()),
            Text(category(&e.category)),
            Text(names(&e.people, lang)),
            Text(names(&e.organisations, lang)),
            Text(report),
            Text(outlet),
            Text(published),
            Number(e.line.to_string()),
            Text(note.unwrap_or_default().to_owned()),
            Text(crate::format::status_words(e.status, lang).unwrap_or_default().to_owned()),
        ]);
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
    fn cells_that_start_like_a_formula_are_never_evaluated() {
        for start in FORMULA_STARTS {
            let text = format!("{start}1+1");
            let cell = text_cell(&text);
            let unquoted = cell.trim_start_matches('"');
            assert!(unquoted.starts_with('\''), "{start:?}: {cell}");
            // a number column keeps plain numbers, but not formulas dressed as numbers
            assert!(number_cell(&text).trim_start_matches('"').starts_with('\''), "{start:?}");
        }
        assert_eq!(number_cell("-12.5"), "-12.5");
        assert_eq!(number_cell("9732700"), "9732700");
        assert_eq!(number_cell(""), "");
        assert_eq!(text_cell("-12.5"), "'-12.5");
        assert_eq!(text_cell("泉州"), "泉州");
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }

    /// A tiny CSV reader (quoted fields, doubled quotes), enough to read back what we write.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => row.push(std::mem::take(&mut cell)),
                ('\r', false) => {}
                ('\n', false) => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (c, _) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn the_csv_holds_figures_and_events_and_no_formula() {
        use crate::explore::{select, Index};
        let mut data = crate::embedded::dataset().expect("embedded dataset");
        // outside data may carry anything: a title and a note that start like formulas
        data.events[0].title_en = "=cmd|' /C calc'!A0".into();
        data.events[0].people = vec![crate::model::Name { zh: "@张三".into(), en: "+Zhang".into() }];
        data.facts[0].note_en = Some("-1 as printed".into());
        data.facts[0].value = -3.5;
        let index = Index::new(&data);
        let selection = select(&data, &index, &Filter::default());
        for lang in [Lang::En, Lang::Zh] {
            let rows = parse_csv(&records_csv(&data, &selection, lang));
            let header = &rows[0];
            assert_eq!(rows.len(), 1 + data.facts.len() + data.events.len());
            assert!(rows.iter().all(|r| r.len() == header.len()), "every row has every column");
            let kind = &rows[1 + data.facts.len()][1];
            assert_eq!(kind, crate::i18n::EVENT.get(lang));
            for row in &rows[1..] {
                for (column, cell) in row.iter().enumerate() {
                    let numeric = matches!(header[column].as_str(), "value" | "line" | "数值" | "行");
                    if numeric && cell.parse::<f64>().is_ok() {
                        continue;
                    }
                    assert!(!cell.starts_with(FORMULA_STARTS), "{lang:?} {} = {cell:?}", header[column]);
                }
            }
            assert_eq!(rows[1][4], "-3.5", "a negative value stays a number");
        }
        let rows = parse_csv(&records_csv(&data, &selection, Lang::En));
        let event = &rows[1 + data.facts.len()];
        assert_eq!(event[0], data.events[0].id);
        assert_eq!(event[3], "'=cmd|' /C calc'!A0");
        assert_eq!(event[13], data.events[0].date_start.to_string());
        assert_eq!(event[16], "'+Zhang");
        assert!(rows.iter().any(|r| r[1] == "Event" && !r[17].is_empty()), "organisations are listed");
    }

    #[test]
    fn the_json_download_holds_the_events() {
        use crate::explore::{select, Index};
        let data = crate::embedded::dataset().expect("embedded dataset");
        let index = Index::new(&data);
        let mut filter = Filter::default();
        filter.regions.insert("quanzhou".into());
        let selection = select(&data, &index, &filter);
        let subset = selection_dataset(&data, &selection);
        assert_eq!(subset.events.len(), selection.events.len());
        assert!(!subset.events.is_empty());
        assert!(crate::validate::validate(&subset).is_empty());
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
