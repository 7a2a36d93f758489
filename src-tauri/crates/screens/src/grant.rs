//! 協力金: the requirements judged from the 運用開始日 (導入ガイド's step 10 完了, never a date
//! only typed) and the evidence staff record, the poster's periods, each day's flyers and お声がけ,
//! the マイナ保険証 利用率 by month from the check log, and the evidence report. Rules from
//! `programs::grant`, records from `store`, the report from `forms`.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use programs::grant::{GrantEvaluation, GrantEvidence};
use programs::{Program, ProgramStatus};
use serde::Serialize;
use specta::Type;
use store::Store;
use store::checks::CheckCounts;
use store::promotion::{Poster, PromotionDay};

use crate::Error;

/// The 協力金 the screen works on: the newest in the data in use.
pub fn grant_program(catalog: &programs::Catalog) -> Result<Program, Error> {
    catalog
        .programs
        .iter()
        .filter(|p| p.kind == programs::ProgramKind::Grant)
        .max_by_key(|p| p.closes_on())
        .cloned()
        .ok_or_else(|| programs::ProgramsError::UnknownProgram("協力金".into()).into())
}

/// One month of the 対象期間 with its checks.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MonthUsage {
    /// `令和7年5月 (2025-05)`
    pub month_text: String,
    /// The month's checks and the マイナ保険証 利用率
    pub counts: CheckCounts,
}

/// Everything the 協力金 screen shows.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GrantOverview {
    /// The program with its state today
    pub program: ProgramStatus,
    /// When the program data was last checked against its sources
    pub data_as_of_text: String,
    /// Each requirement met or not, with why (inside the 対象期間)
    pub evaluation: Option<GrantEvaluation>,
    /// The 運用開始日 from the 導入ガイド, 和暦 with 西暦
    pub start_date_text: Option<String>,
    /// Staff's answer on the payment date (open, not suspended, under 受領委任); `None` until answered
    pub in_service: Option<bool>,
    /// The poster's display periods
    pub posters: Vec<Poster>,
    /// Each day's flyers and お声がけ
    pub days: Vec<PromotionDay>,
    /// The 利用率 by month over the 対象期間 (a fact for the report, not a requirement)
    pub monthly_usage: Vec<MonthUsage>,
    /// What the report is said to need, as the program data's rules state it (each with its source
    /// and flag), shown beside the evidence report
    pub report_needs: Vec<programs::RuleView>,
    /// Today, for the date fields' limit
    pub today: NaiveDate,
}

/// The 運用開始日 as a fact: only once step 10 is 完了 with nothing blocking it today (a date
/// typed as a plan is not one).
async fn start_date(store: &Store, today: NaiveDate) -> Result<Option<NaiveDate>, Error> {
    let answers = store.wizard_answers().await?;
    let done = store
        .wizard_steps()
        .await?
        .iter()
        .any(|s| s.step == guide::keys::START_DATE.step && s.state == store::wizard::StepState::Done);
    let standing = guide::standing(&answers, done, today);
    Ok((standing.stage == guide::timeline::Stage::Started).then(|| answers.start_date()).flatten())
}

/// What the screen and the report are made from, gathered once.
struct Gathered {
    program: Program,
    status: ProgramStatus,
    data_as_of_text: String,
    start: Option<NaiveDate>,
    in_service: Option<bool>,
    posters: Vec<Poster>,
    days: Vec<PromotionDay>,
    monthly_usage: Vec<MonthUsage>,
    evaluation: Option<GrantEvaluation>,
    today: NaiveDate,
}

async fn gather(store: &Store, catalog: &programs::Catalog, today: NaiveDate) -> Result<Gathered, Error> {
    let program = grant_program(catalog)?;
    let board = catalog.board(today);
    let status =
        board.find(&program.id).cloned().ok_or_else(|| programs::ProgramsError::UnknownProgram(program.id.clone()))?;
    let start = start_date(store, today).await?;
    let in_service = store.grant_in_service(&program.id).await?;
    let posters = store.posters().await?;
    let days = store.promotion_days().await?;
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    let evidence = GrantEvidence {
        start_date: start,
        poster: posters.iter().map(|p| (p.shown_from, p.shown_to)).collect(),
        flyers: days.iter().map(|d| (d.day, count(d.flyers))).collect(),
        prompts: days.iter().map(|d| (d.day, count(d.prompts))).collect(),
        in_service,
    };
    let mut monthly_usage = Vec::new();
    if let Some(period) = &program.period {
        let mut month = period.from.map_or(period.to.date, |f| f.date).with_day(1).unwrap_or(period.to.date);
        while month <= period.to.date && month <= today {
            monthly_usage.push(MonthUsage {
                month_text: jptext::format_year_month(month),
                counts: store.check_counts_in_month(month).await?,
            });
            let Some(next) = month.checked_add_months(chrono::Months::new(1)) else { break };
            month = next;
        }
    }
    Ok(Gathered {
        evaluation: programs::grant::evaluate(&program, &evidence),
        program,
        status,
        data_as_of_text: board.as_of_text,
        start,
        in_service,
        posters,
        days,
        monthly_usage,
        today,
    })
}

