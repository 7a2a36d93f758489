import { render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clearToasts, toasts } from "./lib/toast.svelte";
import App from "./App.svelte";
import { BACKEND_KEY } from "./lib/backend";
import { fakeBackend } from "./lib/testing/fakeBackend";
import { appInfo, faqView, homeSummary, startupError } from "./lib/testing/fixtures";
import { routeOf } from "./routes";

const main = () => document.getElementById("main")!;
afterEach(() => {
  location.hash = "";
  delete document.documentElement.dataset.textSize;
});

describe("the app's shell", () => {
  it("shows the route's page, marks it in the menu, and says when its data is on screen", async () => {
    location.hash = "#/faq";
    const backend = fakeBackend({ appInfo: async () => appInfo(), getTextSize: async () => "large", faq: async () => faqView() });
    render(App, { context: new Map([[BACKEND_KEY, backend]]) });
    expect(main().dataset.page).toBe("faq");
    await waitFor(() => expect(main().dataset.ready).toBe("true"));
    expect(screen.getByRole("link", { name: "よくある質問" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "ホーム" }).getAttribute("aria-current")).toBeNull();
    await waitFor(() => expect(document.getElementById("version")!.textContent).toBe("バージョン 0.1.0"));
    expect(document.documentElement.dataset.textSize).toBe("large");
  });

  it("a page left while loading never marks the next one ready", async () => {
    location.hash = "#/home";
    const answers: ((v: ReturnType<typeof appInfo>) => void)[] = [];
    const never = () => new Promise<never>(() => undefined);
    const backend = fakeBackend({
      appInfo: () => new Promise((r) => answers.push(r)),
      getTextSize: async () => "standard",
      homeSummary: async () => homeSummary([]),
      cardStatus: never,
      todayChecks: never,
    });
    render(App, { context: new Map([[BACKEND_KEY, backend]]) });
    expect(main().dataset.ready).toBe("false");
    location.hash = "#/daily";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await waitFor(() => expect(main().dataset.page).toBe("daily"));
    expect(backend.listeners()).toBe(1);
    // ホーム's answer comes after it was left: 毎日の資格確認 is still loading, so not ready.
    for (const answer of answers) answer(appInfo());
    await new Promise((r) => setTimeout(r, 10));
    expect(main().dataset.ready).toBe("false");
    expect(main().getAttribute("aria-busy")).toBe("true");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("毎日の資格確認");
  });

  it("a page opened from the menu takes focus to its heading once ready; the first page does not", async () => {
    location.hash = "#/faq";
    const backend = fakeBackend({
      appInfo: async () => appInfo(),
      getTextSize: async () => "standard",
      faq: async () => faqView(),
      homeSummary: async () => homeSummary([]),
    });
    render(App, { context: new Map([[BACKEND_KEY, backend]]) });
    await waitFor(() => expect(main().dataset.ready).toBe("true"));
    expect(document.activeElement).toBe(document.body);
    const menuLink = screen.getByRole("link", { name: "ホーム" });
    menuLink.focus();
    location.hash = "#/home";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1 })));
  });

  it("a startup error shows a banner that leads to ホーム", async () => {
    location.hash = "#/faq";
    const backend = fakeBackend({
      appInfo: async () => appInfo({ startupError: startupError() }),
      faq: async () => faqView(),
      getTextSize: async () => {
        throw new Error("no store");
      },
    });
    render(App, { context: new Map([[BACKEND_KEY, backend]]) });
    const banner = await screen.findByRole("alert");
    expect(banner.id).toBe("startup-banner");
    expect(banner.textContent).toContain("データベースのファイルが壊れているため、開けませんでした。");
    expect(banner.textContent).not.toContain("1. アプリを終了してください。");
    expect(document.documentElement.dataset.textSize).toBeUndefined();
  });

  it("an official page opens through Rust in the system's browser; a refusal is a toast", async () => {
    location.hash = "#/faq";
    const openLink = vi.fn(async (url: string) => {
      if (url.includes("example")) throw new Error("このアドレスはオン資ナビが知っている公式のページではないため、開きません");
      return null;
    });
    render(App, { context: new Map([[BACKEND_KEY, fakeBackend({ appInfo: async () => appInfo(), getTextSize: async () => "standard", faq: async () => faqView(), openLink })]]) });
    await waitFor(() => expect(main().dataset.ready).toBe("true"));
    const link = document.createElement("a");
    link.href = "https://iryohokenjyoho.service-now.com/omf";
    link.target = "_blank";
    link.textContent = "ポータル";
    main().append(link);
    const event = new MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(openLink).toHaveBeenCalledWith("https://iryohokenjyoho.service-now.com/omf");
    link.href = "https://example.com/";
    link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    await waitFor(() => expect(toasts.list.at(-1)?.kind).toBe("error"));
    // A route link stays the router's.
    const route = screen.getByRole("link", { name: "ホーム" });
    const routeClick = new MouseEvent("click", { bubbles: true, cancelable: true });
    route.dispatchEvent(routeClick);
    expect(routeClick.defaultPrevented).toBe(false);
    expect(openLink).toHaveBeenCalledTimes(2);
    clearToasts();
  });

  it("an unknown or empty route is ホーム", () => {
    expect(routeOf("").path).toBe("home");
    expect(routeOf("#/nowhere").path).toBe("home");
    expect(routeOf("#/daily").path).toBe("daily");
  });
});
