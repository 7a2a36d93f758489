//! The page as a small model (text runs, lines, boxes in millimetres on A4, measured from the
//! bundled font), made once and drawn twice: to PDF ops and to the SVG preview. The preview
//! and the printed sheet therefore can never disagree.

use crate::font::{self, MM_PER_PT};

/// A4 portrait, in millimetres.
pub(crate) const PAGE_WIDTH: f32 = 210.0;
/// A4 portrait, in millimetres.
pub(crate) const PAGE_HEIGHT: f32 = 297.0;

/// Which point of the text its `x` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    /// `x` is where the text starts
    Left,
    /// `x` is the middle of the text
    Center,
    /// `x` is where the text ends (amounts)
    Right,
}

/// One run of text on one baseline.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Text {
    /// Anchor, mm from the left edge
    pub x: f32,
    /// Baseline, mm from the top edge
    pub y: f32,
    /// Font size in points
    pub size_pt: f32,
    /// Drawn heavier (IPAex Gothic has no bold face: both outputs stroke the outline)
    pub bold: bool,
    /// What `x` is
    pub align: Align,
    /// Already [`font::printable`]
    pub text: String,
    /// Measured width in mm
    pub width: f32,
}

impl Text {
    /// The left edge in mm.
    pub fn left(&self) -> f32 {
        match self.align {
            Align::Left => self.x,
            Align::Center => self.x - self.width / 2.0,
            Align::Right => self.x - self.width,
        }
    }
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Item {
    /// A prepared photo (JPEG), scaled into its box
    Image {
        /// Left, mm
        x: f32,
        /// Top, mm
        y: f32,
        /// Width, mm
        w: f32,
        /// Height, mm
        h: f32,
        /// The JPEG, shared (the PDF and the preview embed it as it is)
        photo: std::sync::Arc<crate::photos::PreparedPhoto>,
    },
    /// Text
    Text(Text),
    /// A straight rule
    Line {
        /// Start, mm
        x1: f32,
        /// Start, mm from the top
        y1: f32,
        /// End, mm
        x2: f32,
        /// End, mm from the top
        y2: f32,
        /// Stroke width in points
        width_pt: f32,
        /// 0 = black, 1 = white
        grey: f32,
    },
    /// A filled box (table header shading)
    Fill {
        /// Left, mm
        x: f32,
        /// Top, mm
        y: f32,
        /// Width, mm
        w: f32,
        /// Height, mm
        h: f32,
        /// 0 = black, 1 = white
        grey: f32,
    },
}

/// One A4 page.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Page {
    /// In drawing order
    pub items: Vec<Item>,
}

impl Page {
    /// Places one line of text (made printable and measured here).
    pub fn text(&mut self, x: f32, y: f32, size_pt: f32, bold: bool, align: Align, text: &str) {
        let text = font::printable(text);
        if text.trim().is_empty() {
            return;
        }
        let width = font::width_mm(&text, size_pt);
        self.items.push(Item::Text(Text { x, y, size_pt, bold, align, text, width }));
    }

    /// Places one line of text no wider than `width` mm (see [`fit_line`]).
    #[allow(clippy::too_many_arguments)]
    pub fn text_in(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        size_pt: f32,
        min_pt: f32,
        bold: bool,
        align: Align,
        text: &str,
    ) {
        let (size, text) = fit_line(text, width, size_pt, min_pt);
        self.text(x, y, size, bold, align, &text);
    }

    /// A horizontal or vertical rule.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width_pt: f32, grey: f32) {
        self.items.push(Item::Line { x1, y1, x2, y2, width_pt, grey });
    }

    /// A photo fitted (aspect kept, centred) into the box at `x`, `y` of `w` × `h` mm.
    pub fn photo(&mut self, x: f32, y: f32, w: f32, h: f32, photo: std::sync::Arc<crate::photos::PreparedPhoto>) {
        if photo.width == 0 || photo.height == 0 {
            return;
        }
        let scale = (w / photo.width as f32).min(h / photo.height as f32);
        let (dw, dh) = (photo.width as f32 * scale, photo.height as f32 * scale);
        self.items.push(Item::Image { x: x + (w - dw) / 2.0, y: y + (h - dh) / 2.0, w: dw, h: dh, photo });
    }

    /// A shaded box.
    pub fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, grey: f32) {
        self.items.push(Item::Fill { x, y, w, h, grey });
    }

    /// Every text on the page, in order (tests, and the page's text for searching).
    #[cfg(test)]
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.items.iter().filter_map(|item| match item {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }
}

