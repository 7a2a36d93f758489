import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FieldIssue, Poster, PosterInput, PromotionDay, PromotionDayInput } from "../api";
import type { Backend } from "../lib/backend";
import { BACKEND_KEY } from "../lib/backend";
import { fakeBackend } from "../lib/testing/fakeBackend";
import { grant, grantOverview, NO_THRESHOLD_TEXT, REQUIREMENTS } from "../lib/testing/grantFixtures";
import { clearToasts } from "../lib/toast.svelte";
import Grant from "./Grant.svelte";
import { type CommandName, refusal as refuse } from "../lib/testing/errors";

function backend(calls: Partial<Backend> = {}) {
  return fakeBackend({ grantOverview: async () => grantOverview(), ...calls });
}

function page(b: ReturnType<typeof fakeBackend>, onready = vi.fn()) {
  return render(Grant, { props: { onready }, context: new Map([[BACKEND_KEY, b]]) });
}

const el = <T extends HTMLElement = HTMLInputElement>(id: string) => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is not on the page`);
  return found as T;
};
const type = (id: string, value: string) => fireEvent.input(el(id), { target: { value } });
const invalid = (command: CommandName, fields: FieldIssue[]) => refuse(command, "Validation", "入力内容を確認してください", fields);
/** What a part's status line says now. */
const said = (id: string) => document.getElementById(id)?.textContent ?? "";
const ready = () => screen.findByRole("heading", { name: "マイナ保険証の利用促進のための取組に対する協力金" });
const requirementItem = (id: string) => document.querySelector<HTMLElement>(`[data-requirement=${id}]`)!;
const confirmDialog = () => el("confirm-message").closest("dialog")!;
/** A promise the test settles by hand. */
function later<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

afterEach(() => clearToasts());

describe("協力金", () => {
  it("shows the program closed with its period, report window, amount, the data's date and the notice that records can go on", async () => {
    const onready = vi.fn();
    page(backend(), onready);
    await ready();
    const header = document.querySelector<HTMLElement>("[data-program=promotion_grant_2025]")!;
    expect(el("grant-program-state").textContent).toBe("受付終了");
    expect(el("grant-program-state").className).toContain("closed");
    expect(el("grant-period").textContent).toBe("令和7年5月 (2025-05) 〜 令和7年7月 (2025-07)");
    expect(el("grant-window").textContent).toBe("令和7年7月頃 (2025-07) 〜 令和7年10月31日 (2025-10-31)");
    expect(el("grant-amount").textContent).toBe("¥50,000");
    expect(within(header).getByTestId("programs-as-of").textContent).toBe(`制度の情報は ${grantOverview().dataAsOfText} 時点のものです。`);
    expect(el("grant-closed").textContent!.trim()).toBe(
      "この報告の受付は終了しています(締切 令和7年10月31日 (2025-10-31))。記録した取組と取組の記録(PDF)はこのまま残り、見直しと印刷ができます。新しい受付が発表されたときは、制度データの更新でこの画面に表示されます。",
    );
    // ProgramFacts follows with the rest (the rules and their sources), without repeating the dates.
    expect(header.querySelector("[data-rule=report_deadline_extended]")!.textContent).toContain("出典で未確認");
    expect(header.textContent).toContain(`「${grantOverview().program.sources[0].title}」`);
    // One sentence says what 出典で未確認 means.
    expect(el("rules-unverified-note").textContent).toContain("出典を直接開いて確かめられていない決まりです");
    expect([...header.querySelectorAll("dt")].filter((dt) => dt.textContent === "対象期間")).toHaveLength(1);
    expect(onready).toHaveBeenCalledOnce();
  });

  it("an open report window has no closed notice", async () => {
    const open = grantOverview({ program: grant({ availability: { state: "open", daysLeft: 12 }, label: "受付中" }) });
    page(backend({ grantOverview: async () => open }));
    await ready();
    expect(el("grant-program-state").textContent).toBe("受付中");
    expect(document.getElementById("grant-closed")).toBeNull();
  });

  it("shows each requirement met or not in words, with Rust's why, and the summary as Rust gave it", async () => {
    page(backend());
    await ready();
    const items = [...el("grant-requirements").querySelectorAll<HTMLElement>("li[data-requirement]")];
    expect(items.map((li) => li.dataset.requirement)).toEqual(["start_date", "patients_asked", "flyer_or_poster", "in_service"]);
    for (const r of REQUIREMENTS) {
      const text = requirementItem(r.id).textContent!;
      expect(text).toContain(r.met ? "満たしています" : "満たしていません");
      if (r.met) expect(text).not.toContain("満たしていません");
      expect(text).toContain(r.label);
      expect(text).toContain(r.why);
    }
    expect(el("grant-all-met").textContent!.trim()).toBe("まだ満たしていない要件があります");
    // No minimum number of uses: the data's own rule, in its own words.
    expect(el("grant-no-threshold").textContent).toBe(NO_THRESHOLD_TEXT);
    expect(el("grant-start-date").textContent).toContain("令和7年6月1日 (2025-06-01)");
    expect(document.getElementById("grant-to-guide")).toBeNull();
  });

  it("never judges a requirement itself: a poster inside the period Rust did not count stays not met", async () => {
    const o = grantOverview({ posters: [{ id: 9, shownFrom: "2025-05-10", shownTo: null, photoName: null }] });
    page(backend({ grantOverview: async () => o }));
    await ready();
    expect(requirementItem("flyer_or_poster").textContent).toContain("満たしていません");
    expect(el("grant-all-met").textContent!.trim()).toBe("まだ満たしていない要件があります");
  });

  it("all met, as Rust says; no 運用開始日 yet leads to the 導入ガイド; no usage rule in the data, no note", async () => {
    const o = grantOverview({
      evaluation: { requirements: REQUIREMENTS.map((r) => ({ ...r, met: true, why: `${r.label}: 記録あり` })), allMet: true },
      startDateText: null,
      program: grant({ rules: [] }),
    });
    page(backend({ grantOverview: async () => o }));
    await ready();
    expect(el("grant-all-met").textContent!.trim()).toBe("すべての要件を満たしています");
    expect(el("grant-start-date-missing").textContent).toBe("運用開始日は導入ガイドの手順「運用開始日」で入力します。");
    expect(el<HTMLAnchorElement>("grant-to-guide").getAttribute("href")).toBe("#/guide");
    expect(document.getElementById("grant-no-threshold")).toBeNull();
  });

  it("a program without a period: no requirement is shown as judged", async () => {
    page(backend({ grantOverview: async () => grantOverview({ evaluation: null }) }));
    await ready();
    expect(document.querySelector("[data-requirement]")).toBeNull();
    expect(document.getElementById("grant-all-met")).toBeNull();
    expect(el("grant-no-evaluation").textContent).toContain("要件を確かめられません");
  });

  it("lists the poster's periods in 和暦 with 西暦, 掲示中 while still up", async () => {
    page(backend());
    await ready();
    expect(document.querySelector("[data-poster='4']")!.textContent).toContain("掲示 令和7年8月1日 (2025-08-01) 〜 令和7年8月31日 (2025-08-31)");
    expect(document.querySelector("[data-poster='5']")!.textContent).toContain("掲示 令和8年11月1日 (2026-11-01) 〜 掲示中");
    expect(el("poster-shownTo-hint").textContent).toBe("掲示中なら空のまま");
    expect(el("poster-add").textContent).toBe("掲示を記録");
  });

  it("adding a period sends the dates as typed; Rust's refusal is shown beside its field and nothing typed is lost", async () => {
    const savePoster = vi.fn(async (_id: number | null, input: PosterInput): Promise<Poster> => {
      if (input.shownTo) throw invalid("savePoster", [{ field: "shownTo", message: "外した日が掲示した日より前になっています" }]);
      return { id: 6, shownFrom: "2025-05-01", shownTo: null, photoName: null };
    });
    const grantOverviewCall = vi.fn(async () => grantOverview());
    page(backend({ savePoster, grantOverview: grantOverviewCall }));
    await ready();
    await type("poster-shownFrom", "令和7年5月１日");
    await type("poster-shownTo", "R7.4.30");
    await fireEvent.submit(el("poster-shownFrom").form!);
    await waitFor(() => expect(el("poster-shownTo-message").textContent).toBe("外した日が掲示した日より前になっています"));
    expect(savePoster).toHaveBeenCalledWith(null, { shownFrom: "令和7年5月１日", shownTo: "R7.4.30" });
    expect(el("poster-shownTo").getAttribute("aria-invalid")).toBe("true");
    expect(el("poster-shownTo").getAttribute("aria-describedby")).toContain("poster-shownTo-message");
    expect(el("poster-shownFrom").value).toBe("令和7年5月１日");
    expect(el("poster-shownTo").value).toBe("R7.4.30");
    expect(document.activeElement).toBe(el("poster-shownTo"));
    expect(grantOverviewCall).toHaveBeenCalledTimes(1);

    // Still up: 外した日 left empty.
    await type("poster-shownTo", "");
    await fireEvent.submit(el("poster-shownFrom").form!);
    await waitFor(() => expect(savePoster).toHaveBeenLastCalledWith(null, { shownFrom: "令和7年5月１日", shownTo: "" }));
    await waitFor(() => expect(el("poster-shownFrom").value).toBe(""));
    expect(grantOverviewCall).toHaveBeenCalledTimes(2);
    expect(said("poster-form-status")).toContain("ポスターの掲示(令和7年5月1日 (2025-05-01) 〜 掲示中)を記録しました");
    expect(el("poster-shownTo-message").textContent).toBe("");
    expect(document.activeElement).toBe(el("poster-shownFrom"));
  });

  it("変更 fills the form with the period; its button says 変更を保存 and sends the period's id; やめる empties it", async () => {
    const savePoster = vi.fn(async (id: number | null): Promise<Poster> => ({ id: id ?? 0, shownFrom: "2026-11-01", shownTo: "2026-11-20", photoName: null }));
    page(backend({ savePoster }));
    await ready();
    await fireEvent.click(el("poster-5-edit"));
    expect(el("poster-shownFrom").value).toBe("2026-11-01");
    expect(el("poster-shownTo").value).toBe("");
    expect(el("poster-add").textContent).toBe("変更を保存");
    expect(document.activeElement).toBe(el("poster-shownFrom"));
    await fireEvent.click(el("poster-cancel"));
    expect(el("poster-shownFrom").value).toBe("");
    expect(el("poster-add").textContent).toBe("掲示を記録");
    expect(document.getElementById("poster-cancel")).toBeNull();

    await fireEvent.click(el("poster-5-edit"));
    await type("poster-shownTo", "２０２６/１１/２０");
    await fireEvent.submit(el("poster-shownFrom").form!);
    await waitFor(() => expect(savePoster).toHaveBeenCalledWith(5, { shownFrom: "2026-11-01", shownTo: "２０２６/１１/２０" }));
    await waitFor(() => expect(el("poster-add").textContent).toBe("掲示を記録"));
    expect(said("poster-form-status")).toContain("ポスターの掲示を 令和8年11月1日 (2026-11-01) 〜 令和8年11月20日 (2026-11-20) に変更しました");
  });

  it("a period is removed only after 削除 is confirmed", async () => {
    const deletePoster = vi.fn(async () => null);
    page(backend({ deletePoster }));
    await ready();
    await fireEvent.click(el("poster-4-delete"));
    await waitFor(() => expect(confirmDialog().hasAttribute("open")).toBe(true));
    expect(el("confirm-message").textContent).toBe("ポスターの掲示(令和7年8月1日 (2025-08-01) 〜 令和7年8月31日 (2025-08-31))の記録を削除します。");
    expect(document.activeElement).toBe(el("confirm-cancel"));
    await fireEvent.click(el("confirm-cancel"));
    await waitFor(() => expect(confirmDialog().hasAttribute("open")).toBe(false));
    expect(deletePoster).not.toHaveBeenCalled();

    await fireEvent.click(el("poster-4-delete"));
    await waitFor(() => expect(confirmDialog().hasAttribute("open")).toBe(true));
    await fireEvent.click(el("confirm-ok"));
    await waitFor(() => expect(deletePoster).toHaveBeenCalledWith(4));
    expect(deletePoster).toHaveBeenCalledOnce();
  });

  it("saves a day with 全角 digits as typed, for today unless another day is chosen", async () => {
    const setPromotionDay = vi.fn(async (_input: PromotionDayInput): Promise<PromotionDay> => ({ day: "2026-12-06", flyers: 0, prompts: 5 }));
    page(backend({ setPromotionDay }));
    await ready();
    expect(el("day-day").value).toBe("2026-12-06");
    expect(el("day-flyers").getAttribute("inputmode")).toBe("numeric");
    await type("day-prompts", "５");
    await fireEvent.click(el("day-save"));
    await waitFor(() => expect(setPromotionDay).toHaveBeenCalledWith({ day: "2026-12-06", flyers: "", prompts: "５" }));
    await waitFor(() => expect(said("day-form-status")).toContain("令和8年12月6日 (2026-12-06)の記録を保存しました(チラシ 0 枚・お声がけ 5 人)"));
    // The counts as Rust stored them.
    expect(el("day-prompts").value).toBe("5");
    expect(el("day-flyers").value).toBe("");
  });

  it("a count Rust cannot read gets its message beside the field, and what was typed stays", async () => {
    const setPromotionDay = vi.fn(async (): Promise<PromotionDay> => {
      throw invalid("setPromotionDay", [{ field: "flyers", message: "チラシの枚数は数字で入力してください" }]);
    });
    page(backend({ setPromotionDay }));
    await ready();
    await type("day-flyers", "たくさん");
    await type("day-prompts", "3人");
    await fireEvent.submit(el("day-flyers").form!);
    await waitFor(() => expect(el("day-flyers-message").textContent).toBe("チラシの枚数は数字で入力してください"));
    expect(el("day-flyers").getAttribute("aria-invalid")).toBe("true");
    expect(el("day-flyers").value).toBe("たくさん");
    expect(el("day-prompts").value).toBe("3人");
    expect(document.activeElement).toBe(el("day-flyers"));
  });

  it("choosing a day already recorded fills in its counts; another day empties only what was filled in", async () => {
    page(backend());
    await ready();
    expect(document.getElementById("day-recorded")).toBeNull();
    await type("day-day", "令和7年7月15日");
    expect(el("day-flyers").value).toBe("");
    expect(el("day-prompts").value).toBe("2");
    expect(el("day-recorded").textContent).toContain("チラシ 0 枚・お声がけ 2 人");
    await type("day-day", "2025/08/03");
    expect(el("day-flyers").value).toBe("12");
    expect(el("day-prompts").value).toBe("");
    await type("day-day", "2025-08-04");
    expect(el("day-flyers").value).toBe("");
    expect(document.getElementById("day-recorded")).toBeNull();
    // Typed by staff: kept when the day changes to one without a record.
    await type("day-flyers", "4");
    await type("day-day", "2025-08-05");
    expect(el("day-flyers").value).toBe("4");
  });

  it("lists the recorded days newest first with their totals", async () => {
    page(backend());
    await ready();
    const table = el("grant-days-table");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["日付", "チラシ", "お声がけ", "操作"]);
    const rows = [...table.querySelectorAll<HTMLTableRowElement>("tbody tr")];
    expect(rows.map((r) => r.dataset.key)).toEqual(["2025-08-03", "2025-07-15", "2025-06-02"]);
    expect(rows[0].textContent).toContain("令和7年8月3日 (2025-08-03)");
    expect(rows[0].textContent).toContain("12 枚");
    expect(el("grant-days-flyers-total").textContent).toBe("12 枚");
    expect(el("grant-days-prompts-total").textContent).toBe("7 人");
  });

  it("deleting a day asks first, then sets both counts to 0", async () => {
    const setPromotionDay = vi.fn(async (input: PromotionDayInput): Promise<PromotionDay> => ({ day: input.day, flyers: 0, prompts: 0 }));
    page(backend({ setPromotionDay }));
    await ready();
    const remove = () => el("grant-days-table").querySelector<HTMLButtonElement>("tr[data-key='2025-08-03'] button[data-remove]")!;
    await fireEvent.click(remove());
    await waitFor(() => expect(confirmDialog().hasAttribute("open")).toBe(true));
    expect(el("confirm-message").textContent).toBe("令和7年8月3日 (2025-08-03)の記録(チラシ 12 枚・お声がけ 0 人)を削除します。");
    await fireEvent.click(el("confirm-cancel"));
    await waitFor(() => expect(confirmDialog().hasAttribute("open")).toBe(false));
    expect(setPromotionDay).not.toHaveBeenCalled();

    await fireEvent.click(remove());
    await waitFor(() => expect(confirmDialog().hasAttribute("open")).toBe(true));
    await fireEvent.click(el("confirm-ok"));
    await waitFor(() => expect(setPromotionDay).toHaveBeenCalledWith({ day: "2025-08-03", flyers: "0", prompts: "0" }));
    expect(setPromotionDay).toHaveBeenCalledOnce();
    await waitFor(() => expect(said("grant-days-status")).toContain("令和7年8月3日 (2025-08-03)の記録を削除しました"));
  });

  it("shows the 利用率 by month as Rust counted it, as the clinic's own figure: not a requirement, not said to be asked in the report", async () => {
    page(backend());
    await ready();
    const section = el("grant-usage");
    expect(within(section).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["月", "資格確認", "うちマイナ保険証", "利用率"]);
    const rows = [...section.querySelectorAll("tbody tr")].map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent));
    expect(rows).toEqual([
      ["令和7年5月 (2025-05)", "0 件", "0 件", "0%"],
      ["令和7年6月 (2025-06)", "40 件", "9 件", "23%"],
      ["令和7年7月 (2025-07)", "52 件", "13 件", "25%"],
    ]);
    expect(el("grant-usage-note").textContent).toContain("給付の要件ではなく、報告で求められると書いた資料も見つかっていません");
  });

  it("writes go to Rust one after another, and a second press while saving sends nothing more", async () => {
    const poster = later<Poster>();
    const savePoster = vi.fn(() => poster.promise);
    const setPromotionDay = vi.fn(async (_input: PromotionDayInput): Promise<PromotionDay> => ({ day: "2026-12-06", flyers: 1, prompts: 0 }));
    const grantOverviewCall = vi.fn(async () => grantOverview());
    page(backend({ savePoster, setPromotionDay, grantOverview: grantOverviewCall }));
    await ready();
    await type("poster-shownFrom", "2026-11-01");
    await fireEvent.click(el("poster-add"));
    await fireEvent.click(el("poster-add"));
    expect(el("poster-add").getAttribute("aria-busy")).toBe("true");
    expect(el("poster-add").textContent).toContain("処理中");
    await type("day-flyers", "1");
    await fireEvent.click(el("day-save"));
    await new Promise((r) => setTimeout(r, 10));
    expect(savePoster).toHaveBeenCalledOnce();
    expect(setPromotionDay).not.toHaveBeenCalled();

    poster.resolve({ id: 7, shownFrom: "2026-11-01", shownTo: null, photoName: null });
    await waitFor(() => expect(setPromotionDay).toHaveBeenCalledOnce());
    // The poster's change was shown again before the day was sent.
    expect(grantOverviewCall.mock.invocationCallOrder[1]).toBeLessThan(setPromotionDay.mock.invocationCallOrder[0]);
    await waitFor(() => expect(grantOverviewCall).toHaveBeenCalledTimes(3));
  });

  it("a failure to save that is not about a field is said under the form", async () => {
    const savePoster = vi.fn(async (): Promise<Poster> => {
      throw refuse("savePoster", "Internal", "データベースに書き込めませんでした");
    });
    page(backend({ savePoster }));
    await ready();
    await type("poster-shownFrom", "2026-11-01");
    await fireEvent.click(el("poster-add"));
    expect((await screen.findByRole("alert")).textContent).toBe("データベースに書き込めませんでした");
    expect(el("poster-shownFrom").value).toBe("2026-11-01");
  });

  it("asks whether the clinic is still in service on the payment date, preselecting nothing, and sends the answer to Rust", async () => {
    let answer: boolean | null = null;
    const setGrantInService = vi.fn(async (v: boolean) => {
      answer = v;
      return null;
    });
    const grantOverviewCall = vi.fn(async () => grantOverview({ inService: answer }));
    page(backend({ setGrantInService, grantOverview: grantOverviewCall }));
    await ready();
    expect(el("grant-in-service-yes").checked).toBe(false);
    expect(el("grant-in-service-no").checked).toBe(false);
    expect(el("grant-in-service-unanswered").textContent).toBe("まだ回答されていません。");
    expect(el("grant-in-service").textContent).toContain("受領委任の取扱いをやめている施術所は、協力金の対象外です");
    await fireEvent.click(el("grant-in-service-no"));
    await waitFor(() => expect(setGrantInService).toHaveBeenCalledWith(false));
    await waitFor(() => expect(document.getElementById("grant-in-service-unanswered")).toBeNull());
    expect(el("grant-in-service-no").checked).toBe(true);
    expect(said("grant-in-service-status")).toContain("支給日の状況の回答を記録しました");
  });

  it("attaches, names and removes (asked first) a poster's photo", async () => {
    const addPosterPhoto = vi.fn(async (id: number): Promise<Poster> => ({ id, shownFrom: "2025-08-01", shownTo: "2025-08-31", photoName: "入口.jpg" }));
    const removePosterPhoto = vi.fn(async (id: number): Promise<Poster> => ({ id, shownFrom: "2026-11-01", shownTo: null, photoName: null }));
    page(backend({ addPosterPhoto, removePosterPhoto }));
    await ready();
    expect(document.getElementById("poster-4-photo")).toBeNull();
    expect(el("poster-4-photo-add").textContent).toContain("写真を添付");
    expect(el("poster-5-photo").textContent).toBe("写真: 待合室.jpg");
    expect(el("poster-5-photo-add").textContent).toContain("写真を替える");
    await fireEvent.click(el("poster-4-photo-add"));
    await waitFor(() => expect(addPosterPhoto).toHaveBeenCalledWith(4));
    await waitFor(() => expect(said("grant-posters-status")).toContain("写真「入口.jpg」を掲示の記録"));

    await fireEvent.click(el("poster-5-photo-remove"));
    expect(el("confirm-message").textContent).toContain("写真「待合室.jpg」を外します");
    expect(removePosterPhoto).not.toHaveBeenCalled();
    await fireEvent.click(within(confirmDialog()).getByRole("button", { name: "外す" }));
    await waitFor(() => expect(removePosterPhoto).toHaveBeenCalledWith(5));
    await waitFor(() => expect(said("grant-posters-status")).toContain("写真「待合室.jpg」を外しました"));
  });

  it("a closed photo dialog changes nothing and says nothing", async () => {
    const addPosterPhoto = vi.fn(async (): Promise<Poster | null> => null);
    page(backend({ addPosterPhoto }));
    await ready();
    await fireEvent.click(el("poster-4-photo-add"));
    await waitFor(() => expect(addPosterPhoto).toHaveBeenCalledOnce());
    await waitFor(() => expect(el("poster-4-photo-add").getAttribute("aria-disabled")).toBe("false"));
    expect(said("grant-posters-status")).toBe("");
  });

  it("previews the evidence report as Rust's pages, then saves and prints it; a failure is said by the buttons", async () => {
    const grantReportPreview = vi.fn(async () => ["<svg>1</svg>", "<svg>2</svg>"]);
    const saveGrantReport = vi.fn(async () => "/tmp/協力金_取組の記録.pdf");
    const printGrantReport = vi.fn(async () => "/tmp/print/協力金_取組の記録.pdf");
    page(backend({ grantReportPreview, saveGrantReport, printGrantReport }));
    await ready();
    // What the report needs, as the program data's rule says it, with its source and flag.
    const needs = el("grant-report-needs");
    expect(needs.querySelector("[data-rule=report_contents]")!.textContent).toContain("振込先の口座がわかる書類の写し");
    expect(needs.textContent).toContain("出典で未確認");
    expect(needs.textContent).toContain("運用開始日をポータルサイトに入力していること");
    await fireEvent.click(el("grant-report-preview"));
    await waitFor(() => expect(document.querySelectorAll("#grant-report-pages img")).toHaveLength(2));
    await fireEvent.click(el("grant-report-save"));
    await waitFor(() => expect(said("grant-report-status")).toContain("取組の記録をPDFで保存しました"));
    expect(said("grant-report-status")).toContain("協力金_取組の記録.pdf");
    expect(said("grant-report-status")).toContain("保存先: /tmp");
    await fireEvent.click(el("grant-report-print"));
    await waitFor(() => expect(said("grant-report-status")).toContain("保存先: /tmp/print"));

    printGrantReport.mockRejectedValueOnce(refuse("printGrantReport", "FileAccess", "PDFを開くアプリが見つかりませんでした"));
    await fireEvent.click(el("grant-report-print"));
    expect((await screen.findByRole("alert")).textContent).toBe("PDFを開くアプリが見つかりませんでした");
  });

  it("shows why it could not load, and is still ready", async () => {
    const onready = vi.fn();
    page(backend({ grantOverview: async () => Promise.reject(new Error("データベースを開けませんでした")) }), onready);
    expect((await screen.findByRole("alert")).textContent).toContain("データベースを開けませんでした");
    expect(onready).toHaveBeenCalledOnce();
  });
});
