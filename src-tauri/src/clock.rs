//! The app's clock: the PC's. In debug and test builds only, `ONSHI_NAVI_TODAY` (YYYY-MM-DD)
//! pins the day (the time of day stays the PC's), so the end-to-end suite means the same whatever
//! the calendar says; the release build has no such hook (the exe test greps for the name).

use chrono::{DateTime, Local, NaiveDate, Utc};

/// Now: the PC's time, on the pinned day in test builds.
pub fn now() -> DateTime<Utc> {
    #[cfg(debug_assertions)]
    if let Some(day) =
        std::env::var("ONSHI_NAVI_TODAY").ok().and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        && let Some(at) = day.and_time(Local::now().time()).and_local_timezone(Local).earliest()
    {
        return at.with_timezone(&Utc);
    }
    Utc::now()
}

/// Now in the PC's time zone (file names, the day's date).
pub fn local() -> DateTime<Local> {
    now().with_timezone(&Local)
}

/// The moment a document (PDF, .xlsx) is made, as its properties say it.
pub fn made() -> forms::Made {
    local().fixed_offset()
}

/// Today, the PC's local date: what every screen's "today" is.
pub fn today() -> NaiveDate {
    local().date_naive()
}
