//! The audit log: who changed what when. Rows are only ever appended, in the same transaction as
//! the change they describe.
//!
//! What was changed and how are typed ([`AuditEntity`], [`AuditAction`]): a writer cannot invent
//! a name nobody can display, and the Japanese wording of 設定 → 変更履歴 comes from exhaustive
//! `match`es here, so a new kind of change does not compile until it has its words. Rows stored
//! by another version (or edited by hand) are still listed, with a clear 「不明な記録(…)」 label.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqliteConnection;

use crate::{Store, StoreError, timestamp};

textenum::text_enum! {
        /// What a change was made to.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum AuditEntity {
            /// 施術所の情報
            ClinicProfile = "clinic_profile",
            /// 設定 (a value by key, such as the staff name)
            Settings = "settings",
            /// 導入ガイドの進み具合
            SetupProgress = "setup_progress",
            /// 資格確認の記録
            EligibilityCheck = "eligibility_check",
            /// 患者台帳
            Patient = "patient",
            /// 導入ガイドの記録 (a value entered in a step)
            SetupRecord = "setup_record",
            /// 端末(マイナ資格確認アプリのアカウント)
            Terminal = "terminal",
            /// 助成金の領収書
            SubsidyReceipt = "subsidy_receipt",
            /// 助成金の品目 (a line of a 領収書)
            SubsidyPurchase = "subsidy_purchase",
            /// 助成金の添付書類 (a copy of a 領収書 or the passbook)
            SubsidyDocument = "subsidy_document",
            /// 助成金の申請 (status, passbook checks)
            SubsidyApplication = "subsidy_application",
            /// 協力金: ポスターの掲示
            PromotionPoster = "promotion_poster",
            /// 協力金: 1日のチラシ・お声がけ
            PromotionDay = "promotion_day",
            /// 協力金: 支給日の施術所の状況 (staff's answer)
            PromotionAnswer = "promotion_answer",
            /// 資格情報の記録 (carried over from the official app)
            EligibilityRecord = "eligibility_record",
            /// The whole database, rebuilt from a backup or a moved-data file
            Data = "data",
    }
}

textenum::text_enum! {
        /// What was done to it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum AuditAction {
            /// Added for the first time
            Create = "create",
            /// Changed
            Update = "update",
            /// Removed
            Delete = "delete",
            /// A 導入ガイド step marked finished
            Complete = "complete",
            /// A 導入ガイド step marked not finished again
            Reopen = "reopen",
            /// A 導入ガイド step begun
            Start = "start",
            /// Rebuilt from a file (a backup generation or a moved-data export)
            Import = "import",
    }
}

impl AuditEntity {
    /// The Japanese name shown in 変更履歴.
    pub fn label(self) -> &'static str {
        match self {
            AuditEntity::ClinicProfile => "施術所の情報",
            AuditEntity::Settings => "設定",
            AuditEntity::SetupProgress => "導入ガイドの進み具合",
            AuditEntity::EligibilityCheck => "資格確認の記録",
            AuditEntity::Patient => "患者台帳",
            AuditEntity::SetupRecord => "導入ガイドの記録",
            AuditEntity::Terminal => "端末",
            AuditEntity::SubsidyReceipt => "助成金の領収書",
            AuditEntity::SubsidyPurchase => "助成金の品目",
            AuditEntity::SubsidyDocument => "助成金の添付書類",
            AuditEntity::SubsidyApplication => "助成金の申請",
            AuditEntity::PromotionPoster => "協力金: ポスターの掲示",
            AuditEntity::PromotionDay => "協力金: チラシ・お声がけ",
            AuditEntity::PromotionAnswer => "協力金: 支給日の状況",
            AuditEntity::EligibilityRecord => "資格情報の記録",
            AuditEntity::Data => "データ全体",
        }
    }
}

impl AuditAction {
    /// The Japanese verb shown in 変更履歴.
    pub fn label(self) -> &'static str {
        match self {
            AuditAction::Create => "登録",
            AuditAction::Update => "変更",
            AuditAction::Delete => "削除",
            AuditAction::Complete => "完了にした",
            AuditAction::Reopen => "未完了に戻した",
            AuditAction::Start => "始めた",
            AuditAction::Import => "バックアップ・移行ファイルから作り直した",
        }
    }
}

