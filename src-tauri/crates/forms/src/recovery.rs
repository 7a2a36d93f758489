//! The 「バックアップの復元コード」 sheet: one A4 page for the clinic's safe with the code in
//! large type, what it is for, when it is asked, where the backups are, how to keep it and what
//! to do when it is lost. Printed when the code is made; the screen stops showing the code once
//! staff say the sheet is kept, so this page is how the code survives a broken PC.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::layout::{self, Align, PAGE_WIDTH, Page};

/// What the sheet shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoverySheet {
    /// The code as printed: six groups of five joined by hyphens
    pub code: String,
    /// The clinic's name ("" before the profile is saved)
    pub clinic_name: String,
    /// Where the backups go (the folder staff chose)
    pub backup_folder: String,
    /// When the code was made
    pub issued_on: NaiveDate,
}

/// The PDF's title.
pub(crate) const TITLE: &str = "バックアップの復元コード";

const LEFT: f32 = 20.0;
const RIGHT: f32 = PAGE_WIDTH - 20.0;

/// What the sheet says below the code, heading by heading.
fn sections(sheet: &RecoverySheet) -> [(&'static str, String); 5] {
    [
        (
            "このコードは何のためのものか",
            "オン資ナビが毎日作るバックアップと、別のパソコンへ移すためのファイルは、このコードで暗号化されています。USBメモリをなくしても、このコードがなければ、中の患者さんの情報は読めません。".into(),
        ),
        (
            "いつ使うか",
            "パソコンが壊れたときや買い替えたときに、新しいパソコンのオン資ナビでバックアップを戻す・データを読み込むときに入力します。ふだん使っているこのパソコンでは、入力は要りません。".into(),
        ),
        ("バックアップの場所", format!("{}(の中の「オン資ナビのバックアップ」フォルダ)", sheet.backup_folder)),
        (
            "保管のしかた",
            "この用紙は金庫など鍵のかかる場所に保管してください。USBメモリと一緒にしないでください。写真に撮ったり、パソコンやメールに保存したりしないでください。".into(),
        ),
        (
            "なくしたとき",
            "このパソコンが動いているうちに、設定の「データのバックアップ」で「復元コードを作り直す」を押し、新しい用紙を印刷してください。それまでに作られたバックアップは、前のコードでしか開けません。".into(),
        ),
    ]
}

/// The sheet as one page.
pub(crate) fn pages(sheet: &RecoverySheet) -> Vec<Page> {
    let mut page = Page::default();
    let width = RIGHT - LEFT;
    let mut y = 22.0;
    page.text(PAGE_WIDTH / 2.0, y, 22.0, true, Align::Center, TITLE);
    y += 12.0;
    for (label, value) in [("施術所名", sheet.clinic_name.as_str()), ("作成日", &jptext::format_date(sheet.issued_on))]
    {
        page.text(LEFT, y, 11.0, true, Align::Left, label);
        page.text_in(LEFT + 28.0, y, width - 28.0, 11.0, 7.0, false, Align::Left, value);
        page.line(LEFT, y + 1.8, RIGHT, y + 1.8, 0.3, 0.6);
        y += 8.0;
    }
    y += 4.0;
    let box_top = y;
    page.fill(LEFT, box_top, width, 34.0, 0.92);
    page.text(PAGE_WIDTH / 2.0, box_top + 9.0, 11.0, false, Align::Center, "復元コード(30文字)");
    page.text_in(PAGE_WIDTH / 2.0, box_top + 23.0, width - 8.0, 26.0, 14.0, true, Align::Center, &sheet.code);
    page.text(
        PAGE_WIDTH / 2.0,
        box_top + 30.5,
        9.0,
        false,
        Align::Center,
        "数字の0(ゼロ)・1(イチ)と英字のO(オー)・I(アイ)は使っていません",
    );
    for (x1, y1, x2, y2) in [
        (LEFT, box_top, RIGHT, box_top),
        (LEFT, box_top + 34.0, RIGHT, box_top + 34.0),
        (LEFT, box_top, LEFT, box_top + 34.0),
        (RIGHT, box_top, RIGHT, box_top + 34.0),
    ] {
        page.line(x1, y1, x2, y2, 1.2, 0.2);
    }
    y = box_top + 44.0;
    for (heading, body) in sections(sheet) {
        page.text(LEFT, layout::baseline(y, 13.0), 13.0, true, Align::Left, &format!("■ {heading}"));
        y += layout::line_height(13.0) + 1.0;
        for line in layout::wrap(&body, width - 4.0, 11.0) {
            page.text(LEFT + 4.0, layout::baseline(y, 11.0), 11.0, false, Align::Left, &line);
            y += layout::line_height(11.0);
        }
        y += 4.0;
    }
    y += 2.0;
    page.line(LEFT, y, RIGHT, y, 0.3, 0.6);
    y += 2.0;
    let maintainer = "保守をご担当の方へ: ファイルは AES-256 で暗号化した ZIP 形式です。7-Zip などで、このコードをハイフンも含めてパスワードとして入力すると開けます。";
    for line in layout::wrap(maintainer, width, 9.0) {
        page.text(LEFT, layout::baseline(y, 9.0), 9.0, false, Align::Left, &line);
        y += layout::line_height(9.0);
    }
    vec![page]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheet_holds_the_code_the_clinic_the_folder_and_what_to_do() {
        let sheet = RecoverySheet {
            code: "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567".into(),
            clinic_name: "さくら整骨院".into(),
            backup_folder: "E:\\".into(),
            issued_on: NaiveDate::from_ymd_opt(2026, 12, 6).expect("date"),
        };
        let pages = pages(&sheet);
        assert_eq!(pages.len(), 1);
        let all: String = pages[0].texts().map(|t| t.text.as_str()).collect();
        for needle in
            [TITLE, "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567", "さくら整骨院", "E:\\", "令和8年12月6日", "金庫", "作り直す"]
        {
            assert!(all.contains(needle), "{needle}");
        }
        assert!(pages[0].texts().all(|t| t.y < 285.0), "it fits the page");
    }
}
