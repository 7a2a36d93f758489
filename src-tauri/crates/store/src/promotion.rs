//! The 協力金's evidence: the poster's display periods and, per day, the flyers handed out and
//! the patients asked to use the マイナ保険証 (お声がけ). Input is checked here field by field (a
//! message beside each field; 全角 digits and 和暦 accepted); whether it meets the program's
//! requirements is `programs::grant`'s rule.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::audit::{AuditAction, AuditEntity};
use crate::clinic::FieldIssue;
use crate::{Store, StoreError, audit, timestamp};

/// The most flyers or お声がけ one day can hold: more is a typing mistake.
pub const MAX_PER_DAY: i64 = 9_999;

/// A display period of the poster, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Poster {
    /// Row id
    pub id: i32,
    /// Put up on
    pub shown_from: NaiveDate,
    /// Taken down on; `None` while it is still up
    pub shown_to: Option<NaiveDate>,
    /// The name of the file its photo came from, when one is kept
    pub photo_name: Option<String>,
}

/// A display period as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PosterInput {
    /// 掲示した日
    pub shown_from: String,
    /// 外した日 (empty while still up)
    pub shown_to: String,
}

/// One day's counts, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PromotionDay {
    /// The day
    pub day: NaiveDate,
    /// チラシを渡した枚数
    pub flyers: i32,
    /// お声がけした人数
    pub prompts: i32,
}

/// One day's counts as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PromotionDayInput {
    /// The day
    pub day: String,
    /// チラシ (枚)
    pub flyers: String,
    /// お声がけ (人)
    pub prompts: String,
}

fn day_field(raw: &str, field: &str, label: &str, today: NaiveDate, issues: &mut Vec<FieldIssue>) -> Option<NaiveDate> {
    match jptext::parse_date(raw) {
        None => {
            let message = if raw.trim().is_empty() {
                format!("{label}を入力してください")
            } else {
                format!("{label}が読み取れません。2025-05-01 や 令和7年5月1日 のように入力してください")
            };
            issues.push(FieldIssue::new(field, message));
            None
        }
        Some(d) if d > today => {
            issues.push(FieldIssue::new(
                field,
                format!("{label}が今日({})より後になっています", jptext::format_date(today)),
            ));
            None
        }
        Some(d) => Some(d),
    }
}

/// A display period as stored: a start not after `today`, an end (optional) not before it.
pub fn validate_poster(
    input: &PosterInput,
    today: NaiveDate,
) -> Result<(NaiveDate, Option<NaiveDate>), Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let from = day_field(&input.shown_from, "shownFrom", "掲示した日", today, &mut issues);
    let to = if input.shown_to.trim().is_empty() {
        None
    } else {
        day_field(&input.shown_to, "shownTo", "外した日", today, &mut issues)
    };
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        issues.push(FieldIssue::new("shownTo", "外した日が掲示した日より前になっています"));
    }
    match from {
        Some(f) if issues.is_empty() => Ok((f, to)),
        _ => Err(issues),
    }
}

/// A day's counts as stored: a day not after `today`, counts 0–9,999 (全角 accepted, blank = 0).
pub fn validate_day(input: &PromotionDayInput, today: NaiveDate) -> Result<(NaiveDate, i64, i64), Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let day = day_field(&input.day, "day", "日付", today, &mut issues);
    let mut count = |raw: &str, field: &str, label: &str| {
        if raw.trim().is_empty() {
            return 0;
        }
        jptext::parse_yen(raw.trim_end_matches(['枚', '人', '回']), MAX_PER_DAY)
            .map_err(|e| issues.push(FieldIssue::new(field, e.message(label))))
            .unwrap_or(0)
    };
    let flyers = count(&input.flyers, "flyers", "チラシの枚数");
    let prompts = count(&input.prompts, "prompts", "お声がけの人数");
    match day {
        Some(d) if issues.is_empty() => Ok((d, flyers, prompts)),
        _ => Err(issues),
    }
}

