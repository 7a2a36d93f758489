// The seam between pages and the app: everything native a page needs (commands, card events)
// behind one interface. The Tauri implementation (`src/api/tauriBackend.ts`) is the only one that
// touches Tauri; tests hand pages a fake (`lib/testing/fakeBackend.ts`). Pages take the backend
// from the Svelte context under `BACKEND_KEY` and never import Tauri.
import { getContext } from "svelte";
import type { api, CardEvent } from "../api";

/** Every command, typed from the generated bindings, and card events with a disposer. */
export type Backend = typeof api & {
  /** Calls `handler` for every reader and card event. The disposer works at once, even before
   *  the native listener is in place, so a page left while loading leaves nothing behind. */
  onCardEvent(handler: (event: CardEvent) => void): () => void;
};

/** The context key; exported so tests (and the router) can provide a backend. */
export const BACKEND_KEY = Symbol("onshi-navi backend");

/** The backend of the page being built. Throws a clear error when none was provided. */
export function useBackend(): Backend {
  const backend = getContext<Backend | undefined>(BACKEND_KEY);
  if (!backend) throw new Error("useBackend: no backend was provided to this component");
  return backend;
}
