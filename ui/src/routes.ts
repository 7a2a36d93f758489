// The app's pages and their hash routes (`#/daily`): the side menu and the router both read this.
import type { Component } from "svelte";
import Daily from "./pages/Daily.svelte";
import Faq from "./pages/Faq.svelte";
import Grant from "./pages/Grant.svelte";
import Guide from "./pages/Guide.svelte";
import Home from "./pages/Home.svelte";
import Patients from "./pages/Patients.svelte";
import Settings from "./pages/Settings.svelte";
import Subsidy from "./pages/Subsidy.svelte";

/** A page: it calls `onready` once its data is on screen (the e2e tests wait for data-ready). */
export type Route = {
  path: string;
  label: string;
  component: Component<{ onready?: () => void }>;
  props?: Record<string, unknown>;
};

export const ROUTES: readonly Route[] = [
  { path: "home", label: "ホーム", component: Home as Route["component"] },
  { path: "guide", label: "導入ガイド", component: Guide as Route["component"] },
  { path: "daily", label: "毎日の資格確認", component: Daily as Route["component"] },
  { path: "patients", label: "患者台帳", component: Patients as Route["component"] },
  { path: "subsidy", label: "助成金", component: Subsidy as Route["component"] },
  { path: "grant", label: "協力金", component: Grant as Route["component"] },
  { path: "faq", label: "よくある質問", component: Faq as Route["component"] },
  { path: "settings", label: "設定", component: Settings as Route["component"] },
];

/** The route of a location hash; ホーム for an empty or unknown one. What follows `?` is the
 *  page's own (the patient shown in 患者台帳: `#/patients?id=3`): the page reads it, the route stays. */
export function routeOf(hash: string): Route {
  const path = hash.replace(/^#\/?/, "").split("?")[0];
  return ROUTES.find((r) => r.path === path) ?? ROUTES[0];
}
