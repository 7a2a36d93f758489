//! Writes laid-out pages as PDF (with pdf-writer): the bundled font embedded as a subset (only the
//! glyphs the sheet uses, so a page stays a few tens of KB instead of the font's 6 MB), each photo
//! as its JPEG byte for byte.
//!
//! The font is a CID-keyed Type0 font with Identity-H: each character is written as the two bytes
//! of its glyph id in the subset, `/W` gives the advances the layout measured with (so what was
//! right-aligned here is right-aligned on paper), and a ToUnicode map lets viewers copy and search
//! the text (and lets the tests read it back with pdftotext).

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, TextRenderingMode, UnicodeCmap};
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::FormsError;
use crate::font::{self, MM_PER_PT};
use crate::layout::{Item, PAGE_HEIGHT, PAGE_WIDTH, Page, Text};
use crate::photos::PreparedPhoto;

/// How much heavier "bold" text is: the outline stroked with this width, in points.
pub(crate) const BOLD_STROKE_PT: f32 = 0.25;

/// The font's name inside every PDF (after its subset tag).
const FONT_NAME: &str = "IPAexGothic";

/// Millimetres to PDF points.
fn pt(mm: f32) -> f32 {
    mm / MM_PER_PT
}

/// A y given in mm from the top, as PDF's points from the bottom.
fn y_pt(y_from_top: f32) -> f32 {
    pt(PAGE_HEIGHT - y_from_top)
}

/// Hands out object numbers in order.
struct Refs(i32);

impl Refs {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// zlib-compressed, as `/FlateDecode` reads it.
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// The glyphs a document uses: each character's glyph in the font, numbered anew in the subset.
struct Glyphs {
    remapper: subsetter::GlyphRemapper,
    /// Subset glyph id → the character it draws (for ToUnicode) and its advance in 1/1000 em.
    used: BTreeMap<u16, (char, f32)>,
}

impl Glyphs {
    fn new() -> Glyphs {
        Glyphs { remapper: subsetter::GlyphRemapper::new(), used: BTreeMap::new() }
    }

    /// The text as the two-byte codes of its glyphs in the subset.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut codes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let glyph = font::glyph(c);
            let new = self.remapper.remap(glyph.id);
            self.used.entry(new).or_insert((c, glyph.advance_1000));
            codes.extend_from_slice(&new.to_be_bytes());
        }
        codes
    }
}

/// A six-letter subset tag (`ABCDEF+`), different for a different set of glyphs, as PDF asks.
fn subset_tag(glyphs: &Glyphs) -> String {
    let mut hash: u32 = 2_166_136_261;
    for (gid, (c, _)) in &glyphs.used {
        for b in gid.to_be_bytes().into_iter().chain((*c as u32).to_be_bytes()) {
            hash = (hash ^ u32::from(b)).wrapping_mul(16_777_619);
        }
    }
    (0..6)
        .map(|i| {
            let letter = (hash >> (i * 5)) % 26;
            char::from(b'A' + letter as u8)
        })
        .collect()
}

/// The document's date as a viewer's properties show it: the moment the caller says the document
/// was made, with its offset (the same input makes the same bytes).
fn pdf_date(t: chrono::DateTime<chrono::FixedOffset>) -> Date {
    use chrono::{Datelike, Timelike};
    let offset_min = t.offset().local_minus_utc() / 60;
    let clamp = |v: u32| u8::try_from(v).unwrap_or(0);
    Date::new(u16::try_from(t.year()).unwrap_or(2000))
        .month(clamp(t.month()))
        .day(clamp(t.day()))
        .hour(clamp(t.hour()))
        .minute(clamp(t.minute()))
        .second(clamp(t.second().min(59)))
        .utc_offset_hour(i8::try_from(offset_min / 60).unwrap_or(0))
        .utc_offset_minute(u8::try_from((offset_min % 60).unsigned_abs()).unwrap_or(0))
}

