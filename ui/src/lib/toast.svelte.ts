// Messages about events nobody asked for (the reader service came back, a reader was attached, a
// link that could not open), as reactive state shown by Toaster.svelte. The result of an action
// staff took is never a toast: it is said under that action's buttons (lib/status.svelte.ts,
// StatusLine.svelte) and stays. One toast at a time (a newer one replaces it), closed with a
// button or Escape; an error stays longer; tests drive the timers with vi.useFakeTimers.

export type ToastKind = "ok" | "error";
export type Toast = { id: number; message: string; kind: ToastKind };

/** How long a toast stays, by kind (ms). */
export const TOAST_MS: Record<ToastKind, number> = { ok: 4000, error: 8000 };
/** The most toasts shown at once: one, so two never stack over the page; a newer one replaces it. */
export const MAX_TOASTS = 1;

/** The toasts on screen, oldest first. */
export const toasts = $state<{ list: Toast[] }>({ list: [] });

const timers = new Map<number, ReturnType<typeof setTimeout>>();
let nextId = 1;

function startTimer(t: Toast): void {
  clearTimeout(timers.get(t.id));
  timers.set(
    t.id,
    setTimeout(() => dismissToast(t.id), TOAST_MS[t.kind]),
  );
}

/** A short message at the bottom of the menu column, read out by screen readers. The same message
 *  twice in a row stays one toast, its time restarted. */
export function toast(message: string, kind: ToastKind = "ok"): void {
  const last = toasts.list.at(-1);
  if (last && last.message === message && last.kind === kind) {
    startTimer(last);
    return;
  }
  const t: Toast = { id: nextId++, message, kind };
  toasts.list.push(t);
  while (toasts.list.length > MAX_TOASTS) dismissToast(toasts.list[0].id);
  startTimer(t);
}

/** Removes one toast now. */
export function dismissToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  const at = toasts.list.findIndex((t) => t.id === id);
  if (at >= 0) toasts.list.splice(at, 1);
}

/** Stops a toast's timer (while the pointer is on it or focus is inside it). */
export function holdToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
}

/** Starts a held toast's timer again, from the full time. */
export function releaseToast(id: number): void {
  const t = toasts.list.find((x) => x.id === id);
  if (t) startTimer(t);
}

/** Removes every toast and timer (tests start from nothing). */
export function clearToasts(): void {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
  toasts.list.length = 0;
}
