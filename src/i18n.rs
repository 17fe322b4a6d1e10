//! The two languages of the interface and every piece of UI text in both.

crate::coded_enum! {
    /// Interface language; the code is used in URLs (`lang=zh`) and in the page's `lang` attribute.
    pub enum Lang {
        Zh = "zh",
        En = "en",
    }
}

impl Lang {
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
pub const NOTICE_IGNORED: Text = text("链接中有以下参数无法识别，已忽略：", "Some parts of this link were not understood and were ignored:");
/// "… and 7 more not listed": what a capped notice leaves out.
pub fn and_more_ignored(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Zh, n) => format!("……另有 {n} 项未列出。"),
        (Lang::En, 1) => "… and 1 more, not listed.".to_owned(),
        (Lang::En, n) => format!("… and {n} more, not listed."),
    }
}
pub const LEGEND_PLANNED: Text = text("计划中的活动（报告时尚未进行）", "announced as coming (not yet held when reported)");
pub const WHAT_IT_COUNTS: Text = text("统计内容", "What it counts");
pub const MONEY_KIND: Text = text("资金性质", "Kind of money");
pub const CAVEAT: Text = text("注意", "Caveat");
pub const STATUS: Text = text("状态", "Status");
pub const DISMISS: Text = text("关闭", "Dismiss");
pub const DATA_ERROR: Text = text("数据无法读取：", "The dataset could not be read:");

pub const FILTERS: Text = text("筛选", "Filters");
pub const REGION: Text = text("地区", "Region");
pub const CATEGORY: Text = text("类别", "Category");
pub const YEARS: Text = text("年份", "Years");
pub const FROM: Text = text("从", "From");
pub const TO: Text = text("到", "To");
pub const DOCUMENT: Text = text("报告", "Report");
pub const SEARCH: Text = text("搜索", "Search");
pub const SEARCH_PLACEHOLDER: Text = text("标题、指标、人名、地名…", "Titles, indicators, names, places…");
pub const RESET: Text = text("全部重置", "Reset all");
pub const REMOVE: Text = text("移除", "Remove");
pub const RECORDS: Text = text("条记录", "records");
pub const SHOW_FILTERS: Text = text("筛选条件", "Filters");
pub const CLOSE: Text = text("关闭", "Close");
pub const NO_MATCH: Text = text("没有符合当前筛选条件的记录。", "No record matches these filters.");
pub const NO_DATA_REGION: Text = text("暂无数据", "no data yet");
pub const COPY_LINK: Text = text("复制链接", "Copy link");
pub const LINK_COPIED: Text = text("链接已复制", "Link copied");
pub const FIGURE: Text = text("数据", "Figure");
pub const EVENT: Text = text("事件", "Event");
pub const VALUE: Text = text("数值", "Value");
pub const AS_PRINTED: Text = text("原文写法", "As printed");
pub const QUALIFIER: Text = text("精确度", "Qualifier");
pub const PERIOD: Text = text("时期", "Period");
pub const INDICATOR: Text = text("指标", "Indicator");
pub const SOURCE: Text = text("来源", "Source");
pub const LINE: Text = text("行", "line");
pub const DATE: Text = text("日期", "Date");
pub const PEOPLE: Text = text("人物", "People");
pub const ORGANISATIONS: Text = text("机构", "Organisations");
pub const NOTE: Text = text("说明", "Note");
pub const AGGREGATION: Text = text("统计口径", "Counted as");
pub const SAME_INDICATOR: Text = text("同一指标的其他数据", "The same indicator elsewhere");
pub const PUBLISHED: Text = text("发表", "Published");
pub const COVERS: Text = text("涵盖", "Covers");
pub const INFERRED: Text = text("推定", "inferred");
pub const SHOW_RECORDS: Text = text("只看这份报告", "Show only this report");
pub const FACTS_WORD: Text = text("项数据", "figures");
pub const EVENTS_WORD: Text = text("个事件", "events");
pub const COMPARE: Text = text("在图表中比较", "Compare in a chart");
pub const LANES: Text = text("分组", "Lanes");
pub const BY_REGION: Text = text("按地区", "By region");
pub const BY_CATEGORY: Text = text("按类别", "By category");
pub const ZOOM_IN: Text = text("放大", "Zoom in");
pub const ZOOM_OUT: Text = text("缩小", "Zoom out");
pub const PAN_EARLIER: Text = text("向前", "Earlier");
pub const PAN_LATER: Text = text("向后", "Later");
pub const RESET_VIEW: Text = text("复位", "Reset");
pub const MORE_RECORDS: Text = text("条，未单独显示", "more, not shown one by one");
pub const OPEN_FULL_EXPLORER: Text = text("在完整浏览器中打开 ↗", "Open in the full explorer ↗");
pub const DOWNLOAD_CHART: Text = text("下载图表", "Download the chart");
pub const CLUSTER_RECORDS: Text = text("条记录在此汇总", "records gathered here");
pub const LEGEND_DAY: Text = text("具体日期", "exact day");
pub const LEGEND_MONTH: Text = text("某月", "a month");
pub const LEGEND_YEAR: Text = text("某年", "a year");
pub const LEGEND_EVENT_SPAN: Text = text("持续一段时间的活动", "an event over a span of time");
pub const LEGEND_FIGURE_SPAN: Text = text("跨时段的数据", "a figure over a span of time");
pub const CHART_BARS: Text = text("地区对比", "Across regions");
pub const CHART_TIME: Text = text("时间变化", "Over time");
pub const CHART_PROFILE: Text = text("类别构成", "Category profile");
pub const CHART_MONEY: Text = text("资金", "Money");
pub const CHART_KIND: Text = text("图表类型", "Chart");
pub const CHART_DATA: Text = text("图表数据", "Chart data");
pub const PICK_BAR: Text = text("点击条形或数据点可按该地区筛选。", "Click a bar or a point to filter to its region.");
pub const NO_CHART: Text = text("当前筛选下没有可绘制的数据。", "Nothing to chart for these filters.");
pub const DOWNLOAD: Text = text("下载筛选结果", "Download the filtered records");
pub const TABLE_NOTE: Text = text("项数据（事件见时间线）", "figures (events are on the timeline)");
pub const TIME_NOTES: Text = text("时间推算", "How dates were resolved");

