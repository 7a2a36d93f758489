// What the 協力金 screen's parts share: the page's way to run a call to Rust (one after another,
// the overview loaded again after each change) and its one confirmation dialog
// (lib/pageActions.svelte.ts). The page provides them; each part takes them with `useGrant()`.
import { pageContext, type PageActions } from "../../lib/pageActions.svelte";

const context = pageContext<PageActions>("協力金");

export const provideGrant: (actions: PageActions) => void = context.provide;

export const useGrant: () => PageActions = context.use;
