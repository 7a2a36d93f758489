import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CardCheck, CardStatus, CheckInput, DemoCard, Registered } from "../api";
import { BACKEND_KEY } from "../lib/backend";
import { clearToasts, toasts } from "../lib/toast.svelte";
import { basic4, cardCheck, checkRecord, demoStatus, readerStatus, recordedCheck, todayChecks } from "../lib/testing/cardFixtures";
import { fakeBackend, type FakeBackend } from "../lib/testing/fakeBackend";
import Daily from "./Daily.svelte";
import { refusal as refuse } from "../lib/testing/errors";

function page(backend: FakeBackend, onready = vi.fn()) {
  return render(Daily, { props: { onready }, context: new Map([[BACKEND_KEY, backend]]) });
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;
/** What a status line says now ("" before its first action). */
const said = (id: string) => document.getElementById(id)!.textContent!.trim();
const input = (selector: string) => document.querySelector(selector) as HTMLInputElement;

/** A deferred answer: the test decides when the backend answers. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Each デモ card's check as Rust recorded it (`null`: not a My Number card). */
const RECORDED_SAMPLE: Record<DemoCard, Parameters<typeof recordedCheck>[0] | null> = {
  valid: "valid",
  expires_soon: "expiresSoon",
  expired: "expired",
  last_try: "lastTry",
  blocked: "blocked",
  other_card: null,
};

/** A デモ card as Rust keeps it: the sample placed is checked as Rust checked it (recorded),
 *  placing and taking it off send the events a reader sends, a wrong PIN costs a try, the right
 *  one resets the counter. Every PIN sent is recorded. */
function demoCard() {
  const card = { present: false, sample: "valid" as DemoCard, kenmenTries: 3, pins: [] as string[], logged: [] as CheckInput[] };
  let backend!: FakeBackend;
  const check = (): CardCheck => {
    const name = RECORDED_SAMPLE[card.sample];
    if (!name) throw refuse("checkCard", "NotMyNumberCard", "マイナンバーカードではありません");
    return { ...recordedCheck(name), kenmenPin: { triesLeft: card.kenmenTries, blocked: card.kenmenTries === 0 } };
  };
  backend = fakeBackend({
    cardStatus: async () => demoStatus(card.present),
    todayChecks: async () =>
      todayChecks({
        demoRecords: card.logged.map((l, i) => checkRecord({ id: i + 1, ...l })),
      }),
    checkCard: async () => {
      if (!card.present) throw refuse("checkCard", "NoCard", "カードが置かれていません");
      return check();
    },
    demoInsertCard: async (sample: DemoCard) => {
      card.present = true;
      card.sample = sample;
      const name = RECORDED_SAMPLE[sample];
      card.kenmenTries = name ? recordedCheck(name).kenmenPin.triesLeft : 3;
      setTimeout(() => backend.emitCardEvent({ kind: "card_inserted", reader: "デモ" }));
      return null;
    },
    demoRemoveCard: async () => {
      card.present = false;
      setTimeout(() => backend.emitCardEvent({ kind: "card_removed", reader: "デモ" }));
      return null;
    },
    readBasic4: async (pin: string) => {
      card.pins.push(pin);
      if (pin.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) !== "1234") {
        card.kenmenTries -= 1;
        throw refuse("readBasic4", "WrongPin", `暗証番号が違います。あと${card.kenmenTries}回まちがえるとロックされます`);
      }
      card.kenmenTries = 3;
      return basic4();
    },
    logCheck: async (input: CheckInput) => {
      card.logged.push(input);
      return { record: checkRecord({ ...input }), demo: true };
    },
    registerPatient: async (): Promise<Registered> => ({
      kind: "created",
      patient: { id: 1, name: "見本 花子", address: "", birthDate: "1980-04-01", sex: "female", source: "card", updatedAt: "2026-11-29T01:00:00Z" },
    }),
  });
  return { card, backend };
}

// The toasts are app-wide state: each test starts with none.
afterEach(clearToasts);
/** The newest toast, as Toaster shows it (only for what nobody asked for: the reader's service, a
 *  reader attached). */
