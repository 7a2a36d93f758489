//! Tables that flow over pages: rows measured before they are placed, a row never split, the
//! column header repeated at the top of every page a table continues on, and 「n / m ページ」
//! at the bottom of every page once the page count is known.

use crate::layout::{self, Align, Fitted, PAGE_WIDTH, Page};

/// Left edge of the printed area, mm.
pub(crate) const LEFT: f32 = 12.0;
/// Right edge of the printed area, mm.
pub(crate) const RIGHT: f32 = PAGE_WIDTH - 12.0;
/// Nothing but the page number goes below this, mm from the top.
pub(crate) const BOTTOM: f32 = 282.0;
/// The page number's baseline.
const FOOTER_Y: f32 = 290.0;
/// Space between a cell's border and its text, mm.
const PAD: f32 = 1.0;
/// Table rules.
const RULE_PT: f32 = 0.4;
/// Light grey of the rules.
const RULE_GREY: f32 = 0.45;
/// Header shading.
const HEADER_GREY: f32 = 0.88;

/// One column of a table.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Column {
    /// Header text
    pub title: &'static str,
    /// Width in mm
    pub width: f32,
    /// Text alignment in the cell (numbers right)
    pub align: Align,
    /// Lines a cell may wrap to before its text is set smaller
    pub max_lines: usize,
}

/// A table's columns and type size.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    /// Left to right; their widths add up to the printed width
    pub columns: Vec<Column>,
    /// Body text size, points
    pub size_pt: f32,
    /// The smallest a cell's text is set at before it is cut
    pub min_pt: f32,
    /// Rows are at least this tall, mm (room to tick or write by hand)
    pub min_row_height: f32,
}

/// One cell's content.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cell {
    /// Text (may wrap)
    pub text: String,
    /// Printed heavier (「対象外」)
    pub bold: bool,
}

impl Cell {
    /// A plain cell.
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), bold: false }
    }

    /// A bold cell.
    pub fn bold(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), bold: true }
    }
}

/// A row measured and ready to place.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    cells: Vec<(Fitted, bool)>,
    /// A line of text under the cells across the whole width (why a line is 対象外)
    note: Option<Fitted>,
    main_height: f32,
    /// Total height in mm
    pub height: f32,
}

/// Type size of a row's note.
const NOTE_PT: f32 = 7.5;
/// How far a note is indented from the table's left edge, mm.
const NOTE_INDENT: f32 = 4.0;

impl Table {
    fn width(&self) -> f32 {
        self.columns.iter().map(|c| c.width).sum()
    }

    /// The header row's height.
    pub fn header_height(&self) -> f32 {
        let size = self.size_pt;
        self.columns
            .iter()
            .map(|c| layout::fit(c.title, c.width - 2.0 * PAD, size, self.min_pt, 2))
            .map(|f| f.lines.len() as f32 * layout::line_height(f.size_pt))
            .fold(layout::line_height(size), f32::max)
            + 2.0 * PAD
    }

    /// Draws the header row at `y`; returns the y below it.
    pub fn draw_header(&self, page: &mut Page, y: f32) -> f32 {
        let height = self.header_height();
        page.fill(LEFT, y, self.width(), height, HEADER_GREY);
        let mut x = LEFT;
        for column in &self.columns {
            let fitted = layout::fit(column.title, column.width - 2.0 * PAD, self.size_pt, self.min_pt, 2);
            draw_lines(page, &fitted, x, column.width, y, height, Align::Center, true);
            x += column.width;
        }
        self.rules(page, y, height, height);
        page.line(LEFT, y, LEFT + self.width(), y, RULE_PT, RULE_GREY);
        y + height
    }

    /// Measures a row: each cell wrapped (then shrunk) to its column, the note across the table.
    pub fn row(&self, cells: &[Cell], note: Option<&str>) -> Row {
        let fitted: Vec<(Fitted, bool)> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let cell = cells.get(i).cloned().unwrap_or_default();
                (
                    layout::fit(&cell.text, column.width - 2.0 * PAD, self.size_pt, self.min_pt, column.max_lines),
                    cell.bold,
                )
            })
            .collect();
        let main_height = fitted
            .iter()
            .map(|(f, _)| f.lines.len() as f32 * layout::line_height(f.size_pt))
            .fold(layout::line_height(self.size_pt), f32::max)
            + 2.0 * PAD;
        let main_height = main_height.max(self.min_row_height);
        let note = note
            .filter(|n| !n.trim().is_empty())
            .map(|n| layout::fit(n, self.width() - NOTE_INDENT - 2.0 * PAD, NOTE_PT, self.min_pt.min(NOTE_PT), 3));
        let note_height =
            note.as_ref().map_or(0.0, |n| n.lines.len() as f32 * layout::line_height(n.size_pt) + PAD / 2.0);
        Row { cells: fitted, note, main_height, height: main_height + note_height }
    }

    /// Draws a measured row at `y`; returns the y below it.
    pub fn draw_row(&self, page: &mut Page, y: f32, row: &Row) -> f32 {
        let mut x = LEFT;
        for (column, (fitted, bold)) in self.columns.iter().zip(&row.cells) {
            draw_lines(page, fitted, x, column.width, y, row.main_height, column.align, *bold);
            x += column.width;
        }
        if let Some(note) = &row.note {
            let top = y + row.main_height;
            for (i, line) in note.lines.iter().enumerate() {
                let baseline = layout::baseline(top + i as f32 * layout::line_height(note.size_pt), note.size_pt);
                page.text(LEFT + NOTE_INDENT + PAD, baseline, note.size_pt, false, Align::Left, line);
            }
        }
        self.rules(page, y, row.height, row.main_height);
        page.line(LEFT, y + row.height, LEFT + self.width(), y + row.height, RULE_PT, RULE_GREY);
        y + row.height
    }

    /// The vertical rules of a row: between columns over the cells, at the edges over the note too.
    fn rules(&self, page: &mut Page, y: f32, height: f32, cells_height: f32) {
        let mut x = LEFT;
        page.line(x, y, x, y + height, RULE_PT, RULE_GREY);
        for (i, column) in self.columns.iter().enumerate() {
            x += column.width;
            let bottom = if i + 1 == self.columns.len() { y + height } else { y + cells_height };
            page.line(x, y, x, bottom, RULE_PT, RULE_GREY);
        }
    }
}

