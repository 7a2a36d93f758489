//! The patient poster and flyer: what a patient does at the counter with a マイナ保険証, and that
//! without one the 資格確認書 works as before, with the clinic's name, in large type. One wording
//! for 柔道整復 and one for あん摩マッサージ指圧・はり・きゅう; the card is read where the clinic
//! reads it (a card reader, a smartphone or a tablet: the route of the guide's step 3). Useful
//! every day whatever a program's state, so nothing here names a program or a date.
//!
//! It says only what the patient will see: the card is for checking the insurance when treated
//! under insurance (it never makes a treatment insurance-covered), the PIN is typed by the patient
//! alone; the face-photo check (目視) is not promised, since no source says the 施術所's app
//! offers it.
//!
//! The poster is one A4 page; the flyer puts the same text twice on an A4 page (two A5 halves
//! with a cut line), to hand out.

use serde::{Deserialize, Serialize};
use specta::Type;

use guide::answers::ReadsWith;

use crate::layout::{self, Align, PAGE_HEIGHT, PAGE_WIDTH, Page};

/// Who the clinic treats: the poster names the kind of treatment the card works for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// 柔道整復 (整骨院・接骨院)
    Judo,
    /// あん摩マッサージ指圧・はり・きゅう
    Ahaki,
}

/// The words for what the card is read with.
fn reader_words(read_with: ReadsWith) -> &'static str {
    match read_with {
        ReadsWith::CardReader => "カードリーダー",
        ReadsWith::Smartphone => "スマートフォン",
        ReadsWith::Tablet => "タブレット",
    }
}

/// A poster on the wall or flyers to hand out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PosterFormat {
    /// One A4 page
    Poster,
    /// Two A5 flyers on one A4 page, with a cut line
    Flyer,
}

/// What to print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PosterSheet {
    /// The clinic's name as registered
    pub clinic_name: String,
    /// 柔整 or あはき
    pub audience: Audience,
    /// Poster or flyer
    pub format: PosterFormat,
    /// What the card is read with (the clinic's route)
    #[serde(skip)]
    #[specta(skip)]
    pub read_with: ReadsWith,
}

/// The PDF's title.
pub(crate) fn title(sheet: &PosterSheet) -> String {
    let what = match sheet.format {
        PosterFormat::Poster => "ポスター",
        PosterFormat::Flyer => "チラシ",
    };
    format!("マイナ保険証のご案内({what}) {}", sheet.clinic_name)
}

fn treatment(audience: Audience) -> &'static str {
    match audience {
        Audience::Judo => "柔道整復(整骨院・接骨院)の施術",
        Audience::Ahaki => "はり・きゅう・あん摩マッサージ指圧の施術",
    }
}

/// The three steps at the counter, the first naming what the card is read with.
fn steps(read_with: ReadsWith) -> [String; 3] {
    [
        format!("受付でマイナンバーカードをお出しください。{}で読み取ります。", reader_words(read_with)),
        "ご本人の確認のため、4桁の暗証番号をご自身で入力していただくことがあります。暗証番号はスタッフにお伝えにならないでください。"
            .to_string(),
        "確認が終わったら、カードはすぐにお返しします。".to_string(),
    ]
}

/// Draws the text into the box from `top` to `bottom` (mm), scaled by `scale` (1.0 = the poster).
fn draw(page: &mut Page, sheet: &PosterSheet, top: f32, bottom: f32, scale: f32) {
    let left = if scale > 1.0 { 16.0 } else { 14.0 };
    let right = PAGE_WIDTH - left;
    let width = right - left;
    let mut y = top;
    let paragraph = |page: &mut Page, y: &mut f32, text: &str, size: f32, bold: bool, indent: f32, align: Align| {
        let size = size * scale;
        for line in layout::wrap(text, width - indent, size) {
            let x = match align {
                Align::Center => PAGE_WIDTH / 2.0,
                _ => left + indent,
            };
            page.text(x, layout::baseline(*y, size), size, bold, align, &line);
            *y += layout::line_height(size);
        }
    };
    let title_line = layout::line_height(30.0 * scale);
    page.fill(left, y, width, 2.0 * title_line + 8.0 * scale, 0.9);
    y += 4.0 * scale;
    paragraph(page, &mut y, "マイナ保険証を", 30.0, true, 0.0, Align::Center);
    paragraph(page, &mut y, "ご利用ください", 30.0, true, 0.0, Align::Center);
    y += 8.0 * scale;
    paragraph(page, &mut y, &sheet.clinic_name, 22.0, true, 0.0, Align::Center);
    y += 2.0 * scale;
    let lead = format!(
        "{}を保険で受けるときの資格の確認に、マイナ保険証(健康保険証として登録したマイナンバーカード)をお使いいただけます。",
        treatment(sheet.audience)
    );
    paragraph(page, &mut y, &lead, 14.0, false, 0.0, Align::Left);
    y += 4.0 * scale;
    paragraph(page, &mut y, "受付での流れ", 16.0, true, 0.0, Align::Left);
    page.line(left, y, right, y, 0.8, 0.3);
    y += 2.0 * scale;
    for (i, step) in steps(sheet.read_with).iter().enumerate() {
        let number = ["①", "②", "③"][i];
        let size = 15.0 * scale;
        page.text(left, layout::baseline(y, size), size, true, Align::Left, number);
        paragraph(page, &mut y, step, 15.0, false, 10.0 * scale, Align::Left);
        y += 2.0 * scale;
    }
    y += 3.0 * scale;
    let box_top = y;
    y += 3.0 * scale;
    paragraph(page, &mut y, "マイナ保険証をお持ちでない方へ", 16.0, true, 4.0, Align::Left);
    paragraph(
        page,
        &mut y,
        "お手元の「資格確認書」で、これまでどおり施術を受けられます。受付でお出しください。",
        15.0,
        false,
        4.0,
        Align::Left,
    );
    y += 3.0 * scale;
    for (x1, y1, x2, y2) in
        [(left, box_top, right, box_top), (left, y, right, y), (left, box_top, left, y), (right, box_top, right, y)]
    {
        page.line(x1, y1, x2, y2, 1.2, 0.2);
    }
    y += 5.0 * scale;
    if y < bottom {
        paragraph(page, &mut y, "わからないことは、受付でお尋ねください。", 13.0, false, 0.0, Align::Center);
    }
    // The clinic's own notice, not the ministry's leaflet: said on it, small, where it fits.
    let own = match sheet.clinic_name.trim() {
        "" => "このお知らせは、当院が作成したものです。".to_string(),
        name => format!("このお知らせは、{name}が作成したものです。"),
    };
    y += 2.0 * scale;
    if y + layout::line_height(9.0 * scale) < bottom {
        paragraph(page, &mut y, &own, 9.0, false, 0.0, Align::Center);
    } else {
        // Below the text, in the page's lower margin (still inside what printers print).
        page.text(PAGE_WIDTH / 2.0, bottom + 5.0, 9.0 * scale, false, Align::Center, &own);
    }
}

