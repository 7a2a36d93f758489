//! Every way a card read can fail, each with a stable code and a message staff can act on at the
//! counter. The next read after any of these works without restarting the app.

/// A card or reader error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    /// The PC/SC service is not running (Linux: pcscd; Windows: the "Smart Card" service, SCardSvr).
    #[error("{}", service_message())]
    ServiceUnavailable,
    /// No reader is connected.
    #[error(
        "カードリーダーが見つかりません。USBケーブルがつながっているか、Bluetoothの場合はペアリングされているかを確かめてください"
    )]
    NoReader,
    /// The reader went away (unplugged, Bluetooth out of range); its name when known.
    #[error("{}", reader_gone_message(.0))]
    ReaderGone(String),
    /// No card on the reader.
    #[error("カードが置かれていません。マイナンバーカードをカードリーダーに置いてください")]
    NoCard,
    /// The card answered but is not a My Number card (JPKI AP missing).
    #[error("マイナンバーカードではないカードです。保険証や診察券ではなく、マイナンバーカードを置いてください")]
    NotMyNumberCard,
    /// The card was taken away in the middle of a read.
    #[error("読み取りの途中でカードが離されました。もう一度カードを置いて、読み取りが終わるまでそのままにしてください")]
    CardRemoved,
    /// Another program (usually the official マイナ資格確認アプリ) holds the reader.
    #[error(
        "ほかのアプリ(マイナ資格確認アプリなど)がカードリーダーを使用中です。そちらの読み取りが終わってから、もう一度お試しください"
    )]
    ReaderBusy,
    /// Wrong PIN; `tries_left` more tries before the card locks.
    #[error("暗証番号が違います。あと{tries_left}回まちがえるとロックされます{}", if *.tries_left == 1 { "(残り1回です。ご注意ください)" } else { "" })]
    WrongPin {
        /// Tries left before the PIN locks
        tries_left: u8,
    },
    /// The PIN is locked: only the 市区町村 window can reset it.
    #[error(
        "暗証番号がロックされています。お住まいの市区町村の窓口で暗証番号の再設定を受けてください(ロックされているあいだの確認のしかたは、公式のマイナ資格確認アプリの案内で確かめてください)"
    )]
    PinBlocked,
    /// A PIN that is not 4 digits was typed.
    #[error("暗証番号は数字4桁です")]
    PinFormat,
    /// The card said something the protocol does not allow here.
    #[error("カードから想定外の応答がありました(SW {sw1:02X}{sw2:02X}: {during})。カードを置き直してください")]
    UnexpectedStatus {
        /// Status byte 1
        sw1: u8,
        /// Status byte 2
        sw2: u8,
        /// What we were doing
        during: &'static str,
    },
    /// Data on the card could not be parsed (certificate, 基本4情報).
    #[error("カードのデータを読み取れませんでした({0})")]
    BadData(String),
    /// The reader returned fewer bytes than a status word while the card stayed on it.
    #[error("カードリーダーからの応答が途中で切れました({bytes} バイト)。カードを置き直してください")]
    ShortResponse {
        /// How many bytes came back
        bytes: usize,
    },
    /// A デモ action (placing a sample card) was asked while real readers are in use.
    #[error("デモ用のカードはデモモードのときだけ使えます。いまは実機のカードリーダーを使っています")]
    NotDemoMode,
    /// The thread that watches the readers could not be started: events will not show live.
    #[error("カードリーダーの見張りを始められませんでした({0})。オン資ナビを起動し直してください")]
    MonitorStart(String),
    /// The reader or the PC/SC layer failed in a way not covered above.
    #[error("カードリーダーとの通信に失敗しました({0})。カードを置き直すか、リーダーをつなぎ直してください")]
    Reader(String),
}

fn reader_gone_message(name: &str) -> String {
    if name.is_empty() {
        "カードリーダーが外れました。USBケーブルやBluetoothの接続を確かめて、つなぎ直してください".to_string()
    } else {
        format!(
            "カードリーダー「{name}」が見つかりません。USBケーブルやBluetoothの接続を確かめて、つなぎ直してください"
        )
    }
}

fn service_message() -> &'static str {
    if cfg!(windows) {
        "Windowsの「Smart Card」サービス(SCardSvr)が動いていません。パソコンを再起動するか、「サービス」で「Smart Card」を開始してください"
    } else {
        "カードリーダーのサービス(pcscd)が動いていません。pcscd を起動してください"
    }
}

impl CardError {
    /// The stable code sent to the UI; TypeScript gets the union of them (`CardErrorCode`).
    pub fn code(&self) -> CardErrorCode {
        match self {
            CardError::ServiceUnavailable => CardErrorCode::ServiceUnavailable,
            CardError::NoReader => CardErrorCode::NoReader,
            CardError::ReaderGone(_) => CardErrorCode::ReaderGone,
            CardError::NoCard => CardErrorCode::NoCard,
            CardError::NotMyNumberCard => CardErrorCode::NotMyNumberCard,
            CardError::CardRemoved => CardErrorCode::CardRemoved,
            CardError::ReaderBusy => CardErrorCode::ReaderBusy,
            CardError::WrongPin { .. } => CardErrorCode::WrongPin,
            CardError::PinBlocked => CardErrorCode::PinBlocked,
            CardError::PinFormat => CardErrorCode::PinFormat,
            CardError::UnexpectedStatus { .. } => CardErrorCode::UnexpectedStatus,
            CardError::BadData(_) => CardErrorCode::BadData,
            CardError::ShortResponse { .. } => CardErrorCode::ShortResponse,
            CardError::NotDemoMode => CardErrorCode::NotDemoMode,
            CardError::MonitorStart(_) => CardErrorCode::MonitorStart,
            CardError::Reader(_) => CardErrorCode::Reader,
        }
    }

