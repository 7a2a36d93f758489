import { describe, expect, it, vi } from "vitest";
import { serialQueue } from "./serialQueue";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("serialQueue", () => {
  it("runs tasks one at a time in the order pushed, a slow one holding the next", async () => {
    const q = serialQueue(() => undefined);
    const seen: string[] = [];
    q.push(async () => {
      seen.push("insert:start");
      await pause(20);
      seen.push("insert:end");
    });
    q.push(() => void seen.push("remove"));
    await q.idle();
    expect(seen).toEqual(["insert:start", "insert:end", "remove"]);
  });

  it("reports a failed task and still runs the next", async () => {
    const onError = vi.fn();
    const q = serialQueue(onError);
    const ran = vi.fn();
    q.push(async () => {
      throw new Error("読み取れませんでした");
    });
    q.push(ran);
    await q.idle();
    expect(onError).toHaveBeenCalledWith(new Error("読み取れませんでした"));
    expect(ran).toHaveBeenCalledTimes(1);
  });

  it("after stop, runs nothing more and reports nothing", async () => {
    const onError = vi.fn();
    const q = serialQueue(onError);
    const later = vi.fn();
    q.push(async () => {
      await pause(10);
      throw new Error("after leaving");
    });
    q.push(later);
    q.stop();
    q.push(later);
    await q.idle();
    await pause(20);
    expect(later).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });
});
