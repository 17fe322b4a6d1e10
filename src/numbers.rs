//! Reading figures as the reports print them: `973.27 万元`, `1.6万多家`, `超过 2 万人`,
//! `两千余户`, `第一`. The value a fact stores must follow from its printed token.

use crate::model::{Qualifier, Unit};

/// What a printed figure says.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// In base units: 973.27万 is 9_732_700.
    pub value: f64,
    pub qualifier: Qualifier,
    /// Preceded by 第: an ordinal, i.e. a rank.
    pub ordinal: bool,
    /// The unit the printed words imply, where they imply one (元, %, 人次, 户, 平方米).
    pub implied_unit: Option<Unit>,
    /// What follows the number and its multipliers, e.g. `元`, `人次`, `家`.
    pub unit_text: String,
}

/// Chinese digit characters and their values.
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Power of ten of a multiplier character.
pub fn multiplier_exponent(c: char) -> Option<u32> {
    Some(match c {
        '十' => 1,
        '百' => 2,
        '千' => 3,
        '万' => 4,
        '亿' => 8,
        _ => return None,
    })
}

pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || multiplier_exponent(c).is_some()
}

/// Folds full-width digits and signs to ASCII and drops all white space, so that tokens match
/// however the OCR spaced them.
pub fn normalise(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).map(fold_width).collect()
}

pub fn fold_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '％' => '%',
        _ => c,
    }
}

/// Value of a run of Chinese numerals such as `两千`, `一百二十`, `十八`, `三千五百万`.
pub fn parse_chinese_numeral(text: &str) -> Option<u64> {
    let mut total: u64 = 0; // completed 亿 sections
    let mut section: u64 = 0; // completed 万 part below 亿
    let mut group: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut any = false;
    for c in text.chars() {
        any = true;
        if let Some(d) = chinese_digit(c) {
            digit = Some(u64::from(d));
            continue;
        }
        match multiplier_exponent(c)? {
            e @ 1..=3 => {
                let scale = 10u64.pow(e);
                group += digit.take().unwrap_or(1) * scale;
            }
            4 => {
                // a bare 万 (万名, 百万) counts one ten-thousand
                let below = group + digit.take().unwrap_or(0);
                section += if below == 0 { 1 } else { below } * 10_000;
                group = 0;
            }
            _ => {
                let below = section + group + digit.take().unwrap_or(0);
                total += if below == 0 { 1 } else { below } * 100_000_000;
                section = 0;
                group = 0;
            }
        }
    }
    any.then_some(total + section + group + digit.unwrap_or(0))
}

/// An exact decimal: `mantissa × 10^exponent`, so that `973.27万` is exactly 9732700.
#[derive(Clone, Copy, Debug)]
struct Decimal {
    mantissa: u128,
    exponent: i32,
}

impl Decimal {
    fn to_f64(self) -> f64 {
        // mantissa fits f64 exactly for every figure a report prints
        (self.mantissa as f64) * 10f64.powi(self.exponent)
    }
}

fn parse_arabic(text: &str) -> Option<Decimal> {
    let mut mantissa: u128 = 0;
    let mut exponent = 0i32;
    let mut after_point = false;
    let mut digits = 0;
    for c in text.chars() {
        match c {
            '0'..='9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u128::from(c as u8 - b'0'))?;
                digits += 1;
                if after_point {
                    exponent -= 1;
                }
            }
            '.' if !after_point => after_point = true,
            ',' => {}
            _ => return None,
        }
    }
    (digits > 0).then_some(Decimal { mantissa, exponent })
}

const PREFIX_QUALIFIERS: [(&str, Qualifier); 9] = [
    ("超过", Qualifier::AtLeast),
    ("不到", Qualifier::AtMost),
    ("不足", Qualifier::AtMost),
    ("将近", Qualifier::Approx),
    ("接近", Qualifier::Approx),
    ("约", Qualifier::Approx),
    ("近", Qualifier::Approx),
    ("超", Qualifier::AtLeast),
    ("逾", Qualifier::AtLeast),
];

