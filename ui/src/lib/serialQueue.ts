// Card events arrive faster than the screen can answer them (a card placed and taken off within
// a second). Each event's handling awaits the backend, so two handlers running at once would
// race: an insert's late redraw could land after the removal and show a card that is gone.
// This queue runs them one at a time, in the order they came.

/** A queue of async tasks run one after another. */
export type SerialQueue = {
  /** Adds a task; it starts when every task pushed before it has ended. */
  push(task: () => Promise<void> | void): void;
  /** Drops the tasks not started yet and refuses new ones (the page was left). */
  stop(): void;
  /** Resolves when every task pushed so far has ended (tests wait on it). */
  idle(): Promise<void>;
};

/** A serial queue; a task that fails is reported to `onError` and the next one still runs. */
export function serialQueue(onError: (error: unknown) => void): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  let stopped = false;
  return {
    push(task) {
      if (stopped) return;
      tail = tail.then(async () => {
        if (stopped) return;
        try {
          await task();
        } catch (e) {
          if (!stopped) onError(e);
        }
      });
    },
    stop() {
      stopped = true;
    },
    idle: () => tail,
  };
}
