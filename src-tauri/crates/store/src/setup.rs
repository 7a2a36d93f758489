//! Which steps of the 導入ガイド the clinic has finished. The steps themselves are data of the
//! guide; this only remembers progress, so nothing is lost on restart.

use chrono::{DateTime, Utc};

use crate::wizard::StepState;
use crate::{Store, StoreError};

impl Store {
    /// The ids of the finished steps, in the order they were finished.
    pub async fn finished_setup_steps(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT step FROM wizard_step WHERE state = 'done' ORDER BY done_at, step")
            .fetch_all(self.pool())
            .await?)
    }

    /// Marks a step finished, or back to 未着手 (the checklist's tick box), with its audit row;
    /// nothing that does not change is written or logged.
    pub async fn set_setup_step_done(
        &self,
        step: &str,
        done: bool,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.set_wizard_step(step, done.then_some(StepState::Done), actor, now).await
    }
}