/// The height of one line of text set at `size_pt`, in mm (1.3 × the size keeps kanji apart).
pub(crate) fn line_height(size_pt: f32) -> f32 {
    size_pt * MM_PER_PT * 1.3
}

/// The baseline of a line whose box (of [`line_height`]) starts at `line_top`: the em box
/// centred in the line, the baseline 0.88 em below the em box's top (IPAex Gothic's ideographic
/// em box reaches 0.12 em below the baseline).
pub(crate) fn baseline(line_top: f32, size_pt: f32) -> f32 {
    let em = size_pt * MM_PER_PT;
    line_top + (line_height(size_pt) - em) / 2.0 + em * 0.88
}

/// Breaks `text` into lines no wider than `width` mm at `size_pt` (only a single character wider
/// than the whole cell can be wider). Japanese breaks anywhere; a run of Latin letters and digits
/// (a 型番) stays whole when it fits on a line; a line does not start with 、。) ; nothing but
/// spaces at a break is dropped.
pub(crate) fn wrap(text: &str, width: f32, size_pt: f32) -> Vec<String> {
    let text = font::printable(text);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0_f32;
    for token in tokens(&text) {
        let is_space = token.chars().all(char::is_whitespace);
        if is_space && current.is_empty() {
            continue; // a space at the start of a line disappears
        }
        let token_width = font::width_mm(token, size_pt);
        if current_width + token_width <= width {
            current.push_str(token);
            current_width += token_width;
            continue;
        }
        if is_space {
            lines.push(std::mem::take(&mut current));
            current_width = 0.0;
            continue;
        }
        if token_width <= width {
            let mut carried = String::new();
            if is_no_start(token) && current.chars().count() > 1 {
                // 追い出し: the last character moves down with the 、。) so no line starts with it.
                if let Some(last) = current.pop() {
                    carried.push(last);
                }
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            current = carried + token;
            current_width = font::width_mm(&current, size_pt);
            continue;
        }
        // A token wider than the line (a very long 型番): break it by characters.
        for c in token.chars() {
            let mut buf = [0_u8; 4];
            let s: &str = c.encode_utf8(&mut buf);
            let w = font::width_mm(s, size_pt);
            if current_width + w > width && !current.is_empty() {
                lines.push(std::mem::take(&mut current));
                current_width = 0.0;
            }
            current.push(c);
            current_width += w;
        }
    }
    if !current.trim().is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines.into_iter().map(|l| l.trim_end().to_string()).collect()
}

/// Characters a Japanese line should not start with.
fn is_no_start(token: &str) -> bool {
    token.chars().all(|c| "、。，．,.)）」』】〕・：:；;！!？?ー々ゝゞヽヾ".contains(c))
}

/// Splits into break units: runs of ASCII letters/digits/punctuation stay together, spaces are
/// their own unit, every other character is one.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let word_char = c.is_ascii_graphic();
        if in_word && !word_char {
            out.push(&text[start..i]);
            in_word = false;
            start = i;
        }
        if word_char {
            if !in_word {
                if start < i {
                    out.push(&text[start..i]);
                }
                start = i;
                in_word = true;
            }
            continue;
        }
        if start < i {
            out.push(&text[start..i]);
        }
        start = i;
        let end = i + c.len_utf8();
        out.push(&text[start..end]);
        start = end;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Text fitted into a cell: the size it is set at and its lines.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fitted {
    /// Points
    pub size_pt: f32,
    /// Each no wider than the cell
    pub lines: Vec<String>,
}

/// Fits `text` into `width` mm: wrapped at `size_pt` in at most `max_lines` lines, else set
/// smaller (down to `min_pt`), else wrapped at `min_pt` and cut after `max_lines * 2` lines with
/// "…" (the full text is in the .xlsx). Never wider than the cell.
pub(crate) fn fit(text: &str, width: f32, size_pt: f32, min_pt: f32, max_lines: usize) -> Fitted {
    let max_lines = max_lines.max(1);
    let mut size = size_pt;
    loop {
        let lines = wrap(text, width, size);
        if lines.len() <= max_lines {
            return Fitted { size_pt: size, lines };
        }
        if size <= min_pt {
            break;
        }
        size = (size - 0.5).max(min_pt);
    }
    let mut lines = wrap(text, width, min_pt);
    let limit = max_lines * 2;
    if lines.len() > limit {
        lines.truncate(limit);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && font::width_mm(&format!("{last}…"), min_pt) > width {
                last.pop();
            }
            last.push('…');
        }
    }
    Fitted { size_pt: min_pt, lines }
}

