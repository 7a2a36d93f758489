import { fireEvent, render, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Retention } from "../../api";
import { BACKEND_KEY, type Backend } from "../../lib/backend";
import { fakeBackend } from "../../lib/testing/fakeBackend";
import RetentionPanel from "./RetentionPanel.svelte";
import { refusal as refuse } from "../../lib/testing/errors";

const el = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const retention = (years: number, count: number): Retention => ({ years, cutoffText: `令和${8 - years}年11月29日 (${2026 - years}-11-29)`, count });

function panel(calls: Partial<Backend>) {
  const onsaved = vi.fn();
  render(RetentionPanel, { props: { onsaved }, context: new Map([[BACKEND_KEY, fakeBackend(calls)]]) });
  return onsaved;
}

/** What the panel's status line says now. */
const said = () => el("retention-status").textContent!.trim();

describe("資格情報を残す期間", () => {
  it("shows the kept period and the count older than it; a new period is kept by Rust and recounted", async () => {
    const setInsuranceRetention = vi.fn(async (years: number) => retention(years, 12));
    const onsaved = panel({ insuranceRetention: async () => retention(5, 0), setInsuranceRetention });
    await waitFor(() => expect(el("retention-count").textContent).toContain("0 件"));
    expect(el<HTMLSelectElement>("retention-years").value).toBe("5");
    expect(el("retention-purge").getAttribute("aria-disabled")).toBe("true");
    await fireEvent.change(el<HTMLSelectElement>("retention-years"), { target: { value: "3" } });
    await waitFor(() => expect(setInsuranceRetention).toHaveBeenCalledWith(3));
    await waitFor(() => expect(el("retention-count").textContent).toBe("令和5年11月29日 (2023-11-29) より前の記録は 12 件です。"));
    expect(onsaved).toHaveBeenCalled();
    expect(said()).toBe("資格情報を残す期間を 3 年にしました");
  });

  it("a refused period is said and the kept one shown again", async () => {
    const setInsuranceRetention = vi.fn(async () => {
      throw refuse("setInsuranceRetention", "Validation", "入力内容を確認してください", [{ field: "years", message: "資格情報を残す期間は1〜20年で選んでください" }]);
    });
    panel({ insuranceRetention: async () => retention(5, 0), setInsuranceRetention });
    await waitFor(() => expect(el("retention-count")).not.toBeNull());
    await fireEvent.change(el<HTMLSelectElement>("retention-years"), { target: { value: "7" } });
    await waitFor(() => expect(el("retention-error").textContent).toBe("資格情報を残す期間は1〜20年で選んでください"));
    expect(el<HTMLSelectElement>("retention-years").value).toBe("5");
    expect(said()).toBe("");
  });

  it("removes old records only after showing their count and asking; a no keeps them", async () => {
    const purgeInsuranceRecords = vi.fn(async () => 12);
    let count = 12;
    const insuranceRetention = vi.fn(async () => retention(5, count));
    panel({ insuranceRetention, purgeInsuranceRecords });
    await waitFor(() => expect(el("retention-count").textContent).toContain("12 件"));
    await fireEvent.click(el("retention-purge"));
    await waitFor(() => expect(el("confirm-message").textContent).toContain("12 件を削除します"));
    let dialog = el("confirm-message").closest("dialog")!;
    await fireEvent.click(within(dialog).getByRole("button", { name: "やめる" }));
    await new Promise((r) => setTimeout(r, 10));
    expect(purgeInsuranceRecords).not.toHaveBeenCalled();

    await fireEvent.click(el("retention-purge"));
    await waitFor(() => expect(el("confirm-message").textContent).toContain("12 件を削除します"));
    dialog = el("confirm-message").closest("dialog")!;
    count = 0;
    await fireEvent.click(within(dialog).getByRole("button", { name: "削除する" }));
    await waitFor(() => expect(purgeInsuranceRecords).toHaveBeenCalledWith(5));
    await waitFor(() => expect(el("retention-count").textContent).toContain("0 件"));
    expect(said()).toBe("古い資格情報の記録を 12 件削除しました");
  });
});

describe("資格情報を残す期間, changed on another PC", () => {
  it("removes nothing when the period changed since the count was shown, and shows the new count", async () => {
    let kept = retention(5, 12);
    const purgeInsuranceRecords = vi.fn(async () => {
      throw refuse("purgeInsuranceRecords", "RetentionChanged", "資格情報を残す期間が 7 年に変わっていました。何も削除していません。件数を確かめてから、もう一度押してください");
    });
    panel({ insuranceRetention: async () => kept, purgeInsuranceRecords });
    await waitFor(() => expect(el("retention-count").textContent).toContain("12 件"));
    await fireEvent.click(el("retention-purge"));
    await waitFor(() => expect(el("confirm-message")).not.toBeNull());
    kept = retention(7, 3);
    await fireEvent.click(within(el("confirm-message").closest("dialog")!).getByRole("button", { name: "削除する" }));
    await waitFor(() => expect(el("retention-error").textContent).toContain("7 年に変わっていました"));
    expect(el("retention-count").textContent).toContain("3 件");
    expect(el<HTMLSelectElement>("retention-years").value).toBe("7");
    expect(said()).toBe("");
  });
});
