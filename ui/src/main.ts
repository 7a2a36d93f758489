// The app shell: the side menu and a hash router. Each page renders itself into <main>.
import "./styles.css";
import { api } from "./api";
import { h, render } from "./lib/dom";
import { leavePage } from "./lib/page";
import { homePage } from "./pages/home";
import { guidePage } from "./pages/guide";
import { dailyPage } from "./pages/daily";
import { programPage } from "./pages/programs";
import { faqPage } from "./pages/faq";
import { settingsPage } from "./pages/settings";

export type Page = (main: HTMLElement) => Promise<void> | void;

const ROUTES: { path: string; label: string; page: Page }[] = [
  { path: "home", label: "ホーム", page: homePage },
  { path: "guide", label: "導入ガイド", page: guidePage },
  { path: "daily", label: "毎日の資格確認", page: dailyPage },
  { path: "subsidy", label: "助成金", page: (m) => programPage(m, "subsidy") },
  { path: "grant", label: "協力金", page: (m) => programPage(m, "grant") },
  { path: "faq", label: "よくある質問", page: faqPage },
  { path: "settings", label: "設定", page: settingsPage },
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
  try {
    const target = h("div", { class: "page" });
    await ROUTES.find((r) => r.path === path)!.page(target);
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
void showVersion();
void route();
