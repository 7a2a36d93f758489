//! The 利用者証明用電子証明書: only its validity matters to the clinic. The subject is treated as
//! opaque (sources disagree on what it holds), and nothing else from it is kept.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use serde::Serialize;
use specta::Type;

use crate::error::CardError;

/// Warn this many days before the certificate expires.
pub const WARN_DAYS: i64 = 90;

/// The certificate's validity period, as dates in Japan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Validity {
    /// First day it is valid (JST)
    pub not_before: NaiveDate,
    /// Last day it is valid (JST)
    pub not_after: NaiveDate,
}

/// How the certificate stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CertStatus {
    /// Valid for more than [`WARN_DAYS`] days
    Valid,
    /// Valid, but expires within [`WARN_DAYS`] days: tell the patient to renew
    ExpiresSoon,
    /// Expired: the マイナ保険証 cannot be used with the PIN until renewed
    Expired,
    /// Not valid yet (a clock problem on the PC, or a just-issued card)
    NotYetValid,
}

/// What the daily-check screen shows about the certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CertReport {
    /// Last valid day, `YYYY-MM-DD`
    pub not_after: NaiveDate,
    /// Last valid day in 和暦 with 西暦
    pub not_after_text: String,
    /// Days left including today (negative once expired)
    pub days_left: i32,
    /// The state
    pub status: CertStatus,
    /// One sentence for staff and patient
    pub message: String,
}

fn jst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"))
}

fn to_jst_date(t: x509_parser::time::ASN1Time) -> Result<NaiveDate, CardError> {
    let utc: DateTime<Utc> =
        Utc.timestamp_opt(t.timestamp(), 0).single().ok_or_else(|| CardError::BadData("証明書の日付".into()))?;
    Ok(utc.with_timezone(&jst()).date_naive())
}

/// Reads the validity from a DER certificate; anything that is not one is [`CardError::BadData`].
pub fn validity(der: &[u8]) -> Result<Validity, CardError> {
    let (rest, cert) = x509_parser::parse_x509_certificate(der)
        .map_err(|e| CardError::BadData(format!("証明書を解析できません: {e}")))?;
    if !rest.is_empty() {
        return Err(CardError::BadData("証明書の後ろに余分なデータがあります".into()));
    }
    let v = cert.validity();
    Ok(Validity { not_before: to_jst_date(v.not_before)?, not_after: to_jst_date(v.not_after)? })
}

/// How the certificate stands on `today` (passed in: rules never read the clock).
pub fn assess(v: Validity, today: NaiveDate) -> CertReport {
    let days_left = i32::try_from((v.not_after - today).num_days() + 1).unwrap_or(i32::MAX);
    let until = jptext::format_date(v.not_after);
    let (status, message) = if today < v.not_before {
        (
            CertStatus::NotYetValid,
            "電子証明書の有効期間がまだ始まっていません。パソコンの日付が正しいか確かめてください".to_string(),
        )
    } else if days_left <= 0 {
        (
            CertStatus::Expired,
            format!("期限切れ: 市区町村の窓口で更新してください(電子証明書の有効期限は {until} でした)"),
        )
    } else if i64::from(days_left) <= WARN_DAYS {
        (
            CertStatus::ExpiresSoon,
            format!(
                "電子証明書の有効期限が近づいています(あと{days_left}日、{until}まで)。お早めに市区町村の窓口で更新してください"
            ),
        )
    } else {
        (CertStatus::Valid, format!("電子証明書は有効です({until}まで、あと{days_left}日)"))
    };
    CertReport { not_after: v.not_after, not_after_text: until, days_left, status, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn assesses_each_state_at_its_edges() {
        let v = Validity { not_before: d(2022, 4, 1), not_after: d(2027, 3, 31) };
        assert_eq!(assess(v, d(2026, 12, 31)).status, CertStatus::Valid);
        assert_eq!(assess(v, d(2027, 1, 1)).status, CertStatus::ExpiresSoon);
        let last = assess(v, d(2027, 3, 31));
        assert_eq!((last.status, last.days_left), (CertStatus::ExpiresSoon, 1));
        let gone = assess(v, d(2027, 4, 1));
        assert_eq!((gone.status, gone.days_left), (CertStatus::Expired, 0));
        assert!(gone.message.starts_with("期限切れ: 市区町村の窓口で更新"));
        assert_eq!(assess(v, d(2022, 3, 31)).status, CertStatus::NotYetValid);
    }

    #[test]
    fn garbage_is_bad_data() {
        assert!(matches!(validity(&[0x30, 0x03, 0x02, 0x01, 0x00]), Err(CardError::BadData(_))));
        assert!(matches!(validity(&[]), Err(CardError::BadData(_))));
    }
}