const lastToast = () => toasts.list.at(-1);

describe("毎日の資格確認", () => {
  it("reads a デモ card: validity and tries first, a wrong PIN sent once and the tries refreshed, then the 基本4情報 and the register", async () => {
    const { card, backend } = demoCard();
    const onready = vi.fn();
    page(backend, onready);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    expect(onready).toHaveBeenCalledTimes(1);
    expect(text("#demo-banner")).toContain("デモモード");
    expect(document.querySelector("#pin-panel")).toBeNull();

    await fireEvent.click(screen.getByRole("button", { name: "有効なカード" }));
    await waitFor(() => expect(text("#cert-status")).toBe("有効"));
    expect(text("#cert-expiry")).toBe(`有効期限 ${recordedCheck("valid").certificate.notAfterText}`);
    expect(text("[data-testid=auth-pin]")).toContain("残り 3 回");
    await waitFor(() => expect(text("#reader-state")).toBe("読み取りました"));
    // Which PIN is asked for, and that it may differ from the counter's.
    expect(screen.getByLabelText("券面事項入力補助用の暗証番号(数字4桁)")).toBe(input("#pin"));
    expect(text("#pin-hint")).toContain("違うこともあります");
    expect(text("#pin-hint")).toContain("残り 3 回");

    await fireEvent.input(input("#pin"), { target: { value: "0000" } });
    await fireEvent.submit(input("#pin").form!);
    await waitFor(() => expect(text("#pin-message")).toBe("暗証番号が違います。あと2回まちがえるとロックされます"));
    expect(input("#pin").value).toBe("");
    expect(input("#pin").getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(text("[data-testid=kenmen-pin]")).toContain("残り 2 回"));
    expect(text("#pin-hint")).toContain("残り 2 回");
    expect(card.pins).toEqual(["0000"]); // sent once, never again on its own

    await fireEvent.input(input("#pin"), { target: { value: "１２３４" } });
    await fireEvent.submit(input("#pin").form!);
    await waitFor(() => expect(text("#b4-name")).toBe("見本 花子"));
    expect(card.pins).toEqual(["0000", "１２３４"]);
    // After the read the tries shown are the card's own new count.
    await waitFor(() => expect(text("[data-testid=kenmen-pin]")).toContain("残り 3 回"));
    expect(document.body.textContent).toContain("昭和55年4月1日 (1980-04-01)");

    await fireEvent.click(screen.getByRole("button", { name: "患者台帳に登録する" }));
    await waitFor(() => expect(text("#register-result")).toMatch(/^デモの患者台帳に登録しました\(施術所の患者台帳には入りません\)/));
    // The registered patient's page is one step away, for the 資格情報 from the official app.
    expect(document.querySelector("#patient-page-link")!.getAttribute("href")).toMatch(/^#\/patients\?id=\d+&demo=1$/);

    // The 基本4情報 leaves the screen with the card.
    await fireEvent.click(screen.getByRole("button", { name: "カードを取る" }));
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    expect(document.querySelector("#b4-name")).toBeNull();
    expect(document.querySelector("#pin-panel")).toBeNull();
    expect(text("#card-result h2")).toContain("(カードは取り外されました)");
  });

  it("never preselects a result: a valid certificate is not eligibility; the check is logged as カード事前確認 and listed as デモ", async () => {
    const { card, backend } = demoCard();
    page(backend);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    await fireEvent.click(screen.getByRole("button", { name: "有効なカード" }));
    await waitFor(() => expect(text("#cert-status")).toBe("有効"));

    const results = [...document.querySelectorAll<HTMLInputElement>("input[name=result]")];
    expect(results.map((r) => r.checked)).toEqual([false, false, false]);
    expect(input('input[name=method][value="my_number_card"]').checked).toBe(true);

    await fireEvent.input(input("#check-note"), { target: { value: "受付で確認" } });
    await fireEvent.submit(input("#check-note").form!);
    expect(text("#msg-result")).toContain("結果を選んでください");
    expect(document.activeElement).toBe(results[0]);
    expect(card.logged).toEqual([]);

    await fireEvent.click(results[0]);
    await fireEvent.submit(input("#check-note").form!);
    await waitFor(() => expect(text("#demo-table")).toContain("カード事前確認"));
    expect(card.logged).toEqual([
      { method: "my_number_card", result: "ok", source: "card_read", certExpiresOn: recordedCheck("valid").certificate.notAfter, note: "受付で確認" },
    ]);
    expect(said("log-status")).toBe("デモの記録として残しました(施術所の記録には入りません)");
    expect(toasts.list).toEqual([]);
    expect(text("#msg-result")).toBe("");
    expect(input("#check-note").value).toBe("");
    expect(results.map((r) => r.checked)).toEqual([false, false, false]);
    expect(text("#today-counts")).toBe("0 件(マイナ保険証 0 件・利用率 0%)");
  });

  it("keeps what staff typed and chose in the log form when the next card is placed", async () => {
    const { backend } = demoCard();
    page(backend);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    await fireEvent.click(input('input[name=method][value="my_number_card_with_notice"]'));
    await fireEvent.click(input('input[name=result][value="warning"]'));
    await fireEvent.input(input("#check-note"), { target: { value: "途中のメモ " } });
    const note = input("#check-note");

    await fireEvent.click(screen.getByRole("button", { name: "期限切れのカード" }));
    // The expired card as Rust checks it: said in Rust's words, marked as an error.
    await waitFor(() => expect(text("#cert-status")).toBe("期限切れ"));
    expect(text("#cert-message")).toBe(recordedCheck("expired").certificate.message);
    expect(document.getElementById("cert-message")!.className).toContain("error");
    expect(input("#check-note")).toBe(note);
    expect(note.value).toBe("途中のメモ ");
    expect(input('input[name=method][value="my_number_card_with_notice"]').checked).toBe(true);
    expect(input('input[name=result][value="warning"]').checked).toBe(true);
  });

  it("handles card events one at a time, in order: a removal is never overwritten by the insert's late answer", async () => {
    let present = false;
    const slowCheck = later<CardCheck>();
    const statusCalls: boolean[] = [];
    const backend = fakeBackend({
      cardStatus: async () => {
        statusCalls.push(present);
        return demoStatus(present);
      },
      todayChecks: async () => todayChecks(),
      checkCard: () => slowCheck.promise,
    });
    page(backend);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));

    present = true;
    backend.emitCardEvent({ kind: "card_inserted", reader: "デモ" });
    await waitFor(() => expect(text("#reader-state")).toBe("カードを読み取っています…"));
    present = false;
    backend.emitCardEvent({ kind: "card_removed", reader: "デモ" });
    await new Promise((r) => setTimeout(r, 10));
    // The removal waits its turn: the insert's read is still going.
    expect(text("#reader-state")).toBe("カードを読み取っています…");

    slowCheck.resolve(cardCheck());
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    await new Promise((r) => setTimeout(r, 10));
    expect(text("#reader-state")).toBe("カードを置いてください");
    expect(document.querySelector("#pin-panel")).toBeNull();
    expect(text("#card-result h2")).toContain("(カードは取り外されました)");
  });

  it("drops a tries re-read that answers after the card was taken off", async () => {
    const { card, backend } = demoCard();
    page(backend);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    await fireEvent.click(screen.getByRole("button", { name: "有効なカード" }));
    await waitFor(() => expect(input("#pin")).not.toBeNull());

    const slowRecheck = later<CardCheck>();
    backend.checkCard = () => slowRecheck.promise;
    await fireEvent.input(input("#pin"), { target: { value: "1234" } });
    await fireEvent.submit(input("#pin").form!);
    await waitFor(() => expect(text("#b4-name")).toBe("見本 花子"));
    card.present = false;
    backend.emitCardEvent({ kind: "card_removed", reader: "デモ" });
    await waitFor(() => expect(document.querySelector("#pin-panel")).toBeNull());
    slowRecheck.reject(refuse("checkCard", "NoCard", "カードが置かれていません"));
    await new Promise((r) => setTimeout(r, 10));
    expect(document.querySelector("#card-error")).toBeNull();
    expect(text("#cert-status")).toBe("有効");
    expect(document.querySelector("#pin-panel")).toBeNull();
  });

  it("asks for the patient to be told before the last try, and sends nothing until staff confirm", async () => {
    const { card, backend } = demoCard();
    card.kenmenTries = 1;
    page(backend);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    await fireEvent.click(screen.getByRole("button", { name: "暗証番号 残り1回" }));
    await waitFor(() => expect(text("[data-testid=kenmen-pin]")).toContain("あと1回まちがえるとロックされます"));

    await fireEvent.input(input("#pin"), { target: { value: "1234" } });
    await fireEvent.submit(input("#pin").form!);
    expect(text("#pin-message")).toBe("残り1回であることを患者さんに伝えてから、チェックを入れてください");
    expect(card.pins).toEqual([]);

    await fireEvent.click(screen.getByLabelText("残り1回であることを患者さんに伝えました"));
    await fireEvent.submit(input("#pin").form!);
    await waitFor(() => expect(text("#b4-name")).toBe("見本 花子"));
    expect(card.pins).toEqual(["1234"]);
  });

  it("a blocked 券面事項入力補助用 PIN offers no PIN field and says the official app's PIN may still work", async () => {
    const backend = fakeBackend({
      cardStatus: async () => demoStatus(true),
      todayChecks: async () => todayChecks(),
      checkCard: async () => cardCheck(0, 3),
    });
    page(backend);
    await waitFor(() => expect(text("[data-testid=kenmen-pin]")).toContain("ロック中"));
    expect(document.querySelector("#pin")).toBeNull();
    expect(text("#auth-pin-still-works")).toContain("利用者証明用の暗証番号は別の暗証番号です");
  });

  it("a card that is not a My Number card shows Rust's code and message, and no PIN panel", async () => {
    const backend = fakeBackend({
      cardStatus: async () => readerStatus(true),
      todayChecks: async () => todayChecks(),
      checkCard: async () => {
        throw refuse("checkCard", "NotMyNumberCard", "マイナンバーカードではないカードです。");
      },
    });
    page(backend);
    await waitFor(() => expect(document.querySelector("#card-error")?.getAttribute("data-code")).toBe("NotMyNumberCard"));
    expect(text("#card-error")).toBe("マイナンバーカードではないカードです。");
    expect(document.querySelector("#pin-panel")).toBeNull();
    expect(document.querySelector("#demo-banner")).toBeNull();
  });

  it("asks 「同じ方ですか?」 and saves only staff's answer", async () => {
    const { backend } = demoCard();
    const existing = { id: 7, name: "見本 花子", address: "旧住所", birthDate: "1980-04-01", sex: "female" as const, source: "card" as const, updatedAt: "2026-11-01T00:00:00Z" };
    const registerPatient = vi.fn(async (_input: unknown, decision: unknown): Promise<Registered> =>
      decision ? { kind: "updated", patient: existing } : { kind: "needs_decision", existing: [existing] },
    );
    backend.registerPatient = registerPatient as FakeBackend["registerPatient"];
    page(backend);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    await fireEvent.click(screen.getByRole("button", { name: "有効なカード" }));
    await waitFor(() => expect(input("#pin")).not.toBeNull());
    await fireEvent.input(input("#pin"), { target: { value: "1234" } });
    await fireEvent.submit(input("#pin").form!);
    await fireEvent.click(await screen.findByRole("button", { name: "患者台帳に登録する" }));
    await waitFor(() => expect(text("#same-person-question")).toContain("まだ何も保存していません"));
    expect(text("#same-person-question")).toContain("旧住所");
    await fireEvent.click(screen.getByRole("button", { name: "同じ方(住所を更新)" }));
    await waitFor(() => expect(text("#register-result")).toContain("住所などを最新の内容に更新しました"));
    expect(registerPatient.mock.calls.map((c) => c[1])).toEqual([null, { kind: "same_person", id: 7 }]);
  });

  it("shows Rust's message beside the note when it refuses it", async () => {
    const { backend } = demoCard();
    backend.logCheck = async () => {
      throw refuse("logCheck", "Validation", "入力を確認してください", [{ field: "note", message: "メモに使えない文字が含まれています" }]);
    };
    page(backend);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    await fireEvent.click(input('input[name=result][value="ok"]'));
    await fireEvent.input(input("#check-note"), { target: { value: "x\u202e" } });
    await fireEvent.submit(input("#check-note").form!);
    await waitFor(() => expect(text("#check-note-message")).toBe("メモに使えない文字が含まれています"));
    expect(input("#check-note").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(input("#check-note"));
    expect(input("#check-note").value).toBe("x\u202e"); // nothing typed is lost
    expect(said("log-status"), "the refusal is said beside the note only").toBe("");
  });

  it("a check that could not be recorded says why under 記録する, and keeps what was chosen", async () => {
    const { backend } = demoCard();
    backend.logCheck = async () => {
      throw refuse("logCheck", "Database", "データベースに書き込めませんでした");
    };
    page(backend);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    await fireEvent.click(input('input[name=result][value="ok"]'));
    await fireEvent.click(screen.getByRole("button", { name: "記録する" }));
    await waitFor(() => expect(said("log-status")).toContain("データベースに書き込めませんでした"));
    expect(document.getElementById("log-status")!.className).toContain("error");
    expect(input('input[name=result][value="ok"]').checked).toBe(true);
    expect(toasts.list).toEqual([]);
  });

  it("a デモ card that could not be placed, or a card event that failed, is said under the reader until the next card", async () => {
    const { card, backend } = demoCard();
    backend.demoInsertCard = async () => {
      throw refuse("demoInsertCard", "NotDemoMode", "デモモードではありません。実機のカードリーダーを使っています");
    };
    page(backend);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    expect(said("reader-status")).toBe("");
    await fireEvent.click(screen.getByRole("button", { name: "有効なカード" }));
    await waitFor(() => expect(said("reader-status")).toContain("デモモードではありません"));
    expect(document.getElementById("reader-status")!.className).toContain("error");

    // A card event whose handling fails (the reader's status could not be read) is said there too.
    const cardStatus = backend.cardStatus;
    backend.cardStatus = async () => {
      throw refuse("cardStatus", "Internal", "カードリーダーの状態を読み取れませんでした");
    };
    backend.emitCardEvent({ kind: "readers_changed", readers: [] });
    await waitFor(() => expect(said("reader-status")).toContain("カードリーダーの状態を読み取れませんでした"));
    expect(toasts.list).toEqual([]);

    // The next card clears it.
    backend.cardStatus = cardStatus;
    card.present = true;
    backend.emitCardEvent({ kind: "card_inserted", reader: "デモ" });
    await waitFor(() => expect(text("#cert-status")).toBe("有効"));
    expect(said("reader-status")).toBe("");
  });

  it("reports the service going away and coming back, and the switch from デモ to a real reader", async () => {
    let mode: "demo" | "reader" = "demo";
    const backend = fakeBackend({
      cardStatus: async () => (mode === "demo" ? demoStatus() : readerStatus()),
      todayChecks: async () => todayChecks(),
    });
    page(backend);
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    backend.emitCardEvent({ kind: "service_unavailable", error: { code: "ServiceUnavailable", message: "スマートカードのサービスが止まっています" } });
    await waitFor(() => expect(text("#reader-state")).toBe("スマートカードのサービスが止まっています"));
    backend.emitCardEvent({ kind: "service_restored" });
    await waitFor(() => expect(text("#reader-state")).toBe("カードを置いてください"));
    expect(lastToast()?.message).toContain("サービスが戻りました");

    mode = "reader";
    backend.emitCardEvent({ kind: "mode_changed", mode: { kind: "reader" } });
    await waitFor(() => expect(document.querySelector("#demo-banner")).toBeNull());
    expect(text("#reader-panel")).toContain("SONY FeliCa RC-S300");
    expect(lastToast()?.message).toContain("実機のカードリーダーに切り替えました");
  });

  it("a page left while loading leaves no listener and never reports ready", async () => {
    const pending = later<CardStatus>();
    const cardStatus = vi.fn(() => pending.promise);
    const backend = fakeBackend({ cardStatus, todayChecks: async () => todayChecks() });
    const onready = vi.fn();
    const view = page(backend, onready);
    await waitFor(() => expect(cardStatus).toHaveBeenCalledTimes(1));
    expect(backend.listeners()).toBe(1);
    view.unmount();
    expect(backend.listeners()).toBe(0);
    pending.resolve(demoStatus(true));
    await new Promise((r) => setTimeout(r, 10));
    expect(onready).not.toHaveBeenCalled();
    // An event after leaving reaches nobody, and the card is never read for a page that is gone.
    backend.emitCardEvent({ kind: "card_inserted", reader: "デモ" });
    await new Promise((r) => setTimeout(r, 10));
    expect(cardStatus).toHaveBeenCalledTimes(1);
  });

  it("on the phone route opens with the phone's part and keeps the record; the reader is folded away", async () => {
    page(fakeBackend({ cardStatus: async () => demoStatus(), todayChecks: async () => todayChecks({ route: "mobile" }) }));
    const phone = await screen.findByRole("heading", { name: "資格確認はスマートフォン・タブレットで行います" });
    expect(phone.closest("section")!.textContent).toContain("公式の「マイナ資格確認アプリ」で読み取り");
    expect(phone.closest("section")!.textContent).toContain("資格情報の記録、今日の確認の記録、マイナ保険証の利用率");
    const folded = document.getElementById("pc-reader") as HTMLDetailsElement;
    expect(folded.tagName).toBe("DETAILS");
    expect(folded.open).toBe(false);
    expect(folded.querySelector("summary")!.textContent).toBe("このパソコンでカードを読む場合");
    expect(folded.querySelector("button")?.textContent, "the デモ card buttons are inside").toBeTruthy();
    // What comes first on the page is the phone's part, then the log.
    const order = [...document.querySelectorAll("#phone-route, #log-panel, #pc-reader")].map((e) => e.id);
    expect(order).toEqual(["phone-route", "log-panel", "pc-reader"]);
  });

  it("on the PC route (or before one is chosen) the reader comes first, as before", async () => {
    page(fakeBackend({ cardStatus: async () => demoStatus(), todayChecks: async () => todayChecks({ route: "windows_pc" }) }));
    await screen.findByRole("heading", { name: "確認を記録する" });
    expect(document.getElementById("phone-route")).toBeNull();
    expect(document.getElementById("pc-reader")).toBeNull();
  });

  it("offers the methods Rust gives for today (no 保険証 after its transition), with each one's note; a refusal is said beside them", async () => {
    const logCheck = vi.fn(async () => {
      throw refuse("logCheck", "Validation", "「保険証」での確認は令和8年3月31日 (2026-03-31)までです", [
        { field: "method", message: "「保険証」での確認は令和8年3月31日 (2026-03-31)までです。マイナ保険証か資格確認書などで確認してください" },
      ]);
    });
    page(fakeBackend({ cardStatus: async () => demoStatus(), todayChecks: async () => todayChecks(), logCheck }));
    await screen.findByRole("heading", { name: "確認を記録する" });
    const methods = [...document.querySelectorAll<HTMLInputElement>("#log-form input[name=method]")].map((i) => i.value);
    expect(methods).toEqual(["my_number_card", "my_number_card_with_notice", "eligibility_certificate", "other"]);
    await fireEvent.click(input('input[name=method][value="my_number_card_with_notice"]'));
    expect(text("#method-note")).toContain("お知らせだけでは確認になりません");
    await fireEvent.click(input('input[name=result][value="ok"]'));
    await fireEvent.click(screen.getByRole("button", { name: "記録する" }));
    await waitFor(() => expect(text("#msg-method")).toContain("令和8年3月31日 (2026-03-31)まで"));
    expect(document.activeElement).toBe(input('input[name=method][value="my_number_card_with_notice"]'));
  });
});
