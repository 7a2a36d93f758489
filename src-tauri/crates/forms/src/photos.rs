//! Receipt and passbook photos as PDF pages. A phone photo is decoded (format told by its bytes,
//! not its name), turned upright by its EXIF orientation (PDF viewers ignore EXIF), shrunk so its
//! longer side is at most [`MAX_SIDE`] px (200 dpi on A4: a receipt stays readable, the upload
//! small) and re-encoded as JPEG, then placed on its own A4 page.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::FormsError;
use crate::layout::{PAGE_HEIGHT, PAGE_WIDTH, Page};
use crate::model::Photo;

/// The longer side of a prepared photo, px.
pub const MAX_SIDE: u32 = 2000;
/// JPEG quality of a prepared photo: text stays sharp, a page stays a few hundred KB.
pub const JPEG_QUALITY: u8 = 80;
/// Margin around a photo on its page, mm.
const MARGIN: f32 = 10.0;
/// No phone takes photos bigger than this; a larger one is refused before it is decoded.
const MAX_DIMENSION: u32 = 16_000;
/// Memory a decode may take (a 100-megapixel RGB photo is 300 MB).
const MAX_DECODE_BYTES: u64 = 400 * 1024 * 1024;

/// A photo ready for its page: upright, at most [`MAX_SIDE`] px, as JPEG.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedPhoto {
    /// Width in pixels, after rotation
    pub width: u32,
    /// Height in pixels, after rotation
    pub height: u32,
    /// Greyscale photos stay greyscale (a third of the size)
    pub grey: bool,
    /// Baseline JPEG, what the PDF embeds as is
    pub jpeg: Vec<u8>,
}

/// Formats recognised by their first bytes only to name them in the message.
fn unsupported_format(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        return Some(match brand {
            b"avif" | b"avis" => "AVIF",
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"hevm" | b"hevs" | b"mif1" | b"msf1" => "HEIC",
            _ => "動画など写真以外の",
        });
    }
    match image::guess_format(bytes).ok()? {
        ImageFormat::WebP => Some("WebP"),
        ImageFormat::Gif => Some("GIF"),
        ImageFormat::Tiff => Some("TIFF"),
        ImageFormat::Bmp => Some("BMP"),
        _ => None,
    }
}

/// Whether a JPEG has its end marker after its image data. The decoder is lenient and fills a
/// photo cut off in copying with grey: a receipt missing its lower half must be refused instead.
/// (In the compressed data an 0xFF is always followed by 0x00 or a restart marker, so FF D9 after
/// the first start-of-scan is the end marker; phones that append data after it still have it.)
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let Some(scan) = bytes.windows(2).position(|w| w == [0xFF, 0xDA]) else {
        return false;
    };
    bytes[scan..].windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Decodes, turns upright, shrinks and re-encodes one photo. Errors name the photo.
pub fn prepare(photo: &Photo) -> Result<PreparedPhoto, FormsError> {
    let name = || photo.name.clone();
    if photo.bytes.is_empty() {
        return Err(FormsError::EmptyFile(name()));
    }
    if let Some(format) = unsupported_format(&photo.bytes) {
        return Err(FormsError::UnsupportedPhotoFormat(name(), format));
    }
    let format = match image::guess_format(&photo.bytes) {
        Ok(ImageFormat::Jpeg) if jpeg_is_complete(&photo.bytes) => ImageFormat::Jpeg,
        Ok(ImageFormat::Png) => ImageFormat::Png,
        _ => return Err(FormsError::UnreadablePhoto(name())),
    };
    let mut reader = ImageReader::with_format(Cursor::new(photo.bytes.as_slice()), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| decode_error(e, name()))?;
    // A photo with unreadable EXIF is still a photo: it is only not rotated.
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let full = DynamicImage::from_decoder(decoder).map_err(|e| decode_error(e, name()))?;

    // Shrink first, then rotate and convert: only the small copy is ever duplicated.
    let (w, h) = (full.width(), full.height());
    let mut small = if w.max(h) > MAX_SIDE {
        let scale = MAX_SIDE as f32 / w.max(h) as f32;
        let nw = ((w as f32 * scale).round() as u32).clamp(1, MAX_SIDE);
        let nh = ((h as f32 * scale).round() as u32).clamp(1, MAX_SIDE);
        let small = full.thumbnail_exact(nw, nh);
        drop(full);
        small
    } else {
        full
    };
    small.apply_orientation(orientation);
    let grey = !small.color().has_color();
    let flat = flatten(small, grey);

    let mut jpeg = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY);
    flat.write_with_encoder(encoder).map_err(|e| FormsError::DocumentFailed("写真の PDF ", e.to_string()))?;
    Ok(PreparedPhoto { width: flat.width(), height: flat.height(), grey, jpeg })
}

/// 8-bit RGB or grey with any transparency composited onto white paper.
fn flatten(image: DynamicImage, grey: bool) -> DynamicImage {
    if !image.color().has_alpha() {
        return if grey {
            DynamicImage::ImageLuma8(image.into_luma8())
        } else {
            DynamicImage::ImageRgb8(image.into_rgb8())
        };
    }
    let rgba = image.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut rgb = image::RgbImage::new(w, h);
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let alpha = u32::from(px[3]);
        for c in 0..3 {
            out[c] = ((u32::from(px[c]) * alpha + 255 * (255 - alpha)) / 255) as u8;
        }
    }
    let rgb = DynamicImage::ImageRgb8(rgb);
    if grey { DynamicImage::ImageLuma8(rgb.into_luma8()) } else { rgb }
}

fn decode_error(error: image::ImageError, name: String) -> FormsError {
    match error {
        image::ImageError::Limits(_) => FormsError::PhotoTooLarge(name),
        _ => FormsError::UnreadablePhoto(name),
    }
}

/// One A4 page per photo, each photo prepared as [`prepare`] does. The JPEG goes into the PDF as
/// it is (DCTDecode), never decoded again.
pub(crate) fn pdf(photos: &[Photo], made: crate::Made) -> Result<Vec<u8>, FormsError> {
    if photos.is_empty() {
        return Err(FormsError::NoPhotos);
    }
    let mut pages = Vec::with_capacity(photos.len());
    for photo in photos {
        let prepared = std::sync::Arc::new(prepare(photo)?);
        // Fitted inside the margins, aspect kept, centred.
        let mut page = Page::default();
        page.photo(MARGIN, MARGIN, PAGE_WIDTH - 2.0 * MARGIN, PAGE_HEIGHT - 2.0 * MARGIN, prepared);
        pages.push(page);
    }
    crate::pdf::render("領収書・通帳の写真", &pages, made)
}

/// A JPEG this crate prepared earlier (kept in the database), read back without decoding its
/// pixels: its size and whether it is greyscale. Anything else is refused as unreadable.
pub fn probe(name: &str, jpeg: Vec<u8>) -> Result<PreparedPhoto, FormsError> {
    let unreadable = || FormsError::UnreadablePhoto(name.to_string());
    if !jpeg_is_complete(&jpeg) {
        return Err(unreadable());
    }
    let decoder = image::codecs::jpeg::JpegDecoder::new(Cursor::new(jpeg.as_slice())).map_err(|_| unreadable())?;
    let (width, height) = decoder.dimensions();
    let grey = !decoder.color_type().has_color();
    if width == 0 || height == 0 || width.max(height) > MAX_SIDE {
        return Err(unreadable());
    }
    Ok(PreparedPhoto { width, height, grey, jpeg })
}
