import { api, type AppError, type AppInfo } from "../api";
import { h, render } from "../lib/dom";
import { messageBlocks } from "../lib/format";

/** ホーム: where the clinic stands today, from its own data; or, when the database could not be
 *  opened at start, what happened and what to do, in full. */
export async function homePage(main: HTMLElement): Promise<void> {
  const info = await api.appInfo();
  if (info.startupError) {
    startupErrorPage(main, info.startupError, info);
    return;
  }
  const s = await api.homeSummary();
  render(
    main,
    h("h1", {}, "ホーム"),
    h("p", { class: "lead" }, s.todayText),
    h(
      "div",
      { class: "cards" },
      h(
        "section",
        { class: "card", "aria-labelledby": "home-clinic" },
        h("h2", { id: "home-clinic" }, "施術所"),
        s.clinicName
          ? h("p", { class: "big", "data-testid": "clinic-name" }, s.clinicName)
          : [h("p", {}, "施術所の情報がまだ登録されていません。"), h("a", { class: "button", href: "#/settings" }, "設定で登録する")],
      ),
      h(
        "section",
        { class: "card", "aria-labelledby": "home-setup" },
        h("h2", { id: "home-setup" }, "導入の進み具合"),
        h("p", { class: "big" }, `${s.setup.done} / ${s.setup.total} 手順 完了`),
        h("progress", { max: s.setup.total, value: s.setup.done, "aria-label": "導入の進み具合" }),
        s.setup.next
          ? [h("p", {}, "次の手順: ", h("strong", {}, s.setup.next.title)), h("a", { class: "button", href: "#/guide" }, "導入ガイドへ")]
          : h("p", { class: "ok" }, "すべての手順が完了しています。"),
      ),
      h(
        "section",
        { class: "card", "aria-labelledby": "home-today" },
        h("h2", { id: "home-today" }, "今日の資格確認"),
        h("p", { class: "big" }, `${s.todayChecks.total} 件`),
        h("p", {}, `うちマイナ保険証 ${s.todayChecks.myNumberCard} 件(利用率 ${s.todayChecks.ratePercent}%)`),
        h("a", { class: "button", href: "#/daily" }, "毎日の資格確認へ"),
      ),
      h(
        "section",
        { class: "card", "aria-labelledby": "home-programs" },
        h("h2", { id: "home-programs" }, "助成金・協力金"),
        h(
          "ul",
          { class: "plain" },
          s.programs.programs.map((p) =>
            h(
              "li",
              { "data-program": p.id },
              h("span", { class: `badge ${p.availability.state}` }, p.label),
              " ",
              h("a", { href: p.kind === "subsidy" ? "#/subsidy" : "#/grant" }, p.name),
              h("br"),
              h("span", { class: "muted" }, `${p.windowLabel}の締切 ${p.windowToText}・${p.amountLabel} ${p.amountText}`),
            ),
          ),
        ),
        h("p", { class: "muted", "data-testid": "programs-as-of" }, `制度の情報は ${s.programs.asOfText} 時点のものです。`),
      ),
    ),
  );
}

function startupErrorPage(main: HTMLElement, error: AppError, info: AppInfo): void {
  const damaged = error.code === "DatabaseDamaged";
  render(
    main,
    h("h1", {}, "ホーム"),
    h(
      "section",
      { class: "card startup-error", id: "startup-error", role: "alert", "data-code": error.code },
      h("h2", {}, damaged ? "データベースのファイルが壊れています" : "データベースを開けませんでした"),
      // Every line of the message as Rust wrote it, the numbered ones as steps to follow.
      messageBlocks(error.message).map((b) =>
        b.kind === "steps" ? h("ol", { class: "steps" }, b.steps.map((t) => h("li", {}, t))) : h("p", {}, b.text),
      ),
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "データのフォルダ"),
        h("dd", { class: "path", id: "startup-data-dir" }, info.dataDir),
        h("dt", {}, "ログのフォルダ"),
        h("dd", { class: "path" }, info.logDir),
        h("dt", {}, "バージョン"),
        h("dd", {}, info.version),
      ),
      h("p", { class: "muted" }, "お問い合わせの際は、この画面の内容(特にファイルの場所とバージョン)をお伝えください。"),
    ),
  );
}
