//! The indicator picker of the Charts tab: indicators grouped by category, sorted by name in
//! the interface language, narrowed by what is typed.

use crate::i18n::Lang;
use crate::model::Dataset;
use std::collections::HashMap;

/// One category's indicators, as `(id, name)` sorted by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IndicatorGroup {
    pub category: String,
    pub indicators: Vec<(String, String)>,
}

/// The category most of an indicator's figures belong to, for every indicator with figures:
/// made once per dataset, as it reads every figure.
pub fn main_categories(data: &Dataset) -> HashMap<String, String> {
    let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
    for fact in &data.facts {
        *counts.entry((fact.indicator.as_str(), fact.category.as_str())).or_default() += 1;
    }
    let mut best: HashMap<&str, (&str, usize)> = HashMap::new();
    for ((indicator, category), n) in counts {
        let entry = best.entry(indicator).or_insert((category, 0));
        // the larger count wins; a tie goes to the category id first in order, so it never flips
        if n > entry.1 || (n == entry.1 && category < entry.0) {
            *entry = (category, n);
        }
    }
    best.into_iter().map(|(indicator, (category, _))| (indicator.to_owned(), category.to_owned())).collect()
}

/// The indicators of `ids` whose name (in either language) or id contains `query` (ignoring
/// case), grouped by category in the dataset's order of categories; `keep` is always listed,
/// so the picker can show what is chosen.
pub fn indicator_groups(data: &Dataset, ids: &[String], query: &str, keep: Option<&str>, lang: Lang) -> Vec<IndicatorGroup> {
    indicator_groups_in(data, &main_categories(data), ids, query, keep, lang)
}

/// `indicator_groups`, with each indicator's category from `categories` (`main_categories`).
pub fn indicator_groups_in(
    data: &Dataset,
    categories: &HashMap<String, String>,
    ids: &[String],
    query: &str,
    keep: Option<&str>,
    lang: Lang,
) -> Vec<IndicatorGroup> {
    let query = query.trim().to_lowercase();
    let matches = |id: &str| {
        query.is_empty()
            || keep == Some(id)
            || id.to_lowercase().contains(&query)
            || data.indicator(id).is_some_and(|i| i.zh.contains(&query) || i.en.to_lowercase().contains(&query))
    };
    let mut groups: Vec<IndicatorGroup> = Vec::new();
    let category_order = data.categories.iter().map(|c| c.id.as_str()).chain(std::iter::once(""));
    for category in category_order {
        let mut indicators: Vec<(String, String)> = ids
            .iter()
            .filter(|id| categories.get(id.as_str()).map_or("", String::as_str) == category && matches(id))
            .map(|id| (id.clone(), data.indicator(id).map_or(id.clone(), |i| i.name(lang).to_owned())))
            .collect();
        if indicators.is_empty() {
            continue;
        }
        crate::order::sort_by(&mut indicators, |a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        let name = data.category(category).map_or(String::new(), |c| c.name(lang).to_owned());
        groups.push(IndicatorGroup { category: name, indicators });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (Dataset, Vec<String>) {
        let data = crate::embedded::dataset().expect("embedded dataset");
        let ids: Vec<String> = data.indicators.iter().filter(|i| data.facts.iter().any(|f| f.indicator == i.id)).map(|i| i.id.clone()).collect();
        (data, ids)
    }

    #[test]
    fn every_indicator_is_listed_once_grouped_and_sorted() {
        let (data, ids) = setup();
        for lang in [Lang::Zh, Lang::En] {
            let groups = indicator_groups(&data, &ids, "", None, lang);
            let listed: Vec<&String> = groups.iter().flat_map(|g| g.indicators.iter().map(|(id, _)| id)).collect();
            assert_eq!(listed.len(), ids.len());
            assert!(groups.len() > 1, "grouped by category");
            for group in &groups {
                assert!(group.indicators.windows(2).all(|w| w[0].1 <= w[1].1), "{} sorted by name", group.category);
            }
        }
    }

    #[test]
    fn typing_narrows_the_list_in_either_language() {
        let (data, ids) = setup();
        let found = |query: &str| -> Vec<String> {
            indicator_groups(&data, &ids, query, None, Lang::En).into_iter().flat_map(|g| g.indicators.into_iter().map(|(id, _)| id)).collect()
        };
        assert!(found("golden autumn").contains(&"golden_autumn_aid_funds".to_owned()));
        assert!(found("金秋").contains(&"golden_autumn_aid_funds".to_owned()));
        assert!(found("GOLDEN").len() < ids.len());
        assert!(found("zzzz-nothing").is_empty());
        let kept = indicator_groups(&data, &ids, "zzzz-nothing", Some("golden_autumn_aid_funds"), Lang::Zh);
        assert_eq!(kept.len(), 1, "what is chosen stays listed");
    }
}
