import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { ApiError, type EligibilityRecord, type Pasted, type RecordInput } from "../../api";
import { BACKEND_KEY, type Backend } from "../../lib/backend";
import { fakeBackend } from "../../lib/testing/fakeBackend";
import { METHODS_TODAY } from "../../lib/testing/cardFixtures";
import InsuranceForm from "./InsuranceForm.svelte";
import InsuranceRecordPanel from "./InsuranceRecordPanel.svelte";
import { refusal as refuse } from "../../lib/testing/errors";

const el = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;
const type = (id: string, value: string) => fireEvent.input(el(id), { target: { value } });
/** What a status line says now ("" before its first action). */
const said = (id: string) => el(id).textContent!.trim();

const RECORD: EligibilityRecord = {
  id: 1,
  checkId: 7,
  name: "山田 花子",
  kana: "ヤマダ ハナコ",
  birthDate: "1985-01-02",
  sex: "女",
  insurance: { insurerNumber: "33120015", symbol: "愛知12", number: "3456", branch: "01", relation: "family", burdenPercent: 30, acquiredOn: "2021-04-01", validUntil: null },
  confirmedOn: "2026-11-29",
  patientId: null,
  entry: "typed",
  method: "my_number_card",
  result: "ok",
};

const PASTED: Pasted = {
  understood: [
    { field: "name", label: "氏名", value: "山田 花子", line: 1 },
    { field: "insurerNumber", label: "保険者番号", value: "３３１２００１５", line: 2 },
    { field: "number", label: "番号", value: "3456", line: 3 },
  ],
  notUnderstood: [{ line: 4, text: "受付番号: 17" }],
  form: { insurerNumber: "３３１２００１５", symbol: "", number: "3456", branch: "", relation: "", burden: "", acquiredOn: "", validUntil: "" },
  person: { name: "山田 花子", kana: "", birthDate: "", sex: "" },
};

function panel(calls: Partial<Backend> = {}) {
  const backend = fakeBackend(calls);
  render(InsuranceRecordPanel, { props: { methods: METHODS_TODAY }, context: new Map([[BACKEND_KEY, backend]]) });
  return screen.findByText("今日の資格情報の記録はまだありません。").catch(() => undefined);
}