/// The label of a stored entity text, or 「不明な記録(…)」 for one this version does not know.
pub fn entity_label(stored: &str) -> String {
    AuditEntity::from_text(stored).map_or_else(|| format!("不明な記録({stored})"), |e| e.label().to_string())
}

/// The label of a stored action text, or 「不明な操作(…)」 for one this version does not know.
pub fn action_label(stored: &str) -> String {
    AuditAction::from_text(stored).map_or_else(|| format!("不明な操作({stored})"), |a| a.label().to_string())
}

/// One change, as shown in 設定 → 変更履歴: the stored row and its Japanese wording.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    /// Row id, increasing with time
    pub id: i32,
    /// When (RFC 3339, UTC)
    pub at: String,
    /// Who: the staff name set in 設定, or `system`
    pub actor: String,
    /// The action as stored (`create`, …), for support; the UI shows `actionLabel`
    pub action: String,
    /// The entity as stored (`clinic_profile`, …), for support; the UI shows `entityLabel`
    pub entity: String,
    /// JSON with the names of the changed fields or the row id; never a patient's data
    pub detail: String,
    /// 何を, in Japanese (施術所の情報, 患者台帳, … or 不明な記録(…))
    pub entity_label: String,
    /// どうした, in Japanese (登録, 変更, … or 不明な操作(…))
    pub action_label: String,
    /// The detail in Japanese (the changed fields, the step, the record number); may be empty
    pub detail_label: String,
}

