//! The steps 0–10 themselves, as data with their sources ([`WIZARD`]).

use crate::source::{
    ADOPTION_FIGURES, EXEMPTION_NOTICE, FactSource, JAMMA_START_DATE, MOBILE_STORE_COLUMN, OFFICIAL_APP_NOTES,
    WORLD_HOKEN_108, ZENSEIKYO_REPORT, links, seed, seed_relayed,
};

use super::model::*;

const fn all(text: &'static str) -> RouteText {
    RouteText { text, only: None }
}
const fn pc(text: &'static str) -> RouteText {
    RouteText { text, only: Some(Route::WindowsPc) }
}
const fn mobile(text: &'static str) -> RouteText {
    RouteText { text, only: Some(Route::Mobile) }
}
const fn note(text: &'static str, source: FactSource, only: Option<Route>) -> StepNote {
    StepNote { text, source, only }
}
const fn doc(link: &'static str, only: Option<Route>) -> StepDocRef {
    StepDocRef { link, only }
}
const fn helper(helper: Helper, only: Option<Route>) -> StepHelper {
    StepHelper { helper, only }
}
const fn input(key: &'static str, label: &'static str, kind: InputKind, need: InputNeed) -> StepInput {
    StepInput { key, label, kind, need, help: None, placeholder: None, only: None }
}
const fn yes_no(if_yes: Option<&'static str>, if_no: Option<&'static str>) -> InputKind {
    InputKind::YesNo { if_yes, if_no, ready_only_if_yes: false }
}
/// A はい/いいえ the step checks: いいえ keeps it from 完了.
const fn must_be_yes(if_yes: Option<&'static str>, if_no: Option<&'static str>) -> InputKind {
    InputKind::YesNo { if_yes, if_no, ready_only_if_yes: true }
}

const PC: Option<Route> = Some(Route::WindowsPc);
const MOBILE: Option<Route> = Some(Route::Mobile);
const REQUIRED: InputNeed = InputNeed::Required;
const OPTIONAL: InputNeed = InputNeed::Optional;

const SEED_APPLY_1: &str = "1.「オンライン資格確認」申請 ステップ.1";
const SEED_APPLY_2: &str = "1.「オンライン資格確認」申請 ステップ.2";
const SEED_CONNECT_1: &str = "2.「オンライン資格確認システム」へ接続する ステップ.1";
const SEED_CONNECT_2: &str = "2.「オンライン資格確認システム」へ接続する ステップ.2";
const SEED_CONNECT_3: &str = "2.「オンライン資格確認システム」へ接続する ステップ.3";
const SEED_CONNECT_4: &str = "2.「オンライン資格確認システム」へ接続する ステップ.4";
const SEED_CONNECT_5: &str = "2.「オンライン資格確認システム」へ接続する ステップ.5";
const SEED_CONNECT_6: &str = "2.「オンライン資格確認システム」へ接続する ステップ.6";

const INTERNET_CONTRACT: &str = "インターネットの契約が必要です。相談先(例):携帯電話会社、J:com、USENなど。";

