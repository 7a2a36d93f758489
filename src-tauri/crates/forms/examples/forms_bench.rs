//! How long the paperwork takes on this PC and how big it comes out:
//! `cargo run --release -p forms --example forms_bench -- <out-dir> [runs]`.
//!
//! Builds the one-page 内訳書 as PDF and as .xlsx `runs` times (50 unless given) and prints the
//! min and median time and the size, writes `breakdown.pdf` and `breakdown.xlsx` into <out-dir>
//! (to time `libreoffice --headless --convert-to pdf breakdown.xlsx` against), then turns a
//! generated 12-megapixel photo (gradients and noise, like a real one) into a PDF page and prints
//! the time, the size and, on Linux, the peak memory of that step.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use forms::{Breakdown, Photo, ReceiptSheet, SheetLine};

/// When the documents are made (the PC's now).
fn made() -> forms::Made {
    chrono::Local::now().fixed_offset()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).unwrap_or_default()
}

fn line(item: &str, category: &str, maker_model: &str, quantity: u32, unit: i32, eligible: bool) -> SheetLine {
    SheetLine {
        item: item.into(),
        category: category.into(),
        maker_model: maker_model.into(),
        quantity,
        unit_price_yen: unit,
        amount_yen: unit * quantity as i32,
        bought_on: day(10),
        eligible,
        to_check: false,
        reason: (!eligible).then(|| "ケーブル類は助成の対象外です".to_string()),
    }
}

fn sheet() -> Breakdown {
    Breakdown {
        clinic_name: "さくら整骨院".into(),
        registration_number: "協0123456".into(),
        program_name: "柔整・あはき施術所用助成金".into(),
        prepared_on: day(15),
        receipts: vec![
            ReceiptSheet {
                number: "R-2026-0001".into(),
                seller: "カメラのサクラヤ 梅田店".into(),
                issued_on: day(10),
                total_yen: 11_460,
                lines: vec![
                    line("ICカードリーダー", "汎用カードリーダー", "ソニー RC-S300/S", 2, 4980, true),
                    line("USB延長ケーブル 1.5m", "そのほか", "エレコム USB-ECA15BK", 1, 1500, false),
                ],
            },
            ReceiptSheet {
                number: "R-2026-0002".into(),
                seller: "家電のミドリ 本店".into(),
                issued_on: day(10),
                total_yen: 39_800,
                lines: vec![line("タブレット 10.9インチ", "タブレット", "Apple iPad MPQ03J/A", 1, 39_800, true)],
            },
        ],
        total_yen: 51_260,
        eligible_total_yen: 49_760,
        claim_yen: 41_000,
        clinic_pays_yen: 10_260,
        cap_yen: 41_000,
        claim_unit_yen: 1000,
    }
}

/// Runs `f` `runs` times; returns (min, median) and the last output.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    match last {
        Some(out) => (times[0], median, out),
        None => unreachable!("runs is at least 1"),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// A 4000×3000 JPEG with gradients and noise (a flat colour would compress to nothing).
fn photo() -> Vec<u8> {
    let mut state = 0x9e37_79b9_u32;
    let image = image::RgbImage::from_fn(4000, 3000, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 40) as u8;
        let stripe = if (x / 60 + y / 45) % 2 == 0 { 30 } else { 0 };
        image::Rgb([(x / 20) as u8 + noise, (y / 15) as u8 + noise / 2 + stripe, 180 - (x / 40) as u8 + noise])
    });
    let mut jpeg = Vec::new();
    if let Err(e) = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 92).encode_image(&image) {
        eprintln!("could not encode the test photo: {e}");
        std::process::exit(1);
    }
    jpeg
}

/// Peak resident memory so far (Linux: VmHWM), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Current resident memory (Linux: VmRSS), in MB.
fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find(|l| l.starts_with("VmRSS:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Resets the peak so the next reading is the photo step's own (Linux: clear_refs 5).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: forms_bench <out-dir> [runs | pdf]");
        std::process::exit(2);
    };
    let second = args.next();
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {}: {e}", out.display());
        std::process::exit(1);
    }
    let sheet = sheet();
    // `pdf`: make the 内訳書 once and exit, to time the whole process against another converter.
    if second.as_deref() == Some("pdf") {
        let pdf = forms::breakdown_pdf(&sheet, made()).unwrap_or_else(|e| panic!("breakdown_pdf: {e}"));
        std::fs::write(out.join("breakdown.pdf"), pdf).unwrap_or_else(|e| panic!("write: {e}"));
        return;
    }
    let runs: usize = second.and_then(|r| r.parse().ok()).unwrap_or(50);

    let (min, median, pdf) = time(runs, || forms::breakdown_pdf(&sheet, made()));
    let pdf = pdf.unwrap_or_else(|e| panic!("breakdown_pdf: {e}"));
    println!("内訳書 PDF   ×{runs}: min {}, median {}, {:.1} KB", ms(min), ms(median), pdf.len() as f64 / 1024.0);

    let (min, median, xlsx) = time(runs, || forms::breakdown_xlsx(&sheet, made()));
    let xlsx = xlsx.unwrap_or_else(|e| panic!("breakdown_xlsx: {e}"));
    println!("内訳書 .xlsx ×{runs}: min {}, median {}, {:.1} KB", ms(min), ms(median), xlsx.len() as f64 / 1024.0);

    let (min, median, svg) = time(runs, || forms::breakdown_preview(&sheet));
    println!(
        "内訳書 SVG   ×{runs}: min {}, median {}, {:.1} KB",
        ms(min),
        ms(median),
        svg.iter().map(String::len).sum::<usize>() as f64 / 1024.0
    );

    for (name, bytes) in [("breakdown.pdf", &pdf), ("breakdown.xlsx", &xlsx)] {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("wrote {}", path.display());
    }

    let jpeg = photo();
    let photo = Photo { name: "receipt.jpg".into(), bytes: jpeg };
    let before = resident_mb();
    let reset = reset_peak();
    let start = Instant::now();
    let page = forms::photos_pdf(std::slice::from_ref(&photo), made()).unwrap_or_else(|e| panic!("photos_pdf: {e}"));
    let took = start.elapsed();
    println!(
        "12 MP photo ({:.1} MB JPEG, 4000×3000) → PDF page: {}, {:.0} KB",
        photo.bytes.len() as f64 / (1024.0 * 1024.0),
        ms(took),
        page.len() as f64 / 1024.0
    );
    match (peak_mb(), before, reset) {
        (Some(peak), Some(before), true) => println!(
            "  peak resident during the photo step: {peak:.0} MB (resident before it: {before:.0} MB, so ≈{:.0} MB for the step)",
            peak - before
        ),
        (Some(peak), _, _) => println!("  peak resident of the whole run: {peak:.0} MB"),
        _ => println!("  peak memory: not available on this system"),
    }
    if let Err(e) = std::fs::write(out.join("photo.pdf"), &page) {
        eprintln!("cannot write photo.pdf: {e}");
    }
}
