//! The bundled IPAex Gothic: the one font every sheet is measured and printed with, so a number
//! right-aligned here is right-aligned on paper, on every PC, whatever fonts Windows has.
//! (License: `fonts/IPA_Font_License_Agreement_v1.0.txt`; PDFs embed only a subset of it.)

use std::sync::OnceLock;

use ttf_parser::Face;

/// IPAex Gothic 00401, as shipped by Debian's fonts-ipaexfont-gothic.
pub(crate) const IPAEX_GOTHIC: &[u8] = include_bytes!("../fonts/ipaexg.ttf");

/// Millimetres per typographic point.
pub(crate) const MM_PER_PT: f32 = 25.4 / 72.0;

/// What stands in for a character the font does not have (an emoji in a 品名): visible, so the
/// gap is noticed, and the same in the PDF and the preview.
pub(crate) const MISSING: char = '?';

/// The font parsed once per process: every sheet and every preview measures with it.
fn parsed() -> Option<&'static Face<'static>> {
    static FONT: OnceLock<Option<Face<'static>>> = OnceLock::new();
    FONT.get_or_init(|| Face::parse(IPAEX_GOTHIC, 0).ok()).as_ref()
}

/// A character's glyph as the PDF writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Glyph {
    /// Its id in the bundled font (0, the empty box, for a character it lacks)
    pub id: u16,
    /// Its advance in 1/1000 em, PDF's unit for `/W`
    pub advance_1000: f32,
}

/// The glyph of `c`, with the same advance [`width_mm`] measured.
pub(crate) fn glyph(c: char) -> Glyph {
    let id = parsed().and_then(|f| f.glyph_index(c)).map_or(0, |g| g.0);
    Glyph { id, advance_1000: advance_em(c) * 1000.0 }
}

/// What a PDF's font descriptor states, in 1/1000 em.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Metrics {
    /// Left, bottom, right, top of every glyph together
    pub bbox: [f32; 4],
    /// Above the baseline
    pub ascent: f32,
    /// Below the baseline (negative)
    pub descent: f32,
    /// Height of capital letters
    pub cap_height: f32,
}

/// The font's metrics for the PDF; IPAex Gothic's own figures if the bundled file were broken.
pub(crate) fn metrics() -> Metrics {
    let Some(face) = parsed() else {
        return Metrics { bbox: [-1000.0, -250.0, 1000.0, 880.0], ascent: 880.0, descent: -120.0, cap_height: 720.0 };
    };
    let scale = 1000.0 / f32::from(face.units_per_em().max(1));
    let b = face.global_bounding_box();
    let ascent = f32::from(face.ascender()) * scale;
    Metrics {
        bbox: [b.x_min, b.y_min, b.x_max, b.y_max].map(|v| f32::from(v) * scale),
        ascent,
        descent: f32::from(face.descender()) * scale,
        cap_height: face.capital_height().map_or(ascent * 0.8, |h| f32::from(h) * scale),
    }
}

/// Whether the font can draw `c`.
pub(crate) fn has_glyph(c: char) -> bool {
    match parsed() {
        Some(font) => font.glyph_index(c).is_some_and(|gid| gid.0 != 0),
        None => true,
    }
}

/// The advance of `c` in em. Without the font (never with the bundled file) a CJK-safe guess:
/// full width for wide characters, half for the rest.
fn advance_em(c: char) -> f32 {
    if let Some(font) = parsed() {
        let upm = f32::from(font.units_per_em());
        if upm > 0.0
            && let Some(advance) = font.glyph_index(c).and_then(|gid| font.glyph_hor_advance(gid))
        {
            return f32::from(advance) / upm;
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
        assert!(parsed().is_some());
        assert_ne!(glyph('あ').id, 0);
        assert_eq!(glyph('\u{1F600}').id, 0, "an emoji has no glyph");
        assert!((glyph('あ').advance_1000 - 1000.0).abs() < 0.5);
        let m = metrics();
        assert!(m.ascent > 0.0 && m.descent < 0.0 && m.bbox[2] > m.bbox[0], "{m:?}");
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
