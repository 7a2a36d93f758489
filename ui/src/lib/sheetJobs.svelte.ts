// The buttons of a printable sheet (確認, 保存, 印刷): one job at a time, the pressed button shown
// busy while the others wait, and Rust's message kept for the page when a job fails (a file that
// could not be written names the file). An answer after the page was left is dropped.
import { errorMessage } from "./components/form";
import type { Status } from "./status.svelte";

export class SheetJobs<Job extends string> {
  /** The job under way, or null. */
  busy = $state<Job | null>(null);
  /** Why the last job failed, in Rust's words. */
  failure = $state<string | null>(null);
  readonly #run: (task: () => Promise<void>) => Promise<void>;
  readonly #alive: () => boolean;
  readonly #status: Status | undefined;

  /** `run` puts the task in the page's turn (default: at once); `alive` is the page's; `status`,
   *  the line under the buttons, is cleared as each job starts (it says what the last one did). */
  constructor(
    run: (task: () => Promise<void>) => Promise<void> = (task) => task(),
    alive: () => boolean = () => true,
    status?: Status,
  ) {
    this.#run = run;
    this.#alive = alive;
    this.#status = status;
  }

  /** Runs `task` as `job` unless another job is under way. */
  go = async (job: Job, task: () => Promise<void>): Promise<void> => {
    if (this.busy) return;
    this.busy = job;
    this.failure = null;
    this.#status?.clear();
    try {
      await this.#run(task);
    } catch (e) {
      if (this.#alive()) this.failure = errorMessage(e);
    } finally {
      if (this.#alive()) this.busy = null;
    }
  };
}