fn parse_day(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| StoreError::CorruptData(format!("日付 {text}")))
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl Store {
    /// Every display period of the poster, oldest first.
    pub async fn posters(&self) -> Result<Vec<Poster>, StoreError> {
        let rows: Vec<(i32, String, Option<String>, Option<String>)> =
            sqlx::query_as("SELECT id, shown_from, shown_to, photo_name FROM promotion_poster ORDER BY shown_from, id")
                .fetch_all(self.pool())
                .await?;
        rows.into_iter()
            .map(|(id, from, to, photo_name)| {
                Ok(Poster {
                    id,
                    shown_from: parse_day(&from)?,
                    shown_to: to.as_deref().map(parse_day).transpose()?,
                    photo_name,
                })
            })
            .collect()
    }

    /// Adds a display period (`id` None) or changes one, with its audit row.
    pub async fn save_poster(
        &self,
        id: Option<i32>,
        input: &PosterInput,
        today: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Poster, StoreError> {
        let (from, to) = validate_poster(input, today).map_err(StoreError::Validation)?;
        let mut tx = self.write_tx().await?;
        let at = timestamp(now);
        let (row_id, action) = crate::rows::add_or_change(
            &mut tx,
            id,
            || {
                sqlx::query(
                    "INSERT INTO promotion_poster (shown_from, shown_to, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                )
                .bind(iso(from))
                .bind(to.map(iso))
                .bind(&at)
            },
            |row_id| {
                sqlx::query("UPDATE promotion_poster SET shown_from = ?2, shown_to = ?3, updated_at = ?4 WHERE id = ?1")
                    .bind(row_id)
                    .bind(iso(from))
                    .bind(to.map(iso))
                    .bind(&at)
            },
            crate::rows::RowWords {
                field: "shownFrom",
                full: "これ以上登録できません",
                gone: "この記録は削除されています。画面を開き直してください",
            },
        )
        .await?;
        audit::record(&mut tx, now, actor, action, AuditEntity::PromotionPoster, &serde_json::json!({ "id": row_id }))
            .await?;
        let photo_name: Option<String> = sqlx::query_scalar("SELECT photo_name FROM promotion_poster WHERE id = ?")
            .bind(row_id)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Poster { id: row_id, shown_from: from, shown_to: to, photo_name })
    }

    /// Keeps `jpeg` (already prepared: upright and shrunk) as the photo of display period `id`,
    /// replacing any earlier one; or, with `None`, removes it. With its audit row.
    pub async fn set_poster_photo(
        &self,
        id: i32,
        photo: Option<(&str, &[u8])>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Poster, StoreError> {
        let mut tx = self.write_tx().await?;
        let changed =
            sqlx::query("UPDATE promotion_poster SET photo_name = ?2, photo_jpeg = ?3, updated_at = ?4 WHERE id = ?1")
                .bind(id)
                .bind(photo.map(|(name, _)| name))
                .bind(photo.map(|(_, jpeg)| jpeg))
                .bind(timestamp(now))
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if changed == 0 {
            return Err(StoreError::Validation(vec![FieldIssue::new(
                "photo",
                "この掲示の記録は削除されています。画面を開き直してください",
            )]));
        }
        let what = if photo.is_some() { "added" } else { "removed" };
        audit::record(
            &mut tx,
            now,
            actor,
            AuditAction::Update,
            AuditEntity::PromotionPoster,
            &serde_json::json!({ "id": id, "photo": what }),
        )
        .await?;
        tx.commit().await?;
        self.posters()
            .await?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| StoreError::CorruptData(format!("掲示の記録 {id}")))
    }

    /// The photos kept with the poster's periods, in the periods' order: period and JPEG.
    pub async fn poster_photos(&self) -> Result<Vec<(Poster, Vec<u8>)>, StoreError> {
        let rows: Vec<(i32, Vec<u8>)> = sqlx::query_as(
            "SELECT id, photo_jpeg FROM promotion_poster WHERE photo_jpeg IS NOT NULL ORDER BY shown_from, id",
        )
        .fetch_all(self.pool())
        .await?;
        let posters = self.posters().await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, jpeg)| posters.iter().find(|p| p.id == id).map(|p| (p.clone(), jpeg)))
            .collect())
    }

    /// Staff's answer on whether the clinic is open, not suspended and under 受領委任 on
    /// `program_id`'s payment date; `None` until answered.
    pub async fn grant_in_service(&self, program_id: &str) -> Result<Option<bool>, StoreError> {
        let answer: Option<i64> = sqlx::query_scalar("SELECT in_service FROM promotion_answer WHERE program_id = ?")
            .bind(program_id)
            .fetch_optional(self.pool())
            .await?;
        Ok(answer.map(|a| a != 0))
    }

    /// Records that answer, with its audit row.
    pub async fn set_grant_in_service(
        &self,
        program_id: &str,
        in_service: bool,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO promotion_answer (program_id, in_service, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (program_id) DO UPDATE SET in_service = ?2, updated_at = ?3",
        )
        .bind(program_id)
        .bind(i64::from(in_service))
        .bind(timestamp(now))
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            now,
            actor,
            AuditAction::Update,
            AuditEntity::PromotionAnswer,
            &serde_json::json!({ "programId": program_id, "inService": in_service }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a display period; one already gone writes nothing.
    pub async fn delete_poster(&self, id: i32, actor: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let sql = "DELETE FROM promotion_poster WHERE id = ?";
        if crate::rows::remove(&mut tx, sql, id, AuditEntity::PromotionPoster, actor, now).await? {
            tx.commit().await?;
        }
        Ok(())
    }

    /// Every day with a count, oldest first.
    pub async fn promotion_days(&self) -> Result<Vec<PromotionDay>, StoreError> {
        let rows: Vec<(String, i64, i64)> =
            sqlx::query_as("SELECT day, flyers, prompts FROM promotion_day ORDER BY day")
                .fetch_all(self.pool())
                .await?;
        rows.into_iter()
            .map(|(day, flyers, prompts)| {
                Ok(PromotionDay {
                    day: parse_day(&day)?,
                    flyers: i32::try_from(flyers).unwrap_or(i32::MAX),
                    prompts: i32::try_from(prompts).unwrap_or(i32::MAX),
                })
            })
            .collect()
    }

    /// Sets a day's counts (replacing what the day had); both 0 removes the day. With its audit row.
    pub async fn set_promotion_day(
        &self,
        input: &PromotionDayInput,
        today: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<PromotionDay, StoreError> {
        let (day, flyers, prompts) = validate_day(input, today).map_err(StoreError::Validation)?;
        let mut tx = self.write_tx().await?;
        let before: Option<(i64, i64)> = sqlx::query_as("SELECT flyers, prompts FROM promotion_day WHERE day = ?")
            .bind(iso(day))
            .fetch_optional(&mut *tx)
            .await?;
        let action = match (before, flyers + prompts) {
            (Some(b), _) if b == (flyers, prompts) => None,
            (None, 0) => None,
            (Some(_), 0) => Some(AuditAction::Delete),
            (Some(_), _) => Some(AuditAction::Update),
            (None, _) => Some(AuditAction::Create),
        };
        if let Some(action) = action {
            if action == AuditAction::Delete {
                sqlx::query("DELETE FROM promotion_day WHERE day = ?").bind(iso(day)).execute(&mut *tx).await?;
            } else {
                sqlx::query(
                    "INSERT INTO promotion_day (day, flyers, prompts, updated_at) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (day) DO UPDATE SET flyers = ?2, prompts = ?3, updated_at = ?4",
                )
                .bind(iso(day))
                .bind(flyers)
                .bind(prompts)
                .bind(timestamp(now))
                .execute(&mut *tx)
                .await?;
            }
            audit::record(
                &mut tx,
                now,
                actor,
                action,
                AuditEntity::PromotionDay,
                &serde_json::json!({ "day": iso(day) }),
            )
            .await?;
            tx.commit().await?;
        }
        let count = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
        Ok(PromotionDay { day, flyers: count(flyers), prompts: count(prompts) })
    }
}
