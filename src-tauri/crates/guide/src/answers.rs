//! What staff enter in a step, checked against the step's input kinds before the store keeps it,
//! and which needed inputs are still empty (a step cannot be 完了 while one is). Pure functions of
//! the step data and the answers, so the rules are tested here and the screen only shows them.

use chrono::NaiveDate;

use crate::wizard::{InputKind, InputNeed, Route, StepInput, wizard_step};

/// An answer as the store keeps it: a date as `YYYY-MM-DD`, はい/いいえ as `yes`/`no`, a choice
/// by its value, a confirmation as `yes`; empty removes the answer. A 登録記号番号 and free text
/// are returned trimmed: their own checks (the clinic profile's, the store's) come after.
/// The error is the Japanese message shown beside the field.
pub fn check_answer(input: &StepInput, raw: &str) -> Result<String, String> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    match input.kind {
        InputKind::Date => NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map(|d| d.format("%Y-%m-%d").to_string())
            .map_err(|_| format!("{}は日付で入力してください(例: 令和8年11月29日、2026/11/29)", input.label)),
        InputKind::YesNo { .. } => match value {
            "yes" | "no" => Ok(value.to_string()),
            _ => Err(format!("{}は「はい」か「いいえ」を選んでください", input.label)),
        },
        InputKind::Choice { options } => options
            .iter()
            .find(|o| o.value == value)
            .map(|o| o.value.to_string())
            .ok_or_else(|| format!("{}は一覧から選んでください", input.label)),
        InputKind::Confirm => match value {
            "yes" => Ok(value.to_string()),
            _ => Err(format!("「{}」はチェックを入れるか外すかで答えてください", input.label)),
        },
        InputKind::Text | InputKind::RegNo => Ok(value.to_string()),
    }
}

/// The input `key` of step `step_id`, if the step asks for it (on any route).
pub fn step_input(step_id: &str, key: &str) -> Option<&'static StepInput> {
    wizard_step(step_id)?.inputs.iter().find(|i| i.key == key)
}