describe("資格情報の記録", () => {
  it("typed fields go to Rust as typed; a saved record is listed and the form is emptied", async () => {
    const saveInsuranceRecord = vi.fn(async (_input: RecordInput) => ({ record: RECORD, warnings: [] }));
    let list: EligibilityRecord[] = [];
    const insuranceRecordsToday = vi.fn(async () => list);
    await panel({ saveInsuranceRecord, insuranceRecordsToday });
    await type("ins-name", "山田 花子");
    await type("ins-insurerNumber", "３３１２００１５");
    await type("ins-number", "3456");
    list = [RECORD];
    await fireEvent.click(el("ins-save"));
    await waitFor(() => expect(saveInsuranceRecord).toHaveBeenCalledOnce());
    expect(saveInsuranceRecord.mock.calls[0][0]).toMatchObject({ name: "山田 花子", entry: "typed", method: "my_number_card", patientId: null, insurance: { insurerNumber: "３３１２００１５", number: "3456" } });
    await waitFor(() => expect(el("ins-records").textContent).toContain("33120015 愛知12 3456-01 3割"));
    expect(el("ins-name").value).toBe("");
    expect(said("ins-status")).toBe("山田 花子 さんの資格情報を記録しました");
  });

  it("each refused field gets Rust's message beside it, focus goes to the first, and nothing typed is lost", async () => {
    const saveInsuranceRecord = vi.fn(async () => {
      throw new ApiError({
        code: "Validation",
        message: "入力内容を確認してください",
        fields: [
          { field: "insurerNumber", message: "保険者番号の最後の1桁(検証番号)が合いません" },
          { field: "number", message: "番号を入力してください" },
        ],
      });
    });
    await panel({ saveInsuranceRecord });
    await type("ins-insurerNumber", "33120016");
    await fireEvent.click(el("ins-save"));
    await screen.findByText("保険者番号の最後の1桁(検証番号)が合いません");
    expect(el("ins-number-msg").textContent).toBe("番号を入力してください");
    expect(el("ins-insurerNumber").getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(el("ins-insurerNumber")));
    expect(el("ins-insurerNumber").value).toBe("33120016");
    expect(said("ins-status"), "the refusal is said beside the fields only").toBe("");
  });

  it("pasted text is read by Rust, shown line by line with what was not understood, and saved only on confirm", async () => {
    const parseInsurancePaste = vi.fn(async () => PASTED);
    const saveInsuranceRecord = vi.fn(async (_input: RecordInput) => ({ record: { ...RECORD, entry: "pasted" as const }, warnings: [{ field: "validUntil", message: "有効終了日を過ぎています。資格なしの可能性があります", warning: true }] }));
    await panel({ parseInsurancePaste, saveInsuranceRecord });
    await type("ins-paste", "氏名: 山田 花子\n保険者番号: ３３１２００１５\n番号: 3456\n受付番号: 17");
    await fireEvent.click(el("ins-read"));
    await waitFor(() => expect(el("ins-understood").querySelectorAll("tbody tr")).toHaveLength(3));
    expect(el("ins-understood").querySelector("[data-line='2']")!.textContent).toContain("保険者番号３３１２００１５");
    expect(el("ins-not-understood").textContent).toContain("4 行目: 受付番号: 17");
    expect(el("ins-insurerNumber").value).toBe("３３１２００１５");
    expect(el("ins-name").value).toBe("山田 花子");
    expect(saveInsuranceRecord).not.toHaveBeenCalled();
    await fireEvent.click(el("ins-save"));
    await waitFor(() => expect(saveInsuranceRecord).toHaveBeenCalledOnce());
    expect(saveInsuranceRecord.mock.calls[0][0]).toMatchObject({ entry: "pasted" });
    await waitFor(() => expect(el("ins-warnings").textContent).toContain("資格なし"));
    expect(said("ins-status")).toBe("山田 花子 さんの資格情報を記録しました");
  });

  it("copies a record for the レセコン and saves the day's CSV in the chosen encoding; a Shift_JIS refusal is said", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const insuranceClipboardText = vi.fn(async () => "保険者番号\t33120015");
    const saveInsuranceCsv = vi.fn(async (): Promise<string | null> => "/tmp/資格情報_20261129_Shift_JIS.csv");
    const showInFolder = vi.fn(async (_path: string) => null);
    await panel({ insuranceRecordsToday: async () => [RECORD], insuranceClipboardText, saveInsuranceCsv, showInFolder });
    await waitFor(() => expect(el("ins-copy-1")).not.toBeNull());
    await fireEvent.click(el("ins-copy-1"));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("保険者番号\t33120015"));
    await waitFor(() => expect(said("ins-copy-status")).toBe("山田 花子 さんの資格情報をコピーしました。レセコンに貼り付けてください"));
    await fireEvent.change(el<HTMLSelectElement>("ins-encoding"), { target: { value: "shift_jis" } });
    await fireEvent.click(el("ins-csv"));
    await waitFor(() => expect(saveInsuranceCsv).toHaveBeenCalledWith("shift_jis"));
    await waitFor(() => expect(said("csv-status")).toContain("今日の資格情報の記録をCSVで保存しました"));
    expect(el("csv-status").querySelector(".name")!.textContent).toBe("資格情報_20261129_Shift_JIS.csv");
    expect(el("csv-status").querySelector(".folder")!.textContent).toBe("保存先: /tmp");
    await fireEvent.click(within(el("csv-status")).getByRole("button", { name: "フォルダを開く" }));
    await waitFor(() => expect(showInFolder).toHaveBeenCalledWith("/tmp/資格情報_20261129_Shift_JIS.csv"));

    // A save dialog closed says nothing, and the last file is no longer named as this save's.
    saveInsuranceCsv.mockResolvedValueOnce(null);
    await fireEvent.click(el("ins-csv"));
    await waitFor(() => expect(saveInsuranceCsv).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(said("csv-status")).toBe(""));

    saveInsuranceCsv.mockRejectedValueOnce(refuse("saveInsuranceCsv", "NotInShiftJis", "1 行目の「𠮷田」にShift_JISで書けない文字があります"));
    await fireEvent.click(el("ins-csv"));
    expect((await screen.findByRole("alert")).textContent).toContain("Shift_JISで書けない文字");
    expect(said("csv-status")).toBe("");
  });

  it("shows a record's history: every confirmation of the same person, newest first", async () => {
    const older = { ...RECORD, id: 0, confirmedOn: "2026-04-01", result: "warning" as const };
    const insuranceHistory = vi.fn(async () => [RECORD, older]);
    await panel({ insuranceRecordsToday: async () => [RECORD], insuranceHistory });
    await waitFor(() => expect(el("ins-history-1")).not.toBeNull());
    await fireEvent.click(el("ins-history-1"));
    await waitFor(() => expect(el("ins-history-list-1").querySelectorAll("li")).toHaveLength(2));
    expect(insuranceHistory).toHaveBeenCalledWith(1);
    expect(el("ins-history-list-1").textContent).toContain("令和8年4月1日 (2026-04-01) 33120015 3456(要注意)");
  });
});

