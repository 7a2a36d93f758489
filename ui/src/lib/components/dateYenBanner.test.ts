import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import Yen from "./Yen.svelte";
import BindHarness from "./testing/BindHarness.svelte";
import BannerHarness from "./testing/BannerHarness.svelte";

const bound = () => screen.getByTestId("bound").textContent;
const describedBy = (input: HTMLElement) =>
  (input.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`);

async function type(input: HTMLElement, text: string) {
  await fireEvent.input(input, { target: { value: text } });
}

describe("DateField", () => {
  it("shows the 和暦 and 西暦 of what was typed and binds the ISO date, keeping the text", async () => {
    render(BindHarness, { props: { kind: "date", label: "施術日", hint: "和暦でも西暦でも入力できます" } });
    const input = screen.getByLabelText("施術日") as HTMLInputElement;
    expect(bound()).toBe("");

    await type(input, "Ｒ８．１１．２９");
    expect(document.getElementById("d-preview")?.textContent?.trim()).toBe("令和8年11月29日 (2026-11-29)");
    expect(bound()).toBe("2026-11-29");
    await fireEvent.blur(input);
    expect(input.value).toBe("Ｒ８．１１．２９");
    expect(input.getAttribute("aria-invalid")).toBe("false");
    expect(describedBy(input)).toEqual(["令和8年11月29日 (2026-11-29)", "和暦でも西暦でも入力できます", ""]);

    await type(input, "令和元年5月1日");
    expect(bound()).toBe("2019-05-01");
    expect(screen.getByText("令和元年5月1日 (2019-05-01)")).toBeTruthy();
  });

  it("shows the parse problem while typing, unbinds the value, and makes it the field's message once left", async () => {
    render(BindHarness, { props: { kind: "date", label: "施術日", date: "2026-11-29" } });
    const input = screen.getByLabelText("施術日") as HTMLInputElement;
    expect(input.value).toBe("2026-11-29");
    expect(bound()).toBe("2026-11-29");

    await type(input, "2026/2/30");
    const preview = document.getElementById("d-preview")!;
    expect(preview.textContent?.trim()).toBe("その日付はありません（2026年2月は28日までです）");
    expect(preview.classList.contains("warning")).toBe(true);
    expect(bound()).toBe("");
    // Not red while still typing.
    expect(input.getAttribute("aria-invalid")).toBe("false");
    expect(document.getElementById("d-message")?.textContent).toBe("");

    await fireEvent.blur(input);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const message = document.getElementById("d-message")!;
    expect(message.textContent).toBe("その日付はありません（2026年2月は28日までです）");
    expect(message.classList.contains("error")).toBe(true);
    // Said once, not twice.
    expect(preview.textContent?.trim()).toBe("");

    await type(input, "令和1年4月1日");
    expect(message.textContent).toBe("令和は2019年5月1日からです（2019-04-01 は平成31年4月1日です）");
    expect(bound()).toBe("");
  });

  it("puts Rust's message beside the field, over its own, with aria-invalid", async () => {
    render(BindHarness, { props: { kind: "date", label: "有効期限", message: "有効期限は今日以降の日付にしてください" } });
    const input = screen.getByLabelText("有効期限");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(input)).toContain("有効期限は今日以降の日付にしてください");

    await type(input, "あした");
    await fireEvent.blur(input);
    expect(document.getElementById("d-message")?.textContent).toBe("有効期限は今日以降の日付にしてください");
    // The field's own finding is still shown, in the preview line.
    expect(document.getElementById("d-preview")?.textContent).toContain("日付として読み取れません");
  });

  it("shows Rust's advice (a day kept as a plan) in amber, without marking the field invalid", async () => {
    render(BindHarness, { props: { kind: "date", label: "運用開始日", warning: "運用開始予定日(令和9年12月1日 (2027-12-01))として記録しました" } });
    const input = screen.getByLabelText("運用開始日");
    const message = document.getElementById("d-message")!;
    expect(message.textContent).toContain("運用開始予定日");
    expect(message.classList.contains("warning")).toBe(true);
    expect(input.getAttribute("aria-invalid")).toBe("false");
    await type(input, "あした");
    await fireEvent.blur(input);
    expect(message.textContent, "the field's own problem wins").toContain("日付として読み取れません");
  });

  it("asks for a required date only once the field is left empty", async () => {
    render(BindHarness, { props: { kind: "date", label: "施術日", required: true } });
    const input = screen.getByLabelText(/施術日/);
    expect(screen.getByText("必須")).toBeTruthy();
    expect(input.getAttribute("aria-required")).toBe("true");
    expect(document.getElementById("d-message")?.textContent).toBe("");
    await fireEvent.blur(input);
    expect(document.getElementById("d-message")?.textContent).toBe("日付を入力してください");
    expect(input.getAttribute("aria-invalid")).toBe("true");
  });

  it("refuses a date outside min/max, saying the limit in 和暦", async () => {
    render(BindHarness, { props: { kind: "date", label: "施術日", minDate: "2026-04-01", maxDate: "2027-03-31" } });
    const input = screen.getByLabelText("施術日");
    await type(input, "R8.3.31");
    expect(bound()).toBe("");
    expect(document.getElementById("d-preview")?.textContent?.trim()).toBe("令和8年4月1日 (2026-04-01) 以降の日付を入力してください");
    await type(input, "2027/4/1");
    expect(document.getElementById("d-preview")?.textContent?.trim()).toBe("令和9年3月31日 (2027-03-31) 以前の日付を入力してください");
    await type(input, "2027/3/31");
    expect(bound()).toBe("2027-03-31");
  });

  it("shows a date the page sets later (a form loaded or reset)", async () => {
    render(BindHarness, { props: { kind: "date", label: "施術日", setTo: "2019-04-30" } });
    const input = screen.getByLabelText("施術日") as HTMLInputElement;
    await type(input, "R8.1.1");
    await fireEvent.click(screen.getByText("set"));
    expect(input.value).toBe("2019-04-30");
    expect(document.getElementById("d-preview")?.textContent?.trim()).toBe("平成31年4月30日 (2019-04-30)");
    expect(bound()).toBe("2019-04-30");
  });

  it("gives the text as typed, for a form that sends it to Rust as it is; a date set by the page replaces it", async () => {
    render(BindHarness, { props: { kind: "date", label: "掲示した日", setTo: "2025-05-01" } });
    const input = screen.getByLabelText("掲示した日") as HTMLInputElement;
    const typed = () => screen.getByTestId("typed").textContent;
    expect(typed()).toBe("");
    await type(input, "令和7年5月１日");
    expect(typed()).toBe("令和7年5月１日");
    expect(bound()).toBe("2025-05-01");
    await type(input, "5月の初め");
    expect(typed()).toBe("5月の初め");
    expect(bound()).toBe("");
    await fireEvent.click(screen.getByText("set"));
    expect(typed()).toBe("2025-05-01");
    expect(input.value).toBe("2025-05-01");
  });
});

describe("YenField and Yen", () => {
  it("reads full-width amounts with 円, shows ¥ and binds the number", async () => {
    render(BindHarness, { props: { kind: "yen", label: "請求額" } });
    const input = screen.getByLabelText("請求額") as HTMLInputElement;
    expect(input.getAttribute("inputmode")).toBe("numeric");
    expect(bound()).toBe("null");

    await type(input, "３９８００円");
    expect(document.getElementById("y-preview")?.textContent?.trim()).toBe("¥39,800");
    expect(bound()).toBe("39800");
    expect(input.value).toBe("３９８００円");

    await type(input, "¥1,234,567");
    expect(screen.getByText("¥1,234,567")).toBeTruthy();
    expect(bound()).toBe("1234567");
  });

  it("says how to type an amount when the text is not one", async () => {
    render(BindHarness, { props: { kind: "yen", label: "請求額", amount: 500 } });
    const input = screen.getByLabelText("請求額") as HTMLInputElement;
    expect(input.value).toBe("500");
    expect(bound()).toBe("500");
    await type(input, "約4万");
    expect(bound()).toBe("null");
    await fireEvent.blur(input);
    expect(document.getElementById("y-message")?.textContent).toBe("金額は半角・全角の数字で入力してください（例: 39,800）");
    expect(input.getAttribute("aria-invalid")).toBe("true");
  });

  it("lets Rust's message win and checks min/max", async () => {
    render(BindHarness, { props: { kind: "yen", label: "請求額", maxYen: 100000, message: "請求額が上限を超えています" } });
    const input = screen.getByLabelText("請求額");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    await type(input, "100001");
    expect(bound()).toBe("null");
    expect(document.getElementById("y-preview")?.textContent?.trim()).toBe("¥100,000 以下の金額を入力してください");
    expect(document.getElementById("y-message")?.textContent).toBe("請求額が上限を超えています");
  });

  it("Yen shows an amount as Rust's format_yen does", () => {
    const { container } = render(Yen, { props: { amount: -1000 } });
    expect(container.textContent?.trim()).toBe("-¥1,000");
  });
});

describe("Banner", () => {
  it.each([
    ["error", "alert"],
    ["warning", "status"],
    ["info", "status"],
    ["demo", "status"],
    ["ok", "status"],
  ] as const)("a %s banner has role=%s and shows its title and content", (kind, role) => {
    render(BannerHarness, { props: { kind, title: "お知らせ" } });
    const banner = screen.getByRole(role);
    expect(banner.textContent).toContain("お知らせ");
    expect(banner.textContent).toContain("本文のお知らせ");
    expect(banner.classList.contains("banner")).toBe(true);
    expect(banner.classList.contains(kind === "demo" ? "banner-demo" : kind)).toBe(true);
  });

  it("has no 閉じる button and ignores Esc without ondismiss", async () => {
    render(BannerHarness, { props: { kind: "info" } });
    expect(screen.queryByRole("button", { name: "閉じる" })).toBeNull();
    await fireEvent.keyDown(screen.getByText("くわしく"), { key: "Escape" });
    expect(screen.getByRole("status").textContent).toContain("本文のお知らせ");
  });

  it("closes by the 閉じる button", async () => {
    const ondismiss = vi.fn();
    render(BannerHarness, { props: { kind: "demo", ondismiss } });
    const close = screen.getByRole("button", { name: "閉じる" });
    expect(close.tagName).toBe("BUTTON");
    expect(close.getAttribute("type")).toBe("button");
    await fireEvent.click(close);
    expect(ondismiss).toHaveBeenCalledTimes(1);
  });

  it("closes on Esc only while focus is inside the banner", async () => {
    const ondismiss = vi.fn();
    render(BannerHarness, { props: { kind: "error", ondismiss } });
    const outside = screen.getByText("外のボタン");
    outside.focus();
    await fireEvent.keyDown(outside, { key: "Escape" });
    expect(ondismiss).not.toHaveBeenCalled();

    const link = screen.getByText("くわしく");
    link.focus();
    await fireEvent.keyDown(link, { key: "Enter" });
    expect(ondismiss).not.toHaveBeenCalled();
    await fireEvent.keyDown(link, { key: "Escape" });
    expect(ondismiss).toHaveBeenCalledTimes(1);

    const close = screen.getByRole("button", { name: "閉じる" });
    close.focus();
    await fireEvent.keyDown(close, { key: "Escape" });
    expect(ondismiss).toHaveBeenCalledTimes(2);
  });
});
