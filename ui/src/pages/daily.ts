import { api } from "../api";
import { h, render } from "../lib/dom";
import { percent } from "../lib/format";

/** 毎日の資格確認: today's figures. The card reader joins this page with the card layer. */
export async function dailyPage(main: HTMLElement): Promise<void> {
  const s = await api.homeSummary();
  render(
    main,
    h("h1", {}, "毎日の資格確認"),
    h("p", { class: "lead" }, s.todayText),
    h(
      "section",
      { class: "card" },
      h("h2", {}, "今日の記録"),
      h("p", { class: "big" }, `${s.todayChecks.total} 件`),
      h(
        "p",
        {},
        `マイナ保険証 ${s.todayChecks.myNumberCard} 件・利用率 ${percent(s.todayChecks.myNumberCard, s.todayChecks.total)}%`,
      ),
    ),
    h(
      "section",
      { class: "card notice" },
      h("h2", {}, "カードリーダーについて"),
      h(
        "p",
        {},
        "この版では、カードリーダーの読み取り(電子証明書の有効期限・暗証番号の残り回数の確認)はまだ使えません。次の版で追加されます。",
      ),
      h("p", {}, "資格確認そのものは、これまでどおり公式の「マイナ資格確認アプリ」で行ってください。"),
    ),
  );
}
