//! The 導入チェックリスト on A4 portrait pages: which step of the オンライン資格確認 setup is done
//! and when, for the clinic's records and for the 事務局 when it asks.

use jptext::format_date;

use crate::layout::{Align, PAGE_WIDTH, Page};
use crate::model::Checklist;
use crate::table::{self, Cell, Column, Flow, LEFT, RIGHT, Table};

/// The sheet's title, also the PDF's.
pub(crate) const TITLE: &str = "オンライン資格確認 導入チェックリスト";

fn table() -> Table {
    let columns = [
        ("No", 12.0, Align::Center, 1),
        ("手順", 74.0, Align::Left, 3),
        ("状態", 22.0, Align::Center, 2),
        ("日付", 38.0, Align::Left, 2),
        ("残っていること", 40.0, Align::Left, 3),
    ];
    Table {
        columns: columns
            .into_iter()
            .map(|(title, width, align, max_lines)| Column { title, width, align, max_lines })
            .collect(),
        size_pt: 9.0,
        min_pt: 6.0,
        min_row_height: 8.0,
    }
}

/// The checklist as pages.
pub(crate) fn pages(list: &Checklist) -> Vec<Page> {
    let table = table();
    let running = |page: &mut Page| {
        table::running_header(page, "導入チェックリスト", &list.clinic_name, &list.registration_number)
    };
    let mut first = Page::default();
    first.text_in(PAGE_WIDTH / 2.0, 22.0, RIGHT - LEFT, 16.0, 10.0, true, Align::Center, TITLE);
    let mut y = 34.0;
    for (label, value) in [
        ("施術所名", list.clinic_name.as_str()),
        ("登録記号番号", list.registration_number.as_str()),
        ("作成日", &format_date(list.prepared_on)),
    ] {
        table::label_value(&mut first, label, value, LEFT, LEFT + 26.0, RIGHT, y, 10.0);
        first.line(LEFT, y + 1.6, RIGHT, y + 1.6, 0.3, 0.6);
        y += 7.0;
    }
    let mut flow = Flow::new(first, y, &running);
    flow.draw(|page, y| table.draw_header(page, y));
    let rows: Vec<_> = if list.rows.is_empty() {
        vec![table.row(&[Cell::plain(""), Cell::plain("(手順がありません)")], None)]
    } else {
        list.rows
            .iter()
            .map(|row| {
                table.row(
                    &[
                        Cell::plain(row.number.to_string()),
                        Cell::plain(&row.title),
                        Cell::bold(&row.state),
                        Cell::plain(row.date_text.as_deref().unwrap_or("")),
                        Cell::plain(row.note.as_deref().unwrap_or("")),
                    ],
                    None,
                )
            })
            .collect()
    };
    for row in &rows {
        if !flow.fits(row.height) {
            flow.new_page();
            flow.draw(|page, y| table.draw_header(page, y));
        }
        flow.draw(|page, y| table.draw_row(page, y, row));
    }
    flow.finish(&format!("導入チェックリスト  {}", list.clinic_name))
}
