//! Where every fact of the wizard, the timeline and the PC requirements comes from, and the
//! official pages staff are sent to.
//!
//! Every fact in this crate's data carries a [`FactSource`]: the source's title and where it is
//! as the project's research notes name them (`shared/domain/*.md`, `shared/seed`), the part
//! that states the fact, the date the notes were taken, and whether the fact is verified.
//!
//! `verified` is true only when the text that states the fact was read for this project and
//! states it first-hand: the seed guide's own instructions and answers. A fact the source only
//! relays (an association reporting what 厚生労働省 said, a plan announced by someone else,
//! research notes about pages that were not opened from here) is `false`, and the screen can say
//! so. Every [`DocLink`] is unverified: `shared/domain/links.md` says none was opened from this
//! machine ("seen cited, not opened").
//!
//! Both types serve the steps' texts (constants, borrowed) and the dated knowledge the signed
//! update can replace ([`crate::knowledge`], owned): their text is a `Cow`.
//!
//! The as-of date is [`NOTES_AS_OF`] for all of them: the research notes give one date for what
//! they record (`programs.md`: "Dates as of 2026-11-24", also the program data's `asOf`), and no
//! other date for the seed or the links.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// A date in a `const` (data tables are `const`, and `NaiveDate::from_ymd_opt` is a `const fn`).
/// A wrong date is a compile error, not a panic at run time.
pub(crate) const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date in the guide's data"),
    }
}

/// The date the research notes this data comes from were taken (`shared/domain/programs.md`,
/// "Dates as of 2026-11-24"); the as-of date of every fact and link here.
pub const NOTES_AS_OF: NaiveDate = ymd(2026, 11, 24);

/// Where one fact comes from: staff (and whoever updates the data) can look it up, and see
/// whether it was checked first-hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FactSource {
    /// The source's title, as the notes name it
    pub title: Cow<'static, str>,
    /// Where it is (site, publisher, or page), as the notes give it
    pub r#where: Cow<'static, str>,
    /// Its address when the notes give one (`shared/domain/links.md`)
    pub url: Option<Cow<'static, str>>,
    /// The part of the source that states the fact (`4.Q&A Q4`)
    pub part: Option<Cow<'static, str>>,
    /// When the fact was taken from the source
    pub as_of: NaiveDate,
    /// True only when the source was read here and states the fact first-hand (module docs)
    pub verified: bool,
}

/// An official page staff are sent to, kept as data (never written into a screen) so that an
/// update of the data can fix one that moved (`shared/domain/links.md`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DocLink {
    /// Stable id the steps and the data cite it by ([`links`])
    pub id: Cow<'static, str>,
    /// The document or page as it names itself
    pub title: Cow<'static, str>,
    /// Its address (always https; a manual whose own address is not known opens the portal)
    pub url: Cow<'static, str>,
    /// Where it is and how it was found
    pub r#where: Cow<'static, str>,
    /// What staff do there
    pub what: Cow<'static, str>,
    /// When the address was taken from the notes
    pub as_of: NaiveDate,
    /// True only when the page was opened and checked here; none was (links.md)
    pub verified: bool,
}

const fn text(s: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(s)
}

const SEED_TITLE: &str = "オンライン資格確認の導入案内(柔整・あはき施術所の団体による会員向けページ)";
const SEED_WHERE: &str = "会員向けページ(ページのアドレスは未確認)";

/// A part of the seed guide that states a fact itself (`shared/seed/online-eligibility-guide.ja.txt`).
pub(crate) const fn seed(part: &'static str) -> FactSource {
    FactSource {
        title: text(SEED_TITLE),
        r#where: text(SEED_WHERE),
        url: None,
        part: Some(text(part)),
        as_of: NOTES_AS_OF,
        verified: true,
    }
}

/// A part of the seed guide that relays what someone else said or planned (the 厚生労働省's
/// answer in Q5, the News about the レセコン hand-off): second-hand, so not verified.
pub(crate) const fn seed_relayed(part: &'static str) -> FactSource {
    FactSource {
        title: text(SEED_TITLE),
        r#where: text(SEED_WHERE),
        url: None,
        part: Some(text(part)),
        as_of: NOTES_AS_OF,
        verified: false,
    }
}

