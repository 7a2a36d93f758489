import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EligibilityRecord, PatientList, PatientListItem, PatientRecord, RecordInput } from "../api";
import { BACKEND_KEY, type Backend } from "../lib/backend";
import { fakeBackend } from "../lib/testing/fakeBackend";
import { METHODS_TODAY } from "../lib/testing/cardFixtures";
import Patients from "./Patients.svelte";

const el = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;

const HANAKO = { id: 3, name: "山田 花子", address: "名古屋市中区1-1", birthDate: "1985-01-02", sex: "female" as const, source: "card" as const, updatedAt: "2026-11-29T01:00:00Z" };
const item = (over: Partial<PatientListItem> = {}): PatientListItem => ({ patient: HANAKO, lastConfirmedOn: "2026-11-29", records: 2, ...over });
const list = (over: Partial<PatientList> = {}): PatientList => ({ patients: [item()], demoPatients: [], more: false, ...over });

const RECORD: EligibilityRecord = {
  id: 9,
  checkId: 7,
  patientId: 3,
  name: "山田 花子",
  kana: "ヤマダ ハナコ",
  birthDate: "1985-01-02",
  sex: "女",
  insurance: { insurerNumber: "33120015", symbol: "愛知12", number: "3456", branch: "01", relation: "family", burdenPercent: 30, acquiredOn: "2021-04-01", validUntil: "2026-03-31" },
  confirmedOn: "2026-11-29",
  entry: "pasted",
  method: "my_number_card",
  result: "warning",
};
const page = (records: EligibilityRecord[] = [RECORD], demo = false): PatientRecord => ({ patient: HANAKO, demo, birthDateText: "昭和60年1月2日 (1985-01-02)", records, methods: METHODS_TODAY });

function show(hash: string, calls: Partial<Backend>) {
  location.hash = hash;
  const onready = vi.fn();
  render(Patients, { props: { onready }, context: new Map([[BACKEND_KEY, fakeBackend(calls)]]) });
  return onready;
}

afterEach(() => {
  location.hash = "";
});