    /// The code and message together, as events and statuses carry them to the UI.
    pub fn view(&self) -> ErrorView {
        ErrorView { code: self.code(), message: self.to_string() }
    }
}

textenum::text_enum! {
    /// Every card error's code: the UI switches on these, so a renamed one fails its type check.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
    pub enum CardErrorCode {
        /// `ServiceUnavailable`
        ServiceUnavailable,
        /// `NoReader`
        NoReader,
        /// `ReaderGone`
        ReaderGone,
        /// `NoCard`
        NoCard,
        /// `NotMyNumberCard`
        NotMyNumberCard,
        /// `CardRemoved`
        CardRemoved,
        /// `ReaderBusy`
        ReaderBusy,
        /// `WrongPin`
        WrongPin,
        /// `PinBlocked`
        PinBlocked,
        /// `PinFormat`
        PinFormat,
        /// `UnexpectedStatus`
        UnexpectedStatus,
        /// `BadData`
        BadData,
        /// `ShortResponse`
        ShortResponse,
        /// `NotDemoMode`
        NotDemoMode,
        /// `MonitorStart`
        MonitorStart,
        /// `Reader`
        Reader,
    }
}

impl std::fmt::Display for CardErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for CardErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A card error as the UI receives it inside a status or an event: a stable code to branch on and
/// the Japanese message to show.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ErrorView {
    /// Stable code (`ServiceUnavailable`, `NoReader`, …)
    pub code: CardErrorCode,
    /// What happened and what to do, in Japanese
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_pin_warns_at_the_last_try() {
        let two = CardError::WrongPin { tries_left: 2 }.to_string();
        let one = CardError::WrongPin { tries_left: 1 }.to_string();
        assert!(two.contains("あと2回") && !two.contains("残り1回"));
        assert!(one.contains("あと1回") && one.contains("残り1回"));
    }

    #[test]
    fn a_lost_reader_is_named_when_known() {
        assert!(CardError::ReaderGone("ACS ACR39U".into()).to_string().contains("「ACS ACR39U」"));
        assert!(CardError::ReaderGone(String::new()).to_string().starts_with("カードリーダーが外れました"));
    }

    /// Every variant, with the code the UI branches on. A renamed code or a new variant without
    /// its row fails here (the match below is exhaustive).
    fn every_variant() -> Vec<(CardError, &'static str)> {
        let all = vec![
            (CardError::ServiceUnavailable, "ServiceUnavailable"),
            (CardError::NoReader, "NoReader"),
            (CardError::ReaderGone("R".into()), "ReaderGone"),
            (CardError::NoCard, "NoCard"),
            (CardError::NotMyNumberCard, "NotMyNumberCard"),
            (CardError::CardRemoved, "CardRemoved"),
            (CardError::ReaderBusy, "ReaderBusy"),
            (CardError::WrongPin { tries_left: 2 }, "WrongPin"),
            (CardError::PinBlocked, "PinBlocked"),
            (CardError::PinFormat, "PinFormat"),
            (CardError::UnexpectedStatus { sw1: 0x6F, sw2: 0x00, during: "x" }, "UnexpectedStatus"),
            (CardError::BadData("x".into()), "BadData"),
            (CardError::ShortResponse { bytes: 0 }, "ShortResponse"),
            (CardError::NotDemoMode, "NotDemoMode"),
            (CardError::MonitorStart("x".into()), "MonitorStart"),
            (CardError::Reader("x".into()), "Reader"),
        ];
        for (e, _) in &all {
            // Exhaustive: adding a variant breaks the build until it has a row above.
            match e {
                CardError::ServiceUnavailable
                | CardError::NoReader
                | CardError::ReaderGone(_)
                | CardError::NoCard
                | CardError::NotMyNumberCard
                | CardError::CardRemoved
                | CardError::ReaderBusy
                | CardError::WrongPin { .. }
                | CardError::PinBlocked
                | CardError::PinFormat
                | CardError::UnexpectedStatus { .. }
                | CardError::BadData(_)
                | CardError::ShortResponse { .. }
                | CardError::NotDemoMode
                | CardError::MonitorStart(_)
                | CardError::Reader(_) => {}
            }
        }
        all
    }

    #[test]
    fn codes_are_stable() {
        let all = every_variant();
        let mut codes: Vec<&str> = all.iter().map(|(e, _)| e.code().as_str()).collect();
        for (e, code) in &all {
            assert_eq!(e.code(), *code, "{e:?}");
            let message = e.to_string();
            assert!(message.chars().any(|c| ('\u{3040}'..='\u{30FF}').contains(&c)), "Japanese message for {code}");
            assert_eq!(e.view(), ErrorView { code: e.code(), message });
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len(), "every code is distinct");
    }
}
