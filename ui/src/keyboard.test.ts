// Every screen with the keyboard alone: Tab reaches every control of the screen (the menu, each
// button, each field, one stop per radio group) in the order they are read, Enter in a field
// submits its form, and Escape closes what can be closed.
import { render, screen, waitFor } from "@testing-library/svelte";
import { tick } from "svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import App from "./App.svelte";
import type { Backend } from "./lib/backend";
import { BACKEND_KEY } from "./lib/backend";
import { basic4, cardCheck, demoStatus, todayChecks } from "./lib/testing/cardFixtures";
import { fakeBackend } from "./lib/testing/fakeBackend";
import { recordedWizard } from "./lib/testing/recordedWizard";
import { appInfo, auditEntry, clinicProfile, dataStatus, faqView, homeSummary, subsidy, backupOverview } from "./lib/testing/fixtures";
import { grantOverview } from "./lib/testing/grantFixtures";
import { subsidyOverview } from "./lib/testing/subsidyFixtures";
import { clearToasts, toast, toasts } from "./lib/toast.svelte";
import { refusal as refuse } from "./lib/testing/errors";

/** Every call the pages make on load, answered as Rust would for a clinic that has started. */
function backend(calls: Partial<Backend> = {}) {
  return fakeBackend({
    appInfo: async () => appInfo(),
    getTextSize: async () => "standard",
    homeSummary: async () => homeSummary([subsidy()]),
    cardStatus: async () => demoStatus(true),
    checkCard: async () => cardCheck(),
    todayChecks: async () => todayChecks(),
    getClinicProfile: async () => clinicProfile(),
    getStaffName: async () => "受付 佐藤",
    auditLog: async () => [auditEntry()],
    checkClinicProfile: async () => ({ errors: [], warnings: [] }),
    faq: async () => faqView(),
    subsidyOverview: async () => subsidyOverview(),
    grantOverview: async () => grantOverview(),
    getUpdateAddress: async () => "https://example.jp/onshi-navi/programs.json",
    programDataStatus: async () => dataStatus(),
    backupOverview: async () => backupOverview(),
    ...recordedWizard("new_clinic").calls,
    ...calls,
  });
}

async function open(path: string, b = backend()) {
  location.hash = `#/${path}`;
  render(App, { context: new Map([[BACKEND_KEY, b]]) });
  await waitFor(() => expect(document.getElementById("main")!.dataset.ready).toBe("true"));
  // Let the page finish what it does once ready (毎日の資格確認 reads the card on the reader):
  // every answer already given, and what the page does with it, has run.
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await tick();
  return b;
}

// <summary> is left out: WebKit puts it in the tab order, jsdom's does not (よくある質問's
// questions are checked in the window by the e2e tests instead).
const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

/** The controls a keyboard user must be able to reach, in document order: enabled, shown, not
 *  taken out of the tab order; a radio group counts once (Tab stops on its checked radio). */
function reachable(): Element[] {
  const seen = new Set<string>();
  return [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if ((el as HTMLButtonElement).disabled || el.closest("[hidden]") || el.getAttribute("tabindex") === "-1") return false;
    // A closed <dialog> is not shown: nothing in it can be reached until it opens.
    if (el.closest("dialog:not([open])")) return false;
    if (el instanceof HTMLInputElement && el.type === "radio") {
      if (seen.has(el.name)) return false;
      seen.add(el.name);
    }
    return true;
  });
}

/** Presses Tab until focus comes back to the first stop; returns where it stopped, in order. */
async function tabStops(user: ReturnType<typeof userEvent.setup>): Promise<Element[]> {
  (document.activeElement as HTMLElement | null)?.blur();
  const stops: Element[] = [];
  for (let i = 0; i < 200; i++) {
    await user.tab();
    const el = document.activeElement!;
    if (stops.includes(el) || el === document.body) break;
    stops.push(el);
  }
  return stops;
}

const describeStop = (el: Element) => `${el.tagName.toLowerCase()}#${el.id || (el as HTMLInputElement).name || el.textContent?.trim().slice(0, 12)}`;

afterEach(() => {
  location.hash = "";
  clearToasts();
});

