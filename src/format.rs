//! Numbers as each language reads them: `973.27万元` / `9.73 million CNY`,
//! `1.6万多家` / `16,000+ units`.

use crate::i18n::Lang;
use crate::model::{Fact, Qualifier, Unit};
use crate::numbers::parse_figure;

/// Trims a fixed-point rendering: `9.70` -> `9.7`, `12.00` -> `12`.
fn trim_decimals(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// `1234567.5` -> `1,234,567.5` (at most two decimals).
pub fn group_thousands(value: f64) -> String {
    let rounded = trim_decimals(format!("{:.2}", value.abs()));
    let (int_part, frac_part) = rounded.split_once('.').map_or((rounded.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 { "-" } else { "" };
    match frac_part {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A bare number in Chinese style: `9732700` -> `973.27万`, `120000000` -> `1.2亿`.
pub fn number_zh(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e8 {
        format!("{}亿", trim_decimals(format!("{:.2}", value / 1e8)))
    } else if magnitude >= 1e4 {
        format!("{}万", trim_decimals(format!("{:.2}", value / 1e4)))
    } else {
        trim_decimals(format!("{value:.2}"))
    }
}

/// A bare number in English style: `9732700` -> `9.73 million`, `16000` -> `16,000`.
pub fn number_en(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e9 {
        format!("{} billion", trim_decimals(format!("{:.2}", value / 1e9)))
    } else if magnitude >= 1e6 {
        format!("{} million", trim_decimals(format!("{:.2}", value / 1e6)))
    } else {
        group_thousands(value)
    }
}

/// Axis labels: short, in the language's own large-number words.
pub fn axis_label(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh => number_zh(value),
        Lang::En => {
            let magnitude = value.abs();
            if magnitude >= 1e9 {
                format!("{}B", trim_decimals(format!("{:.1}", value / 1e9)))
            } else if magnitude >= 1e6 {
                format!("{}M", trim_decimals(format!("{:.1}", value / 1e6)))
            } else if magnitude >= 1e3 {
                format!("{}k", trim_decimals(format!("{:.1}", value / 1e3)))
            } else {
                trim_decimals(format!("{value:.1}"))
            }
        }
    }
}

pub fn unit_name(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::Cny, Lang::Zh) => "元",
        (Unit::Cny, Lang::En) => "CNY",
        (Unit::Persons, Lang::Zh) => "人",
        (Unit::Persons, Lang::En) => "persons",
        (Unit::PersonTimes, Lang::Zh) => "人次",
        (Unit::PersonTimes, Lang::En) => "person-times",
        (Unit::Units, Lang::Zh) => "个",
        (Unit::Units, Lang::En) => "units",
        (Unit::Items, Lang::Zh) => "项",
        (Unit::Items, Lang::En) => "items",
        (Unit::Households, Lang::Zh) => "户",
        (Unit::Households, Lang::En) => "households",
        (Unit::Percent, _) => "%",
        (Unit::Events, Lang::Zh) => "场",
        (Unit::Events, Lang::En) => "events",
        (Unit::Teams, Lang::Zh) => "支",
        (Unit::Teams, Lang::En) => "teams",
        (Unit::SquareMetres, Lang::Zh) => "平方米",
        (Unit::SquareMetres, Lang::En) => "m²",
        (Unit::Rank, Lang::Zh) => "名",
        (Unit::Rank, Lang::En) => "rank",
        (Unit::Other, _) => "",
    }
}

/// The qualifier in words, for the record view.
pub fn qualifier_words(qualifier: Qualifier, lang: Lang) -> &'static str {
    match (qualifier, lang) {
        (Qualifier::Exact, Lang::Zh) => "确数",
        (Qualifier::Exact, Lang::En) => "exact",
        (Qualifier::AtLeast, Lang::Zh) => "至少（原文为“多”“余”“超过”等）",
        (Qualifier::AtLeast, Lang::En) => "at least (the text says “more than”)",
        (Qualifier::Approx, Lang::Zh) => "约数（原文为“约”“近”“左右”等）",
        (Qualifier::Approx, Lang::En) => "approximately",
        (Qualifier::AtMost, Lang::Zh) => "至多（原文为“不到”“不足”等）",
        (Qualifier::AtMost, Lang::En) => "at most",
    }
}

/// How a figure was printed: the multiplier it was written with (万 = 4, 亿 = 8, none = 0) and
/// the digits after its decimal point. `2999.77万` is `{ exponent: 4, decimals: 2 }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Printed {
    pub exponent: u32,
    pub decimals: u32,
}

