// Every screen with the keyboard alone: Tab reaches every control of the screen (the menu, each
// button, each field, one stop per radio group) in the order they are read, Enter in a field
// submits its form, and Escape closes what can be closed.
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import type { Backend } from "./lib/backend";
import { BACKEND_KEY } from "./lib/backend";
import { basic4, cardCheck, demoStatus, todayChecks } from "./lib/testing/cardFixtures";
import { fakeBackend } from "./lib/testing/fakeBackend";
import { fakeWizard } from "./lib/testing/wizardFixtures";
import { appInfo, auditEntry, clinicProfile, faqView, homeSummary, subsidy } from "./lib/testing/fixtures";
import { clearToasts, toast, toasts } from "./lib/toast.svelte";

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
    ...fakeWizard().calls,
    ...calls,
  });
}

async function open(path: string, b = backend()) {
  location.hash = `#/${path}`;
  render(App, { context: new Map([[BACKEND_KEY, b]]) });
  await waitFor(() => expect(document.getElementById("main")!.dataset.ready).toBe("true"));
  // Let the page finish what it does once ready (毎日の資格確認 reads the card on the reader).
  await new Promise((r) => setTimeout(r, 20));
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
