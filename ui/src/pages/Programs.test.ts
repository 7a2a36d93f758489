import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { BACKEND_KEY } from "../lib/backend";
import { fakeBackend } from "../lib/testing/fakeBackend";
import { homeSummary, subsidy } from "../lib/testing/fixtures";
import Programs from "./Programs.svelte";

function page(backend: ReturnType<typeof fakeBackend>, kind: "subsidy" | "grant" = "subsidy", onready = vi.fn()) {
  return render(Programs, { props: { kind, onready }, context: new Map([[BACKEND_KEY, backend]]) });
}

describe("助成金 / 協力金", () => {
  it("shows a closed program as closed, with its deadline, cap and the data's as-of date", async () => {
    const onready = vi.fn();
    page(fakeBackend({ homeSummary: async () => homeSummary([subsidy()]) }), "subsidy", onready);
    const card = await screen.findByRole("heading", { name: "柔整・あはき施術所用助成金" });
    const section = card.closest("section")!;
    expect(section.textContent).toContain("受付終了");
    expect(section.textContent).toContain("令和8年1月15日 (2026-01-15)");
    expect(section.textContent).toContain("¥41,000");
    expect(section.textContent).toContain("出典で未確認");
    expect(screen.getByTestId("programs-as-of").textContent).toContain("令和8年11月24日 (2026-11-24) 時点");
    expect(onready).toHaveBeenCalledOnce();
  });

  it("lists only the programs of its kind", async () => {
    page(fakeBackend({ homeSummary: async () => homeSummary([subsidy()]) }), "grant");
    await screen.findByTestId("programs-as-of");
    expect(screen.queryByRole("heading", { name: "柔整・あはき施術所用助成金" })).toBeNull();
  });

  it("asks Rust for the claim and shows it; a non-number gets its message beside the field", async () => {
    const programClaim = vi.fn(async (_id: string, total: number) => ({
      eligibleTotalYen: total,
      claimYen: 39000,
      clinicPaysYen: 800,
      claimText: "¥39,000",
      clinicPaysText: "¥800",
    }));
    page(fakeBackend({ homeSummary: async () => homeSummary([subsidy()]), programClaim }));
    const input = await screen.findByLabelText("対象となる購入額の合計(税込)");
    await fireEvent.input(input, { target: { value: "abc" } });
    await fireEvent.click(screen.getByRole("button", { name: "申請額を計算する" }));
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const message = document.getElementById(`${input.id}-message`)!;
    expect(message.textContent).toContain("金額は数字で入力してください");
    expect(input.getAttribute("aria-describedby")).toContain(message.id);
    expect(programClaim).not.toHaveBeenCalled();

    await fireEvent.input(input, { target: { value: "３９,８００円" } });
    await fireEvent.click(screen.getByRole("button", { name: "申請額を計算する" }));
    await waitFor(() => expect(programClaim).toHaveBeenCalledWith("equipment_subsidy_2025", 39800));
    await screen.findByText("申請できる額 ¥39,000・施術所の負担 ¥800");
    expect(input.getAttribute("aria-invalid")).toBe("false");
  });

  it("shows why it could not load, in Japanese, and is still ready", async () => {
    const onready = vi.fn();
    page(fakeBackend({ homeSummary: async () => Promise.reject(new Error("データベースを開けませんでした")) }), "subsidy", onready);
    expect((await screen.findByRole("alert")).textContent).toContain("データベースを開けませんでした");
    expect(onready).toHaveBeenCalledOnce();
  });

  it("left while still loading: nothing is drawn and it never reports ready", async () => {
    let resolve!: (s: ReturnType<typeof homeSummary>) => void;
    const onready = vi.fn();
    const { unmount } = page(fakeBackend({ homeSummary: () => new Promise((r) => (resolve = r)) }), "subsidy", onready);
    unmount();
    resolve(homeSummary([subsidy()]));
    await new Promise((r) => setTimeout(r, 0));
    expect(onready).not.toHaveBeenCalled();
    expect(document.body.textContent).not.toContain("柔整・あはき施術所用助成金");
  });
});
