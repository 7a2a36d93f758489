// What the last action of one part of a page did, said next to its buttons (StatusLine.svelte)
// and kept until the next action there: a practitioner reading slowly loses nothing, and nothing
// covers the form. A saved file's line keeps its path so staff can open its folder.
import { errorMessage } from "./components/form";

export type StatusKind = "ok" | "error";

/** One status line's state: give it to a StatusLine and call `ok` or `fail` after each action. */
export class Status {
  /** What happened, or null before the first action. */
  text = $state<string | null>(null);
  kind = $state<StatusKind>("ok");
  /** The file (or folder) the action wrote, whose folder staff may open. */
  file = $state<string | null>(null);

  /** The action worked; `file` when it wrote one. */
  ok = (text: string, file: string | null = null): void => {
    this.text = text;
    this.kind = "ok";
    this.file = file;
  };

  /** The action failed: Rust's message, in Japanese. */
  fail = (error: unknown): void => {
    this.text = errorMessage(error);
    this.kind = "error";
    this.file = null;
  };

  /** Nothing to say (a new action started). */
  clear = (): void => {
    this.text = null;
    this.file = null;
  };
}

/** The name of a saved file, without its folder (Windows or POSIX separators). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The folder part of a path, for the line under the file's name. */
export function folderOf(path: string): string {
  const at = Math.max(path.lastIndexOf("\\"), path.lastIndexOf("/"));
  return at > 0 ? path.slice(0, at) : "";
}
