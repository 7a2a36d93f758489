//! Which steps of the 導入ガイド the clinic has finished. The steps themselves are data of the
//! guide; this only remembers progress, so nothing is lost on restart.

use chrono::{DateTime, Utc};

use crate::audit::{AuditAction, AuditEntity};
use crate::{Store, StoreError, audit, timestamp};

impl Store {
    /// The ids of the finished steps, in the order they were finished.
    pub async fn finished_setup_steps(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT step FROM setup_progress ORDER BY done_at, step").fetch_all(self.pool()).await?)
    }

    /// Marks a step finished (or not finished again), with its audit row. Whether anything
    /// changed is decided inside the write transaction: ticking a step already ticked (or
    /// unticking one not ticked) writes nothing and logs nothing.
    pub async fn set_setup_step_done(
        &self,
        step: &str,
        done: bool,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let changed = if done {
            sqlx::query("INSERT INTO setup_progress (step, done_at) VALUES (?, ?) ON CONFLICT (step) DO NOTHING")
                .bind(step)
                .bind(timestamp(now))
                .execute(&mut *tx)
                .await?
        } else {
            sqlx::query("DELETE FROM setup_progress WHERE step = ?").bind(step).execute(&mut *tx).await?
        }
        .rows_affected()
            > 0;
        if !changed {
            return Ok(());
        }
        let action = if done { AuditAction::Complete } else { AuditAction::Reopen };
        audit::record(&mut tx, now, actor, action, AuditEntity::SetupProgress, &serde_json::json!({ "step": step }))
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