/// The drawing of one page; its photos are named `Im<n>` with `n` counted across the document.
fn page_content(page: &Page, glyphs: &mut Glyphs, photos: &mut Vec<std::sync::Arc<PreparedPhoto>>) -> Vec<u8> {
    let mut content = Content::new();
    for item in &page.items {
        match item {
            Item::Image { x, y, w, h, photo } => {
                photos.push(photo.clone());
                let name = format!("Im{}", photos.len());
                content.save_state();
                content.transform([pt(*w), 0.0, 0.0, pt(*h), pt(*x), y_pt(y + h)]);
                content.x_object(Name(name.as_bytes()));
                content.restore_state();
            }
            Item::Text(text) => text_ops(&mut content, text, glyphs),
            Item::Line { x1, y1, x2, y2, width_pt, grey } => {
                content.set_stroke_gray(grey.clamp(0.0, 1.0));
                content.set_line_width(*width_pt);
                content.move_to(pt(*x1), y_pt(*y1));
                content.line_to(pt(*x2), y_pt(*y2));
                content.stroke();
            }
            Item::Fill { x, y, w, h, grey } => {
                content.set_fill_gray(grey.clamp(0.0, 1.0));
                content.rect(pt(*x), y_pt(y + h), pt(*w), pt(*h));
                content.fill_nonzero();
            }
        }
    }
    content.finish().into_vec()
}

fn text_ops(content: &mut Content, text: &Text, glyphs: &mut Glyphs) {
    content.set_fill_gray(0.0);
    if text.bold {
        content.set_stroke_gray(0.0);
        content.set_line_width(BOLD_STROKE_PT);
    }
    content.begin_text();
    content.set_text_rendering_mode(if text.bold { TextRenderingMode::FillStroke } else { TextRenderingMode::Fill });
    content.set_font(Name(b"F1"), text.size_pt);
    content.next_line(pt(text.left()), y_pt(text.y));
    content.show(Str(&glyphs.encode(&text.text)));
    content.end_text();
}

/// Writes the subset font and its dictionaries; returns the Type0 font's reference.
fn write_font(pdf: &mut Pdf, refs: &mut Refs, glyphs: &Glyphs) -> Result<Ref, FormsError> {
    let failed = |why: String| FormsError::DocumentFailed("PDF ", why);
    let subset = subsetter::subset(font::IPAEX_GOTHIC, 0, &glyphs.remapper)
        .map_err(|e| failed(format!("フォントの一部を埋め込めませんでした: {e}")))?;
    let metrics = font::metrics();
    let base = format!("{}+{FONT_NAME}", subset_tag(glyphs));
    let (type0, cid, descriptor, file, cmap) = (refs.next(), refs.next(), refs.next(), refs.next(), refs.next());
    let info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

    pdf.type0_font(type0)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);

    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(Name(base.as_bytes()))
        .system_info(info)
        .font_descriptor(descriptor)
        .default_width(1000.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    {
        let mut widths = cid_font.widths();
        for (gid, (_, advance)) in &glyphs.used {
            widths.consecutive(*gid, [*advance]);
        }
    }
    cid_font.finish();

    pdf.font_descriptor(descriptor)
        .name(Name(base.as_bytes()))
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(metrics.bbox[0], metrics.bbox[1], metrics.bbox[2], metrics.bbox[3]))
        .italic_angle(0.0)
        .ascent(metrics.ascent)
        .descent(metrics.descent)
        .cap_height(metrics.cap_height)
        .stem_v(80.0)
        .font_file2(file);

    let compressed = deflate(&subset);
    pdf.stream(file, &compressed)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), i32::try_from(subset.len()).unwrap_or(i32::MAX));

    let mut unicode = UnicodeCmap::new(Name(b"Custom"), info);
    for (gid, (c, _)) in &glyphs.used {
        unicode.pair(*gid, *c);
    }
    let unicode = unicode.finish();
    pdf.stream(cmap, unicode.as_slice());
    Ok(type0)
}

