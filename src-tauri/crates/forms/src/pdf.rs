//! Draws laid-out pages as a PDF with printpdf: the font embedded as a subset (only the glyphs the
//! sheet uses, so a page stays a few tens of KB instead of the font's 6 MB).

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, TextItem, TextRenderingMode, XObjectTransform,
};

use crate::FormsError;
use crate::font::{self, MM_PER_PT};
use crate::layout::{Item, PAGE_HEIGHT, PAGE_WIDTH, Page, Text};

/// How much heavier "bold" text is: the outline stroked with this width, in points.
pub(crate) const BOLD_STROKE_PT: f32 = 0.25;

/// Millimetres to PDF points.
fn pt(mm: f32) -> Pt {
    Pt(mm / MM_PER_PT)
}

/// A point given in mm from the top-left, as PDF's bottom-left origin.
fn point(x: f32, y_from_top: f32) -> Point {
    Point { x: pt(x), y: pt(PAGE_HEIGHT - y_from_top) }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale { percent: level.clamp(0.0, 1.0), icc_profile: None })
}

/// A new document titled `title`, with the bundled font added.
pub(crate) fn document(title: &str) -> Result<(PdfDocument, FontId), FormsError> {
    let font = font::pdf_font()
        .ok_or_else(|| FormsError::DocumentFailed("PDF ", "同梱のフォントを読み込めませんでした".to_string()))?;
    let mut doc = new_document(title);
    let font_id = doc.add_font(font);
    Ok((doc, font_id))
}

/// An empty document titled `title`, dated now and signed by the app (printpdf leaves the dates
/// at 1970, which a viewer's properties dialog would show).
pub(crate) fn new_document(title: &str) -> PdfDocument {
    let mut doc = PdfDocument::new(title);
    let now = printpdf::OffsetDateTime::now();
    let info = &mut doc.metadata.info;
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;
    info.creator = "オン資ナビ".to_string();
    info.producer = "オン資ナビ".to_string();
    doc
}

/// The PDF of `pages`.
pub(crate) fn render(title: &str, pages: &[Page]) -> Result<Vec<u8>, FormsError> {
    let (mut doc, font_id) = document(title)?;
    let pdf_pages = pages
        .iter()
        .map(|page| PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), page_ops(page, &font_id, &mut doc)))
        .collect();
    save(&mut doc, pdf_pages)
}

/// Saves with fonts subset; a subsetting failure (which would embed the whole 6 MB font) is an
/// error rather than a silently huge file.
pub(crate) fn save(doc: &mut PdfDocument, pages: Vec<PdfPage>) -> Result<Vec<u8>, FormsError> {
    let mut warnings = Vec::new();
    let options = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
    let bytes = doc.with_pages(pages).save(&options, &mut warnings);
    // printpdf reports a failed subset (then embeds the whole font) or a font it cannot embed
    // as error-level warnings; anything else it says is informational.
    if let Some(failed) = warnings.iter().find(|w| w.severity == PdfParseErrorSeverity::Error && w.msg.contains("font"))
    {
        return Err(FormsError::DocumentFailed("PDF ", failed.msg.clone()));
    }
    Ok(bytes)
}

/// The drawing operations of one page (its photos added to `doc` as images).
fn page_ops(page: &Page, font_id: &FontId, doc: &mut PdfDocument) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.items.len() * 8);
    for item in &page.items {
        match item {
            Item::Image { x, y, w, h, photo } => {
                let id = doc.add_xobject(&crate::photos::jpeg_xobject(photo));
                // At 72 dpi one pixel is one point, so the scale is points per pixel.
                let transform = XObjectTransform {
                    translate_x: Some(pt(*x)),
                    translate_y: Some(pt(PAGE_HEIGHT - y - h)),
                    scale_x: Some(pt(*w).0 / photo.width as f32),
                    scale_y: Some(pt(*h).0 / photo.height as f32),
                    dpi: Some(72.0),
                    ..XObjectTransform::default()
                };
                ops.push(Op::UseXobject { id, transform });
            }
            Item::Text(text) => text_ops(&mut ops, text, font_id),
            Item::Line { x1, y1, x2, y2, width_pt, grey: level } => {
                ops.push(Op::SetOutlineColor { col: grey(*level) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width_pt) });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint { p: point(*x1, *y1), bezier: false },
                            LinePoint { p: point(*x2, *y2), bezier: false },
                        ],
                        is_closed: false,
                    },
                });
            }
            Item::Fill { x, y, w, h, grey: level } => {
                ops.push(Op::SetFillColor { col: grey(*level) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: pt(*x),
                        y: pt(PAGE_HEIGHT - y - h),
                        width: pt(*w),
                        height: pt(*h),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
            }
        }
    }
    ops
}

fn text_ops(ops: &mut Vec<Op>, text: &Text, font_id: &FontId) {
    ops.push(Op::SetFillColor { col: grey(0.0) });
    if text.bold {
        ops.push(Op::SetOutlineColor { col: grey(0.0) });
        ops.push(Op::SetOutlineThickness { pt: Pt(BOLD_STROKE_PT) });
    }
    ops.push(Op::StartTextSection);
    ops.push(Op::SetTextRenderingMode {
        mode: if text.bold { TextRenderingMode::FillStroke } else { TextRenderingMode::Fill },
    });
    ops.push(Op::SetFont { font: PdfFontHandle::External(font_id.clone()), size: Pt(text.size_pt) });
    ops.push(Op::SetTextCursor { pos: point(text.left(), text.y) });
    ops.push(Op::ShowText { items: vec![TextItem::Text(text.text.clone())] });
    ops.push(Op::EndTextSection);
}