impl Printed {
    /// The power of ten of the last printed digit: `2999.77万` is printed to the hundred (2).
    fn last_digit(self) -> i32 {
        self.exponent as i32 - self.decimals as i32
    }
}

/// How `raw` was printed, from its Arabic digits (`2999.77 万元`, `１８１７８人`) or its Chinese
/// numerals (`两千余户`: to the thousand); `None` when it has no number.
pub fn printed(raw: &str) -> Option<Printed> {
    let text = crate::numbers::normalise(raw);
    let start = text.find(|c: char| c.is_ascii_digit());
    let (decimals, after) = match start {
        Some(start) => {
            let number: String = text[start..].chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
            let decimals = number.split_once('.').map_or(0, |(_, f)| f.chars().filter(char::is_ascii_digit).count() as u32);
            (decimals, &text[start + number.len()..])
        }
        None => {
            // Chinese numerals: the place of the last digit written (两千 to the thousand)
            let from = text.find(crate::numbers::is_chinese_numeral)?;
            let numeral: String = text[from..].chars().take_while(|c| crate::numbers::is_chinese_numeral(*c)).collect();
            let value = crate::numbers::parse_chinese_numeral(&numeral)?;
            let mut place = 0;
            let mut rest = value;
            while rest > 0 && rest % 10 == 0 && place < 8 {
                rest /= 10;
                place += 1;
            }
            let exponent = if value >= 100_000_000 && place >= 8 { 8 } else if value >= 10_000 && place >= 4 { 4 } else { 0 };
            return Some(Printed { exponent, decimals: exponent.saturating_sub(place) });
        }
    };
    let mut exponent = 0;
    for c in after.chars().take_while(|c| crate::numbers::multiplier_exponent(*c).is_some()) {
        exponent += crate::numbers::multiplier_exponent(c).unwrap_or(0);
    }
    Some(Printed { exponent, decimals })
}

/// `value / 10^scale` with exactly as many decimals as the printed digits reach, never fewer
/// than an exact figure needs: `29997700` in millions printed to the hundred is `29.9977`.
fn scaled(value: f64, scale: i32, printed: Option<Printed>, qualifier: Qualifier) -> String {
    let shown = value / 10f64.powi(scale);
    let decimals = match printed {
        Some(p) => (scale - p.last_digit()).max(0) as usize,
        None if qualifier == Qualifier::Exact => exact_decimals(shown),
        None => 2,
    };
    // an exact figure is never rounded, whatever the printed digits said
    let decimals = if qualifier == Qualifier::Exact { decimals.max(exact_decimals(shown)) } else { decimals };
    trim_decimals(format!("{shown:.decimals$}"))
}

/// The fewest decimals (at most 8) that write `value` without rounding it.
fn exact_decimals(value: f64) -> usize {
    (0..8).find(|&d| {
        let factor = 10f64.powi(d as i32);
        ((value * factor).round() / factor - value).abs() <= value.abs() * 1e-12
    })
    .unwrap_or(8)
}

/// A bare number in Chinese style, as printed: with the printed multiplier and decimals
/// (`2999.77万`, `18178`); without printed digits, in 万 and 亿.
fn number_zh_printed(value: f64, printed: Option<Printed>, qualifier: Qualifier) -> String {
    match printed {
        Some(p) if p.exponent >= 8 => format!("{}亿", scaled(value, 8, Some(p), qualifier)),
        Some(p) if p.exponent >= 4 => format!("{}万", scaled(value, 4, Some(p), qualifier)),
        Some(p) => scaled(value, 0, Some(p), qualifier),
        None if value.abs() >= 1e8 => format!("{}亿", scaled(value, 8, None, qualifier)),
        None if value.abs() >= 1e4 => format!("{}万", scaled(value, 4, None, qualifier)),
        None => scaled(value, 0, None, qualifier),
    }
}

