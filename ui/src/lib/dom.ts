// A small element builder: pages stay readable without a framework, and text is always set as
// text (never as HTML), so nothing typed or stored can inject markup.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") {
      el.addEventListener(name.replace(/^on/, "").toLowerCase(), value);
    } else if (value === true) {
      el.setAttribute(name, "");
    } else {
      el.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces everything inside `parent`. */
export function render(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

let toastTimer: number | undefined;

/** A short message at the bottom of the window, read out by screen readers. */
export function toast(message: string, kind: "ok" | "error" = "ok"): void {
  const el = document.getElementById("toast");
  if (!el) return;
  el.textContent = message;
  el.className = `toast show ${kind}`;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (el.className = "toast"), 4000);
}

/** Shows the message Rust gave for `field` beside `input` (marked invalid and focused); any other
 *  failure becomes an error toast. Returns whether the field had its own message. */
export function showFieldError(error: unknown, field: string, input: HTMLElement, message: HTMLElement): boolean {
  const fields = (error as { fields?: { field: string; message: string }[] } | null)?.fields;
  const issue = Array.isArray(fields) ? fields.find((f) => f.field === field) : undefined;
  if (!issue) {
    toast(error instanceof Error ? error.message : String(error), "error");
    return false;
  }
  message.textContent = issue.message;
  message.className = "field-message error";
  input.setAttribute("aria-invalid", "true");
  input.focus();
  return true;
}
