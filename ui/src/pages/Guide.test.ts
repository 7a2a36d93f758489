import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StepProgress } from "../api";
import { BACKEND_KEY } from "../lib/backend";
import { clearToasts, toasts } from "../lib/toast.svelte";
import { fakeBackend } from "../lib/testing/fakeBackend";
import { setupSteps } from "../lib/testing/fixtures";
import Guide from "./Guide.svelte";

function page(backend: ReturnType<typeof fakeBackend>, onready = vi.fn()) {
  return render(Guide, { props: { onready }, context: new Map([[BACKEND_KEY, backend]]) });
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const lead = () => document.querySelector(".lead")!.textContent;

/** A backend holding the guide's progress as Rust would: saved, then read back. */
function savingBackend(initial: string[] = []) {
  const done = new Set(initial);
  const setSetupStep = vi.fn(async (id: string, value: boolean) => {
    if (value) done.add(id);
    else done.delete(id);
    return null;
  });
  const backend = fakeBackend({ setupSteps: async () => setupSteps([...done]), setSetupStep });
  return { backend, setSetupStep };
}

// The toasts are app-wide state: each test starts with none.
afterEach(clearToasts);
/** The newest toast, as Toaster shows it. */
const lastToast = () => toasts.list.at(-1);

describe("導入ガイド", () => {
  it("shows each section's steps, their hints, the progress and a related program's state today", async () => {
    const onready = vi.fn();
    page(savingBackend(["buy_reader"]).backend, onready);

    expect(await screen.findByRole("heading", { level: 1 })).toHaveProperty("textContent", "導入ガイド");
    await screen.findByRole("heading", { name: "1.「オンライン資格確認」の申請" });
    expect(lead()).toBe("1 / 3 手順 完了。終わった手順にチェックを入れてください(自動で保存されます)。");
    const apply = screen.getByRole("heading", { name: "1.「オンライン資格確認」の申請" }).closest("section")!;
    expect(within(apply).getAllByRole("checkbox").map((b) => b.id)).toEqual(["step-portal_user", "step-buy_reader"]);
    const connect = screen.getByRole("heading", { name: "2.「オンライン資格確認システム」への接続" }).closest("section")!;
    expect(within(connect).getAllByRole("checkbox").map((b) => b.id)).toEqual(["step-connect_test"]);

    const portal = screen.getByLabelText("ポータルサイトでアカウントを登録する") as HTMLInputElement;
    expect(portal.id).toBe("step-portal_user");
    expect(portal.dataset.step).toBe("portal_user");
    expect(portal.checked).toBe(false);
    expect(portal.closest("li")!.className).toBe("step");
    expect(screen.getByText("登録には施術所の登録記号番号が必要です。").className).toBe("hint");

    const reader = screen.getByLabelText("カードリーダーを用意する") as HTMLInputElement;
    expect(reader.checked).toBe(true);
    expect(reader.closest("li")!.className).toBe("step done");

    const related = document.querySelector("[data-related-program=equipment_subsidy_2025]") as HTMLElement;
    expect(related.closest("li")).toBe(reader.closest("li"));
    expect(related.textContent).toBe("関連する制度: 柔整・あはき施術所用助成金 受付終了(申請受付の締切 令和8年1月15日 (2026-01-15))");
    expect(related.querySelector(".badge.closed")!.textContent).toBe("受付終了");
    expect(within(related).getByRole("link", { name: "柔整・あはき施術所用助成金" }).getAttribute("href")).toBe("#/subsidy");
    expect(document.querySelectorAll("[data-related-program]")).toHaveLength(1);
    expect(onready).toHaveBeenCalledOnce();
  });

  it("ticking a step saves it at once and the progress follows; unticking saves that too", async () => {
    const { backend, setSetupStep } = savingBackend();
    page(backend);
    const box = (await screen.findByLabelText("ポータルサイトでアカウントを登録する")) as HTMLInputElement;
    expect(lead()).toMatch(/^0 \/ 3 手順 完了/);

    await fireEvent.click(box);
    expect(setSetupStep).toHaveBeenCalledWith("portal_user", true);
    await waitFor(() => expect(lead()).toMatch(/^1 \/ 3 手順 完了/));
    expect(box.checked).toBe(true);
    expect(box.closest("li")!.className).toBe("step done");
    expect(document.activeElement).toBe(box);

    await fireEvent.click(box);
    expect(setSetupStep).toHaveBeenLastCalledWith("portal_user", false);
    await waitFor(() => expect(lead()).toMatch(/^0 \/ 3 手順 完了/));
    expect(box.checked).toBe(false);
    expect(box.closest("li")!.className).toBe("step");
  });

  it("a failed save puts the box back and shows why, in Japanese", async () => {
    const setSetupStep = vi.fn(() => Promise.reject(new Error("保存できませんでした。もう一度お試しください。")));
    page(fakeBackend({ setupSteps: async () => setupSteps(), setSetupStep }));
    const box = (await screen.findByLabelText("接続を確認する")) as HTMLInputElement;

    await fireEvent.click(box);
    expect(setSetupStep).toHaveBeenCalledWith("connect_test", true);
    await waitFor(() => expect(lastToast()?.message).toBe("保存できませんでした。もう一度お試しください。"));
    expect(lastToast()?.kind).toBe("error");
    expect(box.checked).toBe(false);
    expect(lead()).toMatch(/^0 \/ 3 手順 完了/);
  });

  it("shows why it could not load, in Japanese, and is still ready", async () => {
    const onready = vi.fn();
    page(fakeBackend({ setupSteps: () => Promise.reject(new Error("データベースを開けませんでした")) }), onready);
    expect((await screen.findByRole("alert")).textContent).toBe("データベースを開けませんでした");
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(onready).toHaveBeenCalledOnce();
  });

  it("left while still loading: nothing is drawn and it never reports ready", async () => {
    let resolve!: (steps: StepProgress[]) => void;
    const onready = vi.fn();
    const { unmount } = page(fakeBackend({ setupSteps: () => new Promise((r) => (resolve = r)) }), onready);
    unmount();
    resolve(setupSteps());
    await tick();
    expect(onready).not.toHaveBeenCalled();
    expect(document.body.textContent).not.toContain("ポータルサイトでアカウントを登録する");
    expect(document.querySelector("input[type=checkbox]")).toBeNull();
  });
});