const SUFFIX_QUALIFIERS: [(&str, Qualifier); 6] = [
    ("以上", Qualifier::AtLeast),
    ("左右", Qualifier::Approx),
    ("以内", Qualifier::AtMost),
    ("多", Qualifier::AtLeast),
    ("余", Qualifier::AtLeast),
    ("许", Qualifier::Approx),
];

/// A number may also open with a bare multiplier: 百万职工, 近千名, 万名.
fn is_number_start(c: char) -> bool {
    c.is_ascii_digit() || is_chinese_numeral(c)
}

/// Reads a printed figure. Errors say what could not be read.
pub fn parse_figure(raw: &str) -> Result<Figure, String> {
    let text = normalise(raw);
    let chars: Vec<char> = text.chars().collect();
    let start = chars
        .iter()
        .position(|&c| is_number_start(c))
        .ok_or_else(|| format!("no number in '{raw}'"))?;
    let prefix: String = chars[..start].iter().collect();
    let mut qualifier = Qualifier::Exact;
    for (word, q) in PREFIX_QUALIFIERS {
        if prefix.contains(word) {
            qualifier = q;
            break;
        }
    }
    let ordinal = prefix.ends_with('第');

    // The number itself.
    let mut i = start;
    let mut value;
    if chars[start].is_ascii_digit() {
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',') {
            i += 1;
        }
        let digits: String = chars[start..i].iter().collect();
        let digits = digits.trim_end_matches(['.', ',']);
        i = start + digits.chars().count();
        value = parse_arabic(digits).ok_or_else(|| format!("'{digits}' in '{raw}' is not a number"))?;
    } else {
        while i < chars.len() && is_chinese_numeral(chars[i]) {
            i += 1;
        }
        // 万 and 亿 directly after Chinese numerals belong to the numeral.
        let numeral: String = chars[start..i].iter().collect();
        let n = parse_chinese_numeral(&numeral)
            .ok_or_else(|| format!("'{numeral}' in '{raw}' is not a Chinese numeral"))?;
        value = Decimal { mantissa: u128::from(n), exponent: 0 };
    }

    // Multipliers and 多/余 between them: 3万, 30余万, 十多万, 1.2亿.
    while i < chars.len() {
        let c = chars[i];
        if let Some(e) = multiplier_exponent(c) {
            value.exponent += e as i32;
            i += 1;
        } else if (c == '多' || c == '余') && chars.get(i + 1).is_some_and(|&n| multiplier_exponent(n).is_some()) {
            qualifier = Qualifier::AtLeast;
            i += 1;
        } else {
            break;
        }
    }
    let mut rest: String = chars[i..].iter().collect();
    for (word, q) in SUFFIX_QUALIFIERS {
        if let Some(stripped) = rest.strip_prefix(word) {
            qualifier = q;
            rest = stripped.to_owned();
            break;
        }
    }
    // 以上 / 左右 may also follow the unit: 1000人以上.
    for (word, q) in SUFFIX_QUALIFIERS.iter().take(3) {
        if let Some(stripped) = rest.strip_suffix(word) {
            qualifier = *q;
            rest = stripped.to_owned();
        }
    }
    let implied_unit = if rest.contains('%') || rest.contains("个百分点") {
        Some(Unit::Percent)
    } else if rest.contains("人次") {
        Some(Unit::PersonTimes)
    } else if rest.contains('元') {
        Some(Unit::Cny)
    } else if rest.contains("平方米") || rest.contains('㎡') {
        Some(Unit::SquareMetres)
    } else if rest.starts_with('户') {
        Some(Unit::Households)
    } else if ordinal {
        Some(Unit::Rank)
    } else {
        None
    };
    Ok(Figure { value: value.to_f64(), qualifier, ordinal, implied_unit, unit_text: rest })
}