describe("患者台帳", () => {
  it("lists the clinic's patients with their latest 資格情報, and this run's デモ patients apart", async () => {
    const findPatients = vi.fn(async () =>
      list({ patients: [item(), item({ patient: { ...HANAKO, id: 5, name: "鈴木 一郎", sex: "male" }, lastConfirmedOn: null, records: 0 })], demoPatients: [item({ patient: { ...HANAKO, id: 1, name: "見本 花子" } })] }),
    );
    const onready = show("#/patients", { findPatients });
    await waitFor(() => expect(onready).toHaveBeenCalledOnce());
    expect(findPatients).toHaveBeenCalledWith("");
    const rows = el("patients-table").querySelectorAll("tbody tr");
    expect(rows[0].textContent).toContain("最終確認 令和8年11月29日 (2026-11-29)(2 件)");
    expect(rows[1].textContent).toContain("まだありません");
    expect(rows[0].querySelector("a")!.getAttribute("href")).toBe("#/patients?id=3");
    expect(el("demo-patients-table").querySelector("a")!.getAttribute("href")).toBe("#/patients?id=1&demo=1");
    expect(screen.getByRole("heading", { name: /デモの患者/ }).textContent).toContain("施術所の患者台帳には入りません");
  });

  it("searches as staff type, shows only the latest answer, and says when nobody matched", async () => {
    let release: (l: PatientList) => void = () => undefined;
    const findPatients = vi.fn(async (query: string) => {
      if (query === "") return list({ patients: [] });
      if (query === "や") return new Promise<PatientList>((r) => (release = r));
      return list({ patients: [] });
    });
    show("#/patients", { findPatients });
    await waitFor(() => expect(el("patients-none").textContent).toContain("まだ登録された患者さんはいません"));
    await fireEvent.input(el("patient-query"), { target: { value: "や" } });
    await fireEvent.input(el("patient-query"), { target: { value: "やまだ" } });
    await waitFor(() => expect(findPatients).toHaveBeenLastCalledWith("やまだ"));
    await waitFor(() => expect(el("patients-none").textContent).toContain("見つかりませんでした"));
    release(list());
    await new Promise((r) => setTimeout(r, 10));
    expect(el("patients-table")).toBeNull();
  });

  it("a patient's page: the register's facts, the form linked to them, the history with 要注意, copied for the レセコン", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const patientRecord = vi.fn(async () => page());
    const insuranceClipboardText = vi.fn(async () => "33120015\t愛知12");
    const onready = show("#/patients?id=3", { patientRecord, insuranceClipboardText });
    await waitFor(() => expect(onready).toHaveBeenCalledOnce());
    expect(patientRecord).toHaveBeenCalledWith(3, false);
    expect(el("patient-title").textContent).toBe("山田 花子 さん");
    expect(el("patient-birth").textContent).toBe("昭和60年1月2日 (1985-01-02)");
    expect(el("ins-linked").textContent).toContain("患者台帳の 山田 花子 さんの記録として保存します");
    expect(el("ins-kana").value).toBe("ヤマダ ハナコ");
    const row = el("patient-history").querySelector("[data-record='9']")!;
    expect(row.textContent).toContain("33120015 愛知12 3456-01 3割");
    expect(row.textContent).toContain("家族");
    expect(row.textContent).toContain("3割");
    expect(row.textContent).toContain("有効終了日 令和8年3月31日 (2026-03-31)");
    expect(row.textContent).toContain("要注意(資格なしの可能性)");
    await fireEvent.click(el("patient-copy-9"));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("33120015\t愛知12"));
    expect(insuranceClipboardText).toHaveBeenCalledWith(9, false);
    await waitFor(() =>
      expect(el("patient-copy-status").textContent!.trim()).toBe("令和8年11月29日 (2026-11-29) の資格情報をコピーしました。レセコンに貼り付けてください"),
    );
  });

  it("a record saved on a デモ patient's page goes to the デモ database and the history is read again", async () => {
    let records: EligibilityRecord[] = [];
    const patientRecord = vi.fn(async () => page(records, true));
    const saveInsuranceRecord = vi.fn(async (_input: RecordInput, _demo?: boolean) => {
      records = [RECORD];
      return { record: RECORD, warnings: [] };
    });
    show("#/patients?id=3&demo=1", { patientRecord, saveInsuranceRecord });
    await waitFor(() => expect(el("patient-history-none")).not.toBeNull());
    expect(el("patient-title").textContent).toBe("山田 花子 さん(デモの患者)");
    await fireEvent.input(el("ins-insurerNumber"), { target: { value: "33120015" } });
    await fireEvent.input(el("ins-number"), { target: { value: "3456" } });
    await fireEvent.click(el("ins-save"));
    await waitFor(() => expect(el("patient-history")).not.toBeNull());
    expect(saveInsuranceRecord.mock.calls[0]).toEqual([expect.objectContaining({ patientId: 3 }), true]);
    expect(el("ins-status").textContent!.trim()).toBe("山田 花子 さんの資格情報を記録しました");
    expect(patientRecord).toHaveBeenCalledTimes(2);
    expect(patientRecord).toHaveBeenLastCalledWith(3, true);
  });

  it("a patient who is gone says so, with the way back to the list", async () => {
    const patientRecord = vi.fn(async () => {
      throw new Error("患者台帳にこの患者さん(患者番号 8)が見つかりません。何も保存していません。患者台帳を開き直してください");
    });
    show("#/patients?id=8", { patientRecord });
    await waitFor(() => expect(el("patient-error").textContent).toContain("見つかりません"));
    expect(el<HTMLAnchorElement>("patient-back").getAttribute("href")).toBe("#/patients");
  });

  it("follows the hash: from the list to a patient and back, focus on whose page it is, then on the search box", async () => {
    const findPatients = vi.fn(async () => list());
    const patientRecord = vi.fn(async () => page());
    show("#/patients", { findPatients, patientRecord });
    await waitFor(() => expect(el("patients-table")).not.toBeNull());
    location.hash = "#/patients?id=3";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await waitFor(() => expect(el("patient-title")?.textContent).toBe("山田 花子 さん"));
    await waitFor(() => expect(document.activeElement).toBe(el("patient-title")), { timeout: 500 });
    (document.activeElement as HTMLElement).blur();
    location.hash = "#/patients";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await waitFor(() => expect(el("patients-table")).not.toBeNull());
    expect(document.activeElement).toBe(el("patient-query"));
  });
});
