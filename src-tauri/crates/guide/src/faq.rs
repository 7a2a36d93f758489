//! よくある質問: the guide's Q&A (`shared/seed`, 「4.Q&A」), the questions clinics ask most this
//! month, and the call centre, as dated data with their sources ([`crate::knowledge`]), and the
//! search staff type into. The answers are the guide's words, made plain; the one relayed
//! second-hand (Q5, the 厚生労働省's answer) is marked so.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::knowledge::{Knowledge, LinkRef};
use crate::source::{DocLink, FactSource};

/// One question with its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Faq {
    /// Stable id (`q1` …)
    pub id: String,
    /// The question
    pub question: String,
    /// The answer, one paragraph per item
    pub answer: Vec<String>,
    /// Pages the answer sends staff to (ids in the data, pages once loaded)
    #[specta(type = Vec<DocLink>)]
    pub links: Vec<LinkRef>,
    /// Where the answer comes from
    pub source: FactSource,
}

/// Where clinics call with questions about オンライン資格確認.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CallCentre {
    /// Its name
    pub name: String,
    /// The number, as dialled in Japan
    pub phone: String,
    /// 通話無料 and the like
    pub note: String,
    /// Opening hours, as one 厚生局's page gives them (not opened from here)
    pub hours: String,
    /// Where the number comes from
    pub source: FactSource,
    /// Where the hours come from (an id in the data, the page once loaded)
    #[specta(type = DocLink)]
    pub hours_source: LinkRef,
}

/// The folded words a query word stands for: itself, and its synonyms when it names one of
/// them (the data's `synonyms`).
fn alternatives(word: &str, knowledge: &Knowledge) -> Vec<String> {
    let key = jptext::search_key(word);
    let mut found = vec![key.clone()];
    for group in &knowledge.synonyms {
        if group.iter().any(|w| jptext::search_key(w) == key) {
            found.extend(group.iter().map(|w| jptext::search_key(w)));
        }
    }
    found
}

/// The questions whose question or answer holds every word of `query` (words split by spaces;
/// each word, or one of its synonyms), in order; every question for an empty query. Text is
/// folded by the app's one look-up fold (`jptext::search_key`: width, かな, half-width カナ).
pub fn search<'k>(query: &str, knowledge: &'k Knowledge) -> Vec<&'k Faq> {
    let words: Vec<Vec<String>> = query
        .split_whitespace()
        .map(|w| alternatives(w, knowledge))
        .filter(|w| !w.first().is_none_or(String::is_empty))
        .collect();
    knowledge
        .faq
        .iter()
        .filter(|f| {
            let text = jptext::search_key(&format!("{}{}", f.question, f.answer.concat()));
            words.iter().all(|alts| alts.iter().any(|w| text.contains(w.as_str())))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::BUNDLED;

    fn ids(found: Vec<&Faq>) -> Vec<&str> {
        found.into_iter().map(|f| f.id.as_str()).collect()
    }

    fn search(query: &str) -> Vec<&'static Faq> {
        super::search(query, &BUNDLED)
    }

    #[test]
    fn search_finds_words_in_questions_and_answers_whatever_the_width_and_kana() {
        assert_eq!(ids(search("スマートフォン")), ["q2", "q3", "subsidy"]);
        assert_eq!(ids(search("すまーとふぉん")), ["q2", "q3", "subsidy"], "ひらがな finds カタカナ");
        assert_eq!(ids(search("ｐｉｘｅｌ")), ["q3"]);
        assert_eq!(ids(search("core i3")), ["q4"]);
        assert_eq!(ids(search("端末 2台")), ["q5"]);
        assert_eq!(ids(search("  ")).len(), BUNDLED.faq.len());
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
        let faq = &BUNDLED.faq;
        assert!(!faq[4].source.verified);
        assert!(faq.iter().filter(|f| f.id.starts_with('q') && f.id != "q5").all(|f| f.source.verified));
        assert!(!faq.iter().any(|f| f.id == "deadline" && f.source.verified), "an association's report");
        assert_eq!(BUNDLED.call_centre.phone, "0800-080-4583", "the number the guide gives");
        assert!(BUNDLED.call_centre.hours_source.link().is_some_and(|l| !l.verified));
    }
}