/// A bare number in English style, to the printed digits: `29.9977 million`, `18,178`.
fn number_en_printed(value: f64, printed: Option<Printed>, qualifier: Qualifier) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e9 {
        format!("{} billion", scaled(value, 9, printed, qualifier))
    } else if magnitude >= 1e6 {
        format!("{} million", scaled(value, 6, printed, qualifier))
    } else {
        let text = scaled(value, 0, printed, qualifier);
        let (int_part, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
        let grouped = group_thousands(int_part.parse::<f64>().unwrap_or(value.trunc()));
        match frac {
            Some(f) => format!("{grouped}.{f}"),
            None => grouped,
        }
    }
}

/// A value with its unit and qualifier. In Chinese the counter printed in the report is kept
/// (`家`, `名`), falling back to the unit's own word. An exact value is never rounded.
pub fn quantity(value: f64, unit: Unit, qualifier: Qualifier, printed_counter: Option<&str>, lang: Lang) -> String {
    quantity_as_printed(value, unit, qualifier, printed_counter, None, lang)
}

/// `quantity`, to the digits `printed` says the report gave.
pub fn quantity_as_printed(value: f64, unit: Unit, qualifier: Qualifier, printed_counter: Option<&str>, printed: Option<Printed>, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let counter = printed_counter.filter(|c| !c.is_empty()).unwrap_or(unit_name(unit, lang));
            let number = number_zh_printed(value, printed, qualifier);
            match (unit, qualifier) {
                (Unit::Rank, _) => format!("第{number}{}", if printed_counter.is_some_and(|c| c.starts_with('名')) { "名" } else { "" }),
                (Unit::Percent, Qualifier::AtLeast) => format!("{number}%以上"),
                (Unit::Percent, Qualifier::Approx) => format!("约{number}%"),
                (Unit::Percent, Qualifier::AtMost) => format!("不到{number}%"),
                (Unit::Percent, Qualifier::Exact) => format!("{number}%"),
                (_, Qualifier::AtLeast) => format!("{number}多{counter}"),
                (_, Qualifier::Approx) => format!("约{number}{counter}"),
                (_, Qualifier::AtMost) => format!("不到{number}{counter}"),
                (_, Qualifier::Exact) => format!("{number}{counter}"),
            }
        }
        Lang::En => {
            let number = number_en_printed(value, printed, qualifier);
            let body = match unit {
                Unit::Percent => format!("{number}%"),
                Unit::Rank => format!("No. {number}"),
                Unit::Other => number,
                _ => format!("{number} {}", unit_name(unit, lang)),
            };
            match qualifier {
                Qualifier::Exact => body,
                Qualifier::AtLeast => match unit {
                    Unit::Percent | Unit::Rank | Unit::Other => format!("{body}+"),
                    _ => body.replacen(' ', "+ ", 1),
                },
                Qualifier::Approx => format!("~{body}"),
                Qualifier::AtMost => format!("≤{body}"),
            }
        }
    }
}

/// A fact's figure in the given language, to the digits the report printed.
pub fn fact_value(fact: &Fact, lang: Lang) -> String {
    let counter = parse_figure(&fact.raw).ok().map(|f| f.unit_text.chars().take_while(|c| !"，,。;；、)）".contains(*c)).collect::<String>());
    quantity_as_printed(fact.value, fact.unit, fact.qualifier, counter.as_deref(), printed(&fact.raw), lang)
}

/// How a figure was counted, in words.
pub fn aggregation_words(aggregation: crate::model::Aggregation, lang: Lang) -> &'static str {
    use crate::model::Aggregation;
    match (aggregation, lang) {
        (Aggregation::PeriodTotal, Lang::Zh) => "累计数（整个时期合计）",
        (Aggregation::PeriodTotal, Lang::En) => "running total over the period",
        (Aggregation::SingleYear, Lang::Zh) => "单年数据",
        (Aggregation::SingleYear, Lang::En) => "one year's figure",
        (Aggregation::Snapshot, Lang::Zh) => "时点数（期末水平）",
        (Aggregation::Snapshot, Lang::En) => "level at the end of the period",
    }
}

