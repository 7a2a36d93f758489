// How a page whose parts change things in Rust (助成金, 協力金) runs those calls: one after
// another in the order staff made them (a serial queue, so a quick second click never overtakes
// the first), the page's overview loaded again after each change (Rust is the truth: the screen
// shows what comes back and never works anything out itself), and one confirmation dialog for
// the page. The page creates them with `pageActions` and provides them to its parts under its
// own context (`pageContext`).
import { getContext, onMount, setContext } from "svelte";
import { serialQueue } from "./serialQueue";

/** A question before something is removed: 「…を削除しますか?」. */
export type ConfirmRequest = { title: string; message: string; confirmLabel: string };

export type PageActions = {
  /** A change in Rust: runs after every call started before it, then the overview is loaded again;
   *  resolves (or rejects with Rust's error) once the screen shows the new overview. */
  change<T>(task: () => Promise<T>): Promise<T>;
  /** A call that changes nothing stored (preview, save, print…): runs in turn with the changes,
   *  so it sees every change made before it. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Asks in the page's dialog; true when staff confirmed. */
  confirm(request: ConfirmRequest): Promise<boolean>;
  /** Whether the page is still shown (an answer after leaving is dropped). */
  alive(): boolean;
};

/** The page's one confirmation dialog (ConfirmDialog.svelte): bind `open`, show `request`, give
 *  `answered` as its `onanswer`. A second question while one is open answers the first "no". */
export class Confirmation {
  open = $state(false);
  request = $state.raw<ConfirmRequest | null>(null);
  #answer: ((yes: boolean) => void) | null = null;

  ask = (request: ConfirmRequest): Promise<boolean> => {
    this.#answer?.(false);
    this.request = request;
    this.open = true;
    return new Promise((resolve) => (this.#answer = resolve));
  };

  answered = (yes: boolean): void => {
    const give = this.#answer;
    this.#answer = null;
    give?.(yes);
  };
}

/** The calls of a page and its confirmation dialog. `reload` asks Rust for the overview again and
 *  shows it (catching its own failure); `alive` is the page's (loadOnMount's). Call it while the
 *  page component is being created: the queue stops when the page is left. */
export function pageActions(reload: () => Promise<void>, alive: () => boolean): { actions: PageActions; confirmation: Confirmation } {
  // Every call in the order staff made them; a task catches its own failure.
  const queue = serialQueue(() => undefined);
  onMount(() => () => queue.stop());

  function inTurn<T>(task: () => Promise<T>, reloadAfter: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push(async () => {
        let result: T;
        try {
          result = await task();
        } catch (e) {
          reject(e);
          return;
        }
        if (reloadAfter) await reload();
        resolve(result);
      });
    });
  }

  const confirmation = new Confirmation();
  return {
    actions: {
      change: (task) => inTurn(task, true),
      run: (task) => inTurn(task, false),
      confirm: confirmation.ask,
      alive,
    },
    confirmation,
  };
}

/** A context for one page's actions: the page provides them, its parts use them. */
export function pageContext<A>(page: string): { provide(actions: A): void; use(): A } {
  const key = Symbol(`${page} actions`);
  return {
    provide: (actions) => void setContext(key, actions),
    use: () => {
      const actions = getContext<A | undefined>(key);
      if (!actions) throw new Error(`the ${page} page provides these actions`);
      return actions;
    },
  };
}
