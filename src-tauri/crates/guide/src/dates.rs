//! The days the wizard records, checked against each other and today, in one place: the save of
//! a date and the 完了 of a step read the same rules, so a day typed by mistake (a 運用開始日
//! before the app was approved, an approval in the future) is refused beside its field and can
//! never end the deadline warning.
//!
//! The rules: a day that records something done (ユーザー登録, 利用開始申請, 審査の終了, the test
//! read, the declaration of an やむを得ない事由) is not after today; the steps happen in order
//! (ユーザー登録 ≤ 利用開始申請 ≤ 審査の終了 ≤ 運用開始日). A 運用開始日 still ahead is accepted when
//! saved, as a plan (運用開始予定日), and refused when step 10 is to be 完了, as is one without
//! a recorded approval day to check it against.

use chrono::NaiveDate;

use crate::answers::{Answers, Key, keys};
use crate::wizard::wizard_step;

/// Why the dates are checked: a save takes a plan for the 運用開始日, a 完了 does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Saving one answer
    Save,
    /// Marking the step 完了
    Complete,
}

/// Days that record something already done: never after today.
const DONE_DAYS: [Key; 5] =
    [keys::REGISTERED_ON, keys::APPLIED_ON, keys::APPROVED_ON, keys::TESTED_ON, keys::EXEMPTION_ON];

/// The order the steps happen in: `(earlier, later)`.
const ORDER: [(Key, Key); 3] = [
    (keys::REGISTERED_ON, keys::APPLIED_ON),
    (keys::APPLIED_ON, keys::APPROVED_ON),
    (keys::APPROVED_ON, keys::START_DATE),
];

fn label(key: Key) -> &'static str {
    crate::answers::step_input(key.step, key.key).map_or(key.key, |i| i.label)
}

/// 「手順2の「利用開始申請をした日」」 for a key of another step, 「「…」」 for one of the same.
fn named(key: Key, from_step: &str) -> String {
    match wizard_step(key.step) {
        Some(step) if step.id != from_step => format!("手順{}の「{}」", step.number, label(key)),
        _ => format!("「{}」", label(key)),
    }
}

fn day(date: NaiveDate) -> String {
    jptext::format_date(date)
}

/// The date rules broken by the answers of step `step_id`, each with its key and message.
pub fn conflicts(step_id: &str, answers: &Answers, today: NaiveDate, purpose: Purpose) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    let Some(step) = wizard_step(step_id) else { return found };
    for input in step.inputs {
        let key = Key { step: step.id, key: input.key };
        let Some(date) = answers.date(key) else { continue };
        let mut push = |message: String| found.push((input.key, message));
        if DONE_DAYS.contains(&key) && date > today {
            push(format!(
                "{}({})が、今日({})より後になっています。今日までの日付を入力してください",
                input.label,
                day(date),
                day(today)
            ));
            continue;
        }
        for (earlier, later) in ORDER {
            if later == key
                && let Some(before) = answers.date(earlier)
                && date < before
            {
                push(format!(
                    "{}({})が、{}({})より前になっています",
                    input.label,
                    day(date),
                    named(earlier, step_id),
                    day(before)
                ));
            }
            // Two days of the same step disagreeing are said once, beside the later one.
            if earlier == key
                && later.step != step_id
                && let Some(after) = answers.date(later)
                && after < date
            {
                push(format!(
                    "{}({})が、{}({})より後になっています",
                    input.label,
                    day(date),
                    named(later, step_id),
                    day(after)
                ));
            }
        }
        if key == keys::START_DATE && purpose == Purpose::Complete {
            if date > today {
                push(format!(
                    "運用開始日({})はまだ先です(運用開始予定日)。その日に業務を始め、ポータルサイトで登録してから完了にしてください",
                    day(date)
                ));
            } else if answers.approved_on().is_none() {
                push(format!(
                    "{}がまだ記録されていません。運用開始日がその日より前でないかを確かめるため、先に記録してください",
                    named(keys::APPROVED_ON, step_id)
                ));
            }
        }
    }
    found
}