/// Every step of the wizard, in order (`number` is the index).
pub static WIZARD: [WizardStep; 11] = [
    WizardStep {
        number: 0,
        id: "standing",
        title: "いまの状況を確かめる",
        mobile_title: None,
        what_to_do: &[
            all(
                "オンライン資格確認を始めていない施術所にこれから何が起きるとされているかを、今日の日付とあわせて表示します。",
            ),
            all("やむを得ない事由を申し出ている場合は、申し出た日と理由を記録してください。"),
            all("手順10で、ポータルサイトに登録した運用開始日を記録して完了にすると、この表示は終わります。"),
        ],
        have_ready: &[all("やむを得ない事由を申し出ている場合は、申し出た日と理由がわかるもの")],
        notes: &[
            note(
                "全整協の報告(令和7年8月8日の厚生労働省の説明)によると、マイナ資格確認アプリの利用申請も、やむを得ない事由の申し出もしていない施術所は、令和8年1月頃に集団指導、令和8年夏頃に「受領委任の取扱いが中止となり得る旨の通知」を受け、令和8年12月頃に「受領委任の取扱いが中止」となる、とされています。",
                ZENSEIKYO_REPORT,
                None,
            ),
            note(
                "やむを得ない事由は、①令和6年4月の時点で常勤の施術者が皆70歳以上(あはきの施術所では、視覚障害の場合も)、②令和7年12月2日までに施術所の廃止・休止を決めている、③令和7年12月2日までに受領委任の取扱いの中止を決めている、のいずれかとされています(具体的な時期が決まっていない場合は当たりません)。",
                EXEMPTION_NOTICE,
                None,
            ),
            note(
                "同じ報告では、やむを得ない事由に当たる施術所は、厚生労働省から送られた通知(集団指導に移行する旨の通知など)に同封の書類で連絡する、とされています。連絡した施術所は、集団指導や受領委任の取扱いの中止にはならない、とも書かれています。",
                ZENSEIKYO_REPORT,
                None,
            ),
            note(
                "令和7年2月の時点で運用開始日を入力していた施術所は、柔整で61.6%、あはきで24.1%でした(厚生労働省の数字を、ベンダーのブログが引用したもの)。",
                ADOPTION_FIGURES,
                None,
            ),
        ],
        documents: &[doc(links::KINKI_KOSEIKYOKU, None), doc(links::MHLW_ADOPTION, None)],
        inputs: &[
            input("timeline_seen", "期限の流れと、今日の位置を確かめた", InputKind::Confirm, REQUIRED),
            input(
                "exemption_declared",
                "やむを得ない事由を申し出ている",
                yes_no(Some("申し出た日と理由を記録してください。"), Some("手順1から導入を進めてください。")),
                REQUIRED,
            ),
            input(
                "exemption_declared_on",
                "申し出た日",
                InputKind::Date,
                InputNeed::When { key: "exemption_declared", value: "yes" },
            ),
            input(
                "exemption_reason",
                "申し出た理由",
                InputKind::Choice {
                    options: &[
                        ChoiceOption {
                            value: "elderly_or_visual",
                            label: "① 令和6年4月の時点で、常勤の施術者が皆70歳以上(あはきの施術所は、視覚障害の場合も)",
                        },
                        ChoiceOption {
                            value: "closing",
                            label: "② 令和7年12月2日までに、施術所の廃止・休止を決めている",
                        },
                        ChoiceOption {
                            value: "stopping_juryo_inin",
                            label: "③ 令和7年12月2日までに、受領委任の取扱いの中止を決めている",
                        },
                        ChoiceOption { value: "other", label: "そのほか" },
                    ],
                },
                InputNeed::When { key: "exemption_declared", value: "yes" },
            ),
            input("exemption_note", "理由のメモ", InputKind::Text, OPTIONAL),
        ],
        rows: None,
        helpers: &[helper(Helper::Timeline, None)],
        skip: &[],
        related_program: None,
        source: ZENSEIKYO_REPORT,
    },
    WizardStep {
        number: 1,
        id: "portal_user",
        title: "施術所等向け総合ポータルサイトにユーザー登録する",
        mobile_title: None,
        what_to_do: &[
            all("施術所等向け総合ポータルサイトを開き、「ユーザー登録手順書」に沿ってユーザー登録をします。"),
            all("登録を申請するとメールが届きます。メールのリンクを押すと、登録が完了します。"),
            all("柔整とあはきの両方の登録記号番号がある施術所は、両方を記録してください。"),
        ],
        have_ready: &[
            all("登録記号番号(受領委任の契約のときの記号番号)"),
            all("確認のメールを受け取れるメールアドレス"),
        ],
        notes: &[
            note(
                "登録記号番号は、受領委任の契約のときの記号番号です。レセコンの「施術者台帳」で確認できます。",
                seed(SEED_APPLY_1),
                None,
            ),
            note(
                "案内の例(レセコンの製品名は書かれていません)では、柔整は「F5.マスター管理」→「1.施術者台帳」、鍼灸は「F3.マスター管理」→「1.施術者台帳」です。お使いのレセコンでメニューが見つからないときは、レセコンの販売元に聞いてください。",
                seed(SEED_APPLY_1),
                None,
            ),
            note("ポータルサイトでは、登録記号番号をハイフンなしで入力するとされています。", WORLD_HOKEN_108, None),
            note(
                "柔整とあはきの両方の施術をしている施術所でも、資格確認の端末は1台あれば問題ないと厚生労働省が回答した、と案内に書かれています(コールセンターからは2台必要という情報も出ていたそうです)。",
                seed_relayed("4.Q&A Q5"),
                None,
            ),
        ],
        documents: &[doc(links::PORTAL, None), doc(links::USER_REGISTRATION_MANUAL, None)],
        inputs: &[
            StepInput {
                help: Some("設定の施術所の情報に登録してあれば、その番号が入っています。"),
                ..input(
                    "reg_no_judo",
                    "登録記号番号(柔整)",
                    InputKind::RegNo { practice: Practice::Judo },
                    InputNeed::OneOf { group: "reg_no" },
                )
            },
            StepInput {
                help: Some("設定の施術所の情報に登録してあれば、その番号が入っています。"),
                ..input(
                    "reg_no_ahaki",
                    "登録記号番号(あはき)",
                    InputKind::RegNo { practice: Practice::Ahaki },
                    InputNeed::OneOf { group: "reg_no" },
                )
            },
            input("registered_on", "ユーザー登録を申請した日", InputKind::Date, REQUIRED),
            input("confirmation_mail", "届いたメールのリンクを押して、登録を完了した", InputKind::Confirm, REQUIRED),
        ],
        rows: None,
        helpers: &[],
        skip: &[],
        related_program: None,
        source: seed(SEED_APPLY_1),
    },
    WizardStep {
        number: 2,
        id: "app_apply",
        title: "マイナ資格確認アプリの利用開始申請をする",
        mobile_title: None,
        what_to_do: &[
            all(
                "「利用開始手順書」に沿って、ポータルサイトからマイナ資格確認アプリの利用開始申請をします。申請した日を記録してください。",
            ),
            all(
                "申請のあと審査があります。審査が終わるまで、アプリは使えません。使えるようになったら、その日を記録してください。",
            ),
            all(
                "審査を待つあいだも、手順3〜6(使う機器、パソコン、インターネット、カードリーダー)の準備は進められます。",
            ),
        ],
        have_ready: &[all("ポータルサイトのユーザー登録(手順1)が終わっていること")],
        notes: &[note("審査のあとで、アプリが使えるようになります。", seed(SEED_APPLY_2), None)],
        documents: &[doc(links::APP_APPLY_MANUAL, None), doc(links::PORTAL, None)],
        inputs: &[
            input("applied_on", "利用開始申請をした日", InputKind::Date, REQUIRED),
            StepInput {
                help: Some("審査を待っているあいだは空けておきます。"),
                ..input("approved_on", "審査が終わり、アプリが使えるようになった日", InputKind::Date, REQUIRED)
            },
        ],
        rows: None,
        helpers: &[],
        skip: &[],
        related_program: None,
        source: seed(SEED_APPLY_2),
    },
    WizardStep {
        number: 3,
        id: "connection",
        title: "資格確認に使う機器を決める",
        mobile_title: None,
        what_to_do: &[
            all(
                "資格確認に使う機器を、Windowsパソコン(Windows 10・11に限る)か、スマートフォン・タブレットから選びます。",
            ),
            all("どちらも、インターネットにつながる環境が必要です。"),
            mobile(
                "スマートフォン・タブレットは、Wi-Fi または SIM でインターネットにつなぎます。マイナンバーカードを読み取れる機種(NFC対応)か、一覧で確かめてください。",
            ),
        ],
        have_ready: &[pc("使う予定のWindowsパソコン"), mobile("使う予定のスマートフォン・タブレットの機種名")],
        notes: &[
            note("Windowsパソコンは、Windows 10・11 に限ります。", seed(SEED_CONNECT_1), PC),
            note(
                "パソコンのほか、タブレットやスマートフォンでも資格確認ができます。往療先でも使えます。",
                seed("4.Q&A Q2"),
                None,
            ),
            note(
                "施術所にインターネット環境がない場合は、インターネットの契約が必要です。相談先(例):携帯電話会社、J:com、USENなど。",
                seed(SEED_CONNECT_1),
                None,
            ),
            note(
                "案内には「令和7年1月以降、レセコンソフトが入ったWindowsパソコンで資格確認すると、読み取った保険証情報をレセコンへ転送できるようになる予定」と書かれていました。お使いのレセコンが対応しているかは、レセコンの販売元に確かめてください。スマートフォン・タブレットでの転送は案内されていません。",
                seed_relayed("2.「オンライン資格確認システム」へ接続する ステップ.1 News"),
                None,
            ),
            note(
                "スマートフォンには、マイナンバーカードの読み取り機能(NFC)が必要です。iPhone と Google Pixel 6 以降は単体で使えます。そのほか単体での利用が確認されている機種: AQUOS sense6、XPERIA 10 Ⅳ、Oppo Reno7 A、Pixel 6a、Pixel 7pro。",
                seed("4.Q&A Q3"),
                MOBILE,
            ),
            note(
                "一覧に載っている機種のうち、Galaxy など一部のスマートフォンは、Bluetoothの汎用カードリーダーと組み合わせる必要があります。",
                seed("4.Q&A Q3"),
                MOBILE,
            ),
            note(
                "iPad でマイナンバーカードを読み取るには、Bluetoothの汎用カードリーダーが必要です。",
                OFFICIAL_APP_NOTES,
                MOBILE,
            ),
        ],
        documents: &[doc(links::NFC_PHONES, MOBILE), doc(links::PORTAL_FAQ_INTRO, None)],
        inputs: &[
            input(
                "route",
                "資格確認に使う機器",
                InputKind::Choice {
                    options: &[
                        ChoiceOption { value: "windows_pc", label: "Windowsパソコン(Windows 10・11)" },
                        ChoiceOption { value: "mobile", label: "スマートフォン・タブレット" },
                    ],
                },
                REQUIRED,
            ),
            input(
                "has_internet",
                "施術所にインターネット環境がある",
                must_be_yes(Some("使う機器をインターネットにつなぎます。"), Some(INTERNET_CONTRACT)),
                REQUIRED,
            ),
            StepInput {
                only: PC,
                ..input(
                    "has_rececon",
                    "このパソコンにレセコンが入っている",
                    yes_no(
                        Some("読み取った資格情報をレセコンへ渡せるかは、レセコンの販売元に確かめてください。"),
                        None,
                    ),
                    OPTIONAL,
                )
            },
            StepInput {
                only: MOBILE,
                placeholder: Some("例: iPhone、AQUOS sense6、iPad"),
                ..input("device_model", "使う端末の機種名", InputKind::Text, OPTIONAL)
            },
        ],
        rows: None,
        helpers: &[],
        skip: &[],
        related_program: None,
        source: seed(SEED_CONNECT_1),
    },
    WizardStep {
        number: 4,
        id: "pc_check",
        title: "パソコンが要件を満たすか確かめる",
        mobile_title: None,
        what_to_do: &[
            all(
                "資格確認に使うWindowsパソコンでオン資ナビを開き、「パソコンを確認する」を押します。OS・メモリ・ストレージ・CPUを読み取り、要件と比べます。",
            ),
            all("満たしていない項目や注意の項目があれば、表示される対応を確かめてください。"),
        ],
        have_ready: &[all("資格確認に使うWindowsパソコン(そのパソコンでオン資ナビを開きます)")],
        notes: &[note(
            "必要なスペック: 対応OS Windows 11・10(64bit)、メモリ 4GB、ストレージ 160GB、CPU Core i3 以上。",
            seed("4.Q&A Q4"),
            None,
        )],
        documents: &[],
        inputs: &[input(
            "pc_confirmed",
            "このパソコンが要件を満たしていることを確かめた",
            InputKind::Confirm,
            REQUIRED,
        )],
        rows: None,
        helpers: &[helper(Helper::PcCheck, None)],
        skip: &[Skip {
            route: Route::Mobile,
            reason: "スマートフォン・タブレットで接続するため、パソコンの確認はいりません。",
        }],
        related_program: None,
        source: seed("4.Q&A Q4"),
    },
    WizardStep {
        number: 5,
        id: "internet",
        title: "インターネットにつながるか確かめる",
        mobile_title: None,
        what_to_do: &[
            all("資格確認に使う機器が、インターネットにつながることを確かめます。"),
            pc("オン資ナビの「インターネットを確認する」で、このパソコンがつながるか確かめられます。"),
            mobile("スマートフォン・タブレットは、Wi-Fi または SIM でつながることを確かめます。"),
        ],
        have_ready: &[all("資格確認に使う機器")],
        notes: &[
            note(
                "スマートフォン・タブレットには、インターネットに接続できる通信環境(Wi-Fi・SIM接続など)が必要です。",
                seed(SEED_CONNECT_1),
                MOBILE,
            ),
            note(
                "貸与されたパソコンも、セキュリティソフトを入れてインターネットにつないでかまいません。",
                seed("4.Q&A Q1"),
                PC,
            ),
        ],
        documents: &[],
        inputs: &[
            input(
                "internet_ok",
                "資格確認に使う機器がインターネットにつながった",
                must_be_yes(None, Some(INTERNET_CONTRACT)),
                REQUIRED,
            ),
            StepInput {
                only: PC,
                ..input(
                    "security_software",
                    "セキュリティソフトが入っている",
                    yes_no(None, Some("セキュリティソフトを入れてから、インターネットにつないでください。")),
                    OPTIONAL,
                )
            },
        ],
        rows: None,
        helpers: &[helper(Helper::InternetCheck, PC)],
        skip: &[],
        related_program: None,
        source: seed(SEED_CONNECT_1),
    },
    WizardStep {
        number: 6,
        id: "card_reader",
        title: "カードの読み取り方を決め、カードリーダーを用意する",
        mobile_title: Some("スマートフォン・タブレットでのカードの読み取り方を決める"),
        what_to_do: &[
            pc(
                "厚生労働省が公表している、マイナンバーカードの読み取りに対応したカードリーダーから選んで用意します。無線(Bluetooth)と有線(USB接続)があります。",
            ),
            pc("パソコンにつないだら、オン資ナビの「カードリーダーの確認」で、リーダーが見えるか確かめます。"),
            mobile(
                "使う端末がマイナンバーカードを単体で読み取れるか、「マイナンバーカードに対応したNFCスマートフォン一覧」で確かめます。",
            ),
            mobile(
                "Galaxy など一部のスマートフォンと iPad は、Bluetoothの汎用カードリーダーを組み合わせて使います。その場合は、カードリーダーを用意します。",
            ),
        ],
        have_ready: &[pc("使う予定のカードリーダーの製品名・型番"), mobile("使う端末の機種名")],
        notes: &[
            note(
                "厚生労働省から、マイナンバーカードの読み取りに対応している無線タイプ(Bluetooth)と有線タイプ(USB接続)のカードリーダーが公表されています。",
                seed(SEED_CONNECT_2),
                None,
            ),
            note(
                "iPhone と Google Pixel 6 以降は単体で使えます。Galaxy など一部のスマートフォンは、Bluetoothの汎用カードリーダーと組み合わせる必要があります。",
                seed("4.Q&A Q3"),
                MOBILE,
            ),
            note("iPad は、Bluetoothの汎用カードリーダーを使います。", OFFICIAL_APP_NOTES, MOBILE),
        ],
        documents: &[doc(links::READER_LIST, None), doc(links::NFC_PHONES, MOBILE)],
        inputs: &[
            StepInput {
                only: PC, ..input("reader_model", "カードリーダーの製品名・型番", InputKind::Text, REQUIRED)
            },
            StepInput {
                only: PC,
                ..input(
                    "reader_connection",
                    "カードリーダーのつなぎ方",
                    InputKind::Choice {
                        options: &[
                            ChoiceOption { value: "usb", label: "USB接続(有線)" },
                            ChoiceOption { value: "bluetooth", label: "Bluetooth(無線)" },
                        ],
                    },
                    REQUIRED,
                )
            },
            input(
                "reader_on_list",
                "公表されている対応機種の一覧に載っている",
                yes_no(None, Some("一覧に載っていない機種は、使えないことがあります。一覧で確かめてください。")),
                OPTIONAL,
            ),
            StepInput {
                only: MOBILE,
                ..input(
                    "mobile_reading",
                    "マイナンバーカードの読み取り方",
                    InputKind::Choice {
                        options: &[
                            ChoiceOption { value: "nfc_alone", label: "端末だけで読み取る(NFC)" },
                            ChoiceOption {
                                value: "bluetooth_reader",
                                label: "Bluetoothのカードリーダーを組み合わせる",
                            },
                        ],
                    },
                    REQUIRED,
                )
            },
            StepInput {
                only: MOBILE,
                ..input(
                    "bt_reader_model",
                    "Bluetoothカードリーダーの製品名・型番",
                    InputKind::Text,
                    InputNeed::When { key: "mobile_reading", value: "bluetooth_reader" },
                )
            },
        ],
        rows: None,
        helpers: &[helper(Helper::ReaderCheck, PC)],
        skip: &[],
        related_program: Some("equipment_subsidy_2025"),
        source: seed(SEED_CONNECT_2),
    },
    WizardStep {
        number: 7,
        id: "terminal_accounts",
        title: "端末ごとのアカウントとアプリユーザー設定情報を確かめる",
        mobile_title: None,
        what_to_do: &[
            all(
                "資格確認に使う端末ごとに、マイナ資格確認アプリのアカウント(W0000001 のようなID。ポータルサイトに一覧があります)を1行ずつ記録します。",
            ),
            all(
                "アカウントごとの添付ファイル(PDF)に「アプリユーザー設定情報」があります。「確認手順書」に沿って開き、確かめたら印を付けます。",
            ),
            all("パスワードなど、設定情報の中身はオン資ナビに書き写さないでください。"),
        ],
        have_ready: &[all(
            "ポータルサイトにログインできること(手順1・2が終わっていること。アカウントの一覧はポータルサイトにあります)",
        )],
        notes: &[
            note(
                "端末ごとのアカウントは、ポータルサイトの「各種申請」→「資格確認アカウント管理」→「マイナ資格確認アプリアカウント管理」に1台ずつ(W0000001 のようなID)表示されます。端末が複数あれば、IDも複数あります。",
                OFFICIAL_APP_NOTES,
                None,
            ),
            note(
                "アカウントの添付ファイルは、アプリに一度入力する「アプリユーザー設定情報」のPDFです。",
                OFFICIAL_APP_NOTES,
                None,
            ),
        ],
        documents: &[doc(links::USER_SETTINGS_MANUAL, None), doc(links::PORTAL, None)],
        inputs: &[],
        rows: Some(RowGroup {
            key: "terminals",
            row_label: "端末",
            min_rows: 1,
            columns: &[
                StepInput {
                    placeholder: Some("W0000001"),
                    ..input("account", "マイナ資格確認アプリのアカウントID", InputKind::Text, REQUIRED)
                },
                StepInput {
                    placeholder: Some("例: 受付のパソコン、往療用のスマートフォン"),
                    ..input("device", "使う端末", InputKind::Text, REQUIRED)
                },
                input(
                    "settings_pdf_checked",
                    "この端末の「アプリユーザー設定情報」(PDF)を確かめた",
                    InputKind::Confirm,
                    REQUIRED,
                ),
            ],
        }),
        helpers: &[],
        skip: &[],
        related_program: None,
        source: seed(SEED_CONNECT_3),
    },
    WizardStep {
        number: 8,
        id: "app_setup",
        title: "マイナ資格確認アプリを入れて初期設定する",
        mobile_title: None,
        what_to_do: &[
            all("「マイナ資格確認アプリのセットアップ前に」を読んでから、アプリを入れて初期設定をします。"),
            pc(
                "Windowsパソコンでは、アプリを Microsoft Store から入れます。手順は「マイナ資格確認アプリのセットアップと使い方_Windows版」にあります。",
            ),
            mobile(
                "スマートフォン・タブレットには、「マイナ資格確認アプリ」という名前のアプリを入れます。入手先(iPhone・iPad は App Store、Android は Google Play など)と入れ方は、ポータルサイトの「マイナ資格確認アプリのセットアップ前に」とよくある質問「導入について」で確かめてください。",
            ),
            all("初期設定では、手順7で確かめた端末ごとの「アプリユーザー設定情報」を入力します。"),
            all("すべての端末で終えたら、スタッフが確かめて印を付けます。"),
        ],
        have_ready: &[all("手順7で確かめた、端末ごとのアプリユーザー設定情報(PDF)")],
        notes: &[
            note(
                "アプリのインストールと初期設定の資料として、「マイナ資格確認アプリのセットアップ前に」と「マイナ資格確認アプリのセットアップと使い方_Windows版」が案内されています。",
                seed(SEED_CONNECT_3),
                None,
            ),
            note("Windowsパソコンのマイナ資格確認アプリは、Microsoft Store から入れます。", OFFICIAL_APP_NOTES, PC),
            note(
                "公式のよくある質問(導入について)では、登録した端末でオンライン資格確認を使うには「マイナ資格確認アプリ」のインストールが必要、とされています。",
                OFFICIAL_APP_NOTES,
                MOBILE,
            ),
            note(
                "医療機関向けの同じ名前のアプリは、iPhone 用・Android 用ともストアから入手できると紹介されています(民間のコラム)。施術所のアプリも同じかは確かめられていません。",
                MOBILE_STORE_COLUMN,
                MOBILE,
            ),
        ],
        documents: &[
            doc(links::BEFORE_SETUP_MANUAL, None),
            doc(links::WINDOWS_SETUP_MANUAL, PC),
            doc(links::PORTAL_FAQ_INTRO, MOBILE),
        ],
        inputs: &[
            input("app_installed", "資格確認に使うすべての端末に、アプリを入れた", InputKind::Confirm, REQUIRED),
            input(
                "app_configured",
                "すべての端末で初期設定(アプリユーザー設定情報の入力)を終えた",
                InputKind::Confirm,
                REQUIRED,
            ),
            input("confirmed_by", "確かめたスタッフ", InputKind::Text, OPTIONAL),
        ],
        rows: None,
        helpers: &[],
        skip: &[],
        related_program: None,
        source: seed(SEED_CONNECT_3),
    },
    WizardStep {
        number: 9,
        id: "test_read",
        title: "公式アプリで保険証情報が読み取れることを確かめる",
        mobile_title: None,
        what_to_do: &[
            all(
                "マイナ資格確認アプリでマイナンバーカードを読み取り、保険証情報が表示されることを確かめます。スタッフご自身のマイナ保険証で試すと安心です。",
            ),
            all("公式のアプリで確かめたことを、スタッフが記録します。"),
            pc(
                "オン資ナビの「カードの事前チェック」は、カードの電子証明書の期限や暗証番号の残り回数を見るための手伝いです。公式アプリで読み取れたことの代わりにはなりません。",
            ),
        ],
        have_ready: &[all("マイナンバーカード(スタッフご自身のマイナ保険証など)")],
        notes: &[
            note(
                "「マイナ資格確認アプリ」を使い、マイナンバーカードの保険証情報が読み取れることを確認します。",
                seed(SEED_CONNECT_4),
                None,
            ),
            note(
                "公式のよくある質問では、読み取った資格情報の画面をスクリーンショットで残さないよう求められています。",
                OFFICIAL_APP_NOTES,
                None,
            ),
        ],
        documents: &[],
        inputs: &[
            input("tested_on", "確かめた日", InputKind::Date, REQUIRED),
            input(
                "read_in_official_app",
                "公式のマイナ資格確認アプリで、保険証情報が読み取れた",
                InputKind::Confirm,
                REQUIRED,
            ),
            input("confirmed_by", "確かめたスタッフ", InputKind::Text, OPTIONAL),
        ],
        rows: None,
        helpers: &[helper(Helper::CardPreCheck, PC)],
        skip: &[],
        related_program: None,
        source: seed(SEED_CONNECT_4),
    },
    WizardStep {
        number: 10,
        id: "start_date",
        title: "運用開始日を登録して、業務を始める",
        mobile_title: None,
        what_to_do: &[
            all(
                "アプリを初めて業務で使う日を決め、ポータルサイトで登録します。ログインして「各種申請」→「運用開始日登録」→「マイナ資格確認アプリ(施術所)運用開始日入力」の順に進み、フォームに入力して送信します。同じ日をここにも記録します。",
            ),
            all(
                "先の日付を入れると「運用開始予定日」として記録します。その日に業務を始めて、ポータルサイトで登録し、この手順を完了にするまで、期限の表示は続きます。",
            ),
            all(
                "その日から、マイナ資格確認アプリで業務を始めます(業務スタート)。受付でマイナ保険証をお持ちか、お声がけしましょう。",
            ),
        ],
        have_ready: &[all("手順9で、公式アプリで読み取れることを確かめてあること")],
        notes: &[
            note("「運用開始日登録」で、アプリを初めて使用する日を登録します。", seed(SEED_CONNECT_5), None),
            note("登録したら、「マイナ資格確認アプリ」で業務をスタートします。", seed(SEED_CONNECT_6), None),
            note(
                "運用開始日の登録がない施術所は、ポータルサイトの運営側では、オンライン資格確認を導入していない施術所と判断される、と案内されています。",
                JAMMA_START_DATE,
                None,
            ),
        ],
        documents: &[doc(links::START_DATE_MANUAL, None), doc(links::PORTAL, None)],
        inputs: &[
            input("start_date", "運用開始日(アプリを初めて業務で使う日)", InputKind::Date, REQUIRED),
            input(
                "registered_on_portal",
                "ポータルサイトの「運用開始日登録」で、同じ日を登録した",
                InputKind::Confirm,
                REQUIRED,
            ),
            input("go_live", "マイナ資格確認アプリで業務を始めた(業務スタート)", InputKind::Confirm, REQUIRED),
        ],
        rows: None,
        helpers: &[],
        skip: &[],
        related_program: Some("promotion_grant_2025"),
        source: seed(SEED_CONNECT_5),
    },
];