/// The screen's data for `today`.
pub async fn overview(store: &Store, catalog: &programs::Catalog, today: NaiveDate) -> Result<GrantOverview, Error> {
    let g = gather(store, catalog, today).await?;
    let report_rules: Vec<&str> = g
        .program
        .rules
        .iter()
        .filter(|r| matches!(r.effect, programs::RuleEffect::ReportContents { .. }))
        .map(|r| r.id.as_str())
        .collect();
    let report_needs = g.status.rules.iter().filter(|r| report_rules.contains(&r.id.as_str())).cloned().collect();
    Ok(GrantOverview {
        report_needs,
        evaluation: g.evaluation,
        program: g.status,
        data_as_of_text: g.data_as_of_text,
        start_date_text: g.start.map(jptext::format_date),
        in_service: g.in_service,
        posters: g.posters,
        days: g.days,
        monthly_usage: g.monthly_usage,
        today: g.today,
    })
}

/// A poster period as the report prints it.
fn poster_period_text(p: &Poster) -> String {
    match p.shown_to {
        Some(to) => format!("{}〜{}", jptext::format_date(p.shown_from), jptext::format_date(to)),
        None => format!("{}〜(掲示中)", jptext::format_date(p.shown_from)),
    }
}

/// The evidence report: the same facts the screen shows, counted inside the 対象期間.
pub async fn report(store: &Store, catalog: &programs::Catalog, today: NaiveDate) -> Result<forms::GrantReport, Error> {
    let g = gather(store, catalog, today).await?;
    let profile = store.clinic_profile().await?;
    let (from, to) = match &g.program.period {
        Some(p) => (p.from.map_or(NaiveDate::MIN, |f| f.date), p.to.date),
        None => (NaiveDate::MIN, NaiveDate::MAX),
    };
    let period_text = match &g.program.period {
        Some(p) => format!(
            "{}〜{}",
            p.from.map(|f| jptext::format_date(f.date)).unwrap_or_default(),
            jptext::format_date(p.to.date)
        ),
        None => String::new(),
    };
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    let photos = store
        .poster_photos()
        .await?
        .into_iter()
        .map(|(poster, jpeg)| forms::ReportPhoto {
            caption: format!("掲示した期間: {}", poster_period_text(&poster)),
            name: poster.photo_name.clone().unwrap_or_else(|| "ポスターの写真".into()),
            jpeg,
        })
        .collect();
    Ok(forms::GrantReport {
        clinic_name: profile.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
        registration_number: profile
            .as_ref()
            .map(store::clinic::ClinicProfile::registration_numbers_typed)
            .unwrap_or_default(),
        program_name: g.program.name.clone(),
        period_text,
        start_date_text: g.start.map(jptext::format_date),
        prepared_on: g.today,
        requirements: g
            .evaluation
            .map(|e| {
                e.requirements
                    .into_iter()
                    .map(|r| forms::ReportRequirement { label: r.label, met: r.met, why: r.why })
                    .collect()
            })
            .unwrap_or_default(),
        posters: g.posters.iter().map(poster_period_text).collect(),
        days: g
            .days
            .iter()
            .filter(|d| d.day >= from && d.day <= to && (d.flyers > 0 || d.prompts > 0))
            .map(|d| forms::ReportDay { day: d.day, flyers: count(d.flyers), prompts: count(d.prompts) })
            .collect(),
        months: g
            .monthly_usage
            .iter()
            .map(|m| forms::ReportMonth {
                month_text: m.month_text.clone(),
                checks: m.counts.total,
                card_checks: m.counts.my_number_card,
            })
            .collect(),
        photos,
    })
}

/// Records staff's answer on whether the clinic is open, not suspended and under 受領委任 on the
/// payment date of the 協力金 the screen works on.
pub async fn set_in_service(
    store: &Store,
    catalog: &programs::Catalog,
    in_service: bool,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let program = grant_program(catalog)?;
    let actor = store.actor().await?;
    Ok(store.set_grant_in_service(&program.id, in_service, &actor, now).await?)
}

/// A photo of the poster as it hung, read and made upright and small. (Blocking: the host runs it
/// off the async threads.) Returns the file's name and the JPEG kept.
pub fn poster_photo(path: &std::path::Path) -> Result<(String, Vec<u8>), Error> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let bytes = crate::files::read_chosen(path)?;
    let prepared = forms::photos::prepare(&forms::Photo { name: name.clone(), bytes })?;
    Ok((name, prepared.jpeg))
}
