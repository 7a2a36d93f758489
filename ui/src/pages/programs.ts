import { api, type ProgramKind } from "../api";
import { h, render } from "../lib/dom";

const TITLES: Record<ProgramKind, string> = { subsidy: "助成金", grant: "協力金" };

/** 助成金 / 協力金: each program with its state today, from the dated program data. */
export async function programPage(main: HTMLElement, kind: ProgramKind): Promise<void> {
  const s = await api.homeSummary();
  const list = s.programs.filter((p) => p.program.kind === kind);
  render(
    main,
    h("h1", {}, TITLES[kind]),
    list.map((p) =>
      h(
        "section",
        { class: "card", "data-program": p.program.id },
        h("h2", {}, p.program.name),
        h("p", {}, h("span", { class: `badge ${p.availability.state}` }, p.label)),
        h(
          "dl",
          { class: "facts" },
          h("dt", {}, "締切"),
          h("dd", {}, p.closesOnText),
          h("dt", {}, kind === "subsidy" ? "上限額" : "給付額"),
          h("dd", {}, p.amountText),
          h("dt", {}, "内容"),
          h("dd", {}, p.program.summary),
          h("dt", {}, "出典"),
          h("dd", { class: "muted" }, p.program.source),
        ),
        p.availability.state === "closed"
          ? h("p", { class: "notice" }, "この制度の受付は終了しています。再開された場合はアプリの更新でお知らせします。")
          : null,
      ),
    ),
    h("p", { class: "muted" }, "書類の作成(領収書内訳書のPDFなど)は次の版で追加されます。"),
  );
}
