//! What staff enter in a step, checked against the step's input kinds before the store keeps it,
//! and which needed inputs are still empty (a step cannot be 完了 while one is). Pure functions of
//! the step data and the answers, so the rules are tested here and the screen only shows them.

use chrono::NaiveDate;

use crate::wizard::{InputKind, InputNeed, Practice, Route, StepInput, wizard_step};

/// Where one answer lives: a step and one of its inputs. The wizard's answers are read through
/// these, never by spelling a step id where a rule needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The step id
    pub step: &'static str,
    /// The input's key in that step
    pub key: &'static str,
}

/// The answers rules read, by name.
pub mod keys {
    use super::Key;

    const fn key(step: &'static str, key: &'static str) -> Key {
        Key { step, key }
    }

    /// Step 0: an やむを得ない事由 was declared (`yes` / `no`).
    pub const EXEMPTION_DECLARED: Key = key("standing", "exemption_declared");
    /// Step 0: the day it was declared.
    pub const EXEMPTION_ON: Key = key("standing", "exemption_declared_on");
    /// Step 0: which 事由.
    pub const EXEMPTION_REASON: Key = key("standing", "exemption_reason");
    /// Step 1: the 登録記号番号 (柔整).
    pub const REG_NO_JUDO: Key = key("portal_user", "reg_no_judo");
    /// Step 1: the 登録記号番号 (あはき).
    pub const REG_NO_AHAKI: Key = key("portal_user", "reg_no_ahaki");
    /// Step 1: the day the portal's user registration was requested.
    pub const REGISTERED_ON: Key = key("portal_user", "registered_on");
    /// Step 2: the day the 利用開始申請 was made.
    pub const APPLIED_ON: Key = key("app_apply", "applied_on");
    /// Step 2: the day the 審査 ended and the app could be used.
    pub const APPROVED_ON: Key = key("app_apply", "approved_on");
    /// Step 3: the route (`windows_pc` / `mobile`).
    pub const ROUTE: Key = key("connection", "route");
    /// Step 3: the phone or tablet's model, on the smartphone・tablet route.
    pub const DEVICE_MODEL: Key = key("connection", "device_model");
    /// Step 9: the day the test read was done.
    pub const TESTED_ON: Key = key("test_read", "tested_on");
    /// Step 10: the 運用開始日.
    pub const START_DATE: Key = key("start_date", "start_date");
    /// Step 10: staff ticked that the same day was registered on the portal.
    pub const START_ON_PORTAL: Key = key("start_date", "registered_on_portal");
}

/// Every answer staff gave in the wizard, as the store keeps them (`step`, `key`, `value`), with
/// typed accessors, so that a rule reads `route()` or `start_date()` and never compares strings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    values: Vec<(String, String, String)>,
    /// The practices the clinic is registered for (from 設定); empty when not known yet
    practices: Vec<Practice>,
}

/// What the card is read with at the counter, from the route (see [`Answers::reads_with`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReadsWith {
    /// A card reader on the PC (the Windows route, and before a route is chosen)
    #[default]
    CardReader,
    /// A smartphone
    Smartphone,
    /// A tablet
    Tablet,
}

/// A declared やむを得ない事由 as recorded in step 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exemption {
    /// The day it was declared
    pub declared_on: NaiveDate,
    /// The option chosen (`age_or_visual`, …), when recorded
    pub reason: Option<&'static str>,
}

impl Answers {
    /// The answers from the store's rows.
    pub fn new(values: impl IntoIterator<Item = (String, String, String)>) -> Answers {
        Answers { values: values.into_iter().collect(), practices: Vec::new() }
    }

    /// The same answers for a clinic registered for `practices` (設定's 種別): only their
    /// 登録記号番号 are asked, and a number kept in 設定 stands for an answer not given in the
    /// guide (`numbers`: the number of each practice, empty when 設定 has none).
    pub fn for_clinic(mut self, practices: &[Practice], numbers: &[(Practice, String)]) -> Answers {
        self.practices = practices.to_vec();
        for (practice, number) in numbers {
            let key = match practice {
                Practice::Judo => keys::REG_NO_JUDO,
                Practice::Ahaki => keys::REG_NO_AHAKI,
            };
            if !number.is_empty() && self.get(key).is_empty() && self.practices.contains(practice) {
                self.values.push((key.step.to_string(), key.key.to_string(), number.clone()));
            }
        }
        self
    }