// Report texts supplied by the reader: the picker, the notice, the excerpt and the reader.
pub const REPORT_TEXTS: Text = text("报告原文", "Report texts");
pub const OPEN_REPORT_TEXTS: Text = text("打开报告原文…", "Open the report texts…");
pub const REPORT_TEXTS_HINT: Text = text(
    "原文不随本站提供。可选择或拖放报告的 .txt 文件，或在链接中加上 src=文件夹地址。原文只保留在此浏览器的内存中。",
    "The texts do not come with this site. Pick or drop the reports' .txt files, or add src=<folder address> to the link. They stay in this browser's memory only.",
);
pub const REPORT_TEXTS_NONE: Text = text("尚未打开任何报告原文。", "No report text is open.");
pub const FORGET_TEXTS: Text = text("关闭原文", "Close the texts");
pub const FETCHING_TEXTS: Text = text("正在获取报告原文：", "Fetching the report texts from ");
pub const TEXTS_NOT_USED: Text = text("以下文件与数据集中的报告不符，未使用：", "These files do not fit the dataset's reports and are not used:");
pub const IN_THE_REPORT: Text = text("原文", "In the report");
pub const READ_IN_REPORT: Text = text("在原文中阅读", "Read in the report");
pub const READ_REPORT: Text = text("阅读原文", "Read the report");
pub const BACK_TO_REPORTS: Text = text("返回报告列表", "Back to the reports");
pub const TEXT_NOT_OPEN: Text = text("此报告的原文尚未打开：请在上方选择文件。", "The text of this report is not open: pick its file above.");
pub const TEXT_OPEN: Text = text("原文已打开", "Text open");
pub const OPEN_RECORD: Text = text("打开记录", "Open the record");
pub const NOT_PLAIN_NAME: Text = text(
    "数据集中的文件名不是单纯的文件名，未获取。",
    "the dataset names it with a path, not a plain file name; it was not fetched.",
);
pub const CITED_LINES_HINT: Text = text(
    "标出的行有数据集中的记录，点击其按钮可打开该记录。",
    "Marked lines carry records of the dataset; their buttons open them.",
);
// Search: dates it understood, and records shown when none has every word
pub const SEARCH_DAY: Text = text("日期", "Day");
pub const SEARCH_MONTH: Text = text("月份", "Month");
pub const SEARCH_YEAR: Text = text("年份", "Year");

