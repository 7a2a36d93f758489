import {
  api,
  ApiError,
  onCardEvent,
  type CardCheck,
  type CardStatus,
  type CheckMethod,
  type CheckResult,
  type DemoCard,
  type Patient,
  type PatientInput,
  type PinStatus,
  type RegisterDecision,
  type TodayChecks,
} from "../api";
import { h, render, showFieldError, toast } from "../lib/dom";
import { localDateTime } from "../lib/format";
import { onLeave } from "../lib/page";

const METHODS: { value: CheckMethod; label: string }[] = [
  { value: "my_number_card", label: "マイナ保険証" },
  { value: "eligibility_certificate", label: "資格確認書" },
  { value: "insurance_card", label: "保険証" },
  { value: "other", label: "その他" },
];
const RESULTS: { value: CheckResult; label: string }[] = [
  { value: "ok", label: "資格を確認できた" },
  { value: "warning", label: "確認できたが要注意" },
  { value: "failed", label: "確認できなかった" },
];
const DEMO_CARDS: { value: DemoCard; label: string }[] = [
  { value: "valid", label: "有効なカード" },
  { value: "expires_soon", label: "期限が近いカード" },
  { value: "expired", label: "期限切れのカード" },
  { value: "last_try", label: "暗証番号 残り1回" },
  { value: "blocked", label: "暗証番号 ロック中" },
  { value: "other_card", label: "マイナンバーカード以外" },
];
const CERT_BADGE: Record<string, [string, string]> = {
  valid: ["open", "有効"],
  expires_soon: ["upcoming", "期限が近い"],
  expired: ["closed-error", "期限切れ"],
  not_yet_valid: ["upcoming", "有効期間前"],
};

const methodLabel = (m: CheckMethod) => METHODS.find((x) => x.value === m)?.label ?? m;
const resultLabel = (r: CheckResult) => RESULTS.find((x) => x.value === r)?.label ?? r;

/** Registers the patient and shows the outcome in `out`. When a patient with the same 氏名 and
 *  生年月日 is registered, nothing was saved: asks 「同じ方ですか?」 and calls again with the
 *  answer. `button` (患者台帳に登録する) stays disabled unless staff must try again. */
async function registerWith(
  input: PatientInput,
  decision: RegisterDecision | null,
  out: HTMLElement,
  button: HTMLButtonElement,
  demo: boolean,
): Promise<void> {
  // A デモ card's patient goes to the デモ database (the backend decides); the wording says so.
  const register = demo ? "デモの患者台帳" : "患者台帳";
  const apart = demo ? "(施術所の患者台帳には入りません)" : "";
  try {
    const r = await api.registerPatient(input, decision);
    switch (r.kind) {
      case "created":
        render(
          out,
          decision?.kind === "another_person"
            ? `別の方として${register}に新しく登録しました${apart}`
            : `${register}に登録しました${apart}`,
        );
        out.className = "ok";
        break;
      case "updated":
        render(out, `${register}の登録済みの患者さんとして、住所などを最新の内容に更新しました${apart}`);
        out.className = "ok";
        break;
      case "needs_decision":
        render(out, samePersonQuestion(input, r.existing, out, button, demo));
        out.className = "question";
        break;
    }
  } catch (e) {
    // A refused field (e.g. a direction control in the name) names what is wrong.
    const fields = e instanceof ApiError ? e.fields.map((f) => f.message) : [];
    render(out, fields.length ? fields.join(" ") : e instanceof Error ? e.message : String(e));
    out.className = "error";
    button.removeAttribute("disabled");
  }
}

/** 「同じ方ですか?」: the registered patients with this 氏名 and 生年月日, each with 同じ方, and
 *  別の方として登録. Nothing is saved until one is pressed. */
