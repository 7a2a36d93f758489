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
    flushSync(() => toast("保存しました"));
    expect(screen.getByRole("status").textContent).toContain("保存しました");
    flushSync(() => toast("保存できませんでした", "error"));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("保存できませんでした");
    expect(alert.textContent).toContain("⚠"); // not colour alone
    expect(alert.className).toContain("error");
    expect(stack.contains(alert)).toBe(true);
  });

  it("an ok toast goes after 4 s, an error after 8 s", () => {
    render(Toaster);
    flushSync(() => {
      toast("保存しました");
      toast("通信できません", "error");
    });
    vi.advanceTimersByTime(3999);
    flushSync();
    expect(shown()).toEqual(["保存しました", "通信できません"]);
    vi.advanceTimersByTime(1);
    flushSync();
    expect(shown()).toEqual(["通信できません"]);
    vi.advanceTimersByTime(3999);
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

  it("keeps at most 3, dropping the oldest", () => {
    render(Toaster);
    flushSync(() => ["一", "二", "三", "四"].forEach((m) => toast(m)));
    expect(MAX_TOASTS).toBe(3);
    expect(shown()).toEqual(["二", "三", "四"]);
  });

  it("Escape closes the newest toast wherever focus is; 閉じる closes its own", async () => {
    render(Toaster);
    const field = document.createElement("input");
    document.body.append(field);
    field.focus();
    flushSync(() => ["一", "二", "三"].forEach((m) => toast(m)));

    await fireEvent.keyDown(field, { key: "Escape" });
    expect(shown()).toEqual(["一", "二"]);
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(shown()).toEqual(["一"]);

    await fireEvent.click(screen.getByRole("button", { name: "閉じる" }));
    expect(shown()).toEqual([]);
    field.remove();
  });

  it("closing the focused toast hands focus to the next toast, then back to where it came from", async () => {
    render(Toaster);
    const origin = document.createElement("button");
    document.body.append(origin);
    origin.focus();
    flushSync(() => ["一", "二"].forEach((m) => toast(m)));
    const closers = screen.getAllByRole("button", { name: "閉じる" });
    // The button is described by its own message, so the two 閉じる can be told apart.
    expect(closers[1].getAttribute("aria-describedby")).toBe(document.querySelectorAll(".toaster .message")[1].id);

    await fireEvent.focusIn(closers[1], { relatedTarget: origin });
    closers[1].focus();
    await fireEvent.keyDown(closers[1], { key: "Escape" });
    await Promise.resolve();
    expect(shown()).toEqual(["一"]);
    expect(document.activeElement).toBe(closers[0]);

    await fireEvent.click(closers[0]);
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
