import { h, render } from "../lib/dom";

// From the guide the clinics follow (shared/seed/online-eligibility-guide.ja.txt, 「Q&A」).
const QA: [string, string][] = [
  ["貸与PCを使用する場合、インターネットに接続してもいいのでしょうか?", "セキュリティソフトを入れて接続してください。"],
  ["PC以外の端末を使用しても問題はないのでしょうか?", "はい。往療先でも資格確認ができるタブレットやスマートフォンでも可能です。"],
  [
    "スマートフォンを使用する場合、必要な機能はありますか?",
    "マイナンバーカードの読み取り機能(NFC)が必要です。iPhone、Google Pixel 6 以降は単体で使えます。Galaxy など一部の機種は Bluetooth の汎用カードリーダーと組み合わせる必要があります。単体での利用が確認できている機種: AQUOS sense6、XPERIA 10 IV、OPPO Reno7 A、Pixel 6a、Pixel 7 Pro。",
  ],
  ["PCを使用する場合、どのようなスペックが必要でしょうか?", "Windows 11 または 10(64ビット)、メモリ 4GB、ストレージ 160GB、CPU は Core i3 以上をご用意ください。"],
  [
    "柔整とあはきの施術をしている場合、資格確認の端末は2台必要ですか?",
    "厚生労働省に確認したところ、1台あれば問題ないとの回答を得ています。",
  ],
  [
    "マイナンバーカードの読み取りに関する掲示物はありますか?",
    "全柔協が作成した掲示物と、厚生労働省が作成した施術所向けのポスター・リーフレットがあります。",
  ],
];

/** よくある質問: the guide's Q&A and where to call. */
export function faqPage(main: HTMLElement): void {
  render(
    main,
    h("h1", {}, "よくある質問"),
    QA.map(([q, a], i) =>
      h("details", { class: "card qa", open: i === 0 }, h("summary", {}, `Q${i + 1}. ${q}`), h("p", {}, a)),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, "お問い合わせ先"),
      h("p", {}, "オンライン資格確認等コールセンター"),
      h("p", { class: "big" }, "0800-080-4583(通話無料)"),
    ),
  );
}
