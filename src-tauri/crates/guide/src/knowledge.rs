//! Dated knowledge that can change (the enforcement timeline, the call centre's number and hours,
//! よくある質問 with its synonyms, the card reader models, the official links, and the ways a
//! patient's eligibility can be checked on a day) as data: `data/knowledge.json` is bundled, and
//! the signed update (`programs::feed`) can carry a newer copy beside the program data, in the
//! same file, under the same signature and version. When the ministry moves a date, clinics get
//! the correction with the data, not with a new installer.
//!
//! An update is checked exactly as the bundled file is ([`Knowledge::from_json`]): every link
//! cited is known and https, every step's link id is there, milestones are in order, every check
//! method is listed once with its dates in order. Link references in the data are ids, resolved
//! once on load, so each page is written once.

use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::faq::{CallCentre, Faq};
use crate::methods::{CheckMethod, MethodAvailability};
use crate::pc::{PcRequirements, PcRuleId};
use crate::readers::ReaderModel;
use crate::source::{DocLink, FactSource, links};
use crate::timeline::Milestone;

/// The knowledge as bundled with this version of the app.
pub const BUNDLED_JSON: &str = include_str!("../data/knowledge.json");

/// The bundled knowledge, parsed and checked once (its tests guarantee it loads).
pub static BUNDLED: LazyLock<Knowledge> =
    LazyLock::new(|| Knowledge::from_json(BUNDLED_JSON).unwrap_or_else(|e| panic!("bundled knowledge: {e}")));

/// A reference to an official page: an id in the data, the page itself once loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRef {
    /// As written in the data
    Id(String),
    /// Resolved against [`Knowledge::links`]
    Link(DocLink),
}

impl LinkRef {
    /// The page, once resolved.
    pub fn link(&self) -> Option<&DocLink> {
        match self {
            LinkRef::Link(link) => Some(link),
            LinkRef::Id(_) => None,
        }
    }
}

impl Serialize for LinkRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            LinkRef::Link(link) => link.serialize(serializer),
            LinkRef::Id(id) => serializer.serialize_str(id),
        }
    }
}

impl<'de> Deserialize<'de> for LinkRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(LinkRef::Id)
    }
}

/// The enforcement timeline as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimelineData {
    /// The milestones, in order
    pub milestones: Vec<Milestone>,
    /// Where the timeline comes from
    pub source: FactSource,
    /// Pages to read about it
    pub links: Vec<LinkRef>,
}

/// The card readers known, and the official list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReadersData {
    /// The official list to check against
    pub official_list: LinkRef,
    /// The models known
    pub models: Vec<ReaderModel>,
}

/// Everything dated the guide knows that an update can correct.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Knowledge {
    /// When the data was last checked against its sources
    pub as_of: NaiveDate,
    /// The official pages, each once
    pub links: Vec<DocLink>,
    /// The enforcement timeline
    pub timeline: TimelineData,
    /// Where clinics call
    pub call_centre: CallCentre,
    /// よくある質問
    pub faq: Vec<Faq>,
    /// Words staff type for the same thing (スマホ ↔ スマートフォン …)
    pub synonyms: Vec<Vec<String>>,
    /// Card readers
    pub readers: ReadersData,
    /// How a patient's eligibility can be checked, and from when until when
    pub check_methods: Vec<MethodAvailability>,
    /// The PC requirements (the seed's Q4) and Windows 10's end of support
    pub pc: PcRequirements,
}

/// Why knowledge data was refused, in Japanese (shown in 設定 when an update is refused).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KnowledgeError {
    /// Not JSON of this shape
    #[error("制度・手順のデータの形が正しくありません({0})")]
    Format(String),
    /// Inconsistent data
    #[error("制度・手順のデータに誤りがあります: {0}")]
    Invalid(String),
}

impl Knowledge {
    /// Parses, resolves and checks knowledge data (the bundled file or an update's).
    pub fn from_json(text: &str) -> Result<Knowledge, KnowledgeError> {
        let knowledge: Knowledge = serde_json::from_str(text).map_err(|e| KnowledgeError::Format(e.to_string()))?;
        knowledge.resolved()
    }

    /// The same, from a value inside the signed payload.
    pub fn from_value(value: serde_json::Value) -> Result<Knowledge, KnowledgeError> {
        let knowledge: Knowledge = serde_json::from_value(value).map_err(|e| KnowledgeError::Format(e.to_string()))?;
        knowledge.resolved()
    }

    /// The page with this id.
    pub fn link(&self, id: &str) -> Option<&DocLink> {
        self.links.iter().find(|l| l.id == id)
    }

