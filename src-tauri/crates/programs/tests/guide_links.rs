//! The guide's steps link to programs by id instead of stating their rules: every id must exist
//! in the bundled program data, or the guide would show nothing (or a stale promise) beside it.

#[test]
fn every_related_program_of_the_guide_exists() {
    let catalog = programs::catalog().expect("bundled data parses");
    let mut linked = 0;
    for step in &guide::WIZARD {
        if let Some(id) = step.related_program {
            assert!(catalog.program(id).is_some(), "step {} links to unknown program {id}", step.id);
            linked += 1;
        }
    }
    assert!(linked > 0, "the guide links to at least one program");
}

#[test]
fn a_related_program_shows_its_state_from_the_data() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let board = programs::board(today).expect("board");
    let step = guide::wizard_step("card_reader").expect("step");
    let program = board.find(step.related_program.expect("linked")).expect("present");
    assert_eq!(program.label, "受付終了", "the subsidy closed on 2026-01-15");
}