/// Draws a cell's lines, vertically centred in a box of `height` at `y`.
#[allow(clippy::too_many_arguments)]
fn draw_lines(page: &mut Page, fitted: &Fitted, x: f32, width: f32, y: f32, height: f32, align: Align, bold: bool) {
    let line_h = layout::line_height(fitted.size_pt);
    let block = fitted.lines.len() as f32 * line_h;
    let top = y + (height - block) / 2.0;
    let anchor = match align {
        Align::Left => x + PAD,
        Align::Center => x + width / 2.0,
        Align::Right => x + width - PAD,
    };
    for (i, line) in fitted.lines.iter().enumerate() {
        let baseline = layout::baseline(top + i as f32 * line_h, fitted.size_pt);
        page.text(anchor, baseline, fitted.size_pt, bold, align, line);
    }
}

/// Pages being filled top to bottom.
pub(crate) struct Flow<'a> {
    done: Vec<Page>,
    current: Page,
    y: f32,
    /// Where content starts on a continuation page (below its running header)
    fresh_y: f32,
    running_header: &'a dyn Fn(&mut Page) -> f32,
}

impl<'a> Flow<'a> {
    /// Starts with a first page already drawn down to `y`; later pages get `running_header`,
    /// which draws and returns the y below it.
    pub fn new(first: Page, y: f32, running_header: &'a dyn Fn(&mut Page) -> f32) -> Flow<'a> {
        Flow { done: Vec::new(), current: first, y, fresh_y: y, running_header }
    }

    /// Moves down by `dy`.
    pub fn advance(&mut self, dy: f32) {
        self.y += dy;
    }

    /// Draws with `draw(page, y)` at the current y, which moves to the y `draw` returns.
    pub fn draw(&mut self, draw: impl FnOnce(&mut Page, f32) -> f32) {
        self.y = draw(&mut self.current, self.y);
    }

    /// Whether `height` more mm fit on this page. On a page with nothing but its header,
    /// anything "fits": a block taller than a page is placed rather than looping forever.
    pub fn fits(&self, height: f32) -> bool {
        self.y + height <= BOTTOM || self.y <= self.fresh_y
    }

    /// Starts a new page with the running header.
    pub fn new_page(&mut self) {
        let mut page = Page::default();
        let y = (self.running_header)(&mut page);
        self.done.push(std::mem::replace(&mut self.current, page));
        self.y = y;
        self.fresh_y = y;
    }

    /// The pages, each with 「n / m ページ」 and `footer_left` at the bottom.
    pub fn finish(mut self, footer_left: &str) -> Vec<Page> {
        self.done.push(self.current);
        let total = self.done.len();
        for (i, page) in self.done.iter_mut().enumerate() {
            page.text(PAGE_WIDTH / 2.0, FOOTER_Y, 8.0, false, Align::Center, &format!("{} / {total} ページ", i + 1));
            page.text_in(LEFT, FOOTER_Y, 70.0, 7.0, 5.0, false, Align::Left, footer_left);
        }
        self.done
    }
}

/// A label and its value on one line, the value shrunk to fit up to `value_right`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn label_value(
    page: &mut Page,
    label: &str,
    value: &str,
    x: f32,
    value_x: f32,
    value_right: f32,
    y: f32,
    size_pt: f32,
) {
    page.text(x, y, size_pt, false, Align::Left, label);
    page.text_in(value_x, y, value_right - value_x, size_pt, 6.0, true, Align::Left, value);
}

/// The header of a sheet's pages 2 on: its title (続き) on the left, the clinic and its 登録記号番号
/// on the right, a rule under both. Returns the y below it.
pub(crate) fn running_header(page: &mut Page, title: &str, clinic_name: &str, registration_number: &str) -> f32 {
    page.text(LEFT, 18.0, 11.0, true, Align::Left, &format!("{title}(続き)"));
    let who = format!("{clinic_name}  登録記号番号 {registration_number}");
    page.text_in(RIGHT, 18.0, 110.0, 9.0, 6.0, false, Align::Right, &who);
    page.line(LEFT, 20.5, RIGHT, 20.5, 0.5, 0.3);
    24.0
}
