//! Records what Rust returns for the UI's fakes (`ui/src/lib/testing/recorded/`): the timeline in
//! each stage of adoption, and the check methods offered on the recording day. The component
//! tests replay these instead of a TypeScript copy of the rule. The files are checked fresh like
//! `bindings.ts`; `UPDATE_RECORDED=1 cargo test -p guide --test recorded` rewrites them.

use chrono::NaiveDate;
use guide::{Answers, Key, keys, position, standing};

/// The day the scenarios are recorded on: the stop month.
const TODAY: (i32, u32, u32) = (2026, 12, 6);

fn answers(list: &[(Key, &str)]) -> Answers {
    Answers::new(list.iter().map(|(k, v)| (k.step.to_string(), k.key.to_string(), v.to_string())))
}

#[test]
fn recorded_timelines_are_fresh() {
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("date");
    let go_live = Key { step: "start_date", key: "go_live" };
    let applied = [(keys::REGISTERED_ON, "2026-11-01"), (keys::APPLIED_ON, "2026-11-10")];
    let approved = [applied.as_slice(), &[(keys::APPROVED_ON, "2026-11-20")]].concat();
    let started =
        [approved.as_slice(), &[(keys::START_DATE, "2026-12-01"), (keys::START_ON_PORTAL, "yes"), (go_live, "yes")]]
            .concat();
    let scenarios: Vec<(&str, Answers, bool)> = vec![
        ("not_applied", Answers::default(), false),
        ("applied", answers(&applied), false),
        ("approved", answers(&approved), false),
        ("start_planned", answers(&[approved.as_slice(), &[(keys::START_DATE, "2027-12-01")]].concat()), false),
        ("start_typed_not_done", answers(&[approved.as_slice(), &[(keys::START_DATE, "2026-12-01")]].concat()), false),
        ("started", answers(&started), true),
        (
            "exempt",
            answers(&[
                (keys::EXEMPTION_DECLARED, "yes"),
                (keys::EXEMPTION_ON, "2025-10-01"),
                (keys::EXEMPTION_REASON, "closing"),
            ]),
            false,
        ),
    ];
    let mut out = serde_json::Map::new();
    for (name, answers, done) in scenarios {
        let view = position(today, &standing(&answers, done, today), &guide::BUNDLED);
        out.insert(name.to_string(), serde_json::to_value(view).expect("serialises"));
    }
    fresh("timeline.json", &serde_json::Value::Object(out));
}

#[test]
fn recorded_methods_are_fresh() {
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("date");
    fresh("methods.json", &serde_json::to_value(guide::BUNDLED.methods_on(today)).expect("serialises"));
}

/// Writes the file with `UPDATE_RECORDED`, else fails when it differs from what Rust returns.
fn fresh(name: &str, value: &serde_json::Value) {
    let text = serde_json::to_string_pretty(value).expect("json") + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/lib/testing/recorded").join(name);
    if std::env::var_os("UPDATE_RECORDED").is_some() {
        std::fs::write(&path, &text).expect("write the recorded file");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is stale: run UPDATE_RECORDED=1 cargo test -p guide --test recorded",
        path.display()
    );
}
