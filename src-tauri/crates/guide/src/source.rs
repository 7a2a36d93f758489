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
//! The as-of date is [`NOTES_AS_OF`] for all of them: the research notes give one date for what
//! they record (`programs.md`: "Dates as of 2026-11-24", also the program data's `asOf`), and no
//! other date for the seed or the links.

use chrono::NaiveDate;
use serde::Serialize;
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FactSource {
    /// The source's title, as the notes name it
    pub title: &'static str,
    /// Where it is (site, publisher, or page), as the notes give it
    pub r#where: &'static str,
    /// Its address when the notes give one (`shared/domain/links.md`)
    pub url: Option<&'static str>,
    /// The part of the source that states the fact (`4.Q&A Q4`)
    pub part: Option<&'static str>,
    /// When the fact was taken from the source
    pub as_of: NaiveDate,
    /// True only when the source was read here and states the fact first-hand (module docs)
    pub verified: bool,
}

/// An official page staff are sent to, kept as data (never written into a screen) so that an
/// update of the data can fix one that moved (`shared/domain/links.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DocLink {
    /// The document or page as it names itself
    pub title: &'static str,
    /// Its address (always https; a manual whose own address is not known opens the portal)
    pub url: &'static str,
    /// Where it is and how it was found
    pub r#where: &'static str,
    /// What staff do there
    pub what: &'static str,
    /// When the address was taken from the notes
    pub as_of: NaiveDate,
    /// True only when the page was opened and checked here; none was (links.md)
    pub verified: bool,
}

const SEED_TITLE: &str = "オンライン資格確認の導入案内(柔整・あはき施術所の団体による会員向けページ)";
const SEED_WHERE: &str = "会員向けページ(ページのアドレスは未確認)";

/// A part of the seed guide that states a fact itself (`shared/seed/online-eligibility-guide.ja.txt`).
pub(crate) const fn seed(part: &'static str) -> FactSource {
    FactSource {
        title: SEED_TITLE,
        r#where: SEED_WHERE,
        url: None,
        part: Some(part),
        as_of: NOTES_AS_OF,
        verified: true,
    }
}

/// A part of the seed guide that relays what someone else said or planned (the 厚生労働省's
/// answer in Q5, the News about the レセコン hand-off): second-hand, so not verified.
pub(crate) const fn seed_relayed(part: &'static str) -> FactSource {
    FactSource { verified: false, ..seed(part) }
}

/// The research notes on the official app and the portal (`shared/domain/official-app.md`): the
/// portal's FAQ and association and vendor guides, not opened from here.
pub(crate) const OFFICIAL_APP_NOTES: FactSource = FactSource {
    title: "マイナ資格確認アプリとポータルサイトについての調査(公式FAQ「導入について」KB0010166、団体・ベンダーの手引き)",
    r#where: "iryohokenjyoho.service-now.com のよくある質問、toshinkyo.gr.jp、fukushinkyo.gr.jp、world-hoken.co.jp、feel.itsuki-s.jp",
    url: Some("https://iryohokenjyoho.service-now.com/omf?id=kb_article_view&sysparm_article=KB0010166"),
    part: None,
    as_of: NOTES_AS_OF,
    verified: false,
};

/// The 全整協's report of a 厚生労働省 briefing on 令和7年8月8日 (`shared/domain/programs.md`,
/// "Why clinics must finish now"): an association's report, so not verified.
pub(crate) const ZENSEIKYO_REPORT: FactSource = FactSource {
    title: "厚生労働省の説明(令和7年8月8日)についての全整協の報告",
    r#where: "zenseikyo.net(全整協)",
    url: None,
    part: None,
    as_of: NOTES_AS_OF,
    verified: false,
};

/// The adoption figures of 令和7年2月, MHLW's, as a vendor blog quotes them.
pub(crate) const ADOPTION_FIGURES: FactSource = FactSource {
    title: "厚生労働省 審議会資料の導入状況(運用開始日の入力割合)",
    r#where: "ベンダーのブログ(itsuki-s.jp)による引用",
    url: Some("https://www.mhlw.go.jp/stf/shingi2/0000204312_00030.html"),
    part: None,
    as_of: NOTES_AS_OF,
    verified: false,
};

/// A vendor's guide to the portal's registration (world-hoken.co.jp topics/108).
pub(crate) const WORLD_HOKEN_108: FactSource = FactSource {
    title: "ベンダーの案内 トピックス 108(ポータルサイトの登録)",
    r#where: "world-hoken.co.jp(ベンダー)",
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
    title: "やむを得ない事由(令和6年11月6日 事務連絡)についての団体・業者の案内",
    r#where: "compassnet.jp、harikyu-tokyo.or.jp、jamma.org(事務連絡の引用)、wic-net.com(厚生労働省資料の転載)",
    url: None,
    part: None,
    as_of: STOP_MONTH_AS_OF,
    verified: false,
};