/// The poster or the flyers as pages (always one).
pub(crate) fn pages(sheet: &PosterSheet) -> Vec<Page> {
    let mut page = Page::default();
    match sheet.format {
        PosterFormat::Poster => draw(&mut page, sheet, 22.0, PAGE_HEIGHT - 16.0, 1.45),
        PosterFormat::Flyer => {
            let half = PAGE_HEIGHT / 2.0;
            draw(&mut page, sheet, 10.0, half - 6.0, 0.8);
            draw(&mut page, sheet, half + 10.0, PAGE_HEIGHT - 6.0, 0.8);
            // The cut line, dashed.
            let mut x = 6.0;
            while x < PAGE_WIDTH - 6.0 {
                page.line(x, half, (x + 3.0).min(PAGE_WIDTH - 6.0), half, 0.4, 0.5);
                x += 5.0;
            }
            page.text(PAGE_WIDTH - 8.0, half - 1.5, 7.0, false, Align::Right, "きりとり線");
        }
    }
    vec![page]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Item;

    fn texts(page: &Page) -> String {
        page.texts().map(|t| t.text.as_str()).collect::<Vec<_>>().join("")
    }

    #[test]
    fn the_poster_names_the_clinic_its_treatment_and_the_certificate() {
        for (audience, treatment) in [(Audience::Judo, "柔道整復"), (Audience::Ahaki, "はり・きゅう")] {
            let sheet = PosterSheet {
                clinic_name: "さくら整骨院".into(),
                audience,
                format: PosterFormat::Poster,
                read_with: ReadsWith::CardReader,
            };
            let page = &pages(&sheet)[0];
            let all = texts(page);
            for needle in [
                "マイナ保険証を",
                "さくら整骨院",
                treatment,
                "資格確認書",
                "暗証番号",
                "このお知らせは、さくら整骨院が作成したものです。",
            ] {
                assert!(all.contains(needle), "{needle} in {all}");
            }
            assert!(all.contains("保険で受けるときの資格の確認に、マイナ保険証"), "{all}");
            for never in ["お顔", "写真", "目視", "にもお使いいただけます"] {
                assert!(!all.contains(never), "{never} in {all}");
            }
            for t in page.texts() {
                assert!(
                    t.left() >= 0.0 && t.left() + t.width <= PAGE_WIDTH && t.y <= PAGE_HEIGHT,
                    "{t:?} off the page"
                );
            }
        }
    }

    /// The patient reads what the clinic reads the card with: its route.
    #[test]
    fn the_poster_says_what_the_card_is_read_with() {
        for (read_with, words) in [
            (ReadsWith::CardReader, "カードリーダーで読み取ります"),
            (ReadsWith::Smartphone, "スマートフォンで読み取ります"),
            (ReadsWith::Tablet, "タブレットで読み取ります"),
        ] {
            let sheet = PosterSheet {
                clinic_name: "さくら整骨院".into(),
                audience: Audience::Judo,
                format: PosterFormat::Poster,
                read_with,
            };
            let all = texts(&pages(&sheet)[0]);
            assert!(all.contains(words), "{words} in {all}");
            for other in
                ["カードリーダーで", "スマートフォンで", "タブレットで"].into_iter().filter(|o| !words.starts_with(o))
            {
                assert!(!all.contains(other), "{other} in {all}");
            }
        }
    }

    #[test]
    fn the_flyer_holds_two_copies_and_a_cut_line() {
        let sheet = PosterSheet {
            clinic_name: "みどり鍼灸院".into(),
            audience: Audience::Ahaki,
            format: PosterFormat::Flyer,
            read_with: ReadsWith::Smartphone,
        };
        let page = &pages(&sheet)[0];
        assert_eq!(page.texts().filter(|t| t.text == "みどり鍼灸院").count(), 2);
        let own = page.texts().filter(|t| t.text == "このお知らせは、みどり鍼灸院が作成したものです。").count();
        assert_eq!(own, 2, "each copy says whose notice it is");
        let top = page.texts().filter(|t| t.y < PAGE_HEIGHT / 2.0).map(|t| t.y).fold(0.0_f32, f32::max);
        assert!(top < PAGE_HEIGHT / 2.0, "the first copy stays above the cut");
        assert!(
            page.items
                .iter()
                .any(|i| matches!(i, Item::Line { y1, y2, .. } if (*y1 - PAGE_HEIGHT / 2.0).abs() < 0.01 && y1 == y2))
        );
    }
}
