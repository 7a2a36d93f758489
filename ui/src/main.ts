// The app shell: the side menu and a hash router. A page is either a Svelte component (mounted
// with the backend in its context, unmounted when left) or, until it is moved to Svelte, a
// function that renders itself into <main>.
import "./styles.css";
import { mount, unmount, type Component } from "svelte";
import { api } from "./api";
import { tauriBackend } from "./api/tauriBackend";
import { BACKEND_KEY } from "./lib/backend";
import { h, render } from "./lib/dom";
import { leavePage, onLeave } from "./lib/page";
import { applyTextSize } from "./lib/textSize";
import Home from "./pages/Home.svelte";
import Guide from "./pages/Guide.svelte";
import { dailyPage } from "./pages/daily";
import Programs from "./pages/Programs.svelte";
import Faq from "./pages/Faq.svelte";
import Settings from "./pages/Settings.svelte";

export type Page = (main: HTMLElement) => Promise<void> | void;
/** A Svelte page: it calls `onready` once its data is on screen (the e2e tests wait for it). */
type SveltePage = { component: Component<{ onready?: () => void }>; props?: Record<string, unknown> };

const ROUTES: { path: string; label: string; page: Page | SveltePage }[] = [
  { path: "home", label: "ホーム", page: { component: Home as Component } },
  { path: "guide", label: "導入ガイド", page: { component: Guide as Component } },
  { path: "daily", label: "毎日の資格確認", page: dailyPage },
  { path: "subsidy", label: "助成金", page: { component: Programs as Component, props: { kind: "subsidy" } } },
  { path: "grant", label: "協力金", page: { component: Programs as Component, props: { kind: "grant" } } },
  { path: "faq", label: "よくある質問", page: { component: Faq as Component } },
  { path: "settings", label: "設定", page: { component: Settings as Component } },
];

function currentPath(): string {
  const path = location.hash.replace(/^#\/?/, "");
  return ROUTES.some((r) => r.path === path) ? path : "home";
}

function renderNav(active: string): void {
  const nav = document.getElementById("nav");
  if (!nav) return;
  render(
    nav,
    ROUTES.map((r) =>
      h(
        "li",
        {},
        h("a", { href: `#/${r.path}`, "aria-current": r.path === active ? "page" : null, "data-nav": r.path }, r.label),
      ),
    ),
  );
}

let generation = 0;

async function route(): Promise<void> {
  const path = currentPath();
  const main = document.getElementById("main");
  if (!main) return;
  renderNav(path);
  leavePage();
  const mine = ++generation;
  main.setAttribute("aria-busy", "true");
  main.dataset.page = path;
  main.dataset.ready = "false";
  render(main, h("p", { class: "muted" }, "読み込み中…"));
  const page = ROUTES.find((r) => r.path === path)!.page;
  if (typeof page !== "function") {
    mountSveltePage(main, page, mine);
    return;
  }
  try {
    const target = h("div", { class: "page" });
    await page(target);
    if (mine !== generation) return; // the user moved on while this page loaded
    render(main, target);
  } catch (e) {
    if (mine !== generation) return;
    const message = e instanceof Error ? e.message : String(e);
    render(main, h("div", { class: "page" }, h("h1", {}, "表示できませんでした"), h("p", { class: "error pre-line", role: "alert" }, message)));
  } finally {
    if (mine === generation) {
      main.removeAttribute("aria-busy");
      main.dataset.ready = "true";
    }
  }
}

/** Mounts a Svelte page with the app's backend; it is unmounted when the page is left, which ends
 *  its effects and listeners even if it is still loading. */
function mountSveltePage(main: HTMLElement, page: SveltePage, mine: number): void {
  const target = h("div", { class: "page" });
  render(main, target);
  const ready = () => {
    if (mine !== generation) return;
    main.removeAttribute("aria-busy");
    main.dataset.ready = "true";
  };
  const instance = mount(page.component, {
    target,
    props: { ...page.props, onready: ready },
    context: new Map([[BACKEND_KEY, tauriBackend]]),
  });
  onLeave(() => void unmount(instance));
}

/** Applies the text size chosen in 設定 before staff read anything. */
async function applySavedTextSize(): Promise<void> {
  try {
    applyTextSize(await api.getTextSize());
  } catch {
    // No store (a damaged database): the standard size, and ホーム says what is wrong.
  }
}

async function showVersion(): Promise<void> {
  const el = document.getElementById("version");
  if (!el) return;
  try {
    const info = await api.appInfo();
    el.textContent = `バージョン ${info.version}`;
    if (info.startupError) {
      // The first line says what happened; ホーム shows the whole message with what to do.
      const summary = info.startupError.message.split("\n")[0];
      document.body.prepend(
        h(
          "div",
          { class: "banner error", role: "alert", id: "startup-banner" },
          summary,
          " ",
          h("a", { href: "#/home" }, "どうすればよいか(ホーム)"),
        ),
      );
    }
  } catch {
    el.textContent = "";
  }
}

window.addEventListener("hashchange", () => void route());
void applySavedTextSize();
void showVersion();
void route();