/// 日本鍼灸マッサージ協会's news on the 運用開始日 (jamma.org news keyno=540): the portal's menu path
/// and that a clinic without one is treated as not introduced.
pub(crate) const JAMMA_START_DATE: FactSource = FactSource {
    title: "運用開始日登録についてのお知らせ(日本鍼灸マッサージ協会)",
    r#where: "jamma.org(news keyno=540)",
    url: Some("https://jamma.org/news.php?keyno=540"),
    part: None,
    as_of: STOP_MONTH_AS_OF,
    verified: false,
};

/// A private column on the 医療機関 version of the app in the phone stores (medit.tech): not the
/// 施術所 app, so it is said as such.
pub(crate) const MOBILE_STORE_COLUMN: FactSource = FactSource {
    title: "民間のコラム(医療機関向けマイナ資格確認アプリの入手について)",
    r#where: "medit.tech",
    url: None,
    part: None,
    as_of: STOP_MONTH_AS_OF,
    verified: false,
};

/// Microsoft's end of support for Windows 10 (2025-10-14; consumer ESU to 2026-10-13), as the
/// stop month's notes give it; not opened at Microsoft from here.
pub const WINDOWS_10_SUPPORT: FactSource = FactSource {
    title: "Windows 10 のサポート終了(Microsoft)",
    r#where: "Microsoft のサポート情報(調査メモより。ページは未確認)",
    url: None,
    part: None,
    as_of: STOP_MONTH_AS_OF,
    verified: false,
};

/// The day the facts of the stop month were gathered (`shared/domain/stop-month.md`).
pub const STOP_MONTH_AS_OF: NaiveDate = ymd(2026, 12, 6);

const PORTAL_TOP: &str = "https://iryohokenjyoho.service-now.com/omf";
const MANUAL_WHERE: &str =
    "施術所等向け総合ポータルサイト(手順書そのもののアドレスは未確認のため、ポータルサイトから開きます)";