/// Fits a one-line text (a name in a header, a label) into `width` mm: set smaller down to
/// `min_pt`, then cut with "…" (the full text is in the .xlsx). Returns the size and the text.
pub(crate) fn fit_line(text: &str, width: f32, size_pt: f32, min_pt: f32) -> (f32, String) {
    let text = font::printable(text);
    let natural = font::width_mm(&text, size_pt);
    if natural <= width || natural <= 0.0 {
        return (size_pt, text);
    }
    let size = (size_pt * width / natural).max(min_pt);
    if font::width_mm(&text, size) <= width {
        return (size, text);
    }
    let mut cut = text;
    while !cut.is_empty() && font::width_mm(&format!("{cut}…"), size) > width {
        cut.pop();
    }
    (size, format!("{}…", cut.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_never_exceed_the_width_and_keep_every_character() {
        let cases = [
            ("カードリーダー接続用USBケーブル(2m) 白", 20.0, 8.0),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJ", 15.0, 8.0),
            ("さくら整骨院、本院。", 12.0, 9.0),
            ("あいうえお、かきくけこ。", 15.9, 9.0),
            ("", 10.0, 8.0),
            ("x", 1.0, 8.0),
        ];
        for (text, width, size) in cases {
            let lines = wrap(text, width, size);
            for line in &lines {
                // Only a single character wider than the whole cell can be wider.
                assert!(
                    font::width_mm(line, size) <= width + 1e-3 || line.chars().count() == 1,
                    "{line:?} of {text:?} is {} mm, cell {width}",
                    font::width_mm(line, size)
                );
            }
            assert!(!lines.iter().skip(1).any(|l| l.starts_with(['、', '。', ')', ')'])), "{lines:?}");
            let joined: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let original: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(joined, original);
        }
    }

    #[test]
    fn a_model_number_is_not_split_when_it_fits_a_line() {
        let lines = wrap("型番 RC-S380/S 白", 20.0, 8.0);
        assert!(lines.iter().any(|l| l.contains("RC-S380/S")), "{lines:?}");
    }

    #[test]
    fn fit_shrinks_then_cuts_and_never_overflows() {
        let long = "とても長い品名".repeat(30);
        let fitted = fit(&long, 30.0, 8.0, 6.0, 2);
        assert_eq!(fitted.size_pt, 6.0);
        assert!(fitted.lines.len() <= 4);
        assert!(fitted.lines.last().is_some_and(|l| l.ends_with('…')));
        for line in &fitted.lines {
            assert!(font::width_mm(line, fitted.size_pt) <= 30.0 + 1e-3);
        }
        let (size, line) = fit_line(&long, 30.0, 9.0, 6.0);
        assert_eq!(size, 6.0);
        assert!(line.ends_with('…') && font::width_mm(&line, size) <= 30.0);
        assert_eq!(fit_line("さくら", 30.0, 9.0, 6.0), (9.0, "さくら".to_string()));
        let short = fit("カードリーダー", 30.0, 8.0, 6.0, 2);
        assert_eq!(short, Fitted { size_pt: 8.0, lines: vec!["カードリーダー".into()] });
    }
}
