// A backend for component tests: give the calls a test needs; any other call fails loudly with
// its name, so a test never passes because a page quietly skipped a call.
import type { Backend } from "../backend";
import type { CardEvent } from "../../api";

export type FakeBackend = Backend & {
  /** Sends a card event to every listener still subscribed. */
  emitCardEvent(event: CardEvent): void;
  /** Listeners subscribed now. */
  listeners(): number;
};

export function fakeBackend(calls: Partial<Backend> = {}): FakeBackend {
  const handlers = new Set<(event: CardEvent) => void>();
  const own = {
    onCardEvent(handler: (event: CardEvent) => void) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    emitCardEvent(event: CardEvent) {
      for (const h of [...handlers]) h(event);
    },
    listeners: () => handlers.size,
  };
  // Panels that load on their own (the poster panel on several pages, the 資格情報 records on
  // 毎日の資格確認, their retention in 設定): a test that is not about them gets these answers rather than a failure; a test
  // about them passes its own.
  const defaults: Partial<Backend> = {
    posterChoices: async () => ({ clinicName: "さくら整骨院", audiences: ["judo"] }),
    insuranceRecordsToday: async () => [],
    insuranceRetention: async () => ({ years: 5, cutoffText: "令和3年11月29日 (2021-11-29)", count: 0 }),
  };
  return new Proxy({ ...defaults, ...calls, ...own } as FakeBackend, {
    get(target, name, receiver) {
      if (name in target || typeof name === "symbol" || name === "then") return Reflect.get(target, name, receiver);
      return () => Promise.reject(new Error(`fakeBackend: ${String(name)} was not faked in this test`));
    },
  });
}