/// What a step still needs before it can be 完了, each with its message, in the step's order: its
/// needed inputs still empty on the route, then rows under the step's minimum (`rows` is how many
/// it has: the terminal accounts of step 7). `answer` gives the stored answer of a key (empty when
/// none). An input asked only on the other route is not needed; of a `OneOf` group one answer is
/// enough.
pub fn missing_answers(
    step_id: &str,
    route: Option<Route>,
    answer: &dyn Fn(&str) -> String,
    rows: u32,
) -> Vec<(&'static str, String)> {
    let Some(step) = wizard_step(step_id) else { return Vec::new() };
    let asked = |i: &&StepInput| i.only.is_none() || i.only == route;
    let mut missing = Vec::new();
    for input in step.inputs.iter().filter(asked) {
        if !answer(input.key).is_empty() {
            continue;
        }
        let needed = match input.need {
            InputNeed::Required => true,
            InputNeed::Optional => false,
            InputNeed::When { key, value } => answer(key) == value,
            InputNeed::OneOf { group } => !step.inputs.iter().filter(asked).any(|other| {
                matches!(other.need, InputNeed::OneOf { group: g } if g == group) && !answer(other.key).is_empty()
            }),
        };
        if needed {
            let message = match input.kind {
                InputKind::Confirm => format!("「{}」を確かめたら、チェックを入れてください", input.label),
                InputKind::YesNo { .. } | InputKind::Choice { .. } => format!("{}を選んでください", input.label),
                _ => format!("{}を入力してください", input.label),
            };
            missing.push((input.key, message));
        }
    }
    if let Some(group) = step.rows.filter(|g| rows < g.min_rows) {
        missing.push((group.key, format!("{}を{}つ以上登録してください", group.row_label, group.min_rows)));
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(step: &str, key: &str) -> &'static StepInput {
        step_input(step, key).unwrap_or_else(|| panic!("{step}/{key} is an input"))
    }

    #[test]
    fn answers_are_checked_by_their_kind() {
        let cases: &[(&str, &str, &str, Result<&str, &str>)] = &[
            ("portal_user", "registered_on", "2026-11-20", Ok("2026-11-20")),
            ("portal_user", "registered_on", " 2026-11-20 ", Ok("2026-11-20")),
            ("portal_user", "registered_on", "2026-02-30", Err("日付で入力してください")),
            ("portal_user", "registered_on", "令和8年", Err("日付で入力してください")),
            ("portal_user", "registered_on", "", Ok("")),
            ("standing", "exemption_declared", "yes", Ok("yes")),
            ("standing", "exemption_declared", "はい", Err("「はい」か「いいえ」")),
            ("standing", "exemption_reason", "closing", Ok("closing")),
            ("standing", "exemption_reason", "bankrupt", Err("一覧から選んで")),
            ("portal_user", "confirmation_mail", "yes", Ok("yes")),
            ("portal_user", "confirmation_mail", "no", Err("チェック")),
            ("standing", "exemption_note", "  院長が入院中 ", Ok("院長が入院中")),
        ];
        for (step, key, raw, want) in cases {
            let got = check_answer(input(step, key), raw);
            match (want, &got) {
                (Ok(w), Ok(g)) => assert_eq!(g, w, "{step}/{key} {raw:?}"),
                (Err(w), Err(g)) => assert!(g.contains(w), "{step}/{key} {raw:?}: {g}"),
                _ => panic!("{step}/{key} {raw:?}: {got:?}"),
            }
        }
    }

    #[test]
    fn missing_answers_follow_need_route_and_groups() {
        let none = |_: &str| String::new();
        let keys = |m: Vec<(&'static str, String)>| m.into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        // Nothing answered: every required input, one message per OneOf group member.
        let missing = keys(missing_answers("portal_user", None, &none, 0));
        assert!(missing.contains(&"registered_on") && missing.contains(&"confirmation_mail"), "{missing:?}");
        assert!(missing.contains(&"reg_no_judo") && missing.contains(&"reg_no_ahaki"), "{missing:?}");
        // One 登録記号番号 is enough.
        let judo = |k: &str| if k == "reg_no_judo" { "契1234567-0-0".to_string() } else { String::new() };
        let missing = keys(missing_answers("portal_user", None, &judo, 0));
        assert!(!missing.contains(&"reg_no_ahaki"), "{missing:?}");
        // The exemption's date and reason are needed only after はい.
        let no = |k: &str| if k == "exemption_declared" { "no".to_string() } else { String::new() };
        assert!(!keys(missing_answers("standing", None, &no, 0)).contains(&"exemption_declared_on"));
        let yes = |k: &str| if k == "exemption_declared" { "yes".to_string() } else { String::new() };
        let missing = keys(missing_answers("standing", None, &yes, 0));
        assert!(missing.contains(&"exemption_declared_on") && missing.contains(&"exemption_reason"), "{missing:?}");
        assert!(missing_answers("no_such_step", None, &none, 0).is_empty());
    }

    #[test]
    fn the_terminal_step_needs_its_minimum_of_rows() {
        let step = crate::wizard::WIZARD.iter().find(|s| s.rows.is_some()).expect("a step with rows");
        let group = step.rows.expect("rows");
        let full = |_: &str| "yes".to_string();
        let short = missing_answers(step.id, None, &full, group.min_rows - 1);
        assert!(short.iter().any(|(k, m)| *k == group.key && m.contains("つ以上登録してください")), "{short:?}");
        assert!(!missing_answers(step.id, None, &full, group.min_rows).iter().any(|(k, _)| *k == group.key));
    }

    #[test]
    fn every_step_can_be_completed_with_every_input_answered() {
        for step in crate::wizard::WIZARD.iter() {
            let full = |k: &str| {
                let i = step.inputs.iter().find(|i| i.key == k);
                match i.map(|i| i.kind) {
                    Some(InputKind::YesNo { .. }) | Some(InputKind::Confirm) => "yes".to_string(),
                    Some(InputKind::Choice { options }) => options[0].value.to_string(),
                    _ => "x".to_string(),
                }
            };
            for route in [None, Some(Route::WindowsPc), Some(Route::Mobile)] {
                assert!(missing_answers(step.id, route, &full, 9).is_empty(), "{} {route:?}", step.id);
            }
        }
    }
}