/// The research notes on the official app and the portal (`shared/domain/official-app.md`): the
/// portal's FAQ and association and vendor guides, not opened from here.
pub(crate) const OFFICIAL_APP_NOTES: FactSource = FactSource {
    title: text(
        "マイナ資格確認アプリとポータルサイトについての調査(公式FAQ「導入について」KB0010166、団体・ベンダーの手引き)",
    ),
    r#where: text(
        "iryohokenjyoho.service-now.com のよくある質問、toshinkyo.gr.jp、fukushinkyo.gr.jp、world-hoken.co.jp、feel.itsuki-s.jp",
    ),
    url: Some(text("https://iryohokenjyoho.service-now.com/omf?id=kb_article_view&sysparm_article=KB0010166")),
    part: None,
    as_of: NOTES_AS_OF,
    verified: false,
};

/// The 全整協's report of a 厚生労働省 briefing on 令和7年8月8日 (`shared/domain/programs.md`,
/// "Why clinics must finish now"): an association's report, so not verified.
pub(crate) const ZENSEIKYO_REPORT: FactSource = FactSource {
    title: text("厚生労働省の説明(令和7年8月8日)についての全整協の報告"),
    r#where: text("zenseikyo.net(全整協)"),
    url: None,
    part: None,
    as_of: NOTES_AS_OF,
    verified: false,
};

/// The adoption figures of 令和7年2月, MHLW's, as a vendor blog quotes them.
pub(crate) const ADOPTION_FIGURES: FactSource = FactSource {
    title: text("厚生労働省 審議会資料の導入状況(運用開始日の入力割合)"),
    r#where: text("ベンダーのブログ(itsuki-s.jp)による引用"),
    url: Some(text("https://www.mhlw.go.jp/stf/shingi2/0000204312_00030.html")),
    part: None,
    as_of: NOTES_AS_OF,
    verified: false,
};

/// A vendor's guide to the portal's registration (world-hoken.co.jp topics/108).
pub(crate) const WORLD_HOKEN_108: FactSource = FactSource {
    title: text("ベンダーの案内 トピックス 108(ポータルサイトの登録)"),
    r#where: text("world-hoken.co.jp(ベンダー)"),
    url: None,
    part: None,
    as_of: NOTES_AS_OF,
    verified: false,
};

/// The 事務連絡 of 令和6年11月6日 on the やむを得ない事由, as the associations quote it
/// (`shared/domain/stop-month.md`; compassnet.jp, harikyu-tokyo.or.jp, jamma.org): quoted, not
/// read at the source. A 厚生労働省 committee paper (as wic-net.com reproduces it) gives 視覚障害
/// for あはき clinics only.
pub(crate) const EXEMPTION_NOTICE: FactSource = FactSource {
    title: text("やむを得ない事由(令和6年11月6日 事務連絡)についての団体・業者の案内"),
    r#where: text("compassnet.jp、harikyu-tokyo.or.jp、jamma.org(事務連絡の引用)、wic-net.com(厚生労働省資料の転載)"),
    url: None,
    part: None,
    as_of: STOP_MONTH_AS_OF,
    verified: false,
};

/// 日本鍼灸マッサージ協会's news on the 運用開始日 (jamma.org news keyno=540): the portal's menu path
/// and that a clinic without one is treated as not introduced.
pub(crate) const JAMMA_START_DATE: FactSource = FactSource {
    title: text("運用開始日登録についてのお知らせ(日本鍼灸マッサージ協会)"),
    r#where: text("jamma.org(news keyno=540)"),
    url: Some(text("https://jamma.org/news.php?keyno=540")),
    part: None,
    as_of: STOP_MONTH_AS_OF,
    verified: false,
};