describe("the keyboard alone", () => {
  for (const path of ["home", "guide", "daily", "subsidy", "grant", "faq", "settings"]) {
    it(`Tab reaches every control of ${path}, in reading order`, async () => {
      const user = userEvent.setup();
      await open(path);
      const expected = reachable();
      expect(expected.length).toBeGreaterThan(7); // the menu and the page's own
      const stops = await tabStops(user);
      // A radio group is one stop whichever radio holds it.
      const key = (el: Element) => (el instanceof HTMLInputElement && el.type === "radio" ? `radio:${el.name}` : el);
      expect(stops.map(key).map((k) => (typeof k === "string" ? k : describeStop(k)))).toEqual(
        expected.map(key).map((k) => (typeof k === "string" ? k : describeStop(k))),
      );
    });
  }

  it("Enter in the PIN field reads the card once; Enter in the note submits the log form", async () => {
    const user = userEvent.setup();
    const readBasic4 = vi.fn(async () => basic4());
    await open("daily", backend({ readBasic4 }));
    const pin = await screen.findByLabelText("券面事項入力補助用の暗証番号(数字4桁)");
    await user.click(pin);
    await user.keyboard("1234{Enter}");
    await waitFor(() => expect(document.getElementById("b4-name")!.textContent).toBe("見本 花子"));
    expect(readBasic4.mock.calls).toEqual([["1234"]]);

    await user.click(screen.getByLabelText("メモ(任意。患者さんの氏名や番号は書かないでください)"));
    await user.keyboard("受付で確認{Enter}");
    expect(document.getElementById("msg-result")!.textContent).toContain("結果を選んでください");
    // Focus goes to the result group, where the arrow keys choose.
    expect((document.activeElement as HTMLInputElement).name).toBe("result");
  });

  it("Enter in a 設定 field saves its form", async () => {
    const user = userEvent.setup();
    const setStaffName = vi.fn(async (name: string) => name);
    await open("settings", backend({ setStaffName }));
    await user.clear(screen.getByLabelText("スタッフ名"));
    await user.type(screen.getByLabelText("スタッフ名"), "受付 鈴木{Enter}");
    await waitFor(() => expect(setStaffName).toHaveBeenCalledWith("受付 鈴木"));
    await waitFor(() => expect(document.getElementById("staff-status")!.textContent).toContain("スタッフ名を保存しました"));
    expect(toasts.list).toEqual([]);
  });

  it("助成金: Tab goes through each 領収書 and its forms, then the later sections, in reading order", async () => {
    const user = userEvent.setup();
    await open("subsidy");
    const stops = (await tabStops(user)).map((el) => (el instanceof HTMLInputElement && el.type === "radio" ? "radio:appliedBefore" : el.id));
    const order = [
      "radio:appliedBefore",
      "line-1-item",
      "line-1-category",
      "line-1-makerModel",
      "line-1-quantity",
      "line-1-unitPrice",
      "line-1-boughtOn",
      "line-1-add",
      "receipt-1-proof",
      "receipt-1-attach",
      "receipt-1-delete",
      "line-2-item",
      "line-2-add",
      "receipt-2-delete",
      "receipt-number",
      "receipt-seller",
      "receipt-issuedOn",
      "receipt-total",
      "receipt-add",
      "passbook-attach",
      "passbook-bank",
      "passbook-holderKana",
      "subsidy-ready",
      "breakdown-preview",
      "breakdown-save-pdf",
      "breakdown-save-xlsx",
      "breakdown-print",
      "upload-set-build",
    ];
    const at = order.map((id) => stops.indexOf(id));
    expect(at.every((i) => i >= 0), `missing: ${order.filter((_, k) => at[k] < 0).join(", ")}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("助成金: Enter in a field adds the line, and adds the 領収書", async () => {
    const user = userEvent.setup();
    const savePurchase = vi.fn(async () => {
      throw refuse("savePurchase", "Validation", "入力内容を確認してください", [{ field: "unitPrice", message: "単価を入力してください" }]);
    });
    const saveReceipt = vi.fn(async () => 3);
    await open("subsidy", backend({ savePurchase, saveReceipt }));
    await user.click(document.getElementById("line-2-item")!);
    await user.keyboard("USBハブ");
    await user.selectOptions(document.getElementById("line-2-category")!, "other");
    await user.click(document.getElementById("line-2-quantity")!);
    await user.keyboard("２{Enter}");
    await waitFor(() => expect(document.getElementById("line-2-unitPrice-message")!.textContent).toBe("単価を入力してください"));
    expect(savePurchase).toHaveBeenCalledWith(null, 2, { item: "USBハブ", category: "other", makerModel: "", quantity: "２", unitPrice: "", boughtOn: "2025-11-10" });
    expect(document.activeElement!.id).toBe("line-2-unitPrice");

    await user.click(document.getElementById("receipt-seller")!);
    await user.keyboard("□□商店");
    await user.click(document.getElementById("receipt-total")!);
    await user.keyboard("12100{Enter}");
    await waitFor(() => expect(saveReceipt).toHaveBeenCalledWith(null, { number: "", seller: "□□商店", issuedOn: "", total: "12100" }));
  });

  it("助成金: Escape closes the question before a removal, and focus goes back to 削除", async () => {
    const user = userEvent.setup();
    const deleteReceipt = vi.fn();
    // jsdom has no Escape → `cancel` on an open <dialog>: stand in for the browser.
    const escape = (e: KeyboardEvent) => {
      if (e.key === "Escape") document.querySelector("dialog[open]")?.dispatchEvent(new Event("cancel", { cancelable: true }));
    };
    document.addEventListener("keydown", escape);
    onTestFinished(() => document.removeEventListener("keydown", escape));
    await open("subsidy", backend({ deleteReceipt }));
    const remove = document.getElementById("receipt-2-delete")!;
    remove.focus();
    await user.keyboard("{Enter}");
    const dialog = document.getElementById("confirm-message")!.closest("dialog")!;
    await waitFor(() => expect(dialog.hasAttribute("open")).toBe(true));
    expect(document.activeElement!.id).toBe("confirm-cancel");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(dialog.hasAttribute("open")).toBe(false));
    expect(document.activeElement).toBe(remove);
    expect(deleteReceipt).not.toHaveBeenCalled();
  });

  it("協力金: Tab goes to the 導入ガイド, through each poster period (its photo too), the poster form, the day form, each day's 削除, the payment-date question and the report", async () => {
    const user = userEvent.setup();
    await open("grant", backend({ grantOverview: async () => grantOverview({ startDateText: null }) }));
    const stops = (await tabStops(user)).map((el) => el.id || `remove:${el.closest("tr")?.dataset.key ?? "?"}`);
    const order = [
      "grant-to-guide",
      "poster-4-photo-add",
      "poster-4-edit",
      "poster-4-delete",
      "poster-5-photo-add",
      "poster-5-photo-remove",
      "poster-5-edit",
      "poster-5-delete",
      "poster-shownFrom",
      "poster-shownTo",
      "poster-add",
      "day-day",
      "day-flyers",
      "day-prompts",
      "day-save",
      "remove:2025-08-03",
      "remove:2025-07-15",
      "remove:2025-06-02",
      "grant-in-service-yes",
      "grant-report-preview",
      "grant-report-save",
      "grant-report-print",
      "grant-poster-format-poster",
      "grant-poster-preview",
      "grant-poster-save",
      "grant-poster-print",
    ];
    const at = order.map((id) => stops.indexOf(id));
    expect(at.every((i) => i >= 0), `missing: ${order.filter((_, k) => at[k] < 0).join(", ")}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Nothing of the page's own comes between: the menu, then exactly these.
    expect(stops.slice(stops.indexOf("grant-to-guide"))).toEqual(order);
  });

  it("協力金: Enter in a field records the poster period, and saves the day", async () => {
    const user = userEvent.setup();
    const savePoster = vi.fn(async () => {
      throw refuse("savePoster", "Validation", "入力内容を確認してください", [{ field: "shownFrom", message: "掲示した日が今日(令和8年12月6日 (2026-12-06))より後になっています" }]);
    });
    const setPromotionDay = vi.fn(async () => ({ day: "2026-12-06", flyers: 2, prompts: 3 }));
    await open("grant", backend({ savePoster, setPromotionDay }));
    await user.click(document.getElementById("poster-shownFrom")!);
    await user.keyboard("R8.12.1{Enter}");
    await waitFor(() => expect(document.getElementById("poster-shownFrom-message")!.textContent).toContain("より後になっています"));
    expect(savePoster).toHaveBeenCalledWith(null, { shownFrom: "R8.12.1", shownTo: "" });
    expect(document.activeElement!.id).toBe("poster-shownFrom");

    await user.click(document.getElementById("day-flyers")!);
    await user.keyboard("２");
    await user.click(document.getElementById("day-prompts")!);
    await user.keyboard("３{Enter}");
    await waitFor(() => expect(setPromotionDay).toHaveBeenCalledWith({ day: "2026-12-06", flyers: "２", prompts: "３" }));
    expect(setPromotionDay).toHaveBeenCalledOnce();
  });

  it("Escape closes the newest toast wherever focus is", async () => {
    const user = userEvent.setup();
    await open("faq");
    toast("保存しました");
    await waitFor(() => expect(document.querySelector(".toaster")!.textContent).toContain("保存しました"));
    await user.keyboard("{Escape}");
    expect(toasts.list).toEqual([]);
  });
});
