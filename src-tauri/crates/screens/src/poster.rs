//! The patient poster and flyer, reachable from ホーム, 毎日の資格確認 and 協力金 whatever a
//! program's state: which fit the clinic (its kind), and the sheet to draw (its name, and how its
//! patients' cards are read, which follows the clinic's route).

use forms::{Audience, PosterFormat, PosterSheet};
use serde::Serialize;
use specta::Type;
use store::Store;
use store::clinic::ClinicKind;

use crate::Error;

/// What the poster panel offers: the audiences for the clinic's kind, the first preselected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PosterChoices {
    /// The clinic's name on the poster ("" until the profile is saved)
    pub clinic_name: String,
    /// 柔整, あはき or both (a 併設 clinic, or one whose kind is not saved yet), in that order
    pub audiences: Vec<Audience>,
}

/// The clinic's name and which posters fit its kind.
pub async fn choices(store: &Store) -> Result<PosterChoices, Error> {
    let profile = store.clinic_profile().await?;
    let audiences = match profile.as_ref().map(|p| p.kind) {
        Some(ClinicKind::Judo) => vec![Audience::Judo],
        Some(ClinicKind::Ahaki) => vec![Audience::Ahaki],
        Some(ClinicKind::Both) | None => vec![Audience::Judo, Audience::Ahaki],
    };
    Ok(PosterChoices { clinic_name: profile.map(|p| p.name).unwrap_or_default(), audiences })
}

/// The sheet to draw: the clinic's name, and the way cards are read on its route.
pub async fn sheet(store: &Store, audience: Audience, format: PosterFormat) -> Result<PosterSheet, Error> {
    let profile = store.clinic_profile().await?;
    let read_with = crate::wizard::reads_with(store).await?;
    Ok(PosterSheet { clinic_name: profile.map(|p| p.name).unwrap_or_default(), audience, format, read_with })
}

/// The file's name, without `.pdf`, as staff find it in the folder.
pub fn file_name(format: PosterFormat) -> &'static str {
    match format {
        PosterFormat::Poster => "マイナ保険証ポスター",
        PosterFormat::Flyer => "マイナ保険証チラシ",
    }
}