/// "No record has all 3 search terms; showing records with 2 of 3."
pub fn partial_match(lang: Lang, matched: usize, groups: usize) -> String {
    match lang {
        Lang::Zh => format!("没有记录同时含有全部 {groups} 个检索词；显示含有其中 {matched} 个的记录。"),
        Lang::En => format!("No record has all {groups} search terms; showing records with {matched} of {groups}."),
    }
}

/// "2021年10月" / "October 2021".
pub fn day_label(lang: Lang, year: i32, month: u8, day: u8) -> String {
    match lang {
        Lang::Zh => format!("{year}年{month}月{day}日"),
        Lang::En => format!("{day} {} {year}", month_name(month)),
    }
}

pub fn month_label(lang: Lang, year: i32, month: u8) -> String {
    match lang {
        Lang::Zh => format!("{year}年{month}月"),
        Lang::En => format!("{} {year}", month_name(month)),
    }
}

/// The English name of a month (1–12).
pub fn month_name(month: u8) -> &'static str {
    const NAMES: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    NAMES.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or_default()
}

/// "2021年" / "2021".
pub fn year_label(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}
// ---------- timeline labels and the reading list ----------

pub const READING_LIST: Text = text("按时间顺序阅读", "In date order");
pub const ORDER: Text = text("排序", "Order");
pub const OLDEST_FIRST: Text = text("由远及近", "Oldest first");
pub const NEWEST_FIRST: Text = text("由近及远", "Newest first");
pub const IN_WINDOW: Text = text("时段", "in");
pub const SHOW_MORE: Text = text("显示更多", "Show more");
pub const NOT_SHOWN_YET: Text = text("条未显示", "not shown yet");
pub const BEFORE_WINDOW: Text = text("之前", "before");
pub const AFTER_WINDOW: Text = text("之后", "after");
pub const SHOW_THEM: Text = text("显示", "show them");
pub const NOTHING_DRAWN: Text = text("所选记录没有可在时间线上显示的日期。", "The selected records have no date the timeline can draw.");
pub const GROUP_OF_FIGURES: Text = text("同一时期的数据", "figures for one period");
pub const YEAR_SUFFIX: Text = text("年", "");
pub const LEGEND_FIGURE_DAY: Text = text("某日的数据", "a figure for a day");
pub const LEGEND_FIGURE_MONTH: Text = text("某月的数据", "a figure for a month");
pub const LEGEND_FIGURE_YEAR: Text = text("某年的数据", "a figure for a year");
pub const LEGEND_FIGURE_GROUP: Text = text("同一时期的多项数据，点击展开", "several figures for one period: open to list them");
// ---------------------------------------------------------------- like with like: what charts compare and leave out
pub const MONEY_SPENT_TITLE: Text = text("工会投入或发放的资金，按类别和地区（元）", "Union money spent or paid out, by category and region (CNY)");
pub const MONEY_SPENT_CAVEAT: Text = text(
    "只合计工会投入或发放的资金；筹集、预算、成效和涉及金额列在图下，不相加。各地区合计的时期不同，见地区名后的括号。",
    "Only money the unions spent or paid out is summed; money raised or budgeted, benefits and amounts involved are listed below, never added. Each region's sum covers the periods in brackets after its name.",
);
pub const MONEY_NOT_SUMMED: Text = text("，不计入投入或发放之和", ": not added to money spent");
pub const MONEY_KIND_UNKNOWN: Text = text("未说明是哪类资金，不计入合计", "the kind of money is not stated: not added");

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
    fn search_sentences_in_both_languages() {
        assert_eq!(partial_match(Lang::En, 2, 3), "No record has all 3 search terms; showing records with 2 of 3.");
        assert_eq!(partial_match(Lang::Zh, 1, 2), "没有记录同时含有全部 2 个检索词；显示含有其中 1 个的记录。");
        assert_eq!(month_label(Lang::En, 2021, 10), "October 2021");
        assert_eq!(month_label(Lang::Zh, 2021, 10), "2021年10月");
        assert_eq!(year_label(Lang::Zh, 2021), "2021年");
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }
}

