//! The two languages of the interface and every piece of UI text in both.

/// Interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The value used in URLs (`lang=zh`) and in the page's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages (BCP 47 tags such as `zh-CN`, `en-GB`)
    /// that the interface speaks; Chinese when none does, as the reports are Chinese.
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Self {
        preferred
            .into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
                Lang::from_code(&primary)
            })
            .unwrap_or(Lang::Zh)
    }

    /// Name of the language in itself, for the switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }
}

/// A text in both languages.
#[derive(Clone, Copy, Debug)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

const fn text(zh: &'static str, en: &'static str) -> Text {
    Text { zh, en }
}

pub const APP_NAME: Text = text("福建工会工作数据浏览", "Fujian Union Work Explorer");
pub const APP_TAGLINE: Text = text(
    "五份福建工会工作报告中的每一个数字与事件，均可追溯到原文",
    "Every figure and event in five reports on Fujian's trade unions, traced to its source line",
);
pub const LANGUAGE: Text = text("界面语言", "Interface language");
pub const VIEWS: Text = text("视图", "Views");
pub const TAB_TIMELINE: Text = text("时间线", "Timeline");
pub const TAB_CHARTS: Text = text("图表", "Charts");
pub const TAB_TABLE: Text = text("数据表", "Table");
pub const TAB_DOCUMENTS: Text = text("原始文件", "Documents");
pub const DATASET_SUMMARY: Text = text("数据集", "Dataset");
pub const FACTS: Text = text("项数据", "figures");
pub const EVENTS: Text = text("个事件", "events");
pub const DOCUMENTS: Text = text("份报告", "reports");
pub const COMING_TIMELINE: Text = text("按日期排列的活动与数据。", "Activities and figures by date.");
pub const COMING_CHARTS: Text = text("按城市和年份比较的图表。", "Charts comparing cities and years.");
pub const COMING_TABLE: Text = text("可排序的全部数据。", "Every figure, sortable.");
pub const COMING_DOCUMENTS: Text = text("五份原始报告及其出处。", "The five source reports and where they come from.");
pub const NOTICE_IGNORED: Text = text("链接中有以下参数无法识别，已忽略：", "Some parts of this link were not understood and were ignored:");
pub const DISMISS: Text = text("关闭", "Dismiss");
pub const DATA_ERROR: Text = text("数据无法读取：", "The dataset could not be read:");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_preferences_pick_the_first_spoken_language() {
        assert_eq!(Lang::from_browser(["en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::from_browser(["fr-FR", "zh-TW"]), Lang::Zh);
        assert_eq!(Lang::from_browser(["EN"]), Lang::En);
        assert_eq!(Lang::from_browser(["de"]), Lang::Zh);
        assert_eq!(Lang::from_browser([]), Lang::Zh);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }
}
