//! Photos to PDF pages: upright, shrunk, re-encoded; bad files refused with the typed error.

use std::io::Cursor;

use forms::photos::{self, MAX_SIDE};
use forms::{FormsErrorCode, Photo};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// A photo-like picture: gradients plus noise, so it does not compress to nothing.
fn picture(width: u32, height: u32) -> RgbImage {
    let mut state = 0x2545_f491_u32;
    RgbImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 24) as u8;
        Rgb([(x * 200 / width) as u8 + noise, (y * 200 / height) as u8 + noise, 120 + noise])
    })
}

fn jpeg(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(image).expect("encode JPEG");
    out
}

/// The JPEG with an EXIF APP1 segment saying Orientation = `orientation`, right after SOI.
fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\0\x2a\0\0\0\x08"); // big-endian TIFF header, IFD at 8
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes()); // count
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]); // padding of the 4-byte value
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec(); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&(payload.len() as u16 + 2).to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn decode(bytes: &[u8]) -> DynamicImage {
    image::load(Cursor::new(bytes), ImageFormat::Jpeg).expect("prepared photo decodes")
}

/// When the test's documents were made.
fn made() -> forms::Made {
    chrono::DateTime::parse_from_rfc3339("2026-12-06T10:00:00+09:00").expect("date")
}

fn photo(name: &str, bytes: Vec<u8>) -> Photo {
    Photo { name: name.into(), bytes }
}

#[test]
fn a_12_megapixel_photo_becomes_one_page_with_a_2000_px_jpeg() {
    let bytes = jpeg(&picture(4000, 3000));
    let prepared = photos::prepare(&photo("receipt.jpg", bytes.clone())).expect("prepared");
    assert_eq!((prepared.width, prepared.height), (MAX_SIDE, 1500));
    let decoded = decode(&prepared.jpeg);
    assert_eq!((decoded.width(), decoded.height()), (2000, 1500));

    let pdf = forms::photos_pdf(&[photo("receipt.jpg", bytes)], made()).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < 1_500_000, "{} bytes", pdf.len());
    // The JPEG is embedded byte for byte.
    assert!(pdf.windows(prepared.jpeg.len().min(4096)).any(|w| w == &prepared.jpeg[..w.len()]));
}

#[test]
fn exif_rotated_photos_end_up_upright() {
    // Stored 40×20: left half red, right half blue. Orientation 6 means "rotate 90° clockwise to
    // display", so upright it is 20×40 with red on top.
    let stored = RgbImage::from_fn(40, 20, |x, _| if x < 20 { Rgb([255, 0, 0]) } else { Rgb([0, 0, 255]) });
    let bytes = with_exif_orientation(&jpeg(&stored), 6);
    let prepared = photos::prepare(&photo("横向き.jpg", bytes)).expect("prepared");
    assert_eq!((prepared.width, prepared.height), (20, 40));
    let upright = decode(&prepared.jpeg).to_rgb8();
    let top = upright.get_pixel(10, 5);
    let bottom = upright.get_pixel(10, 34);
    assert!(top[0] > 200 && top[2] < 60, "top should be red: {top:?}");
    assert!(bottom[2] > 200 && bottom[0] < 60, "bottom should be blue: {bottom:?}");

    // Without EXIF it stays as stored.
    let plain = photos::prepare(&photo("plain.jpg", jpeg(&stored))).expect("prepared");
    assert_eq!((plain.width, plain.height), (40, 20));
}

