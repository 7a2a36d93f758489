//! Draws laid-out pages as SVG documents: the in-app preview, shown as an `<img>` data URL under
//! the app's strict CSP (so nothing external, no script). Each text run is given the width the
//! bundled font measured (`textLength`), so even where Windows substitutes Yu Gothic or Meiryo
//! the preview's columns line up exactly as the printed PDF's do.

use std::fmt::Write;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use crate::font::MM_PER_PT;
use crate::layout::{Align, Item, PAGE_HEIGHT, PAGE_WIDTH, Page};
use crate::pdf::BOLD_STROKE_PT;

/// The fonts the preview asks for, the bundled one first.
const FONT_FAMILY: &str = "IPAexGothic, 'Yu Gothic', Meiryo, sans-serif";

/// One SVG document per page.
pub(crate) fn render(pages: &[Page]) -> Vec<String> {
    pages.iter().map(render_page).collect()
}

fn render_page(page: &Page) -> String {
    let mut out = String::with_capacity(256 + page.items.len() * 160);
    // `write!` into a String cannot fail; the results are ignored on purpose.
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {PAGE_WIDTH} {PAGE_HEIGHT}" width="{PAGE_WIDTH}mm" height="{PAGE_HEIGHT}mm" font-family="{}">"#,
        escape(FONT_FAMILY)
    );
    let _ = write!(out, r##"<rect x="0" y="0" width="{PAGE_WIDTH}" height="{PAGE_HEIGHT}" fill="#ffffff"/>"##);
    for item in &page.items {
        match item {
            Item::Image { x, y, w, h, photo } => {
                let _ = write!(
                    out,
                    r#"<image x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="none" href="data:image/jpeg;base64,{}"/>"#,
                    num(*x),
                    num(*y),
                    num(*w),
                    num(*h),
                    BASE64.encode(&photo.jpeg)
                );
            }
            Item::Fill { x, y, w, h, grey } => {
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                    num(*x),
                    num(*y),
                    num(*w),
                    num(*h),
                    colour(*grey)
                );
            }
            Item::Line { x1, y1, x2, y2, width_pt, grey } => {
                let _ = write!(
                    out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>"#,
                    num(*x1),
                    num(*y1),
                    num(*x2),
                    num(*y2),
                    colour(*grey),
                    num(width_pt * MM_PER_PT)
                );
            }
            Item::Text(text) => {
                let anchor = match text.align {
                    Align::Left => "start",
                    Align::Center => "middle",
                    Align::Right => "end",
                };
                let _ = write!(
                    out,
                    r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}""#,
                    num(text.x),
                    num(text.y),
                    num(text.size_pt * MM_PER_PT),
                );
                if text.text.chars().count() > 1 {
                    let _ = write!(out, r#" textLength="{}" lengthAdjust="spacingAndGlyphs""#, num(text.width));
                }
                if text.bold {
                    let _ = write!(out, r##" stroke="#000000" stroke-width="{}""##, num(BOLD_STROKE_PT * MM_PER_PT));
                }
                let _ = write!(out, r#" xml:space="preserve">{}</text>"#, escape(&text.text));
            }
        }
    }
    out.push_str("</svg>");
    out
}

/// A coordinate with 2 decimals (0.01 mm is far below what a screen or printer shows).
fn num(value: f32) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == rounded.trunc() { format!("{}", rounded as i64) } else { format!("{rounded}") }
}

fn colour(grey: f32) -> String {
    let level = (grey.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{level:02x}{level:02x}{level:02x}")
}

/// XML-escapes text and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(colour(0.0), "#000000");
        assert_eq!(colour(1.0), "#ffffff");
    }
}
