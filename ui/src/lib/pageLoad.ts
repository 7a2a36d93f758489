// How a page loads its data when it is shown: one pattern for every page.
import { onMount } from "svelte";
import { errorMessage } from "./components/form";

/** What a page does with its data, its failure, and when it is ready (the router's data-ready). */
export type LoadHandlers<T> = {
  data: (value: T) => void;
  failure: (message: string) => void;
  ready?: () => void;
};

/** Loads when the page is mounted. An answer that comes after the page was left is dropped, and
 *  `ready` is called once, when the data or the failure is shown, never after leaving. Returns a
 *  check for later calls of the page (a save's answer after leaving is dropped the same way).
 *  `load` gets the same check, to skip a second call once the page is gone. Call it while the
 *  component is being created. */
export function loadOnMount<T>(load: (alive: () => boolean) => Promise<T>, on: LoadHandlers<T>): () => boolean {
  let alive = true;
  const isAlive = () => alive;
  onMount(() => {
    load(isAlive)
      .then(
        (value) => alive && on.data(value),
        (e) => alive && on.failure(errorMessage(e)),
      )
      .finally(() => alive && on.ready?.());
    return () => {
      alive = false;
    };
  });
  return isAlive;
}
