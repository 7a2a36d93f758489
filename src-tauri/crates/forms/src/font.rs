//! The bundled IPAex Gothic: the one font every sheet is measured and printed with, so a number
//! right-aligned here is right-aligned on paper, on every PC, whatever fonts Windows has.
//! (License: `fonts/IPA_Font_License_Agreement_v1.0.txt`; PDFs embed only a subset of it.)

use std::sync::OnceLock;

use printpdf::ParsedFont;

/// IPAex Gothic 00401, as shipped by Debian's fonts-ipaexfont-gothic.
pub(crate) const IPAEX_GOTHIC: &[u8] = include_bytes!("../fonts/ipaexg.ttf");

/// Millimetres per typographic point.
pub(crate) const MM_PER_PT: f32 = 25.4 / 72.0;

/// What stands in for a character the font does not have (an emoji in a 品名): visible, so the
/// gap is noticed, and the same in the PDF and the preview.
pub(crate) const MISSING: char = '?';

/// The font parsed once per process: parsing reads the tables of a 6 MB file, and every sheet
/// and every preview needs it.
fn parsed() -> Option<&'static ParsedFont> {
    static FONT: OnceLock<Option<ParsedFont>> = OnceLock::new();
    FONT.get_or_init(|| ParsedFont::from_bytes(IPAEX_GOTHIC, 0, &mut Vec::new())).as_ref()
}

/// The parsed font for the PDF writer; `None` only if the bundled file were broken.
pub(crate) fn pdf_font() -> Option<&'static ParsedFont> {
    parsed()
}

/// Whether the font can draw `c`.
pub(crate) fn has_glyph(c: char) -> bool {
    match parsed() {
        Some(font) => font.lookup_glyph_index(c as u32).is_some_and(|gid| gid != 0),
        None => true,
    }
}

/// The advance of `c` in em. Without the font (never with the bundled file) a CJK-safe guess:
/// full width for wide characters, half for the rest.
fn advance_em(c: char) -> f32 {
    if let Some(font) = parsed() {
        let upm = f32::from(font.font_metrics.units_per_em);
        if upm > 0.0
            && let Some(gid) = font.lookup_glyph_index(c as u32)
        {
            return f32::from(font.get_horizontal_advance(gid)) / upm;
        }
    }
    if c.is_ascii() { 0.5 } else { 1.0 }
}

/// The width of `text` set at `size_pt`, in millimetres: what the PDF viewer will draw, since
/// the PDF's /W widths are the same advances.
pub(crate) fn width_mm(text: &str, size_pt: f32) -> f32 {
    text.chars().map(advance_em).sum::<f32>() * size_pt * MM_PER_PT
}

/// Text as the sheets print it: control characters (a pasted line break) become spaces and
/// characters without a glyph become [`MISSING`], so the PDF, the preview and the measurement
/// all see the same characters.
pub(crate) fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                ' '
            } else if has_glyph(c) || c == ' ' {
                c
            } else {
                MISSING
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_parses_and_measures_japanese_full_width() {
        assert!(pdf_font().is_some());
        let w = width_mm("あ", 10.0);
        assert!((w - 10.0 * MM_PER_PT).abs() < 0.01, "{w}");
        assert!(width_mm("1", 10.0) < w);
    }

    #[test]
    fn missing_glyphs_and_control_characters_are_replaced() {
        assert_eq!(printable("a\nb\u{1F600}"), "a b?");
        assert_eq!(printable("さくら整骨院"), "さくら整骨院");
    }
}