/// A date answer about to be saved (`value` already checked as a date), against the other
/// answers and today. `Ok(Some(note))` for a 運用開始日 still ahead: kept as a plan, and the
/// note says the warning stays. The error is the message beside the field.
pub fn check_date_answer(
    step_id: &str,
    key: &str,
    value: &str,
    answers: &Answers,
    today: NaiveDate,
) -> Result<Option<String>, String> {
    let Some(input) = crate::answers::step_input(step_id, key) else { return Ok(None) };
    let at = Key { step: input_step(step_id), key: input.key };
    let after = answers.with(at, value);
    if let Some((_, message)) = conflicts(step_id, &after, today, Purpose::Save).into_iter().find(|(k, _)| *k == key) {
        return Err(message);
    }
    Ok(match after.date(at) {
        Some(date) if at == keys::START_DATE && date > today => Some(format!(
            "運用開始予定日({})として記録しました。その日に業務を始め、ポータルサイトで登録して手順10を完了にするまで、期限の表示は続きます",
            day(date)
        )),
        _ => None,
    })
}

fn input_step(step_id: &str) -> &'static str {
    wizard_step(step_id).map_or("", |s| s.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn answers(list: &[(Key, &str)]) -> Answers {
        Answers::new(list.iter().map(|(k, v)| (k.step.to_string(), k.key.to_string(), v.to_string())))
    }

    const TODAY: (i32, u32, u32) = (2026, 12, 6);

    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn a_day_done_is_not_in_the_future() {
        let none = Answers::default();
        for key in DONE_DAYS {
            let err = check_date_answer(key.step, key.key, "2026-12-07", &none, today()).expect_err("future refused");
            assert!(err.contains("今日(令和8年12月6日 (2026-12-06))より後"), "{}: {err}", key.key);
            assert_eq!(check_date_answer(key.step, key.key, "2026-12-06", &none, today()), Ok(None), "{}", key.key);
        }
    }

    #[test]
    fn the_approval_is_not_before_the_application_and_the_start_not_before_the_approval() {
        let applied = answers(&[(keys::APPLIED_ON, "2026-11-10")]);
        let err = check_date_answer("app_apply", "approved_on", "2026-11-09", &applied, today()).expect_err("order");
        assert_eq!(
            err,
            "審査が終わり、アプリが使えるようになった日(令和8年11月9日 (2026-11-09))が、「利用開始申請をした日」(令和8年11月10日 (2026-11-10))より前になっています"
        );
        let approved = answers(&[(keys::APPLIED_ON, "2026-11-10"), (keys::APPROVED_ON, "2026-11-20")]);
        let err = check_date_answer("start_date", "start_date", "2026-11-01", &approved, today()).expect_err("early");
        assert!(err.contains("手順2の「審査が終わり、アプリが使えるようになった日」(令和8年11月20日"), "{err}");
        // Changing the earlier day after the later one is checked the other way round.
        let started = approved.with(keys::START_DATE, "2026-11-25");
        let err = check_date_answer("app_apply", "approved_on", "2026-11-30", &started, today()).expect_err("late");
        assert!(err.contains("手順10の「運用開始日"), "{err}");
        assert!(err.contains("より後になっています"), "{err}");
    }

    #[test]
    fn a_start_date_ahead_is_a_plan_when_saved_and_refused_when_completed() {
        let approved = answers(&[(keys::APPROVED_ON, "2026-11-20")]);
        let note = check_date_answer("start_date", "start_date", "2027-12-01", &approved, today()).expect("a plan");
        assert!(note.is_some_and(|n| n.contains("運用開始予定日(令和9年12月1日 (2027-12-01))")));
        let planned = approved.with(keys::START_DATE, "2026-12-07");
        let found = conflicts("start_date", &planned, today(), Purpose::Complete);
        assert!(found.iter().any(|(k, m)| *k == "start_date" && m.contains("まだ先です")), "{found:?}");
        let started = approved.with(keys::START_DATE, "2026-12-01");
        assert!(conflicts("start_date", &started, today(), Purpose::Complete).is_empty());
        // Without an approval day there is nothing to check the start against.
        let alone = answers(&[(keys::START_DATE, "2026-12-01")]);
        let found = conflicts("start_date", &alone, today(), Purpose::Complete);
        assert!(found.iter().any(|(_, m)| m.contains("手順2の「審査が終わり")), "{found:?}");
        assert!(conflicts("start_date", &alone, today(), Purpose::Save).is_empty(), "saving alone is fine");
    }
}
