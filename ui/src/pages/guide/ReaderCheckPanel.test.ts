import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ReaderCheck, ReaderModel } from "../../api";
import { BACKEND_KEY } from "../../lib/backend";
import { cardCheck, demoStatus, readerStatus } from "../../lib/testing/cardFixtures";
import { fakeBackend } from "../../lib/testing/fakeBackend";
import ReaderCheckPanel from "./ReaderCheckPanel.svelte";
import { refusal as refuse } from "../../lib/testing/errors";

const source = { title: "調査", where: "販売店", url: null, part: null, asOf: "2026-11-24", verified: false };
const RC_S300: ReaderModel = { name: "Sony PaSoRi RC-S300", connection: "usb", note: "よく使われる機種です。", source };
const officialList = { id: "reader_list", title: "マイナ資格確認アプリで使えるカードリーダーの一覧", url: "https://iryohokenjyoho.service-now.com/csm?id=kb_article_view&sysparm_article=KB0011081", where: "", what: "", asOf: "2026-11-24", verified: false };

function view(readers: ReaderCheck["readers"], status = readerStatus(readers.some((r) => r.cardPresent))): ReaderCheck {
  return { status, readers, models: [RC_S300], officialList };
}

function panel(readerCheck: () => Promise<ReaderCheck>, extra = {}) {
  const backend = fakeBackend({ readerCheck: vi.fn(readerCheck), ...extra });
  render(ReaderCheckPanel, { context: new Map([[BACKEND_KEY, backend]]) });
  return backend;
}

describe("カードリーダーの確認 (手順6)", () => {
  it("names each reader's known model, warns about one not on the list, and says when another program holds it", async () => {
    panel(async () =>
      view([
        { name: "SONY FeliCa Port/PaSoRi 4.0", cardPresent: false, inUse: false, model: RC_S300 },
        { name: "Generic Reader 0", cardPresent: false, inUse: true, model: null },
      ]),
    );
    await screen.findByText("SONY FeliCa Port/PaSoRi 4.0");
    const known = document.querySelector('[data-reader="SONY FeliCa Port/PaSoRi 4.0"]')!;
    expect(known.textContent).toContain("Sony PaSoRi RC-S300(USB接続)");
    const other = document.querySelector('[data-reader="Generic Reader 0"]')!;
    expect(other.textContent).toContain("確認できている機種の一覧にはありません");
    expect(other.textContent).toContain("ほかのアプリ(マイナ資格確認アプリなど)が使用中です");
    expect(document.getElementById("reader-service")!.textContent).toContain("スマートカードのサービスは動いています");
    expect(screen.getByRole("link", { name: officialList.title }).getAttribute("href")).toBe(officialList.url);
  });

  it("with no reader, says what to buy", async () => {
    panel(async () => view([], demoStatus()));
    await screen.findByText(/カードリーダーを用意してください/);
    expect(document.getElementById("reader-buy")!.textContent).toContain("Sony PaSoRi RC-S300(USB接続)");
    expect(document.getElementById("reader-service")!.textContent).toContain("カードリーダーが見つかりません");
  });

  it("follows the reader live, and pre-checks a card placed on it without PIN, worded as a help only", async () => {
    let readers: ReaderCheck["readers"] = [];
    const checkCard = vi.fn(async () => cardCheck(2));
    const backend = panel(async () => view(readers), { checkCard });
    await screen.findByText(/カードリーダーを用意してください/);
    readers = [{ name: "ACS ACR39U ICC Reader", cardPresent: true, inUse: false, model: null }];
    backend.emitCardEvent({ kind: "readers_changed", readers: [] });
    await fireEvent.click(await screen.findByRole("button", { name: "置かれたカードを事前チェックする(暗証番号なし)" }));
    await waitFor(() => expect(document.getElementById("cert-status")!.textContent).toBe("有効"));
    expect(document.querySelector("[data-testid=kenmen-pin]")!.textContent).toContain("残り 2 回");
    expect(document.body.textContent).toContain("公式のマイナ資格確認アプリで読み取れることの証明にはなりません");
    // The card taken off: its result goes with it.
    readers = [{ name: "ACS ACR39U ICC Reader", cardPresent: false, inUse: false, model: null }];
    backend.emitCardEvent({ kind: "card_removed", reader: "ACS ACR39U ICC Reader" });
    await waitFor(() => expect(document.getElementById("cert-status")).toBeNull());
  });

  it("a card that cannot be read says why, with Rust's code", async () => {
    panel(async () => view([{ name: "ACS ACR39U ICC Reader", cardPresent: true, inUse: false, model: null }]), {
      checkCard: async () => {
        throw refuse("checkCard", "NotMyNumberCard", "マイナンバーカードではないカードです。");
      },
    });
    await fireEvent.click(await screen.findByRole("button", { name: "置かれたカードを事前チェックする(暗証番号なし)" }));
    await waitFor(() => expect(document.getElementById("card-error")!.dataset.code).toBe("NotMyNumberCard"));
  });

  it("leaves no listener once the step is left", async () => {
    const backend = fakeBackend({ readerCheck: () => new Promise<ReaderCheck>(() => undefined) });
    const { unmount } = render(ReaderCheckPanel, { context: new Map([[BACKEND_KEY, backend]]) });
    expect(backend.listeners()).toBe(1);
    unmount();
    expect(backend.listeners()).toBe(0);
  });
});
