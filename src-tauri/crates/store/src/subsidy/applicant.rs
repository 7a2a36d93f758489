//! Which of the clinic's applications the 助成金 screen works on. A clinic registered separately
//! for 柔整 and あはき (two different 登録記号番号) applies separately (a vendor's FAQ, unverified:
//! the program data carries the rule); a clinic with one registration, 併設 or not, applies once.
//! Each 領収書, passbook copy and status belongs to one application; the one staff chose is kept
//! in 設定 and read inside each write's own transaction.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::rows::validation;
use crate::clinic::{ClinicProfile, profile_in};
use crate::{Store, StoreError};

/// The setting that keeps the application the 助成金 screen works on.
pub const SUBSIDY_APPLICANT: &str = "subsidy_applicant";

textenum::text_enum! {
    /// One of the clinic's applications for a 助成金 (stored as `''` / `second`).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
    #[serde(rename_all = "snake_case")]
    pub enum Applicant {
        /// The clinic's first (or only) registration: 柔整's for a clinic with both
        #[default]
        Main = "",
        /// The second registration of a clinic registered separately for 柔整 and あはき
        Second = "second",
    }
}

/// One application the clinic makes, as the screen offers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ApplicantOption {
    /// Which
    pub applicant: Applicant,
    /// 柔整 or あはき, as staff read it
    pub practice: String,
    /// Its 登録記号番号, as typed
    pub registration_number: String,
}

/// The applications the clinic makes: two when its profile holds two different 登録記号番号 (柔整
/// and あはき registered separately), else one, for everything the clinic registered.
pub fn applicants(profile: Option<&ClinicProfile>) -> Vec<ApplicantOption> {
    let numbered: Vec<(guide::Practice, String)> = profile
        .map(ClinicProfile::practices)
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, number)| !number.trim().is_empty())
        .collect();
    let word = |p: guide::Practice| match p {
        guide::Practice::Judo => "柔整",
        guide::Practice::Ahaki => "あはき",
    };
    match numbered.as_slice() {
        [(first, one), (second, two)] if one.trim() != two.trim() => vec![
            ApplicantOption {
                applicant: Applicant::Main,
                practice: word(*first).into(),
                registration_number: one.clone(),
            },
            ApplicantOption {
                applicant: Applicant::Second,
                practice: word(*second).into(),
                registration_number: two.clone(),
            },
        ],
        _ => vec![ApplicantOption {
            applicant: Applicant::Main,
            practice: numbered.iter().map(|(p, _)| word(*p)).collect::<Vec<_>>().join("・"),
            registration_number: profile.map(ClinicProfile::registration_numbers_typed).unwrap_or_default(),
        }],
    }
}

/// The application the screen works on, as `conn` sees it: the one chosen in 設定 while the
/// clinic still makes it, else the first.
pub(crate) async fn current_in(conn: &mut sqlx::SqliteConnection) -> Result<Applicant, StoreError> {
    let chosen: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(SUBSIDY_APPLICANT)
        .fetch_optional(&mut *conn)
        .await?;
    let chosen = chosen.as_deref().and_then(Applicant::from_text).unwrap_or_default();
    let made = applicants(profile_in(conn).await?.as_ref());
    Ok(if made.iter().any(|a| a.applicant == chosen) { chosen } else { Applicant::Main })
}

impl Store {
    /// The application the 助成金 screen works on.
    pub async fn subsidy_applicant(&self) -> Result<Applicant, StoreError> {
        current_in(&mut *self.pool().acquire().await?).await
    }

    /// Chooses the application the 助成金 screen works on; refused for one the clinic does not
    /// make (a single registration).
    pub async fn set_subsidy_applicant(
        &self,
        applicant: Applicant,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let made = applicants(self.clinic_profile().await?.as_ref());
        if !made.iter().any(|a| a.applicant == applicant) {
            return Err(validation(
                "applicant",
                "この施術所の助成金の申請は1つです(登録記号番号が1つ)。設定の施術所の情報を確かめてください",
            ));
        }
        self.set_setting(SUBSIDY_APPLICANT, applicant.as_str(), actor, now).await
    }
}
