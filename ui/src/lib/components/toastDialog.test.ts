import { fireEvent, render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clearToasts, MAX_TOASTS, toast, toasts } from "../toast.svelte";
import Toaster from "./Toaster.svelte";
import DialogHarness from "./testing/DialogHarness.svelte";

/** The toasts' messages on screen, oldest first. */
const shown = () => Array.from(document.querySelectorAll(".toaster .message")).map((p) => p.textContent);

describe("toasts", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    clearToasts();
  });
  afterEach(() => {
    clearToasts();
    vi.useRealTimers();
  });

  it("shows an ok toast as role=status and an error as role=alert, in a live region present beforehand", () => {
    render(Toaster);
    const stack = document.querySelector(".toaster")!;
    expect(stack.getAttribute("aria-live")).toBe("polite");
    flushSync(() => toast("カードリーダーが見つかりました"));
    expect(screen.getByRole("status").textContent).toContain("カードリーダーが見つかりました");
    flushSync(() => toast("保存できませんでした", "error"));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("保存できませんでした");
    expect(alert.textContent).toContain("⚠"); // not colour alone
    expect(alert.className).toContain("error");
    expect(stack.contains(alert)).toBe(true);
  });

  it("an ok toast goes after 4 s, an error after 8 s", () => {
    render(Toaster);
    flushSync(() => toast("保存しました"));
    vi.advanceTimersByTime(3999);
    flushSync();
    expect(shown()).toEqual(["保存しました"]);
    vi.advanceTimersByTime(1);
    flushSync();
    expect(shown()).toEqual([]);
    flushSync(() => toast("通信できません", "error"));
    vi.advanceTimersByTime(7999);
    flushSync();
    expect(shown()).toEqual(["通信できません"]);
    vi.advanceTimersByTime(1);
    flushSync();
    expect(shown()).toEqual([]);
  });

  it("the same message twice in a row is one toast, its time restarted", () => {
    render(Toaster);
    flushSync(() => toast("保存しました"));
    vi.advanceTimersByTime(3000);
    flushSync(() => toast("保存しました"));
    expect(shown()).toEqual(["保存しました"]);
    vi.advanceTimersByTime(3000);
    flushSync();
    expect(shown()).toEqual(["保存しました"]);
    vi.advanceTimersByTime(1000);
    flushSync();
    expect(shown()).toEqual([]);
  });

  it("shows one at a time: a newer one replaces it, so toasts never stack over the page", () => {
    render(Toaster);
    flushSync(() => ["一", "二", "三"].forEach((m) => toast(m)));
    expect(MAX_TOASTS).toBe(1);
    expect(shown()).toEqual(["三"]);
  });

  it("Escape closes the newest toast wherever focus is; 閉じる closes its own", async () => {
    render(Toaster);
    const field = document.createElement("input");
    document.body.append(field);
    field.focus();
    flushSync(() => toast("一"));
    await fireEvent.keyDown(field, { key: "Escape" });
    expect(shown()).toEqual([]);

    flushSync(() => toast("二"));
    await fireEvent.click(screen.getByRole("button", { name: "閉じる" }));
    expect(shown()).toEqual([]);
    field.remove();
  });

  it("closing the focused toast hands focus back to where it came from", async () => {
    render(Toaster);
    const origin = document.createElement("button");
    document.body.append(origin);
    origin.focus();
    flushSync(() => toast("一"));
    const closer = screen.getByRole("button", { name: "閉じる" });
    // The button is described by its message.
    expect(closer.getAttribute("aria-describedby")).toBe(document.querySelector(".toaster .message")!.id);

    await fireEvent.focusIn(closer, { relatedTarget: origin });
    closer.focus();
    await fireEvent.keyDown(closer, { key: "Escape" });
    await Promise.resolve();
    expect(shown()).toEqual([]);
    expect(document.activeElement).toBe(origin);
    origin.remove();
  });

  it("waits while focus is inside a toast, and starts its time again when focus leaves", async () => {
    render(Toaster);
    flushSync(() => toast("保存しました"));
    const closer = screen.getByRole("button", { name: "閉じる" });
    await fireEvent.focusIn(closer);
    vi.advanceTimersByTime(10_000);
    flushSync();
    expect(shown()).toEqual(["保存しました"]);
    await fireEvent.focusOut(closer, { relatedTarget: document.body });
    vi.advanceTimersByTime(3999);
    flushSync();
    expect(shown()).toEqual(["保存しました"]);
    vi.advanceTimersByTime(1);
    flushSync();
    expect(shown()).toEqual([]);
  });

  it("stops listening for Escape once unmounted", async () => {
    const { unmount } = render(Toaster);
    unmount();
    toast("保存しました");
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(toasts.list.map((t) => t.message)).toEqual(["保存しました"]);
  });
});