/// What kind of event, in words.
pub fn event_kind_words(kind: crate::model::EventKind, lang: Lang) -> &'static str {
    use crate::model::EventKind as K;
    let (zh, en) = match kind {
        K::Instruction => ("批示", "instruction"),
        K::Meeting => ("会议", "meeting"),
        K::Inspection => ("调研督查", "inspection"),
        K::Festival => ("节庆活动", "festival"),
        K::Launch => ("启动", "launch"),
        K::Contest => ("竞赛", "contest"),
        K::Campaign => ("专项行动", "campaign"),
        K::Award => ("表彰", "award"),
        K::Exchange => ("交流", "exchange"),
        K::Training => ("培训", "training"),
        K::Visit => ("走访慰问", "visit"),
        K::Other => ("其他", "other"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Date precision in words.
pub fn precision_words(precision: crate::dates::Precision, lang: Lang) -> &'static str {
    use crate::dates::Precision;
    match (precision, lang) {
        (Precision::Day, Lang::Zh) => "精确到日",
        (Precision::Day, Lang::En) => "to the day",
        (Precision::Month, Lang::Zh) => "精确到月",
        (Precision::Month, Lang::En) => "to the month",
        (Precision::Year, Lang::Zh) => "精确到年",
        (Precision::Year, Lang::En) => "to the year",
    }
}

// ---------------------------------------------------------------- marks: what a figure is and why it is not compared

/// What a money indicator's yuan are, in words (`spent or paid out`, `raised`, …).
pub fn money_words(kind: crate::model::MoneyKind, lang: Lang) -> &'static str {
    use crate::model::MoneyKind as M;
    let (zh, en) = match kind {
        M::Spent => ("工会投入或发放的资金", "spent or paid out by the unions"),
        M::Raised => ("筹集的资金", "raised"),
        M::Budgeted => ("安排（预算）的资金", "budgeted or allocated"),
        M::Benefit => ("成效或带动的金额，不是工会资金", "an outcome or benefit, not union money"),
        M::Involved => ("所涉及的金额，不是工会资金", "an amount involved, not union money"),
        M::PerUnit => ("每人、每件或每份的金额", "an amount per person, case or item"),
        M::Maximum => ("单次最高金额", "a ceiling per case"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Whether an event took place or was only announced, in words; None for one that took place.
pub fn status_words(status: crate::model::EventStatus, lang: Lang) -> Option<&'static str> {
    match (status, lang) {
        (crate::model::EventStatus::Happened, _) => None,
        (crate::model::EventStatus::Planned, Lang::Zh) => Some("计划中（报告时尚未进行）"),
        (crate::model::EventStatus::Planned, Lang::En) => Some("planned (not yet held when reported)"),
    }
}

/// Why a figure is kept out of comparisons, in words: a slogan, a plan, or contradicted by
/// another figure (named by id); None for a measured outcome. For the record view, the table
/// and the CSV.
pub fn trust_words(fact: &Fact, lang: Lang) -> Option<String> {
    use crate::model::Trust;
    let mut parts: Vec<String> = Vec::new();
    match (fact.trust, lang) {
        (Some(Trust::Slogan), Lang::Zh) => parts.push("口号或约略说法，不是统计数".to_owned()),
        (Some(Trust::Slogan), Lang::En) => parts.push("a slogan or round phrase, not a count".to_owned()),
        (Some(Trust::Plan), Lang::Zh) => parts.push("计划或目标，不是已完成数".to_owned()),
        (Some(Trust::Plan), Lang::En) => parts.push("a plan or target, not an outcome".to_owned()),
        (None, _) => {}
    }
    if !fact.contradicted_by.is_empty() {
        let others = fact.contradicted_by.join(", ");
        parts.push(match lang {
            Lang::Zh => format!("与同一报告的另一数字（{others}）矛盾"),
            Lang::En => format!("contradicted by another figure of its report ({others})"),
        });
    }
    (!parts.is_empty()).then(|| parts.join(match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_reads_in_wan_and_yi() {
        assert_eq!(quantity(9_732_700.0, Unit::Cny, Qualifier::Exact, Some("元"), Lang::Zh), "973.27万元");
        assert_eq!(quantity(16_000.0, Unit::Units, Qualifier::AtLeast, Some("家"), Lang::Zh), "1.6万多家");
        assert_eq!(quantity(120_000_000.0, Unit::Cny, Qualifier::Approx, None, Lang::Zh), "约1.2亿元");
        assert_eq!(quantity(2866.0, Unit::PersonTimes, Qualifier::Exact, Some("人次"), Lang::Zh), "2866人次");
        assert_eq!(quantity(12.5, Unit::Percent, Qualifier::Exact, Some("%"), Lang::Zh), "12.5%");
        assert_eq!(quantity(1.0, Unit::Rank, Qualifier::Exact, None, Lang::Zh), "第1");
    }

    #[test]
    fn english_reads_in_thousands_and_millions() {
        assert_eq!(quantity(9_732_700.0, Unit::Cny, Qualifier::Exact, None, Lang::En), "9.7327 million CNY");
        assert_eq!(quantity(16_000.0, Unit::Units, Qualifier::AtLeast, None, Lang::En), "16,000+ units");
        assert_eq!(quantity(2866.0, Unit::PersonTimes, Qualifier::Exact, None, Lang::En), "2,866 person-times");
        assert_eq!(quantity(560.0, Unit::Households, Qualifier::Approx, None, Lang::En), "~560 households");
        assert_eq!(quantity(2.5e9, Unit::Cny, Qualifier::Exact, None, Lang::En), "2.5 billion CNY");
        assert_eq!(quantity(60.0, Unit::Percent, Qualifier::AtLeast, None, Lang::En), "60%+");
        assert_eq!(quantity(13.0, Unit::Rank, Qualifier::Exact, None, Lang::En), "No. 13");
    }

    #[test]
    fn axis_labels_are_short() {
        assert_eq!(axis_label(50_000.0, Lang::Zh), "5万");
        assert_eq!(axis_label(300_000_000.0, Lang::Zh), "3亿");
        assert_eq!(axis_label(50_000.0, Lang::En), "50k");
        assert_eq!(axis_label(2_500_000.0, Lang::En), "2.5M");
        assert_eq!(axis_label(0.0, Lang::En), "0");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(1_234_567.5), "1,234,567.5");
        assert_eq!(group_thousands(999.0), "999");
        assert_eq!(group_thousands(1000.0), "1,000");
    }

    fn fact(raw: &str, value: f64, unit: Unit, qualifier: Qualifier) -> Fact {
        Fact {
            id: "x-f001".into(),
            doc: "x".into(),
            line: 1,
            also_lines: Vec::new(),
            raw: raw.into(),
            value,
            unit,
            qualifier,
            region: "fujian".into(),
            period_start: crate::dates::PartialDate::parse("2020").expect("date"),
            period_end: crate::dates::PartialDate::parse("2020").expect("date"),
            aggregation: crate::model::Aggregation::SingleYear,
            category: "c".into(),
            indicator: "i".into(),
            note_zh: None,
            note_en: None,
            trust: None,
            contradicted_by: Vec::new(),
        }
    }

    #[test]
    fn values_keep_the_printed_precision() {
        let cases = [
            ("2999.77万元", 29_997_700.0, Unit::Cny, Qualifier::Exact, "2999.77万元", "29.9977 million CNY"),
            ("18178人", 18_178.0, Unit::Persons, Qualifier::Exact, "18178人", "18,178 persons"),
            ("973.27 万元", 9_732_700.0, Unit::Cny, Qualifier::Exact, "973.27万元", "9.7327 million CNY"),
            ("1.6万多家", 16_000.0, Unit::Units, Qualifier::AtLeast, "1.6万多家", "16,000+ units"),
            ("约1.2亿元", 120_000_000.0, Unit::Cny, Qualifier::Approx, "约1.2亿元", "~120 million CNY"),
            ("超过 2 万人", 20_000.0, Unit::Persons, Qualifier::AtLeast, "2万多人", "20,000+ persons"),
            ("两千余户", 2_000.0, Unit::Households, Qualifier::AtLeast, "2000多户", "2,000+ households"),
            ("12.5%", 12.5, Unit::Percent, Qualifier::Exact, "12.5%", "12.5%"),
            ("1234.5678万元", 12_345_678.0, Unit::Cny, Qualifier::Exact, "1234.5678万元", "12.345678 million CNY"),
            ("3.10亿元", 310_000_000.0, Unit::Cny, Qualifier::Exact, "3.1亿元", "310 million CNY"),
        ];
        for (raw, value, unit, qualifier, zh, en) in cases {
            let f = fact(raw, value, unit, qualifier);
            assert_eq!(fact_value(&f, Lang::Zh), zh, "{raw}");
            assert_eq!(fact_value(&f, Lang::En), en, "{raw}");
        }
    }

    #[test]
    fn an_exact_figure_is_never_rounded() {
        // whatever was printed, every digit of an exact value stays
        for value in [18_178.0, 29_997_700.0, 1_234_567.0, 7.0, 987_654_321.0, 12_345.6] {
            for lang in [Lang::Zh, Lang::En] {
                let shown = quantity(value, Unit::Persons, Qualifier::Exact, None, lang);
                let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
                let wanted: String = value.to_string().chars().filter(char::is_ascii_digit).collect();
                assert_eq!(digits.trim_end_matches('0'), wanted.trim_end_matches('0'), "{value} {lang:?}: {shown}");
            }
        }
    }

    #[test]
    fn printed_precision_is_read_from_the_raw_token() {
        assert_eq!(printed("2999.77万元"), Some(Printed { exponent: 4, decimals: 2 }));
        assert_eq!(printed("１８１７８人"), Some(Printed { exponent: 0, decimals: 0 }));
        assert_eq!(printed("1,234.5 元"), Some(Printed { exponent: 0, decimals: 1 }));
        assert_eq!(printed("约3亿元"), Some(Printed { exponent: 8, decimals: 0 }));
        assert_eq!(printed("两万多人"), Some(Printed { exponent: 4, decimals: 0 }));
        assert_eq!(printed("无"), None);
    }

    #[test]
    fn counts_say_one_and_many_right() {
        use crate::i18n::{EVENT_NOUN, FIGURE_NOUN, RECORD_NOUN};
        assert_eq!(RECORD_NOUN.count(1, Lang::En), "1 record");
        assert_eq!(RECORD_NOUN.count(2, Lang::En), "2 records");
        assert_eq!(FIGURE_NOUN.count(0, Lang::En), "0 figures");
        assert_eq!(FIGURE_NOUN.count(1, Lang::En), "1 figure");
        assert_eq!(EVENT_NOUN.count(1, Lang::En), "1 event");
        assert_eq!(EVENT_NOUN.count(52, Lang::En), "52 events");
        assert_eq!(FIGURE_NOUN.count(68, Lang::Zh), "68 项数据");
    }

    #[test]
    fn marks_in_words() {
        use crate::model::{EventStatus, MoneyKind, Trust};
        let data = crate::embedded::dataset().expect("embedded dataset");
        let mut fact = data.facts[0].clone();
        fact.trust = None;
        fact.contradicted_by.clear();
        assert_eq!(trust_words(&fact, Lang::En), None);
        fact.trust = Some(Trust::Plan);
        assert_eq!(trust_words(&fact, Lang::En).as_deref(), Some("a plan or target, not an outcome"));
        fact.trust = Some(Trust::Slogan);
        fact.contradicted_by = vec!["x-f002".into()];
        assert_eq!(
            trust_words(&fact, Lang::En).as_deref(),
            Some("a slogan or round phrase, not a count; contradicted by another figure of its report (x-f002)")
        );
        assert_eq!(trust_words(&fact, Lang::Zh).as_deref(), Some("口号或约略说法，不是统计数；与同一报告的另一数字（x-f002）矛盾"));
        assert_eq!(money_words(MoneyKind::Spent, Lang::En), "spent or paid out by the unions");
        assert_eq!(money_words(MoneyKind::Benefit, Lang::Zh), "成效或带动的金额，不是工会资金");
        assert_eq!(status_words(EventStatus::Happened, Lang::En), None);
        assert!(status_words(EventStatus::Planned, Lang::Zh).is_some());
    }
}
