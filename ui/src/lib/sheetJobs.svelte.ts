// The buttons of a printable sheet (確認, 保存, 印刷): one job at a time, the pressed button shown
// busy while the others wait, and Rust's message kept for the page when a job fails (a file that
// could not be written names the file). An answer after the page was left is dropped.
import { errorMessage } from "./components/form";

export class SheetJobs<Job extends string> {
  /** The job under way, or null. */
  busy = $state<Job | null>(null);
  /** Why the last job failed, in Rust's words. */
  failure = $state<string | null>(null);
  readonly #run: (task: () => Promise<void>) => Promise<void>;
  readonly #alive: () => boolean;

  /** `run` puts the task in the page's turn (default: at once); `alive` is the page's. */
  constructor(run: (task: () => Promise<void>) => Promise<void> = (task) => task(), alive: () => boolean = () => true) {
    this.#run = run;
    this.#alive = alive;
  }

  /** Runs `task` as `job` unless another job is under way. */
  go = async (job: Job, task: () => Promise<void>): Promise<void> => {
    if (this.busy) return;
    this.busy = job;
    this.failure = null;
    try {
      await this.#run(task);
    } catch (e) {
      if (this.#alive()) this.failure = errorMessage(e);
    } finally {
      if (this.#alive()) this.busy = null;
    }
  };
}
