//! The daily eligibility-check log: counts for ホーム and the 利用率. Rows hold the method, the
//! result and the certificate's expiry; never a 個人番号 and never a PIN.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::{Store, StoreError};

/// How many checks were logged on a day and how many of them used a マイナ保険証.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckCounts {
    /// Every check logged
    pub total: u32,
    /// Checks with a マイナ保険証
    pub my_number_card: u32,
}

impl Store {
    /// The counts for checks whose local date is `day`.
    pub async fn check_counts_on(&self, day: NaiveDate) -> Result<CheckCounts, StoreError> {
        let (total, card): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COALESCE(SUM(method = 'my_number_card'), 0)
             FROM eligibility_checks WHERE local_date = ?",
        )
        .bind(day.format("%Y-%m-%d").to_string())
        .fetch_one(self.pool())
        .await?;
        let to_u32 = |n: i64| u32::try_from(n).map_err(|_| StoreError::CorruptData(format!("件数 {n}")));
        Ok(CheckCounts { total: to_u32(total)?, my_number_card: to_u32(card)? })
    }
}
