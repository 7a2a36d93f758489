//! 設定: where program data updates come from (the address checked as the update itself is:
//! https with a host, no credentials; plain http to this PC only in test builds).

use chrono::{DateTime, Utc};
use jptext::FieldIssue;
use store::Store;
use store::settings::UPDATE_ADDRESS;

use crate::Error;

/// Keeps the update address staff typed (trimmed), or none when empty; the address in use is
/// returned. Refused beside its field when the update could not come from there.
pub async fn set_update_address(store: &Store, typed: &str, now: DateTime<Utc>) -> Result<String, Error> {
    let address = typed.trim().to_string();
    if !address.is_empty() && updates::check_address(&address).is_err() {
        return Err(Error::Validation(vec![FieldIssue::new(
            "updateAddress",
            "https:// で始まる、サーバーの名前のあるアドレスを入力してください(例: https://example.jp/onshi-navi/programs.json)",
        )]));
    }
    let actor = store.actor().await?;
    store.set_setting(UPDATE_ADDRESS, &address, &actor, now).await?;
    Ok(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_address_is_kept_only_where_an_update_could_come_from() {
        let root = tempfile::tempdir().expect("tempdir");
        let store = Store::open_in(&root.path().join("data")).await.expect("open");
        let now = Utc::now();
        for bad in
            ["http://example.jp/feed", "https://user:pw@example.jp/", "example.jp/feed", "http://127.0.0.1.evil.jp/"]
        {
            let Err(Error::Validation(issues)) = set_update_address(&store, bad, now).await else { panic!("{bad}") };
            assert_eq!(issues[0].field, "updateAddress");
        }
        let kept = set_update_address(&store, " https://example.jp/onshi-navi/programs.json ", now).await.expect("ok");
        assert_eq!(kept, "https://example.jp/onshi-navi/programs.json");
        assert_eq!(set_update_address(&store, "", now).await.expect("cleared"), "");
    }
}

/// Errors and warnings of the 施術所の情報 form as typed, without saving: the form shows them as
/// staff go.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileCheck {
    /// Problems that block saving
    pub errors: Vec<FieldIssue>,
    /// Advice that does not block saving
    pub warnings: Vec<FieldIssue>,
}

/// Checks the 施術所の情報 as typed by the store's own rules, writing nothing.
pub fn check_clinic_profile(input: &store::clinic::ClinicProfileInput) -> ProfileCheck {
    match store::clinic::validate(input) {
        Ok((_, warnings)) => ProfileCheck { errors: Vec::new(), warnings },
        Err(errors) => ProfileCheck { errors, warnings: Vec::new() },
    }
}
