import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { flushSync } from "svelte";
import { describe, expect, it, vi } from "vitest";
import Stepper from "./Stepper.svelte";
import type { Step } from "./stepper";
import RowTableHarness from "./testing/RowTableHarness.svelte";

const steps: Step[] = [
  { id: "apply", title: "ポータルで申請", state: "done" },
  { id: "reader", title: "読み取り端末の準備", state: "doing" },
  { id: "network", title: "回線の準備", state: "na" },
  { id: "test", title: "試しに確認", state: "todo" },
];

function stepper(props: Partial<{ current: string; onselect: (id: string) => void }> = {}) {
  render(Stepper, { props: { steps, current: "reader", label: "導入の手順", ...props } });
  const nav = screen.getByRole("navigation", { name: "導入の手順" });
  return { nav, buttons: within(nav).getAllByRole("button") };
}

describe("Stepper", () => {
  it("numbers every step, writes each state out, and marks only the current step", () => {
    const { nav, buttons } = stepper();
    expect(nav.querySelector("ol")).not.toBeNull();
    expect(buttons.map((b) => b.textContent!.replace(/\s+/g, " ").trim())).toEqual([
      "1 ポータルで申請 完了",
      "2 読み取り端末の準備 進行中",
      "3 回線の準備 対象外",
      "4 試しに確認 未着手",
    ]);
    expect(buttons.map((b) => b.getAttribute("aria-current"))).toEqual([null, "step", null, null]);
    // Tab lands on the current step only; the others are reached with the arrow keys.
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, 0, -1, -1]);
  });

  it("counts progress over the steps that apply (対象外 left out)", () => {
    stepper();
    expect(screen.getByText("1 / 3 完了")).toBeTruthy();
  });

  it("moves focus with the arrow keys, Home and End, stopping at the ends", async () => {
    const { buttons } = stepper();
    buttons[1].focus();
    await fireEvent.keyDown(buttons[1], { key: "ArrowDown" });
    expect(document.activeElement).toBe(buttons[2]); // 対象外 is still reachable
    await fireEvent.keyDown(buttons[2], { key: "ArrowRight" });
    expect(document.activeElement).toBe(buttons[3]);
    await fireEvent.keyDown(buttons[3], { key: "ArrowDown" });
    expect(document.activeElement).toBe(buttons[3]);
    await fireEvent.keyDown(buttons[3], { key: "Home" });
    expect(document.activeElement).toBe(buttons[0]);
    await fireEvent.keyDown(buttons[0], { key: "ArrowUp" });
    expect(document.activeElement).toBe(buttons[0]);
    await fireEvent.keyDown(buttons[0], { key: "End" });
    expect(document.activeElement).toBe(buttons[3]);
    await fireEvent.keyDown(buttons[3], { key: "ArrowLeft" });
    expect(document.activeElement).toBe(buttons[2]);
    // The Tab stop follows focus, so Tab back into the list returns to the same step.
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, -1, 0, -1]);
  });

  it("calls onselect with the step's id on click (Enter / Space click a button natively)", async () => {
    const onselect = vi.fn();
    const { buttons } = stepper({ onselect });
    await fireEvent.click(buttons[2]);
    expect(onselect).toHaveBeenCalledExactlyOnceWith("network");
  });
});

const purchases = () => [
  { key: "a", item: "ガーゼ", date: "2025-04-01", amount: 1200 },
  { key: "b", item: "湿布", date: "2025-04-02", amount: 800 },
  { key: "c", item: "テープ", date: "2025-04-03", amount: 500 },
];

const input = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;
const removeButton = (n: number) => screen.getByRole("button", { name: `${n}行目を削除` });

describe("RowTable", () => {
  it("renders a header, one row per item and the footer", () => {
    render(RowTableHarness, { props: { initial: purchases(), withFooter: true } });
    const table = screen.getByRole("table", { name: "購入品" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["品目", "購入日", "金額", "操作"]);
    expect(within(table).getAllByRole("row")).toHaveLength(1 + 3 + 1);
    expect(input("品目（2行目）").value).toBe("湿布");
    expect(screen.getByTestId("total").textContent).toBe("2500円");
  });

  it("keeps a row's input element and typed text with its row when an earlier row is removed", async () => {
    render(RowTableHarness, { props: { initial: purchases(), withFooter: true } });
    const second = input("品目（2行目）");
    await fireEvent.input(second, { target: { value: "湿布（大）" } });
    second.focus();

    await fireEvent.click(removeButton(1));

    // The same element, now the first row, still holding what was typed.
    const first = input("品目（1行目）");
    expect(first).toBe(second);
    expect(first.value).toBe("湿布（大）");
    expect(screen.queryByDisplayValue("ガーゼ")).toBeNull();
    expect(screen.getByTestId("total").textContent).toBe("1300円");
  });

  it("after removing, focus goes to the 削除 of the row now in its place, else the row before, else the caption", async () => {
    const onremoved = vi.fn();
    render(RowTableHarness, { props: { initial: purchases(), onremoved } });

    removeButton(2).focus();
    await fireEvent.click(removeButton(2));
    expect(onremoved).toHaveBeenLastCalledWith("b");
    // テープ moved up into row 2; its 削除 has focus.
    expect(document.activeElement).toBe(removeButton(2));
    expect(document.activeElement!.closest("tr")!.dataset.key).toBe("c");

    await fireEvent.click(removeButton(2));
    expect(document.activeElement).toBe(removeButton(1));
    expect(document.activeElement!.closest("tr")!.dataset.key).toBe("a");

    await fireEvent.click(removeButton(1));
    expect(document.activeElement!.tagName).toBe("CAPTION");
    expect(document.activeElement!.textContent).toBe("購入品");
    expect(screen.getByText("まだ行がありません")).toBeTruthy();
  });

  it("moves focus when the parent removes the row later (after a confirmation)", async () => {
    const { component } = render(RowTableHarness, { props: { initial: purchases(), deferRemove: true } });
    removeButton(1).focus();
    await fireEvent.click(removeButton(1));
    expect(screen.getAllByRole("button", { name: /行目を削除/ })).toHaveLength(3);
    expect(document.activeElement).toBe(removeButton(1));

    flushSync(() => (component as unknown as { finishRemove(): void }).finishRemove());
    expect(screen.getAllByRole("button", { name: /行目を削除/ })).toHaveLength(2);
    expect(document.activeElement!.closest("tr")!.dataset.key).toBe("b");
  });

  it("does not pull focus back if the user went elsewhere before the row was removed", async () => {
    const { component } = render(RowTableHarness, { props: { initial: purchases(), deferRemove: true } });
    await fireEvent.click(removeButton(3));
    const outside = document.createElement("button");
    document.body.append(outside);
    outside.focus();
    flushSync(() => (component as unknown as { finishRemove(): void }).finishRemove());
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it("shows the empty text and no 削除 when there are no rows, and no footer unless given", () => {
    render(RowTableHarness, { props: { initial: [] } });
    expect(screen.getByText("まだ行がありません")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /削除/ })).toBeNull();
    expect(document.querySelector("tfoot")).toBeNull();
  });
});