#[test]
fn png_works_and_transparency_becomes_white_paper() {
    let mut rgba = image::RgbaImage::from_pixel(30, 10, image::Rgba([0, 0, 0, 0]));
    rgba.put_pixel(0, 0, image::Rgba([0, 0, 0, 255]));
    let mut png = Vec::new();
    DynamicImage::ImageRgba8(rgba).write_to(&mut Cursor::new(&mut png), ImageFormat::Png).expect("png");
    // Named .jpg: the content decides, not the name.
    let prepared = photos::prepare(&photo("passbook.jpg", png.clone())).expect("prepared");
    assert_eq!((prepared.width, prepared.height), (30, 10));
    let px = decode(&prepared.jpeg).to_rgb8().get_pixel(20, 5).0;
    assert!(px.iter().all(|c| *c > 240), "transparent became {px:?}");
    let pdf = forms::photos_pdf(&[photo("passbook.png", png)], made()).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn greyscale_stays_greyscale() {
    let grey = image::GrayImage::from_fn(50, 50, |x, y| image::Luma([((x + y) * 2) as u8]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&grey).expect("encode");
    let prepared = photos::prepare(&photo("scan.jpg", out)).expect("prepared");
    assert!(prepared.grey);
    assert!(forms::photos_pdf(&[photo("scan.jpg", prepared.jpeg.clone())], made()).is_ok());
}

#[test]
fn bad_photos_give_the_typed_error_naming_the_file() {
    let heic = {
        let mut b = vec![0, 0, 0, 0x18];
        b.extend_from_slice(b"ftypheic");
        b.extend_from_slice(&[0; 32]);
        b
    };
    let truncated = {
        let full = jpeg(&picture(64, 64));
        full[..full.len() / 3].to_vec()
    };
    let cases: [(&str, Vec<u8>, FormsErrorCode); 5] = [
        ("empty.jpg", Vec::new(), FormsErrorCode::EmptyFile),
        ("garbage.jpg", b"this is not a photo at all".to_vec(), FormsErrorCode::UnreadablePhoto),
        ("IMG_0001.HEIC", heic, FormsErrorCode::UnsupportedPhotoFormat),
        ("cut.jpg", truncated, FormsErrorCode::UnreadablePhoto),
        ("photo.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(), FormsErrorCode::UnsupportedPhotoFormat),
    ];
    for (name, bytes, code) in cases {
        let error = photos::prepare(&photo(name, bytes.clone())).expect_err(name);
        assert_eq!(error.code(), code, "{name}: {error}");
        assert!(error.to_string().contains(name), "{error}");
        let error =
            forms::photos_pdf(&[photo("ok.jpg", jpeg(&picture(8, 8))), photo(name, bytes)], made()).expect_err(name);
        assert_eq!(error.code(), code);
    }
    assert_eq!(forms::photos_pdf(&[], made()).expect_err("no photos").code(), FormsErrorCode::NoPhotos);
}

#[test]
fn a_photo_beyond_any_phone_is_refused_before_decoding() {
    // A PNG header claiming 30000×30000 pixels: refused on its dimensions, nothing allocated.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&30_000u32.to_be_bytes());
    png.extend_from_slice(&30_000u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0]);
    png.extend_from_slice(&[0, 0, 0, 0]); // CRC (wrong, which is also refused)
    let error = photos::prepare(&photo("huge.png", png)).expect_err("refused");
    assert!(matches!(error.code(), FormsErrorCode::PhotoTooLarge | FormsErrorCode::UnreadablePhoto), "{error}");
}

/// The photo page rendered by poppler: one page, one image of the prepared size, and not blank.
#[cfg(not(windows))]
#[test]
fn poppler_sees_one_page_with_the_image() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("photo.pdf");
    let bytes = with_exif_orientation(&jpeg(&picture(800, 400)), 6);
    std::fs::write(&path, forms::photos_pdf(&[photo("receipt.jpg", bytes)], made()).expect("pdf")).expect("write");
    let check = std::process::Command::new("qpdf").arg("--check").arg(&path).output().expect("qpdf runs");
    assert!(check.status.success(), "qpdf --check: {}", String::from_utf8_lossy(&check.stdout));
    let out = std::process::Command::new("pdfimages").arg("-list").arg(&path).output().expect("pdfimages runs");
    let list = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "{list}");
    let fields: Vec<&str> = rows[0].split_whitespace().collect();
    assert_eq!((fields[3], fields[4]), ("400", "800"), "upright: {list}");
    assert_eq!(fields[8], "jpeg", "{list}");
    let info = std::process::Command::new("pdfinfo").arg(&path).output().expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.ends_with(" 1")), "{info}");
    assert!(info.contains("595.") && info.contains("841."), "A4: {info}");
}