    /// Whether `input` is asked of this clinic: on its route (every route before one is chosen),
    /// and a 登録記号番号 only for a practice the clinic is registered for (both before 設定 says).
    pub fn asks(&self, input: &StepInput) -> bool {
        let route = self.route();
        let on_route = match (route, input.only) {
            (Some(r), Some(o)) => r == o,
            _ => true,
        };
        let practice = match input.kind {
            InputKind::RegNo { practice } => self.practices.is_empty() || self.practices.contains(&practice),
            _ => true,
        };
        on_route && practice
    }

    /// The same answers with `key` set to `value` (empty removes it): what the answers would be
    /// after a save, to check it against the others before anything is written.
    pub fn with(&self, key: Key, value: &str) -> Answers {
        let mut values: Vec<_> =
            self.values.iter().filter(|(s, k, _)| !(s == key.step && k == key.key)).cloned().collect();
        if !value.is_empty() {
            values.push((key.step.to_string(), key.key.to_string(), value.to_string()));
        }
        Answers { values, practices: self.practices.clone() }
    }

    /// The stored answer (empty when none).
    pub fn get(&self, key: Key) -> &str {
        self.get_in(key.step, key.key)
    }

    /// The stored answer of `key` in step `step` (empty when none).
    pub fn get_in(&self, step: &str, key: &str) -> &str {
        self.values.iter().find(|(s, k, _)| s == step && k == key).map_or("", |(_, _, v)| v.as_str())
    }

    /// Every answer of one step, `(key, value)`.
    pub fn of_step<'a>(&'a self, step: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.values.iter().filter(move |(s, _, _)| s == step).map(|(_, k, v)| (k.as_str(), v.as_str()))
    }

    /// A stored date (`YYYY-MM-DD`).
    pub fn date(&self, key: Key) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(self.get(key), "%Y-%m-%d").ok()
    }

    /// A はい / いいえ answered はい.
    pub fn is_yes(&self, key: Key) -> bool {
        self.get(key) == "yes"
    }

    /// The route chosen in step 3.
    pub fn route(&self) -> Option<Route> {
        Route::from_text(self.get(keys::ROUTE))
    }

    /// What the patient sees the card read with: a card reader on the Windows route (and before
    /// a route is chosen), else a tablet when the device typed in step 3 is one (iPad, タブレット,
    /// Tab), a smartphone otherwise.
    pub fn reads_with(&self) -> ReadsWith {
        match self.route() {
            Some(Route::Mobile) => {
                let device = jptext::search_key(self.get(keys::DEVICE_MODEL));
                let tablet = ["IPAD", "タブレット", "TAB"].iter().any(|w| device.contains(w));
                if tablet { ReadsWith::Tablet } else { ReadsWith::Smartphone }
            }
            _ => ReadsWith::CardReader,
        }
    }

    /// The day of the 利用開始申請 (step 2).
    pub fn applied_on(&self) -> Option<NaiveDate> {
        self.date(keys::APPLIED_ON)
    }

    /// The day the 審査 ended (step 2).
    pub fn approved_on(&self) -> Option<NaiveDate> {
        self.date(keys::APPROVED_ON)
    }

    /// The 運用開始日 as typed in step 10: a plan or a fact, see [`crate::standing`].
    pub fn start_date(&self) -> Option<NaiveDate> {
        self.date(keys::START_DATE)
    }

    /// The やむを得ない事由, when step 0 says one was declared and gives its day.
    pub fn exemption(&self) -> Option<Exemption> {
        if !self.is_yes(keys::EXEMPTION_DECLARED) {
            return None;
        }
        let reason = step_input(keys::EXEMPTION_REASON.step, keys::EXEMPTION_REASON.key).and_then(|i| match i.kind {
            InputKind::Choice { options } => {
                options.iter().find(|o| o.value == self.get(keys::EXEMPTION_REASON)).map(|o| o.value)
            }
            _ => None,
        });
        self.date(keys::EXEMPTION_ON).map(|declared_on| Exemption { declared_on, reason })
    }
}