function samePersonQuestion(
  input: PatientInput,
  existing: Patient[],
  out: HTMLElement,
  button: HTMLButtonElement,
  demo: boolean,
): HTMLElement {
  const answer = (decision: RegisterDecision) => async (ev: Event) => {
    for (const b of box.querySelectorAll("button")) b.setAttribute("disabled", "");
    (ev.currentTarget as HTMLButtonElement).textContent = "保存しています…";
    await registerWith(input, decision, out, button, demo);
  };
  const box = h(
    "div",
    { class: "same-person", id: "same-person-question", role: "group", "aria-labelledby": "same-person-title" },
    h("p", { class: "big", id: "same-person-title" }, "同じ方ですか?"),
    h(
      "p",
      {},
      `患者台帳に、同じ氏名・生年月日(${input.name}さん)の方がすでに登録されています。まだ何も保存していません。`,
    ),
    h(
      "ul",
      { class: "plain" },
      existing.map((p) =>
        h(
          "li",
          { "data-patient": p.id },
          h("span", {}, `患者番号 ${p.id}・登録の住所: ${p.address || "(住所なし)"}・最終更新 ${localDateTime(p.updatedAt)}`),
          " ",
          h(
            "button",
            {
              type: "button",
              class: "primary",
              id: existing.length === 1 ? "same-person" : `same-person-${p.id}`,
              onclick: answer({ kind: "same_person", id: p.id }),
            },
            "同じ方(住所を更新)",
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", id: "another-person", onclick: answer({ kind: "another_person" }) }, "別の方として登録"),
    ),
    h("p", { class: "hint" }, "住所や性別が違っても、引っ越しなどで同じ方のことがあります。患者さんにご確認ください。"),
  );
  return box;
}

/** 毎日の資格確認: the reader live, the card's pre-check, the 基本4情報 with the patient's PIN,
 *  and the day's log with the マイナ保険証 利用率. */
export async function dailyPage(main: HTMLElement): Promise<void> {
  const [status, today] = await Promise.all([api.cardStatus(), api.todayChecks()]);

  const readerPanel = h("section", { class: "card", id: "reader-panel", "aria-live": "polite" });
  const resultPanel = h("section", { class: "card", id: "card-result", "aria-live": "polite", hidden: true });
  const pinPanel = h("section", { class: "card", id: "pin-panel", hidden: true });
  const listPanel = h("section", { class: "card", id: "today-list" });
  let lastCheck: CardCheck | null = null;
  let reading = false;
  /** The mode the reader was in at the last draw: says whether what was read came from デモ. */
  let demoMode = status.mode.kind === "demo";

  const drawReader = (s: CardStatus, note?: string) => {
    const demo = s.mode.kind === "demo";
    demoMode = demo;
    const reader = s.readers.find((r) => r.cardPresent) ?? s.readers[0];
    const state = s.error
      ? s.error.message
      : !reader
        ? "カードリーダーが見つかりません。USBケーブルやBluetoothの接続を確かめてください"
        : reader.inUse
          ? "ほかのアプリ(マイナ資格確認アプリなど)がカードリーダーを使用中です"
          : reader.cardPresent
            ? (note ?? "カードが置かれています")
            : "カードを置いてください";
    render(
      readerPanel,
      h("h2", {}, "カードリーダー"),
      demo
        ? h(
            "p",
            { class: "banner-demo", id: "demo-banner" },
            h("strong", {}, "デモモード"),
            `: ${s.mode.kind === "demo" ? s.mode.reason : ""}、デモ用の仮想カードで動いています。本物の患者さんのカードは読み取れません。デモのカードから記録した内容はデモ用の記録に分けて残し、施術所の記録・患者台帳・利用率には入りません。カードリーダーをつなぐと、自動で実機のカードリーダーに切り替わります。`,
          )
        : h("p", { class: "muted" }, "実機のカードリーダーを使っています。公式のマイナ資格確認アプリと共有しています。"),
      reader ? h("p", {}, "リーダー: ", h("strong", {}, reader.name)) : null,
      s.monitorError ? h("p", { class: "error", id: "monitor-error" }, s.monitorError.message) : null,
      h("p", { class: "big", id: "reader-state" }, state),
      demo
        ? h(
            "div",
            { class: "demo-controls", role: "group", "aria-label": "デモ用のカード" },
            h("p", { class: "hint" }, "デモ用のカードを置く:"),
            DEMO_CARDS.map((c) =>
              h(
                "button",
                {
                  type: "button",
                  "data-demo": c.value,
                  onclick: async () => {
                    try {
                      await api.demoInsertCard(c.value);
                    } catch (e) {
                      toast(e instanceof Error ? e.message : String(e), "error");
                    }
                  },
                },
                c.label,
              ),
            ),
            h(
              "button",
              {
                type: "button",
                id: "demo-remove",
                onclick: async () => {
                  try {
                    await api.demoRemoveCard();
                  } catch (e) {
                    toast(e instanceof Error ? e.message : String(e), "error");
                  }
                },
              },
              "カードを取る",
            ),
          )
        : null,
    );
  };

  const pinLine = (label: string, p: PinStatus, testid: string) =>
    h(
      "p",
      { class: p.blocked ? "error" : p.triesLeft === 1 ? "warning-text" : "", "data-testid": testid },
      `${label}: `,
      p.blocked
        ? h("strong", {}, "ロック中。お住まいの市区町村の窓口で暗証番号の再設定が必要です")
        : h("strong", {}, `残り ${p.triesLeft} 回`),
      !p.blocked && p.triesLeft === 1 ? " (あと1回まちがえるとロックされます。入力の前に患者さんにお伝えください)" : "",
    );

  const drawResult = (check: CardCheck, keepPinPanel = false) => {
    const [badgeClass, badgeText] = CERT_BADGE[check.certificate.status] ?? ["", check.certificate.status];
    resultPanel.hidden = false;
    render(
      resultPanel,
      h("h2", {}, "カード事前確認(暗証番号なし)"),
      h("p", { class: "hint" }, "電子証明書の期限と暗証番号の残り回数です。保険の資格の有無は、公式のマイナ資格確認アプリで確認してください。"),
      h("p", {}, h("span", { class: `badge ${badgeClass}`, id: "cert-status" }, badgeText), " 利用者証明用電子証明書"),
      h("p", { class: "big", id: "cert-expiry" }, `有効期限 ${check.certificate.notAfterText}`),
      h("p", { id: "cert-message", class: check.certificate.status === "valid" ? "" : "error" }, check.certificate.message),
      pinLine("利用者証明用の暗証番号(受付で使う4桁)", check.authPin, "auth-pin"),
      pinLine("券面事項入力補助用の暗証番号", check.kenmenPin, "kenmen-pin"),
      h("p", { class: "muted" }, `カードとのやりとり ${check.apdus} 回。読み取り後、カードリーダーはすぐに解放しました。`),
    );
    if (!keepPinPanel) drawPinPanel(check);
  };

  const drawError = (e: unknown) => {
    const err = e instanceof ApiError ? e : new ApiError({ code: "Internal", message: String(e), fields: [] });
    resultPanel.hidden = false;
    render(resultPanel, h("h2", {}, "読み取れませんでした"), h("p", { class: "error", role: "alert", id: "card-error", "data-code": err.code }, err.message));
    pinPanel.hidden = true;
  };

  const drawPinPanel = (check: CardCheck) => {
    const p = check.kenmenPin;
    if (p.blocked) {
      pinPanel.hidden = false;
      render(
        pinPanel,
        h("h2", {}, "基本4情報(氏名・住所・生年月日・性別)"),
        h("p", { class: "error" }, "券面事項入力補助用の暗証番号がロックされているため、基本4情報は読み取れません。患者さんには市区町村の窓口での再設定をご案内ください。"),
        check.authPin.blocked
          ? null
          : h("p", { id: "auth-pin-still-works" }, "受付で公式のマイナ資格確認アプリに入力する利用者証明用の暗証番号は別の暗証番号です。そちらがロックされていなければ、資格確認には使えます。"),
      );
      return;
    }
    const pin = h("input", {
      id: "pin",
      type: "password",
      inputmode: "numeric",
      autocomplete: "off",
      maxlength: 4,
      "aria-describedby": "pin-hint",
    });
    const ack = p.triesLeft === 1 ? h("input", { type: "checkbox", id: "pin-ack" }) : null;
    const message = h("p", { id: "pin-message", role: "alert" });
    const output = h("div", { id: "basic4" });
    const button = h("button", { type: "submit", class: "primary", id: "read-basic4" }, "読み取る");
    const form = h(
      "form",
      {
        class: "form",
        novalidate: true,
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          if (reading) return;
          if (ack && !ack.checked) {
            message.textContent = "残り1回であることを患者さんに伝えてから、チェックを入れてください";
            message.className = "error";
            return;
          }
          const typed = pin.value;
          pin.value = ""; // never kept on screen, never sent twice
          reading = true;
          button.setAttribute("disabled", "");
          message.textContent = "読み取っています…";
          message.className = "";
          const fromDemo = demoMode;
          try {
            const b = await api.readBasic4(typed);
            message.textContent = "";
            // The card reset its counter: show its own new count (a read without PIN).
            void api.checkCard().then(
              (fresh) => {
                lastCheck = fresh;
                drawResult(fresh, true);
              },
              () => undefined,
            );
            const registered = h("div", { id: "register-result", role: "status" });
            render(
              output,
              h(
                "dl",
                { class: "facts" },
                h("dt", {}, "氏名"),
                h("dd", { id: "b4-name" }, b.name),
                h("dt", {}, "住所"),
                h("dd", {}, b.address),
                h("dt", {}, "生年月日"),
                h("dd", {}, b.birthDateText),
                h("dt", {}, "性別"),
                h("dd", {}, b.sexText),
              ),
              h(
                "p",
                { class: "hint" },
                "「患者台帳に登録する」を押した場合だけ保存されます。押さなければ、カードを取ると画面から消えます。",
              ),
              h(
                "div",
                { class: "actions" },
                h(
                  "button",
                  {
                    type: "button",
                    id: "register-patient",
                    onclick: async (ev: Event) => {
                      const btn = ev.currentTarget as HTMLButtonElement;
                      btn.setAttribute("disabled", "");
                      const input: PatientInput = {
                        name: b.name,
                        address: b.address,
                        birthDate: b.birthDate,
                        sex: b.sex,
                        source: "card",
                      };
                      await registerWith(input, null, registered, btn, fromDemo);
                    },
                  },
                  "患者台帳に登録する",
                ),
                registered,
              ),
            );
          } catch (e) {
            const err = e instanceof ApiError ? e : new ApiError({ code: "Internal", message: String(e), fields: [] });
            message.textContent = err.message;
            message.className = "error";
            // Refresh the tries shown: a status read, never another VERIFY.
            if (err.code === "WrongPin" || err.code === "PinBlocked") void runCheck(err.message);
          } finally {
            reading = false;
            button.removeAttribute("disabled");
          }
        },
      },
      h("label", { for: "pin" }, "券面事項入力補助用の暗証番号(数字4桁)"),
      pin,
      h(
        "p",
        { class: "hint", id: "pin-hint" },
        `患者さんご本人に入力していただきます。受付で使う利用者証明用の暗証番号と同じ数字のことが多いですが、違うこともあります。残り ${p.triesLeft} 回。まちがえた場合も、オン資ナビが自動でやり直すことはありません。`,
      ),
      ack ? h("label", { class: "radio" }, ack, "残り1回であることを患者さんに伝えました") : null,
      h("div", { class: "actions" }, button),
      message,
    );
    pinPanel.hidden = false;
    render(pinPanel, h("h2", {}, "基本4情報(氏名・住所・生年月日・性別)"), form, output);
  };

  /** Reads the card again (no PIN). After a wrong PIN, `pinMessage` stays shown above the new
   *  tries count, so the patient sees both. */
  const runCheck = async (pinMessage?: string) => {
    try {
      lastCheck = await api.checkCard();
      drawResult(lastCheck);
      const m = pinPanel.querySelector("#pin-message");
      if (pinMessage && m) {
        m.textContent = pinMessage;
        m.className = "error";
      }
    } catch (e) {
      lastCheck = null;
      drawError(e);
    }
    drawLogForm();
  };

  const logForm = h("section", { class: "card", id: "log-panel" });
  /** What staff chose and typed in the log form: kept when a card event redraws it. The result is
   *  never chosen for them: a valid certificate is not insurance eligibility. */
  const typedLog: { method: CheckMethod | null; result: CheckResult | null; note: string } = {
    method: null,
    result: null,
    note: "",
  };
  const drawLogForm = () => {
    const fromCard = lastCheck !== null;
    const radios = <T extends string>(name: string, items: { value: T; label: string }[], checked: T | null, onpick: (v: T) => void) =>
      h(
        "div",
        { class: "radios", role: "radiogroup", "aria-label": name === "method" ? "確認の方法" : "結果", "aria-describedby": `msg-${name}` },
        items.map((i) =>
          h(
            "label",
            { class: "radio inline" },
            h("input", { type: "radio", name, value: i.value, checked: i.value === checked, onchange: () => onpick(i.value) }),
            i.label,
          ),
        ),
      );
    const note = h("input", { type: "text", id: "check-note", maxlength: 200, autocomplete: "off", "aria-describedby": "msg-note" });
    note.value = typedLog.note;
    note.addEventListener("input", () => (typedLog.note = note.value));
    const noteMessage = h("p", { class: "field-message", id: "msg-note", "aria-live": "polite" });
    const resultMessage = h("p", { class: "field-message", id: "msg-result", "aria-live": "polite" });
    render(
      logForm,
      h("h2", {}, "確認を記録する"),
      h(
        "p",
        { class: "hint" },
        "資格の確認結果は、公式のマイナ資格確認アプリ(または提示された資格確認書・保険証)の表示を見て選んでください。オン資ナビは資格情報を取得しません。",
      ),
      h(
        "form",
        {
          class: "form",
          id: "log-form",
          onsubmit: async (ev: Event) => {
            ev.preventDefault();
            const form = ev.target as HTMLFormElement;
            const method = (form.querySelector("input[name=method]:checked") as HTMLInputElement | null)?.value as CheckMethod;
            const result = (form.querySelector("input[name=result]:checked") as HTMLInputElement | null)?.value as
              | CheckResult
              | undefined;
            const useCard = method === "my_number_card" && lastCheck !== null;
            noteMessage.textContent = "";
            noteMessage.className = "field-message";
            note.removeAttribute("aria-invalid");
            if (!result) {
              resultMessage.textContent = "結果を選んでください(公式のマイナ資格確認アプリ、または提示された資格確認書・保険証の表示を見て)";
              resultMessage.className = "field-message error";
              form.querySelector<HTMLInputElement>("input[name=result]")?.focus();
              return;
            }
            resultMessage.textContent = "";
            resultMessage.className = "field-message";
            try {
              const logged = await api.logCheck({
                method,
                result,
                source: useCard ? "card_read" : "staff",
                certExpiresOn: useCard && lastCheck ? lastCheck.certificate.notAfter : null,
                note: note.value,
              });
              toast(logged.demo ? "デモの記録として残しました(施術所の記録には入りません)" : "記録しました");
              typedLog.note = "";
              typedLog.result = null;
              typedLog.method = null;
              drawLogForm();
              await refreshList();
            } catch (e) {
              showFieldError(e, "note", note, noteMessage);
            }
          },
        },
        h("p", { class: "label" }, "確認の方法"),
        radios("method", METHODS, typedLog.method ?? (fromCard ? "my_number_card" : "eligibility_certificate"), (m) => (typedLog.method = m)),
        h("p", { class: "label" }, "結果(公式アプリなどの表示を見て選んでください)"),
        radios("result", RESULTS, typedLog.result, (r) => (typedLog.result = r)),
        resultMessage,
        h("label", { for: "check-note" }, "メモ(任意。患者さんの氏名や番号は書かないでください)"),
        note,
        noteMessage,
        h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "log-check" }, "記録する")),
      ),
    );
  };

  const recordRow = (r: TodayChecks["records"][number]) =>
    h(
      "tr",
      {},
      h("td", {}, localDateTime(r.checkedAt).slice(11)),
      h("td", {}, methodLabel(r.method)),
      h("td", {}, resultLabel(r.result)),
      h("td", {}, r.source === "card_read" ? "カード事前確認" : "スタッフ入力"),
      h("td", {}, r.certExpiresOn ?? "—"),
      h("td", {}, r.note),
    );
  const drawList = (t: TodayChecks) => {
    render(
      listPanel,
      h("h2", {}, "今日の記録"),
      h(
        "p",
        { class: "big", id: "today-counts" },
        `${t.today.total} 件(マイナ保険証 ${t.today.myNumberCard} 件・利用率 ${t.today.ratePercent}%)`,
      ),
      h("p", { id: "month-counts" }, `${t.monthText}: ${t.month.total} 件・マイナ保険証 利用率 ${t.month.ratePercent}%`),
      h(
        "table",
        { class: "log", id: "today-table" },
        h("thead", {}, h("tr", {}, ["時刻", "方法", "結果", "出どころ", "証明書の期限", "メモ"].map((c) => h("th", {}, c)))),
        h(
          "tbody",
          {},
          t.records.length === 0 ? h("tr", {}, h("td", { colspan: 6 }, "まだ記録はありません")) : t.records.map(recordRow),
        ),
      ),
      t.demoRecords.length === 0
        ? null
        : h(
            "section",
            { id: "demo-records", class: "demo-records" },
            h("h3", {}, "デモの記録(この起動のあいだだけ。施術所の記録・利用率には入りません)"),
            h(
              "table",
              { class: "log", id: "demo-table" },
              h("thead", {}, h("tr", {}, ["時刻", "方法", "結果", "出どころ", "証明書の期限", "メモ"].map((c) => h("th", {}, c)))),
              h("tbody", {}, t.demoRecords.map(recordRow)),
            ),
          ),
    );
  };
  const refreshList = async () => drawList(await api.todayChecks());

  drawReader(status);
  drawLogForm();
  drawList(today);
  render(main, h("h1", {}, "毎日の資格確認"), h("p", { class: "lead" }, today.todayText), readerPanel, resultPanel, pinPanel, logForm, listPanel);

  const unlisten = await onCardEvent(async (event) => {
    switch (event.kind) {
      case "card_inserted":
        drawReader(await api.cardStatus(), "カードを読み取っています…");
        await runCheck();
        drawReader(await api.cardStatus(), lastCheck ? "読み取りました" : "読み取れませんでした(下の案内をご覧ください)");
        break;
      case "card_removed":
        render(pinPanel);
        pinPanel.hidden = true; // the 基本4情報 leaves the screen with the card
        resultPanel.querySelector("h2")?.append(h("span", { class: "muted" }, "(カードは取り外されました)"));
        drawReader(await api.cardStatus());
        break;
      case "readers_changed":
      case "reader_in_use":
        drawReader(await api.cardStatus());
        break;
      case "service_unavailable":
        drawReader({ ...(await api.cardStatus()), error: event.error });
        break;
      case "service_restored":
        drawReader(await api.cardStatus());
        toast("カードリーダーのサービスが戻りました。読み取りを続けられます");
        break;
      case "mode_changed":
        lastCheck = null;
        render(pinPanel);
        pinPanel.hidden = true;
        resultPanel.hidden = true;
        drawReader(await api.cardStatus());
        drawLogForm();
        toast("カードリーダーが見つかりました。デモモードを終えて、実機のカードリーダーに切り替えました");
        break;
    }
  });
  onLeave(unlisten);

  // A card already on the reader when the page opens is read at once.
  if (status.readers.some((r) => r.cardPresent && !r.inUse)) await runCheck();
}
