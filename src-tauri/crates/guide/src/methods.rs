//! How a patient's eligibility is checked at the counter, and which ways are offered on a day.
//! The ways change with the law (the 健康保険証 ended its transition; the マイナ保険証 with a
//! 資格情報のお知らせ took its place when a card cannot be read), so which are offered when is
//! dated data ([`crate::knowledge::Knowledge::check_methods`]); the method itself is stored with
//! each check (`store::checks`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::source::FactSource;

/// How the patient's eligibility was checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CheckMethod {
    /// マイナ保険証 (read in the official app)
    MyNumberCard,
    /// マイナ保険証 with the 資格情報のお知らせ, when the card cannot be read
    MyNumberCardWithNotice,
    /// 資格確認書
    EligibilityCertificate,
    /// 保険証 (the paper or plastic card, while its transition lasted)
    InsuranceCard,
    /// その他
    Other,
}

// Stored with each check and sent to the UI; listed in the order they are offered.
textenum::text_enum!(impl CheckMethod {
    MyNumberCard => "my_number_card",
    MyNumberCardWithNotice => "my_number_card_with_notice",
    EligibilityCertificate => "eligibility_certificate",
    InsuranceCard => "insurance_card",
    Other => "other",
});

impl CheckMethod {
    /// Whether it counts toward the マイナ保険証 利用率: the card itself was read.
    pub fn counts_as_card_use(self) -> bool {
        self == CheckMethod::MyNumberCard
    }
}

/// A method, what staff read for it, and the days it is offered (from the dated data).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MethodAvailability {
    /// The method
    pub method: CheckMethod,
    /// What staff read (`マイナ保険証`)
    pub label: String,
    /// First day it is offered, when it has one
    pub from: Option<NaiveDate>,
    /// Last day it is offered, when it has one (the 保険証's transition)
    pub until: Option<NaiveDate>,
    /// What staff should know when choosing it
    pub note: Option<String>,
    /// Where the dates come from
    pub source: FactSource,
}

impl MethodAvailability {
    /// Whether a check dated `day` may use it.
    pub fn offered_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= day) && self.until.is_none_or(|until| day <= until)
    }

    /// Why a check dated `day` may not use it, in Japanese (shown beside the method).
    pub fn refusal(&self, day: NaiveDate) -> Option<String> {
        if self.offered_on(day) {
            return None;
        }
        Some(match self.until {
            Some(until) if day > until => format!(
                "「{}」での確認は{}までです。マイナ保険証か資格確認書などで確認してください",
                self.label,
                jptext::format_date(until)
            ),
            _ => format!("「{}」は、この日の確認には選べません", self.label),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_round_trip_and_serialise_alike() {
        for &m in CheckMethod::ALL {
            assert_eq!(CheckMethod::from_text(m.as_str()), Some(m));
            assert_eq!(serde_json::to_value(m).ok(), Some(serde_json::json!(m.as_str())));
        }
        assert_eq!(CheckMethod::from_text("fax"), None);
        assert!(CheckMethod::MyNumberCard.counts_as_card_use());
        assert!(!CheckMethod::MyNumberCardWithNotice.counts_as_card_use(), "the card was not read");
    }

    #[test]
    fn a_method_past_its_end_says_until_when() {
        let card = crate::knowledge::BUNDLED.method(CheckMethod::InsuranceCard).expect("listed").clone();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(card.refusal(day(2026, 3, 31)), None);
        assert_eq!(
            card.refusal(day(2026, 12, 6)).as_deref(),
            Some(
                "「保険証」での確認は令和8年3月31日 (2026-03-31)までです。マイナ保険証か資格確認書などで確認してください"
            )
        );
    }
}
