//! よくある質問: the guide's Q&A (`shared/seed`, 「4.Q&A」) and the call centre, as data with their
//! sources, and the search staff type into. The answers are the guide's words, made plain; the
//! one relayed second-hand (Q5, the 厚生労働省's answer) is marked so.

use serde::Serialize;
use specta::Type;

use crate::source::{DocLink, FactSource, ZENSEIKYO_REPORT, links, seed, seed_relayed};

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

/// The guide's Q&A, in its order, then the questions clinics ask most this month (the deadline,
/// the 助成金), each with its source.
pub const FAQ: [Faq; 8] = [
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
    Faq {
        id: "deadline",
        question: "オンライン資格確認を始めないと、受領委任はどうなりますか?期限はいつですか?",
        answer: &[
            "全整協の報告(令和7年8月8日の厚生労働省の説明)によると、利用申請も、やむを得ない事由の申し出もしていない施術所は、令和8年1月頃に集団指導、令和8年夏頃に「受領委任の取扱いが中止となり得る旨の通知」、令和8年12月頃に「受領委任の取扱いが中止」となる、とされています。",
            "導入ガイドの手順0で、今日の位置とやることを確かめられます。",
        ],
        links: &[links::KINKI_KOSEIKYOKU],
        source: ZENSEIKYO_REPORT,
    },
    Faq {
        id: "subsidy",
        question: "カードリーダーやスマートフォンを買うときの助成金はありますか?",
        answer: &[
            "助成金・協力金の受付状況と締切は、オン資ナビの「助成金」「協力金」の画面に、日付つきの制度データから表示しています(受付が終わったものは「受付終了」と表示します)。",
        ],
        links: &[links::PORTAL],
        source: seed("3.補助金について"),
    },
];

/// Words staff type for the same thing: a query word found in one group also finds the others.
/// Kept short, and only for words the guide's own texts use.
pub const SYNONYMS: [&[&str]; 5] = [
    &["スマホ", "スマートフォン"],
    &["受領委任", "期限", "中止", "集団指導"],
    &["助成金", "補助金", "助成"],
    &["パソコン", "PC"],
    &["カードリーダー", "リーダー", "読み取り"],
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

/// The folded words a query word stands for: itself, and its synonyms when it names one of
/// them ([`SYNONYMS`]).
fn alternatives(word: &str) -> Vec<String> {
    let key = jptext::search_key(word);
    let mut found = vec![key.clone()];
    for group in SYNONYMS {
        if group.iter().any(|w| jptext::search_key(w) == key) {
            found.extend(group.iter().map(|w| jptext::search_key(w)));
        }
    }
    found
}

/// The questions whose question or answer holds every word of `query` (words split by spaces;
/// each word, or one of its synonyms), in order; every question for an empty query. Text is
/// folded by the app's one look-up fold (`jptext::search_key`: width, かな, half-width カナ).
pub fn search(query: &str) -> Vec<&'static Faq> {
    let words: Vec<Vec<String>> =
        query.split_whitespace().map(alternatives).filter(|w| !w.first().is_none_or(String::is_empty)).collect();
    FAQ.iter()
        .filter(|f| {
            let text = jptext::search_key(&format!("{}{}", f.question, f.answer.concat()));
            words.iter().all(|alts| alts.iter().any(|w| text.contains(w.as_str())))
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
        assert_eq!(ids(search("スマートフォン")), ["q2", "q3", "subsidy"]);
        assert_eq!(ids(search("すまーとふぉん")), ["q2", "q3", "subsidy"], "ひらがな finds カタカナ");
        assert_eq!(ids(search("ｐｉｘｅｌ")), ["q3"]);
        assert_eq!(ids(search("core i3")), ["q4"]);
        assert_eq!(ids(search("端末 2台")), ["q5"]);
        assert_eq!(ids(search("  ")).len(), FAQ.len());
        assert!(search("レセコン").is_empty());
    }

    /// The words staff type: スマホ (any width), 受領委任, 期限, 助成金.
    #[test]
    fn synonyms_and_the_apps_one_fold() {
        assert_eq!(ids(search("スマホ")), ["q2", "q3", "subsidy"]);
        assert_eq!(ids(search("ｽﾏﾎ")), ["q2", "q3", "subsidy"], "half-width カナ, the app's fold");
        assert_eq!(ids(search("すまほ")), ["q2", "q3", "subsidy"]);
        assert_eq!(ids(search("受領委任")), ["deadline"]);
        assert_eq!(ids(search("期限")), ["deadline"]);
        assert_eq!(ids(search("助成金")), ["subsidy"]);
        assert_eq!(ids(search("補助金")), ["subsidy"]);
    }

    #[test]
    fn the_relayed_answer_is_marked_unverified_and_the_call_centre_is_the_guides() {
        assert!(!FAQ[4].source.verified);
        assert!(FAQ.iter().filter(|f| f.id.starts_with('q') && f.id != "q5").all(|f| f.source.verified));
        assert!(!FAQ.iter().any(|f| f.id == "deadline" && f.source.verified), "an association's report");
        assert_eq!(CALL_CENTRE.phone, "0800-080-4583", "the number the guide gives");
        const { assert!(!CALL_CENTRE.hours_source.verified) };
    }
}