/// The PDF of `pages`, titled `title` (shown as the viewer's window title), in Japanese, made at
/// `made`: A4, the font (when any text is drawn) as a subset, photos as their JPEGs.
pub(crate) fn render(title: &str, pages: &[Page], made: Made) -> Result<Vec<u8>, FormsError> {
    let mut pdf = Pdf::new();
    let mut refs = Refs(0);
    let (catalog, tree, info) = (refs.next(), refs.next(), refs.next());
    let mut glyphs = Glyphs::new();
    let mut photos = Vec::new();
    // Content first: it decides which glyphs the subset keeps.
    let contents: Vec<(Vec<u8>, std::ops::Range<usize>)> = pages
        .iter()
        .map(|page| {
            let first = photos.len();
            let content = page_content(page, &mut glyphs, &mut photos);
            (content, first..photos.len())
        })
        .collect();
    let font = if glyphs.used.is_empty() { None } else { Some(write_font(&mut pdf, &mut refs, &glyphs)?) };
    let images: Vec<Ref> = photos
        .iter()
        .map(|photo| {
            let id = refs.next();
            let mut image = pdf.image_xobject(id, &photo.jpeg);
            image.filter(Filter::DctDecode);
            image.width(i32::try_from(photo.width).unwrap_or(1));
            image.height(i32::try_from(photo.height).unwrap_or(1));
            if photo.grey {
                image.color_space().device_gray();
            } else {
                image.color_space().device_rgb();
            }
            image.bits_per_component(8);
            id
        })
        .collect();

    let mut page_refs = Vec::with_capacity(pages.len());
    for (content, photo_range) in &contents {
        let (page_id, content_id) = (refs.next(), refs.next());
        page_refs.push(page_id);
        let compressed = deflate(content);
        pdf.stream(content_id, &compressed).filter(Filter::FlateDecode);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, pt(PAGE_WIDTH), pt(PAGE_HEIGHT))).parent(tree).contents(content_id);
        let mut resources = page.resources();
        if let Some(font) = font {
            resources.fonts().pair(Name(b"F1"), font);
        }
        if !photo_range.is_empty() {
            let mut objects = resources.x_objects();
            for n in photo_range.clone() {
                objects.pair(Name(format!("Im{}", n + 1).as_bytes()), images[n]);
            }
        }
    }
    pdf.pages(tree).kids(page_refs.iter().copied()).count(i32::try_from(page_refs.len()).unwrap_or(i32::MAX));
    let mut root = pdf.catalog(catalog);
    root.pages(tree).lang(TextStr("ja-JP"));
    root.viewer_preferences().display_doc_title(true);
    root.finish();
    let date = pdf_date(made);
    pdf.document_info(info)
        .title(TextStr(title))
        .creator(TextStr("オン資ナビ"))
        .producer(TextStr("オン資ナビ"))
        .creation_date(date)
        .modified_date(date);
    Ok(pdf.finish())
}

/// When a document was made, with the offset of where it was made.
pub type Made = chrono::DateTime<chrono::FixedOffset>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Align;

    fn made() -> Made {
        chrono::DateTime::parse_from_rfc3339("2026-12-06T10:00:00+09:00").expect("date")
    }

    fn text_page(text: &str) -> Page {
        let mut page = Page::default();
        page.text(20.0, 30.0, 12.0, true, Align::Left, text);
        page
    }

    fn contains(pdf: &[u8], needle: &[u8]) -> bool {
        pdf.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn each_glyph_is_kept_once_with_its_character_and_measured_width() {
        let mut glyphs = Glyphs::new();
        let codes = glyphs.encode("あいあ1");
        assert_eq!(codes.len(), 8, "two bytes a character");
        assert_eq!(codes[0..2], codes[4..6], "the same glyph, the same code");
        let chars: Vec<char> = glyphs.used.values().map(|(c, _)| *c).collect();
        assert_eq!(chars, ['あ', 'い', '1']);
        let widths: Vec<f32> = glyphs.used.values().map(|(_, w)| *w).collect();
        assert!((widths[0] - 1000.0).abs() < 0.5 && widths[2] < 1000.0, "{widths:?}");
        assert!(
            (font::width_mm("あいあ1", 10.0) - (2.0 * widths[0] + widths[1] + widths[2]) / 1000.0 * 10.0 * MM_PER_PT)
                .abs()
                < 0.001,
            "the PDF's widths are the layout's"
        );
    }

    #[test]
    fn another_set_of_glyphs_gets_another_subset_tag() {
        let tag = |text: &str| {
            let mut glyphs = Glyphs::new();
            glyphs.encode(text);
            subset_tag(&glyphs)
        };
        assert_eq!(tag("さくら"), tag("さくら"));
        assert_ne!(tag("さくら"), tag("さくら整骨院"));
        assert!(tag("あ").chars().all(|c| c.is_ascii_uppercase()) && tag("あ").len() == 6);
    }

    #[test]
    fn a_document_with_text_embeds_the_font_compressed_and_one_without_has_none() {
        let with_text = render("テスト", &[text_page("さくら整骨院"), text_page("2 / 2 ページ")], made()).expect("pdf");
        assert!(with_text.starts_with(b"%PDF-"));
        assert!(contains(&with_text, b"/FontFile2") && contains(&with_text, b"/ToUnicode"));
        assert!(contains(&with_text, b"/Identity-H") && contains(&with_text, b"+IPAexGothic"));
        assert!(with_text.len() < 60_000, "a subset, not the 6 MB font: {} bytes", with_text.len());
        assert_eq!(crate::upload::pdf_pages(&with_text), 2);

        let empty = render("空", &[Page::default()], made()).expect("pdf");
        assert!(!contains(&empty, b"/FontFile2"), "no text, no font");
        assert_eq!(crate::upload::pdf_pages(&empty), 1);
    }
}