/// A private column on the 医療機関 version of the app in the phone stores (medit.tech): not the
/// 施術所 app, so it is said as such.
pub(crate) const MOBILE_STORE_COLUMN: FactSource = FactSource {
    title: text("民間のコラム(医療機関向けマイナ資格確認アプリの入手について)"),
    r#where: text("medit.tech"),
    url: None,
    part: None,
    as_of: STOP_MONTH_AS_OF,
    verified: false,
};

/// The day the facts of the stop month were gathered (`shared/domain/stop-month.md`).
pub const STOP_MONTH_AS_OF: NaiveDate = ymd(2026, 12, 6);

/// The ids of the official pages the steps cite; the pages themselves are dated data
/// ([`crate::knowledge::Knowledge::link`]), which `knowledge`'s tests check every id against.
pub mod links {
    /// 施術所等向け総合ポータルサイト (top).
    pub const PORTAL: &str = "portal";
    /// The portal's FAQ ③導入について (KB0010166).
    pub const PORTAL_FAQ_INTRO: &str = "portal_faq_intro";
    /// The readers that work with the マイナ資格確認アプリ (KB0011081).
    pub const READER_LIST: &str = "reader_list";
    /// JPKI's list of NFC smartphones that read the マイナンバーカード.
    pub const NFC_PHONES: &str = "nfc_phones";
    /// 近畿厚生局's page on 柔道整復 受領委任 and オンライン資格確認.
    pub const KINKI_KOSEIKYOKU: &str = "kinki_koseikyoku";
    /// The MHLW 審議会 material with the adoption figures.
    pub const MHLW_ADOPTION: &str = "mhlw_adoption";
    /// ユーザー登録手順書.
    pub const USER_REGISTRATION_MANUAL: &str = "user_registration_manual";
    /// 利用開始手順書.
    pub const APP_APPLY_MANUAL: &str = "app_apply_manual";
    /// マイナ資格確認アプリユーザー設定情報の確認手順書.
    pub const USER_SETTINGS_MANUAL: &str = "user_settings_manual";
    /// マイナ資格確認アプリのセットアップ前に.
    pub const BEFORE_SETUP_MANUAL: &str = "before_setup_manual";
    /// マイナ資格確認アプリのセットアップと使い方_Windows版.
    pub const WINDOWS_SETUP_MANUAL: &str = "windows_setup_manual";
    /// 運用開始日登録.
    pub const START_DATE_MANUAL: &str = "start_date_manual";

    /// The 助成金's documents on the portal (手順書, the official 領収書内訳書, 実施要領), beside
    /// the app's own 内訳書. Not cited by a step: an update without it only hides the link.
    pub const SUBSIDY_DOCUMENTS: &str = "subsidy_documents";

    /// Every id the steps cite.
    pub const ALL: [&str; 12] = [
        PORTAL,
        PORTAL_FAQ_INTRO,
        READER_LIST,
        NFC_PHONES,
        KINKI_KOSEIKYOKU,
        MHLW_ADOPTION,
        USER_REGISTRATION_MANUAL,
        APP_APPLY_MANUAL,
        USER_SETTINGS_MANUAL,
        BEFORE_SETUP_MANUAL,
        WINDOWS_SETUP_MANUAL,
        START_DATE_MANUAL,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only the seed's first-hand statements are verified; what it relays is not.
    #[test]
    fn only_first_hand_seed_facts_are_verified() {
        assert!(seed("4.Q&A Q4").verified);
        assert!(!seed_relayed("4.Q&A Q5").verified);
        for s in [OFFICIAL_APP_NOTES, ZENSEIKYO_REPORT, ADOPTION_FIGURES, WORLD_HOKEN_108] {
            assert!(!s.verified, "{} is second-hand", s.title);
            assert_eq!(s.as_of, NOTES_AS_OF);
            assert!(s.url.as_deref().is_none_or(|u| u.starts_with("https://")));
        }
        for s in [EXEMPTION_NOTICE, JAMMA_START_DATE, MOBILE_STORE_COLUMN] {
            assert!(!s.verified, "{}: seen cited, not opened at the source", s.title);
            assert_eq!(s.as_of, STOP_MONTH_AS_OF);
        }
    }
}