describe("Dialog", () => {
  beforeAll(() => {
    // jsdom has <dialog> but not its methods, nor Escape's `cancel`: stand in for the browser.
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
      if (!this.open) return;
      this.open = false;
      this.dispatchEvent(new Event("close"));
    };
    document.addEventListener("keydown", (e) => {
      if (e.key !== "Escape") return;
      const open = document.querySelector("dialog[open]");
      open?.dispatchEvent(new Event("cancel", { cancelable: true }));
    });
  });

  const state = () => screen.getByTestId("state").textContent;

  it("is closed at first, and named by its title when open", async () => {
    const onclose = vi.fn();
    render(DialogHarness, { props: { onclose } });
    const dialog = document.querySelector("dialog")!;
    expect(dialog.open).toBe(false);
    expect(onclose).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole("button", { name: "開く" }));
    expect(dialog.open).toBe(true);
    expect(screen.getByRole("dialog", { name: "削除の確認" })).toBe(dialog);
  });

  it("opens with focus on the first control inside; Escape closes it, returns focus and calls onclose", async () => {
    const onclose = vi.fn();
    render(DialogHarness, { props: { onclose } });
    const opener = screen.getByRole("button", { name: "開く" });
    opener.focus();
    await fireEvent.click(opener);
    const dialog = document.querySelector("dialog")!;
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "理由" }));
    expect(state()).toBe("open");

    await fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(dialog.open).toBe(false);
    expect(state()).toBe("closed");
    expect(document.activeElement).toBe(opener);
    expect(onclose).toHaveBeenCalledOnce();
  });

  it("an action that sets open=false closes it the same way, and it can open again", async () => {
    const onclose = vi.fn();
    render(DialogHarness, { props: { onclose } });
    const opener = screen.getByRole("button", { name: "開く" });
    opener.focus();
    await fireEvent.click(opener);
    await fireEvent.click(screen.getByRole("button", { name: "やめる" }));
    expect(document.querySelector("dialog")!.open).toBe(false);
    expect(document.activeElement).toBe(opener);
    expect(onclose).toHaveBeenCalledOnce();

    await fireEvent.click(opener);
    expect(document.querySelector("dialog")!.open).toBe(true);
    expect(state()).toBe("open");
  });

  it("without actions it has a 閉じる button", async () => {
    render(DialogHarness, { props: { withActions: false } });
    await fireEvent.click(screen.getByRole("button", { name: "開く" }));
    await fireEvent.click(screen.getByRole("button", { name: "閉じる" }));
    expect(state()).toBe("closed");
  });

  it("while a dialog is open the toast is hidden and waits; it shows again, for its full time, once the dialog closes", async () => {
    vi.useFakeTimers();
    clearToasts();
    render(Toaster);
    render(DialogHarness);
    flushSync(() => toast("カードリーダーが見つかりました"));
    await fireEvent.click(screen.getByRole("button", { name: "開く" }));
    await Promise.resolve(); // the page's observer of dialogs
    flushSync();
    expect(document.querySelector<HTMLElement>(".toaster")!.hidden).toBe(true);
    vi.advanceTimersByTime(60_000);
    flushSync();
    expect(shown()).toEqual(["カードリーダーが見つかりました"]);
    await fireEvent.click(screen.getByRole("button", { name: "やめる" }));
    await Promise.resolve();
    flushSync();
    expect(document.querySelector<HTMLElement>(".toaster")!.hidden).toBe(false);
    vi.advanceTimersByTime(3999);
    flushSync();
    expect(shown()).toEqual(["カードリーダーが見つかりました"]);
    vi.advanceTimersByTime(1);
    flushSync();
    expect(shown()).toEqual([]);
    clearToasts();
    vi.useRealTimers();
  });

  it("a toast that arrives while a dialog is open waits for it too", async () => {
    vi.useFakeTimers();
    clearToasts();
    render(Toaster);
    render(DialogHarness);
    await fireEvent.click(screen.getByRole("button", { name: "開く" }));
    await Promise.resolve();
    flushSync(() => toast("カードリーダーのサービスが戻りました"));
    vi.advanceTimersByTime(60_000);
    flushSync();
    expect(shown()).toEqual(["カードリーダーのサービスが戻りました"]);
    expect(document.querySelector<HTMLElement>(".toaster")!.hidden).toBe(true);
    await fireEvent.click(screen.getByRole("button", { name: "やめる" }));
    await Promise.resolve();
    flushSync();
    vi.advanceTimersByTime(4000);
    flushSync();
    expect(shown()).toEqual([]);
    vi.useRealTimers();
  });

  it("Escape in an open dialog is the dialog's: the toast stays", async () => {
    vi.useFakeTimers();
    clearToasts();
    render(Toaster);
    render(DialogHarness);
    flushSync(() => toast("保存しました"));
    await fireEvent.click(screen.getByRole("button", { name: "開く" }));
    await fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(state()).toBe("closed");
    expect(shown()).toEqual(["保存しました"]);
    clearToasts();
    vi.useRealTimers();
  });
});