    /// Whether `url` is one of the official pages of the data, exactly: the only addresses the app
    /// opens in the system's browser, so a page of the UI cannot send staff anywhere else.
    pub fn is_official_page(&self, url: &str) -> bool {
        self.links.iter().any(|l| l.url == url)
    }

    /// The methods offered for a check on `day`, in the data's order.
    pub fn methods_on(&self, day: NaiveDate) -> Vec<&MethodAvailability> {
        self.check_methods.iter().filter(|m| m.offered_on(day)).collect()
    }

    /// The data's entry for `method`.
    pub fn method(&self, method: CheckMethod) -> Option<&MethodAvailability> {
        self.check_methods.iter().find(|m| m.method == method)
    }

    fn resolve(&self, r: &mut LinkRef, place: &str) -> Result<(), KnowledgeError> {
        if let LinkRef::Id(id) = r {
            let link =
                self.link(id).ok_or_else(|| KnowledgeError::Invalid(format!("{place}のリンク「{id}」がありません")))?;
            *r = LinkRef::Link(link.clone());
        }
        Ok(())
    }

    fn resolved(mut self) -> Result<Knowledge, KnowledgeError> {
        let bad = |why: String| Err(KnowledgeError::Invalid(why));
        for (i, l) in self.links.iter().enumerate() {
            if !l.url.starts_with("https://") || l.url.contains(char::is_whitespace) {
                return bad(format!("リンク「{}」のアドレスが https:// ではありません", l.id));
            }
            if l.title.is_empty() || self.links[..i].iter().any(|m| m.id == l.id) {
                return bad(format!("リンク「{}」が空か、二つあります", l.id));
            }
        }
        if let Some(id) = links::ALL.iter().find(|id| self.link(id).is_none()) {
            return bad(format!("導入ガイドが使うリンク「{id}」がありません"));
        }
        let mut timeline_links = std::mem::take(&mut self.timeline.links);
        for r in &mut timeline_links {
            self.resolve(r, "期限の流れ")?;
        }
        self.timeline.links = timeline_links;
        let mut faq = std::mem::take(&mut self.faq);
        for f in &mut faq {
            for r in &mut f.links {
                self.resolve(r, "よくある質問")?;
            }
        }
        self.faq = faq;
        let mut hours = self.call_centre.hours_source.clone();
        self.resolve(&mut hours, "コールセンター")?;
        self.call_centre.hours_source = hours;
        let mut list = self.readers.official_list.clone();
        self.resolve(&mut list, "カードリーダー")?;
        self.readers.official_list = list;
        self.check()?;
        Ok(self)
    }