/// Appends one row inside the caller's transaction.
pub(crate) async fn record(
    conn: &mut SqliteConnection,
    at: DateTime<Utc>,
    actor: &str,
    action: AuditAction,
    entity: AuditEntity,
    detail: &serde_json::Value,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_log (at, actor, action, entity, detail) VALUES (?, ?, ?, ?, ?)")
        .bind(timestamp(at))
        .bind(actor)
        .bind(action.as_str())
        .bind(entity.as_str())
        .bind(detail.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// The Japanese names of the clinic profile's fields, as the audit detail lists them.
fn clinic_field_label(field: &str) -> String {
    match field {
        "name" => "施術所名".into(),
        "kind" => "種別".into(),
        "regNoJudo" => "登録記号番号(柔整)".into(),
        "regNoAhaki" => "登録記号番号(あはき)".into(),
        "postalCode" => "郵便番号".into(),
        "address" => "住所".into(),
        "phone" => "電話番号".into(),
        "ownerName" => "開設者名".into(),
        other => format!("不明な項目({other})"),
    }
}

/// The Japanese name of a setting key.
fn setting_label(key: &str) -> String {
    match key {
        crate::settings::STAFF_NAME => "スタッフ名".into(),
        crate::settings::TEXT_SIZE => "文字の大きさ".into(),
        crate::settings::UPDATE_ADDRESS => "更新データの取得先".into(),
        crate::settings::ELIGIBILITY_RETENTION_YEARS => "資格情報を残す期間".into(),
        crate::subsidy::SUBSIDY_APPLICANT => "助成金で準備する申請(柔整・あはき)".into(),
        crate::backup::FOLDER_SETTING => "バックアップ先のフォルダ".into(),
        crate::backup::KEEP_SETTING => "残すバックアップの世代数".into(),
        other => format!("不明な設定({other})"),
    }
}

/// The detail of a row in Japanese (the changed fields only for a 変更: a first 登録 sets them
/// all). `step_title` names a 導入ガイド step by id (the guide is not a
/// dependency of the store). An unreadable detail gives an empty text, never an error: the log is
/// for reading, and one odd row must not hide the others.
fn detail_label(
    entity: Option<AuditEntity>,
    action: Option<AuditAction>,
    detail: &str,
    step_title: fn(&str) -> Option<String>,
) -> String {
    let Ok(json) = serde_json::from_str::<serde_json::Value>(detail) else {
        return String::new();
    };
    let text = |key: &str| json.get(key).and_then(serde_json::Value::as_str).map(str::to_string);
    let number = |key: &str| json.get(key).and_then(serde_json::Value::as_i64);
    match entity {
        Some(AuditEntity::ClinicProfile) => match json.get("changed").and_then(serde_json::Value::as_array) {
            Some(fields) if !fields.is_empty() && action == Some(AuditAction::Update) => {
                let names: Vec<String> =
                    fields.iter().filter_map(serde_json::Value::as_str).map(clinic_field_label).collect();
                format!("変更した項目: {}", names.join("・"))
            }
            _ => String::new(),
        },
        Some(AuditEntity::Settings) => text("key").map(|k| setting_label(&k)).unwrap_or_default(),
        Some(AuditEntity::SetupProgress) => text("step")
            .map(|id| step_title(&id).map_or_else(|| format!("不明な手順({id})"), |t| format!("手順「{t}」")))
            .unwrap_or_default(),
        // The input's key stays in the stored detail for support; staff read the step.
        Some(AuditEntity::SetupRecord) => text("step")
            .map(|id| {
                step_title(&id).map_or_else(|| format!("不明な手順({id})の入力"), |t| format!("手順「{t}」の入力"))
            })
            .unwrap_or_default(),
        Some(AuditEntity::Terminal) => text("account").map(|a| format!("アカウント {a}")).unwrap_or_default(),
        Some(AuditEntity::SubsidyReceipt | AuditEntity::SubsidyPurchase) => {
            number("id").map(|id| format!("記録番号 {id}")).unwrap_or_default()
        }
        Some(AuditEntity::SubsidyDocument) => match text("kind").as_deref() {
            Some("passbook") => "通帳の写し".into(),
            Some(_) => "領収書の写し".into(),
            None => String::new(),
        },
        Some(AuditEntity::SubsidyApplication) => match text("status").as_deref() {
            Some(s) if text("applicant").as_deref() == Some("second") => {
                format!("2つ目の登録の申請の状態: {}", crate::subsidy::status_label_of_db(s))
            }
            Some(s) => format!("状態: {}", crate::subsidy::status_label_of_db(s)),
            None => "申請の回答・通帳の確認".into(),
        },
        Some(AuditEntity::PromotionPoster) => match (number("id"), text("photo").as_deref()) {
            (Some(id), Some("added")) => format!("記録番号 {id} の写真"),
            (Some(id), Some("removed")) => format!("記録番号 {id} の写真を外しました"),
            (Some(id), _) => format!("記録番号 {id}"),
            (None, _) => String::new(),
        },
        Some(AuditEntity::PromotionAnswer) => match json.get("inService").and_then(serde_json::Value::as_bool) {
            Some(true) => "廃止・休止しておらず受領委任を継続".into(),
            Some(false) => "廃止・休止中または受領委任なし".into(),
            None => String::new(),
        },
        Some(AuditEntity::PromotionDay) => text("day")
            .map(|d| {
                let shown = chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_or(d, jptext::format_date);
                format!("{shown} の記録")
            })
            .unwrap_or_default(),
        Some(AuditEntity::EligibilityCheck) => number("id").map(|id| format!("記録番号 {id}")).unwrap_or_default(),
        Some(AuditEntity::Data) => number("rows")
            .map(|n| format!("{n} 件の行を写しました(バックアップ先と更新データの取得先は引き継いでいません)"))
            .unwrap_or_default(),
        Some(AuditEntity::EligibilityRecord) => match (number("id"), number("count"), text("before")) {
            (Some(id), _, _) => format!("記録番号 {id}"),
            (None, Some(n), Some(before)) => {
                let shown = chrono::NaiveDate::parse_from_str(&before, "%Y-%m-%d").map_or(before, jptext::format_date);
                format!("{shown} より前の {n} 件")
            }
            _ => String::new(),
        },
        Some(AuditEntity::Patient) => {
            let Some(id) = number("id") else { return String::new() };
            if json.get("sameNameAs").is_some() {
                format!("患者番号 {id}(同じ氏名・生年月日の別の方として登録)")
            } else {
                format!("患者番号 {id}")
            }
        }
        None => String::new(),
    }
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i32,
    at: String,
    actor: String,
    action: String,
    entity: String,
    detail: String,
}

impl Store {
    /// The newest `limit` changes, newest first, with their Japanese wording. `step_title` gives
    /// the title of a 導入ガイド step by id (`None` for an id the guide does not have).
    pub async fn audit_log(
        &self,
        limit: u32,
        step_title: fn(&str) -> Option<String>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows: Vec<AuditRow> =
            sqlx::query_as("SELECT id, at, actor, action, entity, detail FROM audit_log ORDER BY id DESC LIMIT ?")
                .bind(limit)
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .into_iter()
            .map(|r| AuditEntry {
                entity_label: entity_label(&r.entity),
                action_label: action_label(&r.action),
                detail_label: detail_label(
                    AuditEntity::from_text(&r.entity),
                    AuditAction::from_text(&r.action),
                    &r.detail,
                    step_title,
                ),
                id: r.id,
                at: r.at,
                actor: r.actor,
                action: r.action,
                entity: r.entity,
                detail: r.detail,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// Fails to compile when a variant is added without being considered here; the macro already
    /// puts every variant in `ALL`, and this keeps the count honest.
    fn entity_index(e: AuditEntity) -> usize {
        match e {
            AuditEntity::ClinicProfile => 0,
            AuditEntity::Settings => 1,
            AuditEntity::SetupProgress => 2,
            AuditEntity::EligibilityCheck => 3,
            AuditEntity::Patient => 4,
            AuditEntity::SetupRecord => 5,
            AuditEntity::Terminal => 6,
            AuditEntity::SubsidyReceipt => 7,
            AuditEntity::SubsidyPurchase => 8,
            AuditEntity::SubsidyDocument => 9,
            AuditEntity::SubsidyApplication => 10,
            AuditEntity::PromotionPoster => 11,
            AuditEntity::PromotionDay => 12,
            AuditEntity::PromotionAnswer => 13,
            AuditEntity::EligibilityRecord => 14,
            AuditEntity::Data => 15,
        }
    }

    fn action_index(a: AuditAction) -> usize {
        match a {
            AuditAction::Create => 0,
            AuditAction::Update => 1,
            AuditAction::Delete => 2,
            AuditAction::Complete => 3,
            AuditAction::Reopen => 4,
            AuditAction::Start => 5,
            AuditAction::Import => 6,
        }
    }

    fn is_japanese_wording(label: &str) -> bool {
        !label.is_empty() && !label.chars().any(|c| c.is_ascii_alphabetic() || c == '_')
    }

    #[test]
    fn every_entity_round_trips_and_has_japanese_words() {
        let mut texts = HashSet::new();
        let mut labels = HashSet::new();
        for (i, e) in AuditEntity::ALL.iter().copied().enumerate() {
            assert_eq!(entity_index(e), i, "ALL is in declaration order and complete");
            assert_eq!(AuditEntity::from_text(e.as_str()), Some(e));
            assert!(is_japanese_wording(e.label()), "{e:?}: {}", e.label());
            assert_eq!(entity_label(e.as_str()), e.label());
            assert!(texts.insert(e.as_str()) && labels.insert(e.label()), "{e:?} is not unique");
        }
        assert_eq!(AuditEntity::ALL.len(), 16);
    }

    #[test]
    fn every_action_round_trips_and_has_japanese_words() {
        let mut texts = HashSet::new();
        for (i, a) in AuditAction::ALL.iter().copied().enumerate() {
            assert_eq!(action_index(a), i, "ALL is in declaration order and complete");
            assert_eq!(AuditAction::from_text(a.as_str()), Some(a));
            assert!(is_japanese_wording(a.label()), "{a:?}: {}", a.label());
            assert!(texts.insert(a.as_str()), "{a:?} is not unique");
        }
        assert_eq!(AuditAction::ALL.len(), 7);
    }

    #[test]
    fn unknown_stored_values_get_a_clear_label() {
        assert_eq!(entity_label("invoice"), "不明な記録(invoice)");
        assert_eq!(action_label("archive"), "不明な操作(archive)");
        assert_eq!(AuditEntity::from_text("Patient"), None, "stored text is exact");
    }

    #[test]
    fn details_are_worded_for_each_entity() {
        let steps = |id: &str| (id == "portal_user").then(|| "ポータルのアカウントを作る".to_string());
        let cases = [
            (AuditEntity::ClinicProfile, r#"{"changed":["phone","postalCode"]}"#, "変更した項目: 電話番号・郵便番号"),
            (AuditEntity::ClinicProfile, r#"{"changed":["fax"]}"#, "変更した項目: 不明な項目(fax)"),
            (AuditEntity::Settings, r#"{"key":"eligibility_retention_years"}"#, "資格情報を残す期間"),
            (AuditEntity::Settings, r#"{"key":"staff_name"}"#, "スタッフ名"),
            (AuditEntity::Settings, r#"{"key":"subsidy_applicant"}"#, "助成金で準備する申請(柔整・あはき)"),
            (AuditEntity::Settings, r#"{"key":"backup_folder"}"#, "バックアップ先のフォルダ"),
            (AuditEntity::Settings, r#"{"key":"backup_generations"}"#, "残すバックアップの世代数"),
            (AuditEntity::SetupProgress, r#"{"step":"portal_user"}"#, "手順「ポータルのアカウントを作る」"),
            (AuditEntity::SetupProgress, r#"{"step":"gone"}"#, "不明な手順(gone)"),
            (AuditEntity::EligibilityCheck, r#"{"id":12}"#, "記録番号 12"),
            (AuditEntity::Patient, r#"{"id":3}"#, "患者番号 3"),
            (AuditEntity::Patient, r#"{"id":4,"sameNameAs":[3]}"#, "患者番号 4(同じ氏名・生年月日の別の方として登録)"),
            (
                AuditEntity::SetupRecord,
                r#"{"step":"portal_user","key":"registered_on"}"#,
                "手順「ポータルのアカウントを作る」の入力",
            ),
            (AuditEntity::Terminal, r#"{"account":"W0000001"}"#, "アカウント W0000001"),
            (AuditEntity::SubsidyReceipt, r#"{"id":2}"#, "記録番号 2"),
            (AuditEntity::SubsidyPurchase, r#"{"id":5,"receipt":2}"#, "記録番号 5"),
            (AuditEntity::SubsidyDocument, r#"{"id":1,"kind":"receipt"}"#, "領収書の写し"),
            (AuditEntity::SubsidyApplication, r#"{"program":"p","status":"applied"}"#, "状態: 申請済"),
            (
                AuditEntity::SubsidyApplication,
                r#"{"program":"p","applicant":"second","status":"ready"}"#,
                "2つ目の登録の申請の状態: 申請準備完了",
            ),
            (AuditEntity::PromotionPoster, r#"{"id":3}"#, "記録番号 3"),
            (AuditEntity::PromotionPoster, r#"{"id":3,"photo":"added"}"#, "記録番号 3 の写真"),
            (AuditEntity::PromotionAnswer, r#"{"programId":"p","inService":false}"#, "廃止・休止中または受領委任なし"),
            (
                AuditEntity::EligibilityRecord,
                r#"{"before":"2021-11-29","count":12}"#,
                "令和3年11月29日 (2021-11-29) より前の 12 件",
            ),
            (AuditEntity::PromotionDay, r#"{"day":"2025-06-02"}"#, "令和7年6月2日 (2025-06-02) の記録"),
            (
                AuditEntity::Data,
                r#"{"schema":20261209000001,"rows":42,"notTakenOver":["backup_folder","update_address"]}"#,
                "42 件の行を写しました(バックアップ先と更新データの取得先は引き継いでいません)",
            ),
        ];
        for &e in AuditEntity::ALL {
            assert!(cases.iter().any(|(c, _, _)| *c == e), "{e:?} has a detail case");
        }
        for (entity, detail, want) in cases {
            let action = if entity == AuditEntity::ClinicProfile { AuditAction::Update } else { AuditAction::Create };
            assert_eq!(detail_label(Some(entity), Some(action), detail, steps), want, "{entity:?} {detail}");
        }
        let all = r#"{"changed":["name","phone"]}"#;
        assert_eq!(detail_label(Some(AuditEntity::ClinicProfile), Some(AuditAction::Create), all, steps), "");
        assert_eq!(detail_label(Some(AuditEntity::Patient), Some(AuditAction::Create), "not json", steps), "");
        assert_eq!(detail_label(None, None, r#"{"id":1}"#, steps), "");
    }
}
