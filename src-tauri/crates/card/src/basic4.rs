//! The 基本4情報 (氏名, 住所, 生年月日, 性別) of the 券面事項入力補助AP, EF `00 02`: a header
//! `FF 20 82 LL LL` then the TLVs `DF21` (header), `DF22` 氏名, `DF23` 住所, `DF24` 生年月日
//! (`YYYYMMDD`), `DF25` 性別 (ISO 5218 digit). Parsed defensively: the card is a stranger.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use crate::error::CardError;
use crate::tlv;

/// The outer tag of the file.
pub const OUTER_TAG: u16 = 0xFF20;
const TAGS: [u16; 5] = [0xDF21, 0xDF22, 0xDF23, 0xDF24, 0xDF25];

/// 性別 as written on the card (ISO 5218).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// 1: 男性
    Male,
    /// 2: 女性
    Female,
    /// 9: 適用不能
    NotApplicable,
    /// 0: 不明
    Unknown,
}

impl Sex {
    fn from_iso5218(text: &str) -> Result<Sex, CardError> {
        match text.trim() {
            "1" => Ok(Sex::Male),
            "2" => Ok(Sex::Female),
            "9" => Ok(Sex::NotApplicable),
            "0" => Ok(Sex::Unknown),
            other => Err(CardError::BadData(format!("性別の値 {other:?}"))),
        }
    }

    /// As printed on forms.
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
            Sex::NotApplicable => "適用不能",
            Sex::Unknown => "不明",
        }
    }
}

/// The four facts printed on the card's face. No 個人番号: it is never read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Basic4 {
    /// 氏名
    pub name: String,
    /// 住所
    pub address: String,
    /// 生年月日
    pub birth_date: NaiveDate,
    /// 性別
    pub sex: Sex,
}

/// The 基本4情報 as shown on screen: dates in 和暦 with 西暦, 性別 as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Basic4View {
    /// 氏名
    pub name: String,
    /// 住所
    pub address: String,
    /// 生年月日
    pub birth_date: NaiveDate,
    /// 生年月日, `昭和55年4月1日 (1980-04-01)`
    pub birth_date_text: String,
    /// 性別
    pub sex: Sex,
    /// 性別, `男` / `女` / …
    pub sex_text: String,
}

impl From<&Basic4> for Basic4View {
    fn from(b: &Basic4) -> Basic4View {
        Basic4View {
            name: b.name.clone(),
            address: b.address.clone(),
            birth_date: b.birth_date,
            birth_date_text: jptext::format_date(b.birth_date),
            sex: b.sex,
            sex_text: b.sex.label().to_string(),
        }
    }
}

/// How many bytes the whole file takes, from its first 5 bytes (`FF 20 82 LL LL`).
pub fn total_length(header: &[u8]) -> Result<usize, CardError> {
    match header {
        [0xFF, 0x20, rest @ ..] => {
            let (len, after) = tlv::read_length(rest)?;
            Ok(header.len() - after.len() + len)
        }
        _ => Err(CardError::BadData("基本4情報の先頭が想定と違います".into())),
    }
}

/// Parses the whole file.
pub fn parse(file: &[u8]) -> Result<Basic4, CardError> {
    let (outer, _) = tlv::read(file)?;
    if outer.tag != OUTER_TAG {
        return Err(CardError::BadData(format!("基本4情報のタグ {:04X}", outer.tag)));
    }
    let items = tlv::read_all(outer.value)?;
    let field = |tag: u16| -> Result<String, CardError> {
        let item = items
            .iter()
            .find(|t| t.tag == tag)
            .ok_or_else(|| CardError::BadData(format!("基本4情報に {tag:04X} がありません")))?;
        String::from_utf8(item.value.to_vec())
            .map_err(|_| CardError::BadData("基本4情報の文字が UTF-8 ではありません".into()))
    };
    let [_, name_tag, address_tag, birth_tag, sex_tag] = TAGS;
    let birth = field(birth_tag)?;
    let birth_date = NaiveDate::parse_from_str(birth.trim(), "%Y%m%d")
        .map_err(|_| CardError::BadData(format!("生年月日 {birth:?}")))?;
    Ok(Basic4 {
        name: field(name_tag)?,
        address: field(address_tag)?,
        birth_date,
        sex: Sex::from_iso5218(&field(sex_tag)?)?,
    })
}

/// Encodes the file as the card holds it (for the virtual card).
pub fn encode(b: &Basic4) -> Vec<u8> {
    let sex = match b.sex {
        Sex::Male => "1",
        Sex::Female => "2",
        Sex::NotApplicable => "9",
        Sex::Unknown => "0",
    };
    let birth = b.birth_date.format("%Y%m%d").to_string();
    let mut inner = tlv::encode(TAGS[0], &[0x00, 0x05, 0x00, 0x00, 0x00]);
    for (tag, value) in [
        (TAGS[1], b.name.as_bytes()),
        (TAGS[2], b.address.as_bytes()),
        (TAGS[3], birth.as_bytes()),
        (TAGS[4], sex.as_bytes()),
    ] {
        inner.extend(tlv::encode(tag, value));
    }
    // The card always uses the 3-byte length form for the outer item.
    let mut out = vec![0xFF, 0x20, 0x82];
    out.extend_from_slice(&u16::try_from(inner.len()).unwrap_or(u16::MAX).to_be_bytes());
    out.extend(inner);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Basic4 {
        Basic4 {
            name: "山田 花子".into(),
            address: "東京都千代田区千代田一丁目一番地".repeat(4),
            birth_date: NaiveDate::from_ymd_opt(1985, 4, 1).expect("date"),
            sex: Sex::Female,
        }
    }

    #[test]
    fn round_trips() {
        let file = encode(&sample());
        assert_eq!(total_length(&file[..5]).expect("len"), file.len());
        assert_eq!(parse(&file).expect("parse"), sample());
    }

    #[test]
    fn refuses_broken_files() {
        let file = encode(&sample());
        assert!(parse(&file[..file.len() - 1]).is_err());
        assert!(total_length(&[0x30, 0x82, 0, 0, 0]).is_err());
        let mut bad_sex = sample();
        bad_sex.sex = Sex::Male;
        let mut bytes = encode(&bad_sex);
        let last = bytes.len() - 1;
        bytes[last] = b'7';
        assert!(parse(&bytes).is_err());
    }
}
