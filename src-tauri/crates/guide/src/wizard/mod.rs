//! The 導入ガイド wizard as data: steps 0–10 in the order a clinic goes through them, what staff
//! do, what they have ready, the facts with their sources, the official documents, and the inputs
//! each step records. The functions here are pure: the route and the stored states are passed in.
//!
//! Ids are stored as progress and never change once released. The ids of the first guide
//! (released before the wizard) are reused where the step means the same: `portal_user`, `app_apply`,
//! `connection`, `pc_check`, `card_reader`, `app_setup`, `test_read`, `start_date`.
//! `go_live` (業務スタート) is folded into `start_date` ([`FOLDED_IDS`]): the seed's ステップ.5
//! (運用開始日登録) and ステップ.6 (業務スタート) happen on the same day, so step 10 records the date,
//! its registration on the portal, and then confirms 業務スタート (its input is keyed `go_live`).
//! A clinic that ticked both old steps has step 10 done (the wizard's migration in `store`).
//!
//! Routes ([`Route`]): a clinic connects with a Windows PC or with a smartphone/tablet. Only the
//! PC check (step 4) is 対象外 for a phone or tablet. The card reader step (6) applies to both
//! routes with different content: the seed's Q3 says NFC smartphones (iPhone, Pixel 6 and later,
//! …) read the card alone while some listed models (Galaxy …) need a Bluetooth reader, and the
//! notes on the official app say an iPad needs a Bluetooth reader. So on a phone or tablet the
//! step is "decide how the card is read" (NFC alone, or which Bluetooth reader), never 対象外:
//! marking it 対象外 would hide the reader a Galaxy or an iPad clinic must buy. Content for one
//! route only carries `only: Some(route)`; [`step_view`] filters it.
//!
//! Invariant: no text states a program rule (助成金, 協力金, amounts); a
//! step names a related program id instead (which `programs`' tests check exist).
//!
//! Split by what it holds: [`model`] (the types of a step), `data` ([`WIZARD`]: the steps
//! themselves, with their sources) and `progress` (what applies on a route, a step's state and
//! status, the progress and where to resume, a step as shown).

mod data;
pub mod model;
mod progress;