describe("資格情報 entered for a 患者台帳 patient", () => {
  const PATIENT = { id: 4, demo: true, name: "見本 花子", birthDate: "1985-01-02", sex: "female" as const, kana: "ミホン ハナコ" };

  it("starts from the register's person, saves linked (in the デモ database for a デモ patient) and starts again from the register", async () => {
    const saveInsuranceRecord = vi.fn(async (_input: RecordInput, _demo?: boolean) => ({ record: { ...RECORD, name: "見本 花子", patientId: 4 }, warnings: [] }));
    const onsaved = vi.fn();
    render(InsuranceForm, { props: { patient: PATIENT, methods: METHODS_TODAY, onsaved }, context: new Map([[BACKEND_KEY, fakeBackend({ saveInsuranceRecord })]]) });
    expect(el("ins-name").value).toBe("見本 花子");
    expect(el("ins-birthDate").value).toBe("1985-01-02");
    // 性別 is a choice, the register's ticked.
    expect(el("ins-sex-1").checked).toBe(true);
    expect(el("ins-sex-1").closest("label")!.textContent!.trim()).toBe("女");
    expect(el("ins-kana").value).toBe("ミホン ハナコ");
    expect(el("ins-linked").textContent).toContain("患者台帳の 見本 花子 さんの記録として保存します(デモの患者台帳)");
    await type("ins-insurerNumber", "33120015");
    await type("ins-number", "3456");
    // 本人・家族の別 is a choice too: 家族 is sent as the word the official app shows.
    expect(el("ins-relation-none").checked).toBe(true);
    await fireEvent.click(el("ins-relation-1"));
    await fireEvent.click(el("ins-save"));
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(saveInsuranceRecord.mock.calls[0]).toEqual([expect.objectContaining({ patientId: 4, name: "見本 花子", birthDate: "1985-01-02", sex: "女" }), true]);
    expect(saveInsuranceRecord.mock.calls[0][0].insurance.relation).toBe("家族");
    expect(el("ins-name").value).toBe("見本 花子");
    expect(el("ins-number").value).toBe("");
  });

  it("a pasted word for 性別 or 本人・家族 that is not a choice stays as pasted, offered as its own choice", async () => {
    const parseInsurancePaste = vi.fn(async () => ({
      ...PASTED,
      person: { name: "", kana: "", birthDate: "", sex: "男性" },
      form: { ...PASTED.form, relation: "被保険者" },
    }));
    render(InsuranceForm, { props: { patient: PATIENT, methods: METHODS_TODAY }, context: new Map([[BACKEND_KEY, fakeBackend({ parseInsurancePaste })]]) });
    await type("ins-paste", "性別 男性");
    await fireEvent.click(el("ins-read"));
    await waitFor(() => expect(el("ins-relation-2").checked).toBe(true));
    expect(el("ins-relation-2").closest("label")!.textContent!.trim()).toBe("被保険者(貼り付けたまま)");
    expect(el("ins-sex-2").checked).toBe(true);
    expect(el("ins-sex-2").closest("label")!.textContent!.trim()).toBe("男性(貼り付けたまま)");
  });

  it("a pasted text keeps the register's fields it does not name, and another person's name is refused beside 氏名", async () => {
    const parseInsurancePaste = vi.fn(async () => ({ ...PASTED, person: { name: "山田 花子", kana: "", birthDate: "", sex: "" } }));
    const saveInsuranceRecord = vi.fn(async () => {
      throw refuse("saveInsuranceRecord", "Validation", "入力内容を確認してください", [{ field: "name", message: "氏名「山田 花子」が患者台帳の「見本 花子」さんと違います。別の方の資格情報ではないか確かめてください" }]);
    });
    render(InsuranceForm, { props: { patient: PATIENT, methods: METHODS_TODAY }, context: new Map([[BACKEND_KEY, fakeBackend({ parseInsurancePaste, saveInsuranceRecord })]]) });
    await type("ins-paste", "氏名: 山田 花子");
    await fireEvent.click(el("ins-read"));
    await waitFor(() => expect(el("ins-name").value).toBe("山田 花子"));
    expect(el("ins-birthDate").value).toBe("1985-01-02");
    await fireEvent.click(el("ins-save"));
    await waitFor(() => expect(el("ins-name-msg").textContent).toContain("患者台帳の「見本 花子」さんと違います"));
    expect(saveInsuranceRecord.mock.calls[0]).toEqual([expect.objectContaining({ patientId: 4, entry: "pasted" }), true]);
    await waitFor(() => expect(document.activeElement).toBe(el("ins-name")));
  });

  it("today's list links a record entered for a patient to their page", async () => {
    await panel({ insuranceRecordsToday: async () => [{ ...RECORD, patientId: 4 }, { ...RECORD, id: 2 }] });
    await waitFor(() => expect(el("ins-patient-1")).not.toBeNull());
    expect(el<HTMLAnchorElement>("ins-patient-1").getAttribute("href")).toBe("#/patients?id=4");
    expect(el("ins-patient-2")).toBeNull();
  });
});
