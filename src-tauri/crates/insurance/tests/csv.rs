//! The day's checks out to the レセコン: CSV read back in both encodings gives the same rows,
//! quotes and formulas handled; a character Shift_JIS cannot hold is refused with its row; the
//! clipboard text in the レセコン's order.

use chrono::NaiveDate;
use insurance::export::{CSV_HEADER, CheckRow, CsvEncoding, PersonFields, checks_csv, clipboard_text};
use insurance::fields::{Insurance, Relation};

fn insurance() -> Insurance {
    Insurance {
        insurer_number: "33120015".into(),
        symbol: "愛知12".into(),
        number: "3456".into(),
        branch: Some("01".into()),
        relation: Some(Relation::Family),
        burden_percent: Some(30),
        acquired_on: NaiveDate::from_ymd_opt(2021, 4, 1),
        valid_until: None,
    }
}

fn person(name: &str) -> PersonFields {
    PersonFields {
        name: name.into(),
        kana: "ヤマダ ハナコ".into(),
        birth_date_text: "昭和60年1月2日 (1985-01-02)".into(),
        sex: "女".into(),
    }
}

fn rows() -> Vec<CheckRow> {
    vec![
        CheckRow {
            checked_at_text: "令和8年11月29日 (2026-11-29) 09:05".into(),
            method: "マイナ保険証".into(),
            result: "確認できた".into(),
            source: "公式アプリの表示から入力".into(),
            person: Some(person("山田 花子")),
            insurance: Some(insurance()),
        },
        CheckRow {
            checked_at_text: "令和8年11月29日 (2026-11-29) 09:40".into(),
            method: "資格確認書".into(),
            result: "確認できた".into(),
            source: "スタッフが入力".into(),
            person: Some(person("𠮷田, \"はな\"")),
            insurance: None,
        },
    ]
}

/// A small RFC 4180 reader for the round trip.
fn read(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

fn expected() -> Vec<Vec<String>> {
    let mut want = vec![CSV_HEADER.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    want.push(
        [
            "令和8年11月29日 (2026-11-29) 09:05",
            "マイナ保険証",
            "確認できた",
            "公式アプリの表示から入力",
            "山田 花子",
            "ヤマダ ハナコ",
            "昭和60年1月2日 (1985-01-02)",
            "女",
            "33120015",
            "愛知12",
            "3456",
            "01",
            "家族",
            "3割",
            "2021-04-01",
            "",
        ]
        .map(String::from)
        .to_vec(),
    );
    let mut second =
        vec!["令和8年11月29日 (2026-11-29) 09:40", "資格確認書", "確認できた", "スタッフが入力", "𠮷田, \"はな\""]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>();
    second.extend(["ヤマダ ハナコ", "昭和60年1月2日 (1985-01-02)", "女"].map(String::from));
    second.extend(std::iter::repeat_n(String::new(), 8));
    want.push(second);
    want
}

#[test]
fn utf8_with_a_bom_reads_back_the_same_rows() {
    let bytes = checks_csv(&rows(), CsvEncoding::Utf8Bom).expect("csv");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "BOM");
    let text = std::str::from_utf8(&bytes[3..]).expect("utf-8");
    assert!(text.ends_with("\r\n") && text.matches("\r\n").count() == 3, "CRLF lines");
    assert_eq!(read(text), expected());
}

#[test]
fn shift_jis_reads_back_the_same_rows_and_a_character_it_cannot_hold_is_refused() {
    // 𠮷 (つちよし) is not in Windows' Shift_JIS: the export names the row instead of writing 「?」.
    // (髙, はしご高, is: CP932 holds it.)
    let e = checks_csv(&rows(), CsvEncoding::ShiftJis).expect_err("𠮷 is not Shift_JIS");
    assert_eq!(e.code(), insurance::InsuranceErrorCode::NotInShiftJis);
    assert!(e.to_string().contains("2 行目") && e.to_string().contains("𠮷田"), "{e}");

    let mut plain = rows();
    plain[1].person = Some(person("髙橋, \"はな\""));
    let bytes = checks_csv(&plain, CsvEncoding::ShiftJis).expect("csv");
    let (text, _, errors) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!errors);
    assert!(!bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no BOM in Shift_JIS");
    let mut want = expected();
    want[2][4] = "髙橋, \"はな\"".into();
    assert_eq!(read(&text), want);
}

#[test]
fn a_value_a_spreadsheet_would_run_as_a_formula_is_made_text() {
    let mut one = rows();
    one.truncate(1);
    one[0].source = "=HYPERLINK(\"x\")".into();
    let bytes = checks_csv(&one, CsvEncoding::Utf8Bom).expect("csv");
    let rows = read(std::str::from_utf8(&bytes[3..]).expect("utf-8"));
    assert_eq!(rows[1][3], "'=HYPERLINK(\"x\")");
}

#[test]
fn every_start_a_spreadsheet_reads_as_a_formula_is_defused_in_the_csv_and_the_clipboard() {
    // (typed, what leaves the app)
    let table = [
        ("=1+1", "'=1+1"),
        ("+81", "'+81"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("＝1+1", "'＝1+1"),
        ("＋81", "'＋81"),
        ("－1", "'－1"),
        ("＠SUM", "'＠SUM"),
        ("山田 花子", "山田 花子"),
        ("1-2-3", "1-2-3"),
        ("", ""),
    ];
    for (typed, out) in table {
        assert_eq!(insurance::export::defuse_formula(typed), out, "{typed:?}");
    }
    // The day's CSV: the field as it reaches the spreadsheet.
    let mut one = rows();
    one.truncate(1);
    one[0].source = "＝HYPERLINK(\"x\")".into();
    let bytes = checks_csv(&one, CsvEncoding::Utf8Bom).expect("csv");
    let rows = read(std::str::from_utf8(&bytes[3..]).expect("utf-8"));
    assert_eq!(rows[1][3], "'＝HYPERLINK(\"x\")");
    // The clipboard: a value that starts like a formula is defused after its label.
    let mut person = person("＠山田");
    person.kana = "-ヤマダ".into();
    let text = clipboard_text(&person, &insurance());
    assert!(text.contains("氏名\t'＠山田\r\n"), "{text}");
    assert!(text.contains("フリガナ\t'-ヤマダ\r\n"), "{text}");
}

#[test]
fn the_clipboard_has_the_insurance_card_first_in_the_rezekon_order() {
    let text = clipboard_text(&person("山田 花子"), &insurance());
    let labels: Vec<&str> = text.split("\r\n").map(|l| l.split('\t').next().unwrap_or("")).collect();
    assert_eq!(
        labels,
        [
            "保険者番号",
            "記号",
            "番号",
            "枝番",
            "本人・家族",
            "負担割合",
            "資格取得年月日",
            "有効終了日",
            "氏名",
            "フリガナ",
            "生年月日",
            "性別"
        ]
    );
    assert!(text.starts_with(
        "保険者番号\t33120015\r\n記号\t愛知12\r\n番号\t3456\r\n枝番\t01\r\n本人・家族\t家族\r\n負担割合\t3割"
    ));
    assert!(text.contains("資格取得年月日\t令和3年4月1日 (2021-04-01)"));
}