/// A manual the seed names by title: its own address is not known, so the link opens the portal
/// (links.md: "Name them by title and send staff to the portal").
const fn manual(title: &'static str, what: &'static str) -> DocLink {
    DocLink { title, url: PORTAL_TOP, r#where: MANUAL_WHERE, what, as_of: NOTES_AS_OF, verified: false }
}

/// The official places and documents the wizard sends staff to.
pub mod links {
    use super::{DocLink, NOTES_AS_OF, PORTAL_TOP, manual};

    /// 施術所等向け総合ポータルサイト (top).
    pub const PORTAL: DocLink = DocLink {
        title: "施術所等向け総合ポータルサイト",
        url: PORTAL_TOP,
        r#where: "オンライン資格確認の公式ポータルサイト(FAQの記事がこのアドレスの下にあります)",
        what: "ユーザー登録、利用開始申請、資格確認アカウント管理、運用開始日登録をします",
        as_of: NOTES_AS_OF,
        verified: false,
    };

    /// The portal's FAQ ③導入について (KB0010166).
    pub const PORTAL_FAQ_INTRO: DocLink = DocLink {
        title: "よくある質問 ③導入について",
        url: "https://iryohokenjyoho.service-now.com/omf?id=kb_article_view&sysparm_article=KB0010166",
        r#where: "施術所等向け総合ポータルサイトのよくある質問(KB0010166)",
        what: "導入についての公式の質問と回答を読みます",
        as_of: NOTES_AS_OF,
        verified: false,
    };

    /// The readers that work with the マイナ資格確認アプリ (KB0011081).
    pub const READER_LIST: DocLink = DocLink {
        title: "マイナ資格確認アプリで使えるカードリーダーの一覧",
        url: "https://iryohokenjyoho.service-now.com/csm?id=kb_article_view&sysparm_article=KB0011081",
        r#where: "ポータルサイトの記事 KB0011081(公開されている仕様書で紹介されていたもの。記事の本文は未確認)",
        what: "用意するカードリーダー(USB または Bluetooth)が一覧に載っているか確かめます",
        as_of: NOTES_AS_OF,
        verified: false,
    };

    /// JPKI's list of NFC smartphones that read the マイナンバーカード.
    pub const NFC_PHONES: DocLink = DocLink {
        title: "マイナンバーカードに対応したNFCスマートフォン一覧",
        url: "https://www.jpki.go.jp/prepare/reader_writer/android.html",
        r#where: "公的個人認証サービス(JPKI)のページ。メーカーごとの一覧(案内のQ&A Q3が示す一覧と同じページかは未確認)",
        what: "使うスマートフォンが載っているか、Bluetoothのカードリーダーと組み合わせる必要があるかを確かめます",
        as_of: NOTES_AS_OF,
        verified: false,
    };

    /// 近畿厚生局's page on 柔道整復 受領委任 and オンライン資格確認 (other 厚生局 have their own).
    pub const KINKI_KOSEIKYOKU: DocLink = DocLink {
        title: "近畿厚生局 柔道整復の受領委任・オンライン資格確認",
        url: "https://kouseikyoku.mhlw.go.jp/kinki/shinsei/shido_kansa/judo/index.html",
        r#where: "近畿厚生局のページ(ほかの地方厚生局にも同じようなページがあります)",
        what: "受領委任とオンライン資格確認についての厚生局の案内を読みます",
        as_of: NOTES_AS_OF,
        verified: false,
    };

    /// The MHLW 審議会 material with the adoption figures.
    pub const MHLW_ADOPTION: DocLink = DocLink {
        title: "厚生労働省 審議会資料(導入状況)",
        url: "https://www.mhlw.go.jp/stf/shingi2/0000204312_00030.html",
        r#where: "厚生労働省のページ(ベンダーのブログが引用していたもの)",
        what: "施術所の導入状況の数字を読みます",
        as_of: NOTES_AS_OF,
        verified: false,
    };

    /// ユーザー登録手順書.
    pub const USER_REGISTRATION_MANUAL: DocLink =
        manual("ユーザー登録手順書", "ポータルサイトへのユーザー登録のしかたを読みます");

    /// 利用開始手順書.
    pub const APP_APPLY_MANUAL: DocLink =
        manual("利用開始手順書", "マイナ資格確認アプリの利用開始申請のしかたを読みます");

    /// マイナ資格確認アプリユーザー設定情報の確認手順書.
    pub const USER_SETTINGS_MANUAL: DocLink = manual(
        "マイナ資格確認アプリユーザー設定情報の確認手順書",
        "端末ごとの「アプリユーザー設定情報」の確かめ方を読みます",
    );

    /// マイナ資格確認アプリのセットアップ前に.
    pub const BEFORE_SETUP_MANUAL: DocLink =
        manual("マイナ資格確認アプリのセットアップ前に", "アプリを入れる前に準備することを読みます");

    /// マイナ資格確認アプリのセットアップと使い方_Windows版.
    pub const WINDOWS_SETUP_MANUAL: DocLink = manual(
        "マイナ資格確認アプリのセットアップと使い方_Windows版",
        "Windowsパソコンへのアプリの入れ方、初期設定、使い方を読みます",
    );

    /// 運用開始日登録.
    pub const START_DATE_MANUAL: DocLink =
        manual("運用開始日登録", "アプリを初めて業務で使う日の登録のしかたを読みます");

    /// Every link, for the data checks (https, as-of date).
    pub const ALL: [DocLink; 12] = [
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

    /// links.md: "None was opened from this machine": no link may claim otherwise, every one is
    /// https and dated.
    #[test]
    fn every_link_is_https_dated_and_unverified() {
        for link in links::ALL {
            assert!(link.url.starts_with("https://"), "{} has {}", link.title, link.url);
            assert_eq!(link.as_of, NOTES_AS_OF, "{}", link.title);
            assert!(!link.verified, "{} was never opened from here", link.title);
            assert!(!link.title.is_empty() && !link.r#where.is_empty() && !link.what.is_empty());
        }
    }

    /// Only the seed's first-hand statements are verified; what it relays is not.
    #[test]
    fn only_first_hand_seed_facts_are_verified() {
        assert!(seed("4.Q&A Q4").verified);
        assert!(!seed_relayed("4.Q&A Q5").verified);
        for s in [OFFICIAL_APP_NOTES, ZENSEIKYO_REPORT, ADOPTION_FIGURES, WORLD_HOKEN_108] {
            assert!(!s.verified, "{} is second-hand", s.title);
            assert_eq!(s.as_of, NOTES_AS_OF);
            assert!(s.url.is_none_or(|u| u.starts_with("https://")));
        }
        for s in [EXEMPTION_NOTICE, JAMMA_START_DATE, MOBILE_STORE_COLUMN] {
            assert!(!s.verified, "{}: seen cited, not opened at the source", s.title);
            assert_eq!(s.as_of, STOP_MONTH_AS_OF);
            assert!(s.url.is_none_or(|u| u.starts_with("https://")));
        }
    }
}