pub use data::WIZARD;
pub use model::*;
pub use progress::*;

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use chrono::{DateTime, Utc};

    use super::*;
    use crate::knowledge::BUNDLED;
    use crate::source::links;

    fn at(hour: u32) -> Option<DateTime<Utc>> {
        Utc.with_ymd_and_hms(2026, 11, 29, hour, 0, 0).single()
    }

    fn rec(id: &str, state: StepState, touched: Option<DateTime<Utc>>) -> StepRecord {
        StepRecord { id: id.to_string(), state, touched_at: touched }
    }

    fn done(ids: &[&str]) -> Vec<StepRecord> {
        ids.iter().map(|id| rec(id, StepState::Done, None)).collect()
    }

    fn every_text(step: &WizardStep) -> Vec<&'static str> {
        let mut texts = vec![step.title];
        texts.extend(step.mobile_title);
        texts.extend(step.what_to_do.iter().chain(step.have_ready).map(|t| t.text));
        texts.extend(step.notes.iter().map(|n| n.text));
        let inputs = step.inputs.iter().chain(step.rows.iter().flat_map(|r| r.columns));
        for i in inputs {
            texts.extend([Some(i.label), i.help, i.placeholder].into_iter().flatten());
            match i.kind {
                InputKind::YesNo { if_yes, if_no, .. } => texts.extend([if_yes, if_no].into_iter().flatten()),
                InputKind::Choice { options } => texts.extend(options.iter().map(|o| o.label)),
                _ => {}
            }
        }
        texts.extend(step.skip.iter().map(|s| s.reason));
        texts
    }

    #[test]
    fn steps_are_numbered_in_order_with_unique_ids() {
        for (i, s) in WIZARD.iter().enumerate() {
            assert_eq!(usize::from(s.number), i, "{}", s.id);
            assert_eq!(wizard_step(s.id), Some(s));
            assert!(WIZARD[i + 1..].iter().all(|t| t.id != s.id), "duplicate id {}", s.id);
        }
        assert_eq!(wizard_step("go_live"), None, "folded into start_date");
        assert!(title_for_log("go_live").is_some_and(|t| t.contains("運用開始日")), "older audit rows keep a title");
        assert_eq!(title_for_log("portal_user"), wizard_step("portal_user").map(|s| s.title));
    }

    /// Stored progress must keep its meaning: every id of the first guide is a wizard step or
    /// folded into one.
    #[test]
    fn old_stored_ids_are_still_present_or_folded() {
        let first_guide = [
            "portal_user",
            "app_apply",
            "connection",
            "pc_check",
            "card_reader",
            "app_setup",
            "test_read",
            "start_date",
            "go_live",
        ];
        for old in first_guide {
            let folded = FOLDED_IDS.iter().find(|(o, _)| *o == old).map(|(_, into)| *into);
            let id = folded.unwrap_or(old);
            assert!(wizard_step(id).is_some(), "stored id {old} has no wizard step");
        }
        for (old, into) in FOLDED_IDS {
            assert!(wizard_step(old).is_none() && wizard_step(into).is_some());
            let confirm = wizard_step(into).and_then(|s| s.inputs.iter().find(|i| i.key == old));
            assert_eq!(confirm.map(|i| i.kind), Some(InputKind::Confirm), "{old} is confirmed in {into}");
        }
    }

    #[test]
    fn route_decides_which_steps_apply() {
        let not_on_mobile = ["pc_check"];
        for step in &WIZARD {
            for route in [None, Some(Route::WindowsPc)] {
                assert_eq!(applies(step.id, route), Applicability::Applies, "{} on {route:?}", step.id);
            }
            let on_mobile = applies(step.id, Some(Route::Mobile));
            assert_eq!(!on_mobile.is_applicable(), not_on_mobile.contains(&step.id), "{} on a phone", step.id);
        }
        assert_eq!(
            applies("pc_check", Some(Route::Mobile)),
            Applicability::NotApplicable {
                reason: "スマートフォン・タブレットで接続するため、パソコンの確認はいりません。"
            }
        );
        assert!(!applies("go_live", None).is_applicable());
        assert!(!applies("nope", Some(Route::WindowsPc)).is_applicable());
    }

    /// A phone clinic still decides how the card is read: NFC alone, or a Bluetooth reader.
    #[test]
    fn the_reader_step_changes_content_on_a_phone() {
        let keys = |route| -> Vec<&str> {
            step_view("card_reader", Some(route), &BUNDLED)
                .map(|v| v.inputs.iter().map(|i| i.key).collect())
                .unwrap_or_default()
        };
        assert_eq!(keys(Route::WindowsPc), ["reader_model", "reader_connection", "reader_on_list"]);
        assert_eq!(keys(Route::Mobile), ["reader_on_list", "mobile_reading", "bt_reader_model"]);
        let phone = step_view("card_reader", Some(Route::Mobile), &BUNDLED).expect("step");
        assert!(phone.applicability.is_applicable());
        assert!(phone.helpers.is_empty(), "the PC's reader check is no help for a phone");
        assert!(phone.documents.iter().any(|d| d.link.id == links::NFC_PHONES));
        let before = step_view("card_reader", None, &BUNDLED).expect("step");
        assert_eq!(before.inputs.len(), 5, "before the route is chosen, both ways are shown");
        assert_eq!(step_view("nope", None, &BUNDLED), None);
    }

    #[test]
    fn progress_counts_only_applicable_steps() {
        let first_six = ["standing", "portal_user", "app_apply", "connection", "pc_check", "internet"];
        /// Route, records, then the expected done, applicable and current step.
        type Case = (Option<Route>, Vec<StepRecord>, u32, u32, Option<&'static str>);
        let cases: [Case; 6] = [
            (None, vec![], 0, 11, Some("standing")),
            (Some(Route::WindowsPc), done(&first_six), 6, 11, Some("card_reader")),
            (Some(Route::Mobile), done(&first_six), 5, 10, Some("card_reader")),
            (
                Some(Route::Mobile),
                done(&["standing", "portal_user", "connection", "retired"]),
                3,
                10,
                Some("app_apply"),
            ),
            (
                Some(Route::WindowsPc),
                vec![rec("standing", StepState::Done, None), rec("portal_user", StepState::InProgress, None)],
                1,
                11,
                Some("portal_user"),
            ),
            (
                Some(Route::Mobile),
                done(&WIZARD.iter().map(|s| s.id).filter(|id| *id != "pc_check").collect::<Vec<_>>()),
                10,
                10,
                None,
            ),
        ];
        for (route, records, d, a, current) in cases {
            let p = wizard_progress(route, &records);
            assert_eq!((p.done, p.applicable, p.current_step), (d, a, current), "{route:?} {records:?}");
        }
    }

    #[test]
    fn status_labels_include_not_applicable() {
        let records = done(&["pc_check"]);
        assert_eq!(step_status("pc_check", Some(Route::Mobile), &records).label(), "対象外");
        assert_eq!(step_status("pc_check", Some(Route::WindowsPc), &records).label(), "完了");
        assert_eq!(step_status("internet", Some(Route::WindowsPc), &records).label(), "未着手");
        let waiting = [rec("app_apply", StepState::InProgress, at(9))];
        assert_eq!(step_status("app_apply", None, &waiting).label(), "進行中");
    }

    #[test]
    fn resume_where_staff_left_off() {
        use StepState::{Done, InProgress};
        let pc = Some(Route::WindowsPc);
        let phone = Some(Route::Mobile);
        /// Name, route, records, then the expected step.
        type Case = (&'static str, Option<Route>, Vec<StepRecord>, Option<&'static str>);
        let cases: [Case; 9] = [
            ("new clinic", None, vec![], Some("standing")),
            (
                "first guide's progress, no times",
                pc,
                done(&["standing", "portal_user", "connection"]),
                Some("app_apply"),
            ),
            (
                "waiting for the 審査 while buying a reader",
                pc,
                vec![
                    rec("standing", Done, at(8)),
                    rec("portal_user", Done, at(9)),
                    rec("app_apply", InProgress, at(10)),
                    rec("connection", Done, at(11)),
                    rec("card_reader", InProgress, at(12)),
                ],
                Some("card_reader"),
            ),
            (
                "finished a step: the next one not done after it",
                pc,
                vec![rec("app_apply", InProgress, at(10)), rec("connection", Done, at(11))],
                Some("pc_check"),
            ),
            (
                "a phone skips the PC check",
                phone,
                vec![rec("app_apply", InProgress, at(10)), rec("connection", Done, at(11))],
                Some("internet"),
            ),
            (
                "last touched is 対象外 on the route: ignored",
                phone,
                vec![rec("connection", Done, at(9)), rec("pc_check", InProgress, at(12))],
                Some("internet"),
            ),
            (
                "everything after the last touched is done: back to a skipped one",
                pc,
                WIZARD
                    .iter()
                    .filter(|s| s.id != "app_apply")
                    .map(|s| rec(s.id, Done, if s.id == "test_read" { at(12) } else { at(8) }))
                    .collect(),
                Some("app_apply"),
            ),
            ("all done", phone, WIZARD.iter().map(|s| rec(s.id, Done, at(8))).collect(), None),
            (
                "a later record of the same step wins",
                pc,
                vec![rec("standing", InProgress, at(8)), rec("standing", Done, at(9))],
                Some("portal_user"),
            ),
        ];
        for (name, route, records, expected) in cases {
            assert_eq!(resume_step(route, &records).map(|s| s.id), expected, "{name}");
        }
    }

    /// A step stored 完了 whose answers say the clinic is not ready (no internet), or whose date
    /// now disagrees, counts as 進行中: the progress never says everything is done.
    #[test]
    fn a_done_step_with_a_blocker_counts_as_in_progress() {
        use crate::answers::Answers;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
        let answers = |list: &[(&str, &str, &str)]| {
            Answers::new(list.iter().map(|(s, k, v)| (s.to_string(), k.to_string(), v.to_string())))
        };
        let all_done: Vec<StepRecord> = WIZARD.iter().map(|s| rec(s.id, StepState::Done, at(8))).collect();
        let offline = answers(&[("connection", "route", "mobile"), ("connection", "has_internet", "no")]);
        let effective = effective_records(&all_done, &offline, 1, today);
        let progress = wizard_progress(Some(Route::Mobile), &effective);
        assert_eq!(progress.current_step, Some("standing"), "other steps lack their answers too");
        assert_eq!(step_status("connection", Some(Route::Mobile), &effective), StepStatus::InProgress);
        // With every other step answered, only the one that says いいえ is left.
        let full: Vec<StepRecord> = vec![rec("connection", StepState::Done, at(8))];
        let effective = effective_records(&full, &offline, 1, today);
        assert_eq!(effective[0].state, StepState::InProgress);
        let online = answers(&[("connection", "route", "mobile"), ("connection", "has_internet", "yes")]);
        assert_eq!(effective_records(&full, &online, 1, today)[0].state, StepState::Done);
        // A step 対象外 on the route is never downgraded (its answers are not asked).
        let pc = vec![rec("pc_check", StepState::Done, at(8))];
        assert_eq!(effective_records(&pc, &online, 1, today)[0].state, StepState::Done);
    }

    /// Inputs are stored by key: keys are unique in a step, and a conditional need points at an
    /// answer its step can give.
    #[test]
    fn input_keys_are_unique_and_conditions_resolve() {
        for step in &WIZARD {
            let all: Vec<&StepInput> = step.inputs.iter().chain(step.rows.iter().flat_map(|r| r.columns)).collect();
            for (i, a) in all.iter().enumerate() {
                assert!(all[i + 1..].iter().all(|b| b.key != a.key), "{}: duplicate key {}", step.id, a.key);
                if let InputKind::Choice { options } = a.kind {
                    assert!(options.len() >= 2, "{}.{}", step.id, a.key);
                }
                match a.need {
                    InputNeed::When { key, value } => {
                        let cond = all.iter().find(|b| b.key == key).map(|b| b.kind);
                        let ok = match cond {
                            Some(InputKind::YesNo { .. }) => ["yes", "no"].contains(&value),
                            Some(InputKind::Choice { options }) => options.iter().any(|o| o.value == value),
                            _ => false,
                        };
                        assert!(ok, "{}.{} depends on {key}={value}", step.id, a.key);
                    }
                    InputNeed::OneOf { group } => {
                        let n = all.iter().filter(|b| b.need == InputNeed::OneOf { group }).count();
                        assert!(n >= 2, "{}: group {group} has one input", step.id);
                    }
                    InputNeed::Required | InputNeed::Optional => {}
                }
            }
            assert!(!all.is_empty(), "{} records nothing", step.id);
        }
    }

    /// Step 3 stores the route by the same value the Route enum serialises to.
    #[test]
    fn route_choice_values_are_the_route_tags() {
        let choice = wizard_step("connection").and_then(|s| s.inputs.iter().find(|i| i.key == "route"));
        let Some(InputKind::Choice { options }) = choice.map(|i| i.kind) else { panic!("no route choice") };
        let values: Vec<&str> = options.iter().map(|o| o.value).collect();
        assert_eq!(values, Route::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>());
        for &route in Route::ALL {
            assert_eq!(serde_json::to_value(route).ok(), Some(serde_json::json!(route.as_str())));
            assert_eq!(Route::from_text(route.as_str()), Some(route));
        }
        assert_eq!(Route::from_text("fax"), None);
    }

    /// The invariant of the crate: programs close and change, a step's text would not.
    #[test]
    fn no_step_text_states_a_program_rule() {
        for step in &WIZARD {
            for text in every_text(step) {
                for word in ["助成", "補助", "協力金", "万円", "円"] {
                    assert!(!text.contains(word), "step {} mentions {word}: {text}", step.id);
                }
            }
        }
    }

    /// Nothing secret is ever asked for, and オン資ナビ's card pre-check is never worded as a proof.
    #[test]
    fn no_password_and_no_eligibility_claim() {
        for step in &WIZARD {
            let inputs = step.inputs.iter().chain(step.rows.iter().flat_map(|r| r.columns));
            for i in inputs {
                let key = i.key.to_lowercase();
                assert!(!["password", "pin", "passcode"].iter().any(|w| key.contains(w)), "{}.{}", step.id, i.key);
                assert!(!i.label.contains("パスワード") && !i.label.contains("暗証番号"), "{}.{}", step.id, i.key);
            }
            for text in every_text(step) {
                for claim in ["資格があ", "資格が確認でき", "有効な資格", "資格確認済"] {
                    assert!(!text.contains(claim), "{}: {text}", step.id);
                }
            }
        }
        let pre_check = wizard_step("test_read").map(|s| s.helpers.iter().map(|h| h.helper).collect::<Vec<_>>());
        assert_eq!(pre_check, Some(vec![Helper::CardPreCheck]));
    }

    /// Every fact has a source with an as-of date; every document an https address.
    #[test]
    fn every_fact_and_document_is_sourced() {
        for step in &WIZARD {
            let sources = step.notes.iter().map(|n| n.source.clone()).chain([step.source.clone()]);
            for s in sources {
                assert!(!s.title.is_empty() && !s.r#where.is_empty(), "{}", step.id);
                assert!(
                    [crate::source::NOTES_AS_OF, crate::source::STOP_MONTH_AS_OF].contains(&s.as_of),
                    "{}",
                    step.id
                );
            }
            for d in step.documents {
                let link = BUNDLED.link(d.link).unwrap_or_else(|| panic!("{}: no link {}", step.id, d.link));
                assert!(link.url.starts_with("https://"), "{}: {}", step.id, link.url);
                assert!(!link.verified, "{}: links.md opened none", step.id);
            }
            assert!(!step.what_to_do.is_empty(), "{}", step.id);
        }
    }

    #[test]
    fn serialises_camel_case_fields_and_snake_case_tags() {
        let view = step_view("standing", Some(Route::Mobile), &BUNDLED).expect("step");
        let json = serde_json::to_value(&view).expect("serialises");
        assert_eq!(json["applicability"], serde_json::json!({"kind": "applies"}));
        assert_eq!(json["inputs"][1]["kind"]["kind"], "yes_no");
        assert!(json["inputs"][1]["kind"]["ifYes"].is_string());
        assert_eq!(
            json["inputs"][2]["need"],
            serde_json::json!({"kind": "when", "key": "exemption_declared", "value": "yes"})
        );
        assert_eq!(json["source"]["where"], "zenseikyo.net(全整協)");
        assert_eq!(json["source"]["asOf"], "2026-11-24");
        assert_eq!(json["helpers"][0]["helper"], "timeline");
        let skipped = serde_json::to_value(applies("pc_check", Some(Route::Mobile))).expect("serialises");
        assert_eq!(skipped["kind"], "not_applicable");
    }
}