/// An answer as the store keeps it: a date as `YYYY-MM-DD` (read as staff type it: 和暦, `/`, 全角
/// digits, by [`jptext::parse_date`]), はい/いいえ as `yes`/`no`, a choice
/// by its value, a confirmation as `yes`; empty removes the answer. A 登録記号番号 and free text
/// are returned trimmed: their own checks (the clinic profile's, the store's) come after.
/// The error is the Japanese message shown beside the field, built from the field's own wording.
pub fn check_answer(input: &StepInput, raw: &str) -> Result<String, String> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    match input.kind {
        InputKind::Date => jptext::parse_date(value)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .ok_or_else(|| format!("{}は日付で入力してください(例: 令和8年11月29日、2026/11/29)", input.label)),
        InputKind::YesNo { .. } => match value {
            "yes" | "no" => Ok(value.to_string()),
            _ => Err(format!("{}かどうかを、「はい」か「いいえ」で選んでください", input.label)),
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
        InputKind::Text | InputKind::RegNo { .. } => Ok(value.to_string()),
    }
}

/// The input `key` of step `step_id`, if the step asks for it (on any route).
pub fn step_input(step_id: &str, key: &str) -> Option<&'static StepInput> {
    wizard_step(step_id)?.inputs.iter().find(|i| i.key == key)
}

/// The message for a needed input left empty, from the input's own wording: a はい/いいえ
/// question asks 「…かどうか」, a choice names what to choose, a box asks to be ticked.
fn empty_message(input: &StepInput) -> String {
    match input.kind {
        InputKind::Confirm => format!("「{}」を確かめたら、チェックを入れてください", input.label),
        InputKind::YesNo { .. } => format!("{}かどうかを選んでください", input.label),
        InputKind::Choice { .. } => format!("{}を選んでください", input.label),
        _ => format!("{}を入力してください", input.label),
    }
}

/// What a step still needs before it can be 完了, each with its message, in the step's order: its
/// needed inputs still empty on the route, then rows under the step's minimum (`rows` is how many
/// it has: the terminal accounts of step 7). An input asked only on the other route is not
/// needed; of a `OneOf` group one answer is enough.
pub fn missing_answers(step_id: &str, answers: &Answers, rows: u32) -> Vec<(&'static str, String)> {
    let Some(step) = wizard_step(step_id) else { return Vec::new() };
    let answer = |key: &str| answers.get_in(step_id, key);
    let asked = |i: &&StepInput| answers.asks(i);
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
            missing.push((input.key, empty_message(input)));
        }
    }
    if let Some(group) = step.rows.filter(|g| rows < g.min_rows) {
        missing.push((group.key, format!("{}を{}つ以上登録してください", group.row_label, group.min_rows)));
    }
    missing
}

