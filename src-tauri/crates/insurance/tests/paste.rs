//! The paste parser on texts as staff bring them: any order, full-width, a label on one line and
//! its value on the next, missing fields, unknown labels, and plain garbage.

use insurance::fields::validate;
use insurance::paste::{PasteField, parse};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
}

#[test]
fn the_official_apps_labels_in_any_order_with_full_width_and_wareki() {
    let text = "有効終了日：令和１０年３月３１日\n氏名　山田 花子\nフリガナ\tヤマダ ハナコ\n本人・家族の別 家族\n\
                保険者番号：３３１２００１５\n記号：愛知１２\n番号：３４５６\n枝番：０１\n生年月日：昭和６０年１月２日\n\
                負担割合：３割\n資格取得年月日：令和3年4月1日\n被保険者氏名：山田 太郎\n保険者名：愛知県○○健康保険組合";
    let pasted = parse(text);
    assert!(pasted.not_understood.is_empty(), "{:?}", pasted.not_understood);
    assert_eq!(pasted.person.name, "山田 花子");
    assert_eq!(pasted.person.kana, "ヤマダ ハナコ");
    assert_eq!(pasted.person.birth_date, "昭和６０年１月２日");
    assert_eq!(pasted.form.insurer_number, "３３１２００１５");
    let inner = |f: PasteField| pasted.understood.iter().find(|u| u.field == f).map(|u| (u.value.as_str(), u.line));
    assert_eq!(inner(PasteField::InsuredName), Some(("山田 太郎", 12)), "被保険者氏名 is not 氏名");
    assert_eq!(inner(PasteField::InsurerNumber), Some(("３３１２００１５", 5)), "保険者番号 is not 番号");
    assert_eq!(inner(PasteField::Number), Some(("３４５６", 7)));
    let (insurance, warnings) = validate(&pasted.form, today()).expect("the pasted form is valid");
    assert!(warnings.is_empty());
    assert_eq!((insurance.insurer_number.as_str(), insurance.number.as_str()), ("33120015", "3456"));
    assert_eq!(insurance.burden_percent, Some(30));
}

#[test]
fn a_label_on_one_line_and_its_value_on_the_next() {
    let pasted = parse("保険者番号\n\n33120015\n記号\n番号\n1234\n");
    assert_eq!(pasted.form.insurer_number, "33120015");
    assert_eq!(pasted.form.number, "1234");
    // 記号 is followed by another label: it has no value, and is said so, not filled with 「番号」.
    assert_eq!(pasted.form.symbol, "");
    assert_eq!(pasted.not_understood.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["記号"]);
}

#[test]
fn unknown_labels_and_garbage_are_kept_not_dropped() {
    let pasted = parse("受付番号: 17\n保険者番号 33120015\nこれはメモです\n番号札 5\n記号番号 愛知12 3456\n\n");
    assert_eq!(pasted.understood.len(), 1);
    let kept: Vec<(u32, &str)> = pasted.not_understood.iter().map(|n| (n.line, n.text.as_str())).collect();
    assert_eq!(kept, [(1, "受付番号: 17"), (3, "これはメモです"), (4, "番号札 5"), (5, "記号番号 愛知12 3456")]);

    let garbage = parse("\u{1F600}\n;;;;\n12345\n");
    assert!(garbage.understood.is_empty());
    assert_eq!(garbage.not_understood.len(), 3);
    assert_eq!(parse(""), Default::default());
}

#[test]
fn missing_fields_stay_empty_and_the_form_says_what_is_needed() {
    let pasted = parse("氏名: 山田 花子\n記号: 12");
    let problems = validate(&pasted.form, today()).expect_err("no 保険者番号, no 番号");
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["insurerNumber", "number"]);
}

#[test]
fn a_field_given_twice_keeps_the_last_and_shows_both() {
    let pasted = parse("番号: 1111\n番号: 2222");
    assert_eq!(pasted.form.number, "2222");
    assert_eq!(pasted.understood.len(), 2);
}