/// The first character a printed figure cannot hold, if any. A figure is digits (half- or
/// full-width) or Chinese numerals with their multipliers, qualifier words, counters and units,
/// all Chinese characters, and a few marks (decimal point, thousands separator, %, /, ㎡, a
/// space): markup, letters and quotes are not part of any figure.
pub fn foreign_char_in_figure(raw: &str) -> Option<char> {
    raw.chars().find(|&c| {
        let allowed = c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ".,，．、%％/／ ㎡²~～-—".contains(c);
        !allowed
    })
}

/// True when two values are the same figure (allowing for float rounding of decimals).
pub fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(raw: &str) -> Figure {
        parse_figure(raw).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn arabic_with_multipliers() {
        assert_eq!(fig("973.27 万元").value, 9_732_700.0);
        assert_eq!(fig("973.27 万元").implied_unit, Some(Unit::Cny));
        assert_eq!(fig("1.2亿元").value, 120_000_000.0);
        assert_eq!(fig("3,500 人").value, 3500.0);
        assert_eq!(fig("１２３４名").value, 1234.0);
        assert_eq!(fig("12.5%").value, 12.5);
        assert_eq!(fig("12.5%").implied_unit, Some(Unit::Percent));
    }

    #[test]
    fn qualifiers_before_and_after() {
        let f = fig("1.6万多家");
        assert_eq!((f.value, f.qualifier), (16_000.0, Qualifier::AtLeast));
        assert_eq!(f.unit_text, "家");
        assert_eq!(fig("超过 2 万人").qualifier, Qualifier::AtLeast);
        assert_eq!(fig("约 300 人").qualifier, Qualifier::Approx);
        assert_eq!(fig("近 3 万人次").implied_unit, Some(Unit::PersonTimes));
        assert_eq!(fig("30余万元").value, 300_000.0);
        assert_eq!(fig("30余万元").qualifier, Qualifier::AtLeast);
        assert_eq!(fig("1000人以上").qualifier, Qualifier::AtLeast);
        assert_eq!(fig("不足 10 户").qualifier, Qualifier::AtMost);
        assert_eq!(fig("不足 10 户").implied_unit, Some(Unit::Households));
        assert_eq!(fig("500 万元左右").qualifier, Qualifier::Approx);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_chinese_numeral("两千"), Some(2000));
        assert_eq!(parse_chinese_numeral("一百二十"), Some(120));
        assert_eq!(parse_chinese_numeral("十八"), Some(18));
        assert_eq!(parse_chinese_numeral("三千五百万"), Some(35_000_000));
        assert_eq!(parse_chinese_numeral("两百万"), Some(2_000_000));
        assert_eq!(parse_chinese_numeral("一亿二千万"), Some(120_000_000));
        assert_eq!(parse_chinese_numeral("一千零五"), Some(1005));
        assert_eq!(fig("两百万职工").value, 2_000_000.0);
        let f = fig("十多万人");
        assert_eq!((f.value, f.qualifier), (100_000.0, Qualifier::AtLeast));
        assert_eq!(fig("两千余户").qualifier, Qualifier::AtLeast);
        assert_eq!(fig("百万职工").value, 1_000_000.0);
        assert_eq!(fig("超过百万").qualifier, Qualifier::AtLeast);
        assert_eq!(fig("近千名").value, 1000.0);
        assert_eq!(fig("万名").value, 10_000.0);
        assert_eq!(fig("近百名").value, 100.0);
    }

    #[test]
    fn ranks() {
        let f = fig("第一");
        assert!(f.ordinal);
        assert_eq!(f.value, 1.0);
        assert_eq!(f.implied_unit, Some(Unit::Rank));
        assert_eq!(fig("第 3 名").value, 3.0);
    }

    #[test]
    fn rejects_tokens_without_a_number() {
        assert!(parse_figure("元").is_err());
        assert!(parse_figure("人次").is_err());
        assert!(parse_figure("").is_err());
    }
}
