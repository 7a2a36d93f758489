// A check staff start with a button (this PC, the internet): its result, its failure and whether
// it is running, for one component. A second press while it runs does nothing, and an answer that
// comes after the step was left is dropped. Call it while the component is being created.
import { onMount } from "svelte";
import { errorMessage } from "../../lib/components/form";

export type CheckRun<T> = {
  readonly result: T | null;
  readonly failure: string | null;
  readonly running: boolean;
  run(): Promise<void>;
};

export function checkRun<T>(check: () => Promise<T>): CheckRun<T> {
  const state = $state<{ result: T | null; failure: string | null; running: boolean }>({
    result: null,
    failure: null,
    running: false,
  });
  let alive = true;
  onMount(() => () => (alive = false));
  return {
    get result() {
      return state.result;
    },
    get failure() {
      return state.failure;
    },
    get running() {
      return state.running;
    },
    async run() {
      if (state.running) return;
      state.running = true;
      state.failure = null;
      try {
        const found = await check();
        if (alive) state.result = found;
      } catch (e) {
        if (alive) state.failure = errorMessage(e);
      } finally {
        if (alive) state.running = false;
      }
    },
  };
}
