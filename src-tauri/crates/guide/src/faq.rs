//! よくある質問: the guide's Q&A (`shared/seed`, 「4.Q&A」) and the call centre, as data with their
//! sources, and the search staff type into. The answers are the guide's words, made plain; the
//! one relayed second-hand (Q5, the 厚生労働省's answer) is marked so.

use serde::Serialize;
use specta::Type;

use crate::source::{DocLink, FactSource, links, seed, seed_relayed};

/// One question with its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Faq {
    /// Stable id (`q1` …)
    pub id: &'static str,
    /// The question
    pub question: &'static str,
    /// The answer, one paragraph per item
    pub answer: &'static [&'static str],
    /// Pages the answer sends staff to
    pub links: &'static [DocLink],
    /// Where the answer comes from
    pub source: FactSource,
}

/// Where clinics call with questions about オンライン資格確認.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CallCentre {
    /// Its name
    pub name: &'static str,
    /// The number, as dialled in Japan
    pub phone: &'static str,
    /// 通話無料 and the like
    pub note: &'static str,
    /// Opening hours, as one 厚生局's page gives them (not opened from here)
    pub hours: &'static str,
    /// Where the number comes from
    pub source: FactSource,
    /// Where the hours come from
    pub hours_source: DocLink,
}

/// The guide's Q&A, in its order.
pub const FAQ: [Faq; 6] = [
    Faq {
        id: "q1",
        question: "貸与PCを使用する場合、インターネットに接続してもいいのでしょうか?",
        answer: &["セキュリティソフトを入れて接続してください。"],
        links: &[],
        source: seed("4.Q&A Q1"),
    },
    Faq {
        id: "q2",
        question: "PC以外の端末を使用しても問題はないのでしょうか?",
        answer: &["はい。往療先でも資格確認ができるタブレットやスマートフォンでも可能です。"],
        links: &[],
        source: seed("4.Q&A Q2"),
    },
    Faq {
        id: "q3",
        question: "スマートフォンを使用する場合、必要な機能はありますか?また、対応している機種はどのようなものがありますか?",
        answer: &[
            "マイナンバーカードの読み取り機能(NFC)が必要です。使えるスマートフォンは「マイナンバーカードに対応したNFCスマートフォン一覧」に載っています。",
            "一覧に載っている機種のうち、Galaxy など一部のスマートフォンは、Bluetooth の汎用カードリーダーと組み合わせる必要があります。",
            "iPhone と Google Pixel 6 以降は、スマートフォンだけで使えます。そのほか、スマートフォンだけでの利用が確認できている機種: AQUOS sense6、XPERIA 10 Ⅳ、OPPO Reno7 A、Pixel 6a、Pixel 7 Pro。",
        ],
        links: &[links::NFC_PHONES],
        source: seed("4.Q&A Q3"),
    },
    Faq {
        id: "q4",
        question: "PCを使用する場合、どのようなスペックが必要でしょうか?",
        answer: &[
            "対応OS: Windows 11、10(64ビット)。メモリ: 4GB。ストレージ: 160GB。CPU: Core i3 以上をご用意ください。",
            "導入ガイドの手順4で、このパソコンが要件を満たすかを調べられます。",
        ],
        links: &[],
        source: seed("4.Q&A Q4"),
    },
    Faq {
        id: "q5",
        question: "柔整とあはきの施術をしている場合、資格確認の端末は2台必要ですか?",
        answer: &[
            "別々に2台必要という情報がコールセンターからも出ていたそうですが、厚生労働省に確認したところ、1台あれば問題ないとの回答を得た、と案内に書かれています。",
        ],
        links: &[],
        source: seed_relayed("4.Q&A Q5"),
    },
    Faq {
        id: "q6",
        question: "マイナンバーカードの読み取りに関する掲示物などはありますか?",
        answer: &[
            "全柔協が作成した掲示物と、厚生労働省が作成した施術所向けのポスター・リーフレットがあります。詳しくは、それぞれのホームページ(掲示物等ダウンロード、オンライン資格確認に関する周知素材について)をご確認ください。",
        ],
        links: &[],
        source: seed("4.Q&A Q6"),
    },
];

/// The call centre the guide names, with the hours one 厚生局 gives.
pub const CALL_CENTRE: CallCentre = CallCentre {
    name: "オンライン資格確認等コールセンター",
    phone: "0800-080-4583",
    note: "通話無料",
    hours: "平日 8:00〜18:00、土曜 8:00〜16:00",
    source: seed("お問い合わせ先"),
    hours_source: links::KINKI_KOSEIKYOKU,
};

/// Text folded for search: full-width letters and digits to half-width, upper to lower case,
/// ひらがな to カタカナ, spaces removed. Only for matching; nothing shown is changed.
pub fn search_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            'ぁ'..='ゖ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The questions whose question or answer holds every word of `query` (words split by spaces),
/// in the guide's order; every question for an empty query.
pub fn search(query: &str) -> Vec<&'static Faq> {
    let words: Vec<String> = query.split_whitespace().map(search_key).filter(|w| !w.is_empty()).collect();
    FAQ.iter()
        .filter(|f| {
            let text = search_key(&format!("{}{}", f.question, f.answer.concat()));
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(found: Vec<&Faq>) -> Vec<&'static str> {
        found.into_iter().map(|f| f.id).collect()
    }

    #[test]
    fn search_finds_words_in_questions_and_answers_whatever_the_width_and_kana() {
        assert_eq!(ids(search("スマートフォン")), ["q2", "q3"]);
        assert_eq!(ids(search("すまーとふぉん")), ["q2", "q3"], "ひらがな finds カタカナ");
        assert_eq!(ids(search("ｐｉｘｅｌ")), ["q3"]);
        assert_eq!(ids(search("core i3")), ["q4"]);
        assert_eq!(ids(search("端末 2台")), ["q5"]);
        assert_eq!(ids(search("  ")).len(), 6);
        assert!(search("レセコン").is_empty());
    }

    #[test]
    fn the_relayed_answer_is_marked_unverified_and_the_call_centre_is_the_guides() {
        assert!(!FAQ[4].source.verified);
        assert!(FAQ.iter().filter(|f| f.id != "q5").all(|f| f.source.verified));
        assert_eq!(CALL_CENTRE.phone, "0800-080-4583", "the number the guide gives");
        const { assert!(!CALL_CENTRE.hours_source.verified) };
    }
}
