import { api, type StepProgress } from "../api";
import { h, render, toast } from "../lib/dom";

const SECTION_TITLES: Record<string, string> = {
  apply: "1.「オンライン資格確認」の申請",
  connect: "2.「オンライン資格確認システム」への接続",
};

/** 導入ガイド: the guide's steps, each marked done as the clinic goes; progress is saved at once. */
export async function guidePage(main: HTMLElement): Promise<void> {
  const steps = await api.setupSteps();
  const draw = (list: StepProgress[]) => {
    const done = list.filter((s) => s.done).length;
    const sections = [...new Set(list.map((s) => s.step.section))];
    render(
      main,
      h("h1", {}, "導入ガイド"),
      h("p", { class: "lead" }, `${done} / ${list.length} 手順 完了。終わった手順にチェックを入れてください(自動で保存されます)。`),
      sections.map((section) =>
        h(
          "section",
          { class: "card" },
          h("h2", {}, SECTION_TITLES[section] ?? section),
          h(
            "ol",
            { class: "steps" },
            list
              .filter((s) => s.step.section === section)
              .map((s) => {
                const id = `step-${s.step.id}`;
                return h(
                  "li",
                  { class: s.done ? "step done" : "step" },
                  h(
                    "label",
                    { for: id },
                    h("input", {
                      type: "checkbox",
                      id,
                      checked: s.done,
                      "data-step": s.step.id,
                      onchange: async (ev: Event) => {
                        const box = ev.target as HTMLInputElement;
                        try {
                          await api.setSetupStep(s.step.id, box.checked);
                          draw(await api.setupSteps());
                          document.getElementById(id)?.focus();
                        } catch (e) {
                          box.checked = !box.checked;
                          toast(e instanceof Error ? e.message : String(e), "error");
                        }
                      },
                    }),
                    h("span", { class: "step-title" }, s.step.title),
                  ),
                  h("p", { class: "hint" }, s.step.hint),
                  s.relatedProgram
                    ? h(
                        "p",
                        { class: "related-program", "data-related-program": s.relatedProgram.id },
                        "関連する制度: ",
                        h("a", { href: s.relatedProgram.kind === "subsidy" ? "#/subsidy" : "#/grant" }, s.relatedProgram.name),
                        " ",
                        h("span", { class: `badge ${s.relatedProgram.availability.state}` }, s.relatedProgram.label),
                        h("span", { class: "muted" }, `(${s.relatedProgram.windowLabel}の締切 ${s.relatedProgram.windowToText})`),
                      )
                    : null,
                );
              }),
          ),
        ),
      ),
    );
  };
  draw(steps);
}