    fn check(&self) -> Result<(), KnowledgeError> {
        let bad = |why: String| Err(KnowledgeError::Invalid(why));
        let ms = &self.timeline.milestones;
        if ms.is_empty() {
            return bad("期限の流れが空です".into());
        }
        for (i, m) in ms.iter().enumerate() {
            if m.when.from > m.when.to || m.title.is_empty() || ms[..i].iter().any(|n| n.id == m.id) {
                return bad(format!("期限の流れの「{}」の日付か名前が正しくありません", m.id));
            }
            if ms.get(i + 1).is_some_and(|next| m.when.to >= next.when.from) {
                return bad(format!("期限の流れの「{}」が次より後になっています", m.id));
            }
        }
        if self.call_centre.phone.trim().is_empty() || self.call_centre.hours.trim().is_empty() {
            return bad("コールセンターの番号か受付時間が空です".into());
        }
        for (i, f) in self.faq.iter().enumerate() {
            if f.question.is_empty() || f.answer.is_empty() || self.faq[..i].iter().any(|g| g.id == f.id) {
                return bad(format!("よくある質問「{}」が空か、二つあります", f.id));
            }
        }
        if self.synonyms.iter().any(|g| g.len() < 2 || g.iter().any(|w| w.trim().is_empty())) {
            return bad("同じ意味の言葉は、空でない言葉を2つ以上並べてください".into());
        }
        for m in &self.readers.models {
            if m.name.is_empty()
                || m.pcsc_names.is_empty()
                || m.pcsc_names.iter().any(|p| *p != crate::readers::folded(p))
            {
                return bad(format!("カードリーダー「{}」の名前の手がかりが正しくありません", m.name));
            }
        }
        for &method in CheckMethod::ALL {
            let n = self.check_methods.iter().filter(|m| m.method == method).count();
            if n != 1 {
                return bad(format!("確認の方法「{}」が{n}つあります(1つにしてください)", method.as_str()));
            }
        }
        let ids: Vec<PcRuleId> = self.pc.rules.iter().map(|r| r.id).collect();
        if ids != [PcRuleId::Os, PcRuleId::Memory, PcRuleId::Storage, PcRuleId::Cpu]
            || self.pc.memory_gib == 0
            || self.pc.storage_gb == 0
        {
            return bad("パソコンの要件は OS・メモリ・ストレージ・CPU の順に、0 でない数で書いてください".into());
        }
        for m in &self.check_methods {
            if m.label.is_empty() || m.from.zip(m.until).is_some_and(|(from, until)| from > until) {
                return bad(format!("確認の方法「{}」の名前か期間が正しくありません", m.method.as_str()));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled_value() -> serde_json::Value {
        serde_json::from_str(BUNDLED_JSON).expect("json")
    }

    #[test]
    fn the_bundled_data_loads_and_every_cited_link_resolves() {
        let k = &*BUNDLED;
        for id in links::ALL {
            assert!(k.link(id).is_some(), "{id}");
        }
        assert!(k.faq.iter().flat_map(|f| &f.links).all(|l| l.link().is_some()));
        assert_eq!(k.call_centre.hours_source.link().map(|l| l.id.as_ref()), Some(links::KINKI_KOSEIKYOKU));
        assert_eq!(k.readers.official_list.link().map(|l| l.id.as_ref()), Some(links::READER_LIST));
    }

    /// links.md: "None was opened from this machine": no link may claim otherwise.
    #[test]
    fn every_link_is_https_dated_and_unverified() {
        for link in &BUNDLED.links {
            assert!(link.url.starts_with("https://"), "{} has {}", link.title, link.url);
            assert!(!link.verified, "{} was never opened from here", link.title);
            assert!(!link.what.is_empty() && !link.r#where.is_empty());
        }
    }

    /// An update is checked as the bundled file is: each broken piece is refused with its reason.
    #[test]
    fn broken_data_is_refused_with_its_reason() {
        type Break = fn(&mut serde_json::Value);
        let cases: [(Break, &str); 8] = [
            (|v| v["links"][0]["url"] = "http://example.jp".into(), "https://"),
            (|v| v["faq"][2]["links"] = serde_json::json!(["no_such_page"]), "no_such_page"),
            (
                |v| {
                    let links = v["links"].as_array_mut().expect("links");
                    links.retain(|l| l["id"] != "portal");
                },
                "portal",
            ),
            (|v| v["timeline"]["milestones"][2]["when"]["from"] = "2025-01-01".into(), "次より後"),
            (|v| v["checkMethods"].as_array_mut().expect("methods").truncate(2), "確認の方法"),
            (|v| v["checkMethods"][3]["from"] = "2027-01-01".into(), "期間"),
            (|v| v["readers"]["models"][0]["pcscNames"] = serde_json::json!(["CIR 315"]), "手がかり"),
            (|v| v["pc"]["memoryGib"] = 0.into(), "パソコンの要件"),
        ];
        for (broken, why) in cases {
            let mut v = bundled_value();
            broken(&mut v);
            let e = Knowledge::from_value(v).expect_err(why);
            assert!(e.to_string().contains(why), "{why}: {e}");
        }
        let unknown = Knowledge::from_json(r#"{"asOf": "2026-12-06", "extra": 1}"#).expect_err("format");
        assert!(matches!(unknown, KnowledgeError::Format(_)));
    }

    #[test]
    fn insurance_cards_are_offered_only_until_the_end_of_their_transition() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let offered = |d| BUNDLED.methods_on(d).iter().map(|m| m.method).collect::<Vec<_>>();
        assert!(offered(day(2026, 3, 31)).contains(&CheckMethod::InsuranceCard));
        let today = offered(day(2026, 12, 6));
        assert!(!today.contains(&CheckMethod::InsuranceCard), "{today:?}");
        assert_eq!(
            today,
            [
                CheckMethod::MyNumberCard,
                CheckMethod::MyNumberCardWithNotice,
                CheckMethod::EligibilityCertificate,
                CheckMethod::Other
            ]
        );
        let card = BUNDLED.method(CheckMethod::InsuranceCard).expect("listed");
        assert!(!card.source.verified, "a quoted 事務連絡, not read at the source");
        assert!(card.note.as_deref().is_some_and(|n| n.contains("施術所に当てはまるかは未確認")));
    }

    #[test]
    fn only_the_official_pages_of_the_data_are_official() {
        let k = &*crate::BUNDLED;
        assert!(k.is_official_page("https://iryohokenjyoho.service-now.com/omf"));
        assert!(!k.is_official_page("https://iryohokenjyoho.service-now.com/omf/../phish"));
        assert!(!k.is_official_page("https://example.com/phishing"));
        assert!(!k.is_official_page("file:///C:/Windows/System32/cmd.exe"));
    }
}