// Table of figures and events, downloads, counts, record links, skip link and indicator picker
/// A counted noun: Chinese takes one form with its measure word, English a singular and a plural.
#[derive(Clone, Copy, Debug)]
pub struct Noun {
    pub zh: &'static str,
    pub one: &'static str,
    pub many: &'static str,
}

impl Noun {
    /// `n` and the word, as the language says it: "1 record", "120 records", "120 条记录".
    pub fn count(self, n: usize, lang: Lang) -> String {
        format!("{n} {}", self.word_for(n, lang))
    }

    /// The word for `n` things, where the number is shown apart from it.
    pub fn word_for(self, n: usize, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En if n == 1 => self.one,
            Lang::En => self.many,
        }
    }
}

pub const RECORD_NOUN: Noun = Noun { zh: "条记录", one: "record", many: "records" };
pub const FIGURE_NOUN: Noun = Noun { zh: "项数据", one: "figure", many: "figures" };
pub const EVENT_NOUN: Noun = Noun { zh: "项事件", one: "event", many: "events" };
pub const CLUSTER_NOUN: Noun = Noun { zh: "条记录在此汇总", one: "record gathered here", many: "records gathered here" };
pub const SHOW_KIND: Text = text("显示", "Show");
pub const KIND_ALL: Text = text("全部", "All");
pub const KIND_FIGURES: Text = text("数据", "Figures");
pub const KIND_EVENTS: Text = text("事件", "Events");
pub const KIND_COLUMN: Text = text("类型", "Kind");
pub const WHAT_COLUMN: Text = text("指标 / 事件", "Indicator / event");
pub const PERIOD_OR_DATE: Text = text("时期 / 日期", "Period / date");
pub const AND: Text = text("和", "and");
pub const CSV_HOLDS: Text = text("CSV：", "CSV: ");
pub const SAME_PASSAGE: Text = text("同一段落中的其他记录", "From the same passage");
pub const SEARCH_FOR: Text = text("搜索", "Search for");
pub const SKIP_TO_VIEW: Text = text("跳到内容", "Skip to the view");
pub const FIND_INDICATOR: Text = text("查找指标", "Find an indicator");
pub const NO_INDICATOR_MATCH: Text = text("没有匹配的指标", "No indicator matches");
pub const ROW_HINT: Text = text("按 Enter 或空格键打开记录", "Enter or Space opens the record");

// The map of Fujian (the Map tab)
pub const TAB_MAP: Text = text("地图", "Map");
pub const MAP_RECORDS_TITLE: Text = text("各地区的数据与事件数", "Figures and events by place");
pub const MAP_BY_PLACE: Text = text("（按地区）", " by place");
pub const MAP_NO_DATA: Text = text("无数据", "no data");
pub const MAP_LEFT_OUT: Text = text("未纳入比较", "left out");
pub const MAP_COUNTY_FIGURES_ONLY: Text = text("仅有下辖县区的数字", "figures of its counties only");
pub const MAP_SHOW: Text = text("地图显示", "The map shows");
pub const MAP_SHOW_RECORDS: Text = text("记录数（数据与事件）", "Number of records (figures and events)");
pub const MAP_PLACE: Text = text("地区", "Place");
pub const MAP_VALUE: Text = text("数量或数值", "Count or value");
pub const MAP_COUNTIES: Text = text("有数据的县区", "Counties with data");
pub const MAP_NOTE: Text = text("说明", "Note");
pub const MAP_PICK_TILE: Text = text("点击或按 Enter 选择地区", "Click a place, or press Enter on it, to filter to it");
pub const MAP_BESIDE: Text = text("不属于任何一个市的记录", "Records of no single city");
pub const MAP_LABEL: Text = text("福建省各地区地图", "Map of Fujian by place");
