import { api, ApiError, type ProgramKind, type ProgramStatus, type SourceView } from "../api";
import { h, render } from "../lib/dom";
import { parseYen } from "../lib/format";

const TITLES: Record<ProgramKind, string> = { subsidy: "助成金", grant: "協力金" };

/** One source as staff can look it up: its title, where it is, its address when known. */
function sourceLine(s: SourceView): HTMLElement {
  return h(
    "li",
    {},
    `「${s.title}」`,
    s.section ? `(${s.section})` : "",
    ` ${s.where}`,
    s.url ? [h("br"), h("span", { class: "path" }, s.url)] : null,
  );
}

/** The 助成金 calculator: what may be claimed for an eligible total, and what the clinic pays. */
function claimForm(p: ProgramStatus): HTMLElement {
  const input = h("input", {
    id: `claim-total-${p.id}`,
    type: "text",
    inputmode: "numeric",
    autocomplete: "off",
    "aria-describedby": `claim-result-${p.id}`,
  });
  const result = h("p", { id: `claim-result-${p.id}`, class: "field-message", "aria-live": "polite" });
  return h(
    "form",
    {
      class: "form",
      novalidate: true,
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        const total = parseYen(input.value);
        if (total === null) {
          result.textContent = "金額は数字で入力してください(例: 39800)";
          result.className = "field-message error";
          input.setAttribute("aria-invalid", "true");
          return;
        }
        input.removeAttribute("aria-invalid");
        try {
          const c = await api.programClaim(p.id, total);
          result.textContent = `申請できる額 ${c.claimText}・施術所の負担 ${c.clinicPaysText}`;
          result.className = "field-message";
        } catch (e) {
          result.textContent = e instanceof ApiError ? e.message : String(e);
          result.className = "field-message error";
        }
      },
    },
    h("label", { for: `claim-total-${p.id}` }, "対象となる購入額の合計(税込)"),
    input,
    h("div", { class: "actions" }, h("button", { type: "submit" }, "申請額を計算する")),
    result,
  );
}

/** 助成金 / 協力金: each program with its state today, from the dated program data. */
export async function programPage(main: HTMLElement, kind: ProgramKind): Promise<void> {
  const s = await api.homeSummary();
  const list = s.programs.programs.filter((p) => p.kind === kind);
  render(
    main,
    h("h1", {}, TITLES[kind]),
    h("p", { class: "muted", "data-testid": "programs-as-of" }, `制度の情報は ${s.programs.asOfText} 時点のものです。`),
    list.map((p) =>
      h(
        "section",
        { class: "card", "data-program": p.id },
        h("h2", {}, p.name),
        p.alsoCalled ? h("p", { class: "muted" }, `(「${p.alsoCalled}」とも呼ばれています)`) : null,
        h("p", {}, h("span", { class: `badge ${p.availability.state}` }, p.label)),
        h(
          "dl",
          { class: "facts" },
          p.periodLabel && p.periodText ? [h("dt", {}, p.periodLabel), h("dd", {}, p.periodText)] : null,
          h("dt", {}, p.windowLabel),
          h("dd", {}, `${p.windowFromText ?? "開始日の記載なし"} 〜 ${p.windowToText}`),
          h("dt", {}, p.amountLabel),
          h("dd", {}, p.amountText),
          h("dt", {}, "内容"),
          h("dd", {}, p.summary),
          h("dt", {}, "出典"),
          h("dd", {}, h("ul", { class: "plain" }, p.sources.map(sourceLine), p.windowSources.map(sourceLine))),
        ),
        p.rules.length
          ? h(
              "section",
              { class: "rules" },
              h("h3", {}, "ほかの資料による決まり"),
              h(
                "ul",
                { class: "plain" },
                p.rules.map((r) =>
                  h(
                    "li",
                    { "data-rule": r.id },
                    r.text,
                    " ",
                    r.verified ? null : h("span", { class: "badge upcoming" }, "出典で未確認"),
                    h("br"),
                    h("span", { class: "muted" }, `出典: 「${r.source.title}」 ${r.source.where}${r.source.url ? ` ${r.source.url}` : ""}(${r.asOfText} 時点)`),
                  ),
                ),
              ),
            )
          : null,
        p.kind === "subsidy" ? claimForm(p) : null,
        p.availability.state === "closed"
          ? h("p", { class: "notice" }, "この制度の受付は終了しています。再開された場合はアプリの更新でお知らせします。")
          : null,
      ),
    ),
    h("p", { class: "muted" }, "書類の作成(領収書内訳書のPDFなど)は次の版で追加されます。"),
  );
}