/// Everything that keeps a step from being 完了 today, each beside its field: the needed answers
/// still empty ([`missing_answers`]), an answer that says the clinic is not ready (a はい/いいえ
/// the step checks, answered いいえ), and a date that disagrees with the others or with today
/// ([`crate::dates`]; a 運用開始日 still ahead is a plan, not a start). A step stored 完了 with any
/// of these is shown 進行中: nothing typed later can make it look finished.
pub fn blockers(step_id: &str, answers: &Answers, rows: u32, today: NaiveDate) -> Vec<(&'static str, String)> {
    let Some(step) = wizard_step(step_id) else { return Vec::new() };
    let mut found = missing_answers(step_id, answers, rows);
    for input in step.inputs.iter().filter(|i| answers.asks(i)) {
        if let InputKind::YesNo { ready_only_if_yes: true, if_no, .. } = input.kind
            && answers.get_in(step_id, input.key) == "no"
        {
            let then = if_no.map(|t| format!(" {t}")).unwrap_or_default();
            found.push((input.key, format!("「{}」が「いいえ」のあいだは、完了にできません。{then}", input.label)));
        }
    }
    for (key, message) in crate::dates::conflicts(step_id, answers, today, crate::dates::Purpose::Complete) {
        if !found.iter().any(|(k, _)| *k == key) {
            found.push((key, message));
        }
    }
    found
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

    fn step_answers(step: &str, list: &[(&str, &str)]) -> Answers {
        Answers::new(list.iter().map(|(k, v)| (step.to_string(), k.to_string(), v.to_string())))
    }

    fn keys_of(m: Vec<(&'static str, String)>) -> Vec<&'static str> {
        m.into_iter().map(|(k, _)| k).collect()
    }

    #[test]
    fn missing_answers_follow_need_route_and_groups() {
        let none = Answers::default();
        // Nothing answered: every required input, one message per OneOf group member.
        let missing = keys_of(missing_answers("portal_user", &none, 0));
        assert!(missing.contains(&"registered_on") && missing.contains(&"confirmation_mail"), "{missing:?}");
        assert!(missing.contains(&"reg_no_judo") && missing.contains(&"reg_no_ahaki"), "{missing:?}");
        // One 登録記号番号 is enough.
        let judo = step_answers("portal_user", &[("reg_no_judo", "契1234567-0-0")]);
        assert!(!keys_of(missing_answers("portal_user", &judo, 0)).contains(&"reg_no_ahaki"));
        // The exemption's date and reason are needed only after はい.
        let no = step_answers("standing", &[("exemption_declared", "no")]);
        assert!(!keys_of(missing_answers("standing", &no, 0)).contains(&"exemption_declared_on"));
        let yes = step_answers("standing", &[("exemption_declared", "yes")]);
        let missing = keys_of(missing_answers("standing", &yes, 0));
        assert!(missing.contains(&"exemption_declared_on") && missing.contains(&"exemption_reason"), "{missing:?}");
        assert!(missing_answers("no_such_step", &none, 0).is_empty());
    }

    /// The messages read as questions built from each field's own wording.
    #[test]
    fn messages_are_built_from_the_fields_wording() {
        let none = Answers::default();
        let standing = missing_answers("standing", &step_answers("standing", &[("exemption_declared", "yes")]), 0);
        let messages: Vec<&str> = standing.iter().map(|(_, m)| m.as_str()).collect();
        assert!(messages.contains(&"申し出た理由を選んでください"), "{messages:?}");
        let standing = missing_answers("standing", &none, 0);
        assert!(
            standing.iter().any(|(_, m)| m == "やむを得ない事由を申し出ているかどうかを選んでください"),
            "{standing:?}"
        );
        let connection = missing_answers("connection", &none, 0);
        assert!(connection.iter().any(|(_, m)| m == "施術所にインターネット環境があるかどうかを選んでください"));
        let internet = missing_answers("internet", &none, 0);
        assert!(
            internet.iter().any(|(_, m)| m == "資格確認に使う機器がインターネットにつながったかどうかを選んでください")
        );
        for step in crate::wizard::WIZARD.iter() {
            for (_, m) in missing_answers(step.id, &none, 0) {
                assert!(!m.contains("ているを") && !m.contains("るを選") && !m.contains("たを選"), "{}: {m}", step.id);
            }
        }
    }

    #[test]
    fn the_card_is_read_with_what_the_route_says() {
        let route =
            |r: &str, device: &str| step_answers("connection", &[("route", r), ("device_model", device)]).reads_with();
        assert_eq!(Answers::default().reads_with(), ReadsWith::CardReader);
        assert_eq!(route("windows_pc", ""), ReadsWith::CardReader);
        assert_eq!(route("mobile", ""), ReadsWith::Smartphone);
        assert_eq!(route("mobile", "iPhone 15"), ReadsWith::Smartphone);
        assert_eq!(route("mobile", "ｉＰａｄ"), ReadsWith::Tablet);
        assert_eq!(route("mobile", "Galaxy Tab S9"), ReadsWith::Tablet);
        assert_eq!(route("mobile", "たぶれっと"), ReadsWith::Tablet);
    }

    /// A 柔整-only clinic is asked for its own number, filled from 設定, and never told the
    /// あはき number is missing.
    #[test]
    fn the_registration_numbers_follow_the_clinics_practices() {
        let judo_only = Answers::default().for_clinic(&[Practice::Judo], &[]);
        let missing = keys_of(missing_answers("portal_user", &judo_only, 0));
        assert!(missing.contains(&"reg_no_judo") && !missing.contains(&"reg_no_ahaki"), "{missing:?}");
        let filled = Answers::default()
            .for_clinic(&[Practice::Judo], &[(Practice::Judo, "契2804440".into()), (Practice::Ahaki, "x".into())]);
        assert_eq!(filled.get(keys::REG_NO_JUDO), "契2804440");
        assert_eq!(filled.get(keys::REG_NO_AHAKI), "", "a practice the clinic lacks is not filled");
        assert!(!keys_of(missing_answers("portal_user", &filled, 0)).iter().any(|k| k.starts_with("reg_no")));
        // An answer typed in the guide wins over 設定.
        let typed = step_answers("portal_user", &[("reg_no_judo", "契1111111")])
            .for_clinic(&[Practice::Judo], &[(Practice::Judo, "契2804440".into())]);
        assert_eq!(typed.get(keys::REG_NO_JUDO), "契1111111");
        let both = Answers::default().for_clinic(&[Practice::Judo, Practice::Ahaki], &[]);
        let missing = keys_of(missing_answers("portal_user", &both, 0));
        assert!(missing.contains(&"reg_no_judo") && missing.contains(&"reg_no_ahaki"));
    }

    /// いいえ to the condition a step checks keeps it from 完了; so does a date that disagrees.
    #[test]
    fn a_not_ready_answer_or_a_bad_date_blocks_the_step() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
        let no_internet = step_answers("connection", &[("route", "mobile"), ("has_internet", "no")]);
        let found = blockers("connection", &no_internet, 0, today);
        assert_eq!(keys_of(found.clone()), ["has_internet"]);
        assert!(
            found[0].1.starts_with("「施術所にインターネット環境がある」が「いいえ」のあいだは、完了にできません。"),
            "{found:?}"
        );
        let online = no_internet.with(Key { step: "connection", key: "has_internet" }, "yes");
        assert!(blockers("connection", &online, 0, today).is_empty());
        let offline = step_answers("internet", &[("internet_ok", "no")]);
        assert_eq!(keys_of(blockers("internet", &offline, 0, today)), ["internet_ok"]);
        let early = step_answers("app_apply", &[("applied_on", "2026-11-10"), ("approved_on", "2026-11-01")]);
        assert_eq!(keys_of(blockers("app_apply", &early, 0, today)), ["approved_on"]);
        let future = step_answers("app_apply", &[("applied_on", "2026-11-10"), ("approved_on", "2026-12-24")]);
        assert_eq!(keys_of(blockers("app_apply", &future, 0, today)), ["approved_on"]);
    }

    #[test]
    fn the_terminal_step_needs_its_minimum_of_rows() {
        let step = crate::wizard::WIZARD.iter().find(|s| s.rows.is_some()).expect("a step with rows");
        let group = step.rows.expect("rows");
        let short = missing_answers(step.id, &Answers::default(), group.min_rows - 1);
        assert!(short.iter().any(|(k, m)| *k == group.key && m.contains("つ以上登録してください")), "{short:?}");
        assert!(!missing_answers(step.id, &Answers::default(), group.min_rows).iter().any(|(k, _)| *k == group.key));
    }

    #[test]
    fn every_step_can_be_completed_with_every_input_answered() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
        for step in crate::wizard::WIZARD.iter() {
            for route in [None, Some(Route::WindowsPc), Some(Route::Mobile)] {
                let mut values: Vec<(String, String, String)> = vec![
                    ("portal_user".into(), "registered_on".into(), "2026-11-01".into()),
                    ("app_apply".into(), "applied_on".into(), "2026-11-10".into()),
                    ("app_apply".into(), "approved_on".into(), "2026-11-20".into()),
                ];
                if let Some(r) = route {
                    values.push(("connection".into(), "route".into(), r.as_str().into()));
                }
                for i in step.inputs {
                    if values.iter().any(|(s, k, _)| s == step.id && k == i.key) {
                        continue;
                    }
                    let value = match i.kind {
                        InputKind::YesNo { .. } | InputKind::Confirm => "yes".to_string(),
                        InputKind::Choice { options } => options[0].value.to_string(),
                        InputKind::Date => "2026-12-01".to_string(),
                        _ => "x".to_string(),
                    };
                    values.push((step.id.to_string(), i.key.to_string(), value));
                }
                let found = blockers(step.id, &Answers::new(values), 9, today);
                assert!(found.is_empty(), "{} {route:?}: {found:?}", step.id);
            }
        }
    }
}
