import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, type EligibilityRecord, type Pasted, type RecordInput } from "../../api";
import { BACKEND_KEY, type Backend } from "../../lib/backend";
import { fakeBackend } from "../../lib/testing/fakeBackend";
import { clearToasts, toasts } from "../../lib/toast.svelte";
import InsuranceRecordPanel from "./InsuranceRecordPanel.svelte";

const el = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;
const type = (id: string, value: string) => fireEvent.input(el(id), { target: { value } });
const toastTexts = () => toasts.list.map((t) => t.message);

const RECORD: EligibilityRecord = {
  id: 1,
  checkId: 7,
  name: "山田 花子",
  kana: "ヤマダ ハナコ",
  birthDate: "1985-01-02",
  sex: "女",
  insurance: { insurerNumber: "33120015", symbol: "愛知12", number: "3456", branch: "01", relation: "family", burdenPercent: 30, acquiredOn: "2021-04-01", validUntil: null },
  confirmedOn: "2026-11-29",
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
  render(InsuranceRecordPanel, { context: new Map([[BACKEND_KEY, backend]]) });
  return screen.findByText("今日の資格情報の記録はまだありません。").catch(() => undefined);
}

afterEach(() => clearToasts());

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
    expect(saveInsuranceRecord.mock.calls[0][0]).toMatchObject({ name: "山田 花子", entry: "typed", method: "my_number_card", insurance: { insurerNumber: "３３１２００１５", number: "3456" } });
    await waitFor(() => expect(el("ins-records").textContent).toContain("33120015 愛知12 3456-01 3割"));
    expect(el("ins-name").value).toBe("");
    expect(toastTexts()).toContain("山田 花子 さんの資格情報を記録しました");
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
  });

  it("copies a record for the レセコン and saves the day's CSV in the chosen encoding; a Shift_JIS refusal is said", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const insuranceClipboardText = vi.fn(async () => "保険者番号\t33120015");
    const saveInsuranceCsv = vi.fn(async () => "/tmp/資格情報_20261129_Shift_JIS.csv");
    await panel({ insuranceRecordsToday: async () => [RECORD], insuranceClipboardText, saveInsuranceCsv });
    await waitFor(() => expect(el("ins-copy-1")).not.toBeNull());
    await fireEvent.click(el("ins-copy-1"));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("保険者番号\t33120015"));
    await fireEvent.change(el<HTMLSelectElement>("ins-encoding"), { target: { value: "shift_jis" } });
    await fireEvent.click(el("ins-csv"));
    await waitFor(() => expect(saveInsuranceCsv).toHaveBeenCalledWith("shift_jis"));
    await waitFor(() => expect(toastTexts()).toContain("保存しました: /tmp/資格情報_20261129_Shift_JIS.csv"));

    saveInsuranceCsv.mockRejectedValueOnce(new ApiError({ code: "NotInShiftJis", message: "1 行目の「𠮷田」にShift_JISで書けない文字があります", fields: [] }));
    await fireEvent.click(el("ins-csv"));
    expect((await screen.findByRole("alert")).textContent).toContain("Shift_JISで書けない文字");
  });

  it("shows how many old records there are before removing them, and removes them only when confirmed", async () => {
    const insurancePurgePreview = vi.fn(async () => ({ cutoffText: "令和3年11月29日 (2021-11-29)", count: 12 }));
    const purgeInsuranceRecords = vi.fn(async () => 12);
    await panel({ insurancePurgePreview, purgeInsuranceRecords });
    await fireEvent.click(el("ins-purge-preview"));
    await waitFor(() => expect(el("ins-purge-count").textContent).toBe("令和3年11月29日 (2021-11-29) より前の記録は 12 件です"));
    expect(insurancePurgePreview).toHaveBeenCalledWith(5);
    await fireEvent.click(el("ins-purge"));
    await waitFor(() => expect(el("confirm-message").textContent).toContain("12 件を削除します"));
    const dialog = el("confirm-message").closest("dialog")!;
    await fireEvent.click(within(dialog).getByRole("button", { name: "削除する" }));
    await waitFor(() => expect(purgeInsuranceRecords).toHaveBeenCalledWith(5));
    await waitFor(() => expect(toastTexts()).toContain("古い資格情報の記録を 12 件削除しました"));
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
