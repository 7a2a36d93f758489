// End to end: the built app in a real window under Xvfb, driven through tauri-driver and
// WebKitWebDriver. Fill the clinic profile, see a field error, save, quit, start again: the profile
// is still there. A screenshot of each screen goes to target/e2e-screenshots/ for review.
import { execFileSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Session, startDriver, stopDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const app = process.env.ONSHI_NAVI_BIN ?? join(root, "target/debug/onshi-navi");
const shots = join(root, "target/e2e-screenshots");
const driverKind = process.env.E2E_DRIVER ?? "tauri-driver";
const port = Number(process.env.E2E_PORT ?? 4444);

let driver;
let session;
const home = mkdtempSync(join(tmpdir(), "onshi-e2e-"));
const dataDir = join(home, "山田 太郎", "オン資ナビ");
// Stands in for the save dialogs and the PDF viewer (see src-tauri/src/commands/files.rs).
const saveDir = join(home, "山田 太郎", "保存先");

async function snap(name) {
  writeFileSync(join(shots, `${name}.png`), await session.screenshot());
}

/** Launches the app in a new session; one retry of the session creation at most, and said so. */
async function launch() {
  try {
    session = await Session.create(driver.base, app);
  } catch (e) {
    console.log(`# session creation failed once, retrying: ${e.message}`);
    session = await Session.create(driver.base, app);
  }
  session.onTimeout = (what) => snap(`failed-${what.replace(/[^\p{L}\p{N}]+/gu, "-")}`);
  await session.waitForPage("home");
}

/** Types the clinic profile as staff would, full-width digits and all, with the given 郵便番号. */
async function fillProfile(postalCode) {
  await session.type("#f-name", "さくら整骨院");
  await session.click('input[name=kind][value="judo"]');
  await session.type("#f-regNoJudo", "契２８０４４４０－０－０");
  await session.type("#f-postalCode", postalCode);
  await session.type("#f-address", "兵庫県神戸市中央区加納町1-2-3");
  await session.type("#f-phone", "０７８－１２３－４５６７");
  await session.type("#f-ownerName", "山田 太郎");
}

/** The text of a PDF the app wrote, once `qpdf --check` finds nothing wrong in it. */
function pdfText(file, layout = true) {
  const checked = execFileSync("qpdf", ["--check", file]).toString();
  assert.match(checked, /No syntax or stream encoding errors found/, `qpdf --check ${file}`);
  return execFileSync("pdftotext", [...(layout ? ["-layout"] : []), file, "-"]).toString();
}

async function go(page) {
  await session.click(`a[data-nav="${page}"]`);
  await session.waitForPage(page);
}

describe("オン資ナビ in its window", () => {
  before(async () => {
    assert.ok(existsSync(app), `build the app first: ${app}`);
    mkdirSync(shots, { recursive: true });
    driver = await startDriver({
      kind: driverKind,
      port,
      env: {
        ...process.env,
        TAURI_WEBVIEW_AUTOMATION: "true",
        ONSHI_NAVI_DATA_DIR: dataDir,
        ONSHI_NAVI_DEMO: "1",
        ONSHI_NAVI_SAVE_DIR: saveDir,
        // The suite's today, whatever the calendar says (the stop month of the guide's timeline).
        ONSHI_NAVI_TODAY: "2026-12-06",
        XDG_DATA_HOME: join(home, "xdg-data"),
        XDG_CONFIG_HOME: join(home, "xdg-config"),
        XDG_CACHE_HOME: join(home, "xdg-cache"),
      },
    });
    await launch();
  });

  after(async () => {
    await session?.quit().catch(() => {});
    await stopDriver(driver);
    rmSync(home, { recursive: true, force: true });
  });

  test("every screen opens from the menu, in Japanese", async () => {
    assert.match(await session.text("h1"), /ホーム/);
    assert.match(await session.text("main"), /施術所の情報がまだ登録されていません/);
    await snap("01-home-empty");
    const pages = [
      ["guide", "導入ガイド"],
      ["daily", "毎日の資格確認"],
      ["subsidy", "助成金"],
      ["grant", "協力金"],
      ["faq", "よくある質問"],
      ["settings", "設定"],
    ];
    for (const [i, [page, title]] of pages.entries()) {
      await go(page);
      assert.equal(await session.text("h1"), title);
      await snap(`${String(i + 2).padStart(2, "0")}-${page}`);
    }
    // The component tests walk each screen with Tab in jsdom, which leaves <summary> out of the
    // tab order; in the window, よくある質問's questions are reachable too.
    await go("faq");
    assert.equal(await session.exec("return [...document.querySelectorAll('summary')].every((s) => s.tabIndex === 0)"), true);
  });

  test("the window never leaves the app: another origin is refused", async () => {
    const origin = await session.exec("return location.origin + location.pathname");
    await session.exec("location.href = 'https://example.com/phishing'");
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(await session.exec("return location.origin + location.pathname"), origin, "still the app's page");
    assert.equal(await session.exec("return !!document.getElementById('main')"), true);
    await go("home");
  });

  test("closed programs show as closed", async () => {
    await go("subsidy");
    assert.match(await session.text("[data-program=equipment_subsidy_2025]"), /受付終了/);
    assert.match(await session.text("[data-program=equipment_subsidy_2025]"), /令和8年1月15日 \(2026-01-15\)/);
    assert.match(await session.text("[data-program=equipment_subsidy_2025]"), /¥41,000/);
    assert.match(await session.text("[data-testid=programs-as-of]"), /令和\d+年\d+月\d+日 \(\d{4}-\d{2}-\d{2}\) 時点/);
  });

  test("a bad 郵便番号 gets a message beside the field and nothing is saved", async () => {
    await go("settings");
    await fillProfile("650-001");
    await session.click("#save-profile");
    await session.waitFor("the postal code message", async () => (await session.text("#msg-postalCode")).length > 0);
    assert.match(await session.text("#msg-postalCode"), /郵便番号は7桁/);
    assert.equal(await session.attr("#f-postalCode", "aria-invalid"), "true");
    assert.match(await session.text("#profile-status"), /保存できませんでした/);
    await snap("08-settings-postal-error");

    await go("home");
    assert.match(await session.text("main"), /施術所の情報がまだ登録されていません/, "nothing was saved");
  });

  test("a corrected profile saves, normalised", async () => {
    await go("settings");
    await fillProfile("６５０ー０００１");
    await session.click("#save-profile");
    await session.waitFor("saved", async () => /保存しました/.test(await session.text("#profile-status")));
    assert.equal(await session.prop("#f-postalCode", "value"), "650-0001");
    assert.equal(await session.prop("#f-phone", "value"), "078-123-4567", "full-width digits normalised");
    assert.equal(await session.text("#msg-postalCode"), "");
    assert.match(await session.text("#audit-table"), /施術所の情報\s*登録/);
    await snap("09-settings-saved");
  });

  test("文字の大きさ 特大 applies to every screen at once", async () => {
    await go("settings");
    await session.click('input[name=textSize][value="x_large"]');
    await session.waitFor("applied", async () => (await session.exec("return document.documentElement.dataset.textSize")) === "x_large");
    await session.waitFor("logged", async () => /文字の大きさ/.test(await session.text("#audit-table")));
    await snap("09b-settings-text-size");
  });

  /** Opens a step of the 導入ガイド from its list. */
  async function openStep(id) {
    await session.click(`nav button[data-step="${id}"]`);
    await session.waitFor(`step ${id} shown`, () => session.exec(`return document.querySelector('article.guide-step')?.dataset.step === '${id}'`));
  }

  /** Marks the step shown 完了 and waits for it: once the screen no longer lists anything
   *  missing, as staff would see before pressing. */
  async function completeStep(id) {
    await session.waitFor(`step ${id} has what it needs`, () => session.exec("return document.querySelector('#step-missing') === null"));
    await session.click("#step-complete");
    await session.waitFor(`step ${id} done`, async () => (await session.text(`nav button[data-step="${id}"]`)).includes("完了"));
  }

  test("導入ガイド: a phone clinic goes through steps 0–3, the PC check does not apply, a bad 登録記号番号 is not saved", async () => {
    await go("home");
    // No application yet: ホーム says what to do today (手順1 and 2), where to call, and step 0.
    assert.match(await session.text("#home-timeline"), /利用開始申請が、まだ記録されていません/);
    assert.match(await session.text("#home-timeline"), /今日、手順1.*続けて手順2/s);
    assert.match(await session.text("#home-timeline"), /0800-080-4583/);
    await snap("10a-home-banner-not-applied");
    await session.click('#home-timeline a[href="#/guide?step=standing"]');
    await session.waitForPage("guide");
    await session.waitFor("lands on step 0", () => session.exec("return document.querySelector('article.guide-step')?.dataset.step === 'standing'"));
    assert.match(await session.text("main"), /受領委任/, "the timeline says what is at stake");
    await snap("10a-guide-step0");
    await session.click("#wz-standing-timeline_seen");
    await session.click('input[name="wz-standing-exemption_declared"][value="no"]');
    await completeStep("standing");

    await openStep("portal_user");
    // The 柔整 number comes from 設定; a 柔整-only clinic is never asked for the あはき one.
    assert.equal(await session.prop("#wz-portal_user-reg_no_judo", "value"), "契2804440-0-0");
    assert.equal(await session.exec("return document.querySelector('#wz-portal_user-reg_no_ahaki') === null"), true);
    // 完了 is refused while the step lacks what it records.
    await session.click("#step-complete");
    await session.waitFor("what is missing", async () => /ユーザー登録を申請した日/.test(await session.text("#step-missing")));
    assert.doesNotMatch(await session.text("#step-missing"), /登録記号番号/);
    // A 登録記号番号 longer than any real one is refused beside the field, and not saved.
    await session.type("#wz-portal_user-reg_no_judo", "契2804440-0-0-0000000000000000000\uE007");
    await session.waitFor("refused", async () => /長すぎます/.test(await session.text("#wz-portal_user-reg_no_judo-message")));
    await snap("10-guide-bad-reg-no");
    await session.type("#wz-portal_user-reg_no_judo", "契２８０４４４０－０－０\uE007");
    await session.waitFor("saved", async () => (await session.text("#wz-portal_user-reg_no_judo-message")) === "");
    await session.type("#wz-portal_user-registered_on", "令和8年11月20日\uE007");
    await session.click("#wz-portal_user-confirmation_mail");
    await completeStep("portal_user");

    await openStep("app_apply");
    await session.type("#wz-app_apply-applied_on", "2026/11/21\uE007");
    // An approval before the application is refused beside its field, in Rust.
    await session.type("#wz-app_apply-approved_on", "2026-11-20\uE007");
    await session.waitFor("refused", async () => /より前になっています/.test(await session.text("#wz-app_apply-approved_on-message")));
    await session.type("#wz-app_apply-approved_on", "R8.11.25\uE007");
    await session.waitFor("saved", async () => (await session.text("#wz-app_apply-approved_on-message")) === "");
    await completeStep("app_apply");

    await openStep("connection");
    await session.click('input[name="wz-connection-route"][value="mobile"]');
    // The step redraws for the route (the phone's notes, its own inputs): wait for it, as a person would.
    await session.waitFor("phone content", () => session.exec("return !!document.querySelector('#wz-connection-device_model') && !document.querySelector('#wz-connection-has_rececon')"));
    await session.click('input[name="wz-connection-has_internet"][value="yes"]');
    await completeStep("connection");
    await session.waitFor("PC check 対象外", async () => (await session.text('nav button[data-step="pc_check"]')).includes("対象外"));
    assert.match(await session.text(".lead"), /4 \/ 10/, "progress counts only the steps that apply");
    await snap("10b-guide-phone-clinic");
  });

  test("毎日の資格確認: a demo card is read, its validity shown, the check logged and listed", async () => {
    await go("daily");
    // The clinic checks cards on a phone (step 3): the page says so first, the reader is folded.
    assert.match(await session.text("#phone-route"), /スマートフォン.*公式の「マイナ資格確認アプリ」で読み取り/s);
    assert.equal(await session.prop("#pc-reader", "open"), false);
    await snap("12a-daily-phone-route");
    await session.click("#pc-reader summary");
    assert.match(await session.text("#demo-banner"), /デモモード/);
    assert.match(await session.text("#reader-state"), /カードを置いてください/);
    await session.click('[data-demo="valid"]');
    await session.waitFor("validity shown", async () => (await session.text("#cert-status")) === "有効");
    assert.match(await session.text("#cert-expiry"), /有効期限 令和\d+年\d+月\d+日 \(\d{4}-\d{2}-\d{2}\)/);
    assert.match(await session.text("[data-testid=auth-pin]"), /残り 3 回/);
    await snap("12-daily-card-read");

    await session.type("#pin", "0000");
    await session.click("#read-basic4");
    await session.waitFor("wrong PIN message", async () => /暗証番号が違います。あと2回/.test(await session.text("#pin-message")));
    assert.equal(await session.prop("#pin", "value"), "", "the typed PIN is cleared");
    await session.waitFor("tries refreshed", async () => /残り 2 回/.test(await session.text("[data-testid=kenmen-pin]")));
    await session.type("#pin", "１２３４");
    await session.click("#read-basic4");
    await session.waitFor("基本4情報", async () => (await session.text("#b4-name")) === "見本 花子");
    await session.waitFor("the card's own new count", async () => /残り 3 回/.test(await session.text("[data-testid=kenmen-pin]")));
    await session.click("#register-patient");
    await session.waitFor("registered", async () => /デモの患者台帳に登録しました/.test(await session.text("#register-result")));
    await snap("13-daily-basic4");

    // The same card read and registered again: a patient with this 氏名 and 生年月日 exists, so
    // the app asks 「同じ方ですか?」 (nothing saved yet) instead of merging silently.
    await session.type("#pin", "1234");
    await session.click("#read-basic4");
    await session.waitFor("read again", async () => (await session.text("#b4-name")) === "見本 花子" && (await session.text("#register-result")) === "");
    await session.click("#register-patient");
    await session.waitFor("同じ方ですか", async () => /同じ方ですか/.test(await session.text("#same-person-question")));
    assert.match(await session.text("#same-person-question"), /まだ何も保存していません/);
    await snap("13b-daily-same-person");
    await session.click("#same-person");
    await session.waitFor("updated", async () => /住所などを最新の内容に更新しました/.test(await session.text("#register-result")));

    // The result is never chosen for staff: a valid certificate is not insurance eligibility.
    await session.type("#check-note", "受付で確認");
    await session.click("#log-check");
    await session.waitFor("asked for a result", async () => /結果を選んでください/.test(await session.text("#msg-result")));
    await session.click('input[name=result][value="ok"]');
    // A check from a デモ card is kept apart: listed as デモ, never counted in the clinic's 利用率.
    await session.click("#log-check");
    await session.waitFor("listed as demo", async () => /マイナ保険証.*カード事前確認.*受付で確認/s.test(await session.text("#demo-table").catch(() => "")));
    assert.match(await session.text("#today-counts"), /^0 件/);

    // What staff started typing stays when the next card is placed.
    await session.type("#check-note", "途中のメモ ");
    await session.click('[data-demo="expired"]');
    await session.waitFor("expired shown", async () => (await session.text("#cert-status")) === "期限切れ");
    assert.equal(await session.prop("#check-note", "value"), "途中のメモ ", "the note survives a card event");
    assert.match(await session.text("#cert-message"), /期限切れ: 市区町村の窓口で更新/);
    await snap("14-daily-expired");

    await session.click('[data-demo="other_card"]');
    await session.waitFor("not a My Number card", async () => (await session.attr("#card-error", "data-code")) === "NotMyNumberCard");
    assert.match(await session.text("#card-error"), /マイナンバーカードではないカードです/);
    assert.match(await session.text("#reader-state"), /読み取れませんでした/);

    await session.click("#demo-remove");
    await session.waitFor("card off", async () => /カードを置いてください/.test(await session.text("#reader-state")));
    assert.equal(await session.exec("return document.querySelector('#b4-name') === null"), true, "基本4情報 leaves with the card");

    await session.click('input[name=method][value="eligibility_certificate"]');
    await session.click('input[name=result][value="ok"]');
    await session.type("#check-note", "資格確認書を目視で確認");
    await session.click("#log-check");
    await session.waitFor("hand-logged", async () => /1 件\(マイナ保険証 0 件・利用率 0%\)/.test(await session.text("#today-counts")));
    assert.match(await session.text("#today-table"), /資格確認書.*資格を確認できた.*スタッフ入力.*資格確認書を目視で確認/s);
    await snap("15-daily-log");
  });

  test("助成金: two purchases, a receipt total unlike its lines blocks 申請準備完了, printed, the upload set built", async () => {
    await go("subsidy");
    assert.match(await session.text("#subsidy-closed"), /終了/, "the closed round says so, and preparing still works");
    await session.type("#receipt-number", "１２３");
    await session.type("#receipt-seller", "センター電機");
    await session.type("#receipt-issuedOn", "2025-11-20");
    await session.type("#receipt-total", "¥14,960");
    await session.click("#receipt-add");
    const rid = await session.waitFor("the receipt listed", () =>
      session.exec("return document.querySelector('section[data-receipt-id]')?.dataset.receiptId ?? null"),
    );
    const field = (key) => `#line-${rid}-${key}`;
    const receipt = `section[data-receipt-id="${rid}"]`;
    async function fillLine(item, category, model, quantity, price) {
      await session.type(field("item"), item);
      await session.exec(
        "const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));",
        [field("category"), category],
      );
      await session.type(field("makerModel"), model);
      await session.type(field("quantity"), quantity);
      await session.type(field("unitPrice"), price);
      await session.type(field("boughtOn"), "2025-11-20");
    }
    // A quantity of 0 gets a message beside the field; what was typed stays.
    await fillLine("ICカードリーダー", "card_reader", "ソニー RC-S300/S", "0", "4,980");
    await session.click(field("add"));
    await session.waitFor("the quantity message", async () => /1以上/.test(await session.text(`${field("quantity")}-message`)));
    assert.equal(await session.prop(field("item"), "value"), "ICカードリーダー", "nothing typed is lost");
    await session.type(field("quantity"), "２");
    await session.click(field("add"));
    await session.waitFor("the first line", async () => /ICカードリーダー/.test(await session.text(receipt)) && (await session.prop(field("item"), "value")) === "");
    await fillLine("USB延長ケーブル", "other", "エレコム USB-ECA15BK", "1", "1500");
    await session.click(field("add"));
    await session.waitFor("the second line", async () => /USB延長ケーブル/.test(await session.text(receipt)));
    // Two quick adds: each says so under its own button and stays; no toast covers the form.
    assert.match(await session.text(`#line-${rid}-status`), /「USB延長ケーブル」を.*に追加しました/);
    assert.equal(await session.exec("return document.querySelectorAll('.toaster .toast').length"), 0, "no toast for an action staff took");
    await session.exec("document.getElementById(arguments[0]).scrollIntoView({ block: 'center' })", [`line-${rid}-add`]);
    await snap("16a-subsidy-two-adds-status-line");
    assert.match(await session.text(receipt), /要確認/, "no source says whether a cable is paid for");
    assert.match(await session.text("[data-testid=receipt-mismatch]"), /¥14,960.*¥11,460.*¥3,500/s);
    assert.match(await session.text("#subsidy-eligible-total"), /¥9,960/);
    assert.match(await session.text("#subsidy-claim"), /¥9,000/, "cut to whole thousands");
    await snap("16-subsidy-mismatch");

    await session.click("#subsidy-ready");
    await session.waitFor("refused", async () => /一致しません/.test(await session.text("#subsidy-ready-error")));
    assert.match(await session.text("#subsidy-status-label"), /準備中/);
    // 申請済 is not offered before 申請準備完了 (the store refuses it too: store/tests/subsidy.rs).
    assert.equal(await session.exec("return document.getElementById('subsidy-status-applied') === null"), true);
    assert.match(await session.text("#subsidy-status-first"), /申請準備完了/);

    await session.click("#breakdown-preview");
    await session.waitFor("the preview", () => session.exec("return document.querySelectorAll('img.preview-page').length === 1"));
    await snap("17-subsidy-preview");
    await session.exec("document.querySelector('dialog[open]')?.close()");

    await session.click("#breakdown-print");
    const printed = await session.waitFor("the printed PDF", () =>
      existsSync(saveDir) && readdirSync(saveDir).find((f) => /^領収書内訳書_.*\.pdf$/.test(f)),
    );
    assert.equal(readFileSync(join(saveDir, printed)).subarray(0, 5).toString(), "%PDF-");
    assert.match(pdfText(join(saveDir, printed)), /領収書内訳書/);
    // The print's line names the file and keeps it on screen (the status line, not a toast).
    assert.match(await session.text("#breakdown-status"), new RegExp(printed.replace(/[.]/g, "\\.")));

    await session.click("#upload-set-build");
    await session.waitFor("the set", async () => /02_領収書内訳書\.xlsx/.test(await session.text("#upload-set-result")));
    const folder = readdirSync(saveDir).find((f) => /^助成金申請_\d{8}$/.test(f));
    assert.ok(folder, "the folder is written");
    assert.deepEqual(readdirSync(join(saveDir, folder)).sort(), ["02_領収書内訳書.pdf", "02_領収書内訳書.xlsx"]);
    pdfText(join(saveDir, folder, "02_領収書内訳書.pdf"));
    // 「フォルダを開く」 goes through Rust, which shows only what the app wrote (a no-op in tests).
    await session.click("#upload-set-status button.open-folder");
    assert.equal(await session.exec("return document.querySelector('#upload-set-status .error') === null"), true);
    assert.ok(existsSync(join(saveDir, `${folder}.zip`)), "and the .zip beside it");
    assert.match(await session.text("#upload-set-result"), /写し/, "what is still missing is listed");
    await snap("18-subsidy-upload-set");
    // What the checklist says of applying (the data's rules), the 内訳書's note and the status panel.
    await session.exec("document.getElementById('subsidy-once').scrollIntoView({ block: 'start' })");
    await snap("18b-subsidy-checklist-rules");
    await session.exec("document.getElementById('subsidy-status').scrollIntoView({ block: 'end' })");
    await snap("18c-subsidy-status");
  });

  test("協力金: the poster's dates and five お声がけ meet their requirements; the report and the poster print with the clinic's name", async () => {
    await go("grant");
    assert.match(await session.text("#grant-closed"), /終了/);
    await session.type("#poster-shownFrom", "令和7年5月1日");
    await session.type("#poster-shownTo", "2025-07-31");
    await session.click("#poster-add");
    await session.waitFor("the period listed", async () => /掲示/.test(await session.text("#grant-poster-list").catch(() => "")));
    await session.type("#day-day", "2025-06-02");
    await session.type("#day-prompts", "５");
    await session.click("#day-save");
    // No 運用開始日 yet: that requirement says so and points to the guide, and the お声がけ and the
    // poster count only from a 運用開始日 on (the program data's rule), so none counts yet.
    await session.waitFor("asked, not yet counted", async () =>
      /運用開始日がまだ記録されていないため、お声がけはまだ数えられません/.test(await session.text("[data-requirement=patients_asked]")),
    );
    assert.match(await session.text("[data-requirement=flyer_or_poster]"), /満たしていません.*チラシ配布・ポスター掲示はまだ数えられません/s);
    assert.match(await session.text("[data-requirement=start_date]"), /満たしていません.*運用開始日がまだ記録されていません/s);
    assert.match(await session.text("#grant-all-met"), /まだ満たしていない要件があります/);
    // The payment-date question starts unanswered; staff's answer goes to Rust's judgement.
    assert.match(await session.text("[data-requirement=in_service]"), /満たしていません.*まだ回答されていません/s);
    await session.click("#grant-in-service-yes");
    await session.waitFor("answered", async () => /満たしています/.test(await session.text("[data-requirement=in_service]")));
    await snap("19-grant");
    await session.exec("document.getElementById('grant-report').scrollIntoView({ block: 'start' })");
    await snap("19b-grant-report-needs");

    // The evidence report: printed (into the test folder) with the clinic's name and the counts.
    await session.click("#grant-report-print");
    const report = await session.waitFor("the printed report", () =>
      readdirSync(saveDir).find((f) => /^協力金_取組の記録_.*\.pdf$/.test(f)),
    );
    const reportText = pdfText(join(saveDir, report));
    assert.match(reportText, /さくら整骨院/);
    assert.match(reportText, /令和7年6月2日 \(2025-06-02\)/);
    assert.match(reportText, /合計\(1 日\)/);
    assert.match(reportText, /令和7年5月 \(2025-05\)/, "the 利用率 by month");

    await session.click("#grant-poster-print");
    const printed = await session.waitFor("the printed poster", () =>
      readdirSync(saveDir).find((f) => /^マイナ保険証ポスター_.*\.pdf$/.test(f)),
    );
    assert.equal(readFileSync(join(saveDir, printed)).subarray(0, 5).toString(), "%PDF-");
    // A phone clinic's poster says what the patient will see.
    const posterText = pdfText(join(saveDir, printed), false).replace(/\s+/g, "");
    assert.match(posterText, /スマートフォンで読み取ります/);
    assert.doesNotMatch(posterText, /カードリーダーで読み取ります/);
    assert.match(posterText, /保険で受けるときの資格の確認に、マイナ保険証/);
  });

  test("バックアップ: ホーム warns until a folder is chosen; a generation is written there, checked, listed and previewed", async () => {
    await go("home");
    assert.match(await session.text("#home-backup-unset"), /バックアップ先がまだ選ばれていません/);
    await go("settings");
    await session.click("#backup-choose-folder");
    await session.waitFor("folder chosen", async () => (await session.text("#backup-folder")) === saveDir);
    // The 復元コード is made with the first folder: shown with its sheet until staff say it is kept.
    const code = await session.waitFor("the code shown", async () => (await session.text("#recovery-code").catch(() => "")).trim());
    assert.match(code, /^([2-9A-HJ-NP-Z]{5}-){5}[2-9A-HJ-NP-Z]{5}$/);
    await session.click("#recovery-print");
    const sheet = await session.waitFor("the printed sheet", () => readdirSync(saveDir).find((f) => /^バックアップの復元コード_.*\.pdf$/.test(f)));
    const sheetText = pdfText(join(saveDir, sheet), false);
    assert.ok(sheetText.includes(code), "the sheet carries the code");
    assert.match(sheetText.replace(/\s+/g, ""), /金庫など鍵のかかる場所/);
    await snap("20-recovery-code");
    await session.click("#recovery-kept");
    await session.waitFor("asked", async () => /もう表示しません/.test(await session.text("#confirm-message")));
    await session.click("#confirm-ok");
    await session.waitFor("no longer shown", async () => (await session.exec("return document.querySelector('#recovery-code') === null")) === true);
    assert.match(await session.text("#recovery-state"), /に作った復元コードで暗号化しています/);
    await session.click("#backup-now");
    await session.waitFor("listed", async () => (await session.exec("return document.querySelectorAll('#backup-generations li').length")) === 1);
    const names = readdirSync(join(saveDir, "オン資ナビのバックアップ"));
    assert.equal(names.length, 1, `only the generation, no temporary file: ${names}`);
    assert.match(names[0], /^onshi-navi-backup-\d{8}-\d{6}\.onshinavi$/);
    const sealed = readFileSync(join(saveDir, "オン資ナビのバックアップ", names[0]));
    assert.equal(sealed.indexOf(Buffer.from("さくら整骨院")), -1, "the generation is sealed: no clinic's name in its bytes");
    await session.click(`[id="backup-preview-${names[0]}"]`);
    await session.waitFor("previewed", async () => /さくら整骨院/.test(await session.text(`[data-summary="${names[0]}"]`).catch(() => "")));
    assert.match(await session.text(`[data-summary="${names[0]}"]`), /資格確認の記録 1 件/, "the clinic's own checks, without the デモ ones");
    await snap("20-backup");
    await go("home");
    assert.equal(await session.exec("return document.querySelector('#home-backup-unset') === null"), true);
  });

  test("資格情報: typed from the official app, a wrong 検証番号 refused, confirmed, listed today, the day's CSV saved", async () => {
    await go("daily");
    await session.type("#ins-name", "山田 花子");
    await session.type("#ins-insurerNumber", "３３１２００１６");
    await session.type("#ins-number", "３４５６");
    await session.type("#ins-burden", "3割");
    await session.click("#ins-save");
    await session.waitFor("refused", async () => /検証番号/.test(await session.text("#ins-insurerNumber-msg")));
    assert.equal(await session.prop("#ins-number", "value"), "３４５６", "nothing typed is lost");
    await session.type("#ins-insurerNumber", "３３１２００１５");
    await session.click("#ins-save");
    await session.waitFor("listed", async () => /山田 花子/.test(await session.text("#ins-records").catch(() => "")));
    assert.match(await session.text("#ins-records"), /33120015\s+3456\s+3割/);
    await snap("21-insurance");
    await session.click("#ins-csv");
    const csv = await session.waitFor("the CSV", () => readdirSync(saveDir).find((f) => /^資格情報_\d{8}_UTF-8\.csv$/.test(f)));
    const bytes = readFileSync(join(saveDir, csv));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a BOM");
    assert.match(bytes.toString("utf8"), /山田 花子.*33120015,,3456,,,3割/s);
  });

  test("患者台帳: the デモ patient's page, another person's pasted 資格情報 refused, then kept in that patient's history", async () => {
    await go("patients");
    // Only a デモ card was read: the clinic's register is empty, the デモ patient is listed apart.
    assert.match(await session.text("#patients-none"), /まだ登録された患者さんはいません/);
    assert.match(await session.text("#demo-patients-table"), /見本 花子.*まだありません/s);
    await session.click("#demo-patients-table a");
    await session.waitFor("the patient's page", async () => /見本 花子 さん\(デモの患者\)/.test(await session.text("#patient-title").catch(() => "")));
    assert.equal(await session.prop("#ins-name", "value"), "見本 花子", "the register's 氏名");
    assert.match(await session.text("#patient-history-none"), /まだ記録されていません/);

    // Someone else's text pasted on her page: read, shown, then refused beside 氏名 (nothing saved).
    await session.click("details.paste summary");
    await session.exec(
      "const t = document.querySelector('#ins-paste'); t.value = arguments[0]; t.dispatchEvent(new Event('input', { bubbles: true }));",
      ["氏名 山田 太郎\n保険者番号 ３３１２００１５\n記号 愛知12\n番号 3456\n負担割合 3割"],
    );
    await session.click("#ins-read");
    await session.waitFor("read", async () => (await session.prop("#ins-insurerNumber", "value")) === "３３１２００１５");
    await session.click("#ins-save");
    await session.waitFor("refused", async () => /患者台帳の「見本 花子」さんと違います/.test(await session.text("#ins-name-msg")));
    assert.match(await session.text("#patient-history-none"), /まだ記録されていません/);
    await session.type("#ins-name", "見本 花子");
    await session.type("#ins-kana", "ミホン ハナコ");
    await session.click("#ins-save");
    await session.waitFor("kept in her history", async () => /33120015/.test(await session.text("#patient-history").catch(() => "")));
    assert.match(await session.text("#patient-history"), /愛知12 3456.*3割.*マイナ保険証.*貼り付け/s);
    await session.exec("document.querySelector('#patient-title').scrollIntoView()");
    await snap("22-patient-record");

    await session.click("#patient-back");
    await session.waitFor("the list again", async () => /最終確認 令和\d+年/.test(await session.text("#demo-patients-table").catch(() => "")));
    await session.type("#patient-query", "みほん");
    await session.waitFor("found in hiragana", async () => /見本 花子/.test(await session.text("#demo-patients-table").catch(() => "")));
    await snap("23-patients");

    // 設定 keeps how long such records stay; nothing is old enough to remove yet.
    await go("settings");
    assert.match(await session.text("#retention-count"), /より前の記録は 0 件です/);
    assert.equal(await session.prop("#retention-years", "value"), "5");
  });

  test("after quitting and starting again, everything is still there", async () => {
    await session.quit();
    session = undefined;
    await launch();
    assert.equal(await session.text("[data-testid=clinic-name]"), "さくら整骨院");
    await session.waitFor("text size kept", async () => (await session.exec("return document.documentElement.dataset.textSize")) === "x_large");
    assert.match(await session.text("main"), /4 \/ 10 手順 完了/);
    assert.match(await session.text("#home-timeline"), /運用開始日|受領委任/, "the timeline stays on ホーム until a 運用開始日 is recorded");
    assert.match(await session.text("main"), /2 件/, "today's checks (the one logged and the 資格情報's) survive the restart, without the デモ ones");
    await snap("11-home-after-restart");
    await go("settings");
    assert.equal(await session.prop("#f-name", "value"), "さくら整骨院");
    assert.equal(await session.prop("#f-regNoJudo", "value"), "契2804440-0-0", "as typed, for printing");
    assert.match(await session.text("#portal-regNoJudo"), /契280444000/, "the portal's form beside it");
    assert.equal(await session.prop("#f-phone", "value"), "078-123-4567");
    assert.equal(await session.prop('input[name=kind][value="judo"]', "checked"), true);
    // The guide reopens where staff left off: the step after 手順3 that applies (the PC check does not).
    await go("guide");
    await session.waitFor("resumed", () => session.exec("return document.querySelector('article.guide-step')?.dataset.step === 'internet'"));
    assert.equal(await session.prop("#wz-portal_user-reg_no_judo", "value").catch(() => null), null, "only the step shown is on screen");
    await openStep("portal_user");
    assert.equal(await session.prop("#wz-portal_user-reg_no_judo", "value"), "契2804440-0-0");

    // The phone route on to step 10: the warning ends only when step 10 is really 完了.
    await openStep("internet");
    await session.click('input[name="wz-internet-internet_ok"][value="yes"]');
    await completeStep("internet");
    await openStep("card_reader");
    assert.match(await session.text("#step-heading"), /スマートフォン・タブレットでのカードの読み取り方を決める/, "no reader to buy on a phone");
    await session.click('input[name="wz-card_reader-mobile_reading"][value="nfc_alone"]');
    await completeStep("card_reader");
    await openStep("terminal_accounts");
    await session.click("#terminal-add");
    await session.type("[id^='term-'][id$='-account']", "W0000001");
    await session.click("[id^='term-'][id$='-pdf']");
    await session.type("[id^='term-'][id$='-device']", "受付のスマートフォン\uE007");
    await completeStep("terminal_accounts");
    await openStep("app_setup");
    assert.match(await session.text("main"), /App Store/, "where a phone gets the official app");
    await session.click("#wz-app_setup-app_installed");
    await session.click("#wz-app_setup-app_configured");
    await completeStep("app_setup");
    await openStep("test_read");
    await session.type("#wz-test_read-tested_on", "2026-11-30\uE007");
    await session.click("#wz-test_read-read_in_official_app");
    await completeStep("test_read");

    await openStep("start_date");
    assert.match(await session.text("main"), /各種申請」→「運用開始日登録」→「マイナ資格確認アプリ\(施術所\)運用開始日入力/);
    // A day ahead is kept as a plan, said beside the field; 完了 is refused and the warning stays.
    await session.type("#wz-start_date-start_date", "2027-12-01\uE007");
    await session.waitFor("a plan", async () => /運用開始予定日/.test(await session.text("#wz-start_date-start_date-message")));
    await session.click("#wz-start_date-registered_on_portal");
    await session.click("#wz-start_date-go_live");
    await session.waitFor("ticked", async () => (await session.prop("#wz-start_date-go_live", "checked")) === true);
    // Both ticks saved (Rust lists only the date as missing), so the refusal is the last word.
    await session.waitFor("only the date missing", () => session.exec("return document.querySelectorAll('#step-missing li').length === 1"));
    await session.click("#step-complete");
    await session.waitFor("refused", async () => /まだ先です/.test(await session.text("#wz-start_date-start_date-message")));
    await go("home");
    assert.match(await session.text("#home-timeline"), /運用開始予定日は令和9年12月1日 \(2027-12-01\)です/);
    await snap("11b-home-banner-planned");
    // A day before the approval is refused beside the field; the plan stays, so does the warning.
    await go("guide");
    await openStep("start_date");
    // Typed over, as a person does (a field emptied on its own removes the answer).
    await session.typeOver("#wz-start_date-start_date", "2026-11-01", "\uE007");
    await session.waitFor("too early", async () => /より前になっています/.test(await session.text("#wz-start_date-start_date-message")));
    await go("home");
    assert.match(await session.text("#home-timeline"), /運用開始予定日/);
    // The right day, registered: step 10 完了 ends the warning.
    await go("guide");
    await openStep("start_date");
    await session.typeOver("#wz-start_date-start_date", "2026-12-01", "\uE007");
    await session.waitFor("accepted", async () => (await session.text("#wz-start_date-start_date-message")) === "");
    await completeStep("start_date");
    await go("home");
    assert.equal(await session.exec("return document.querySelector('#home-timeline') === null"), true);
    await snap("11c-home-started");

    await go("faq");
    await session.type("#faq-search", "ｽﾏﾎ");
    await session.waitFor("found", async () => /3 件見つかりました/.test(await session.text("#faq-count")));
    assert.match(await session.text("main"), /Google Pixel 6/);
  });
  test("助成金: a clinic registered separately for 柔整 and あはき keeps two applications, each sheet with its own number", async () => {
    await go("settings");
    await session.click('input[name=kind][value="both"]');
    await session.type("#f-regNoAhaki", "１２３４５６７");
    await session.click("#save-profile");
    await session.waitFor("saved", async () => /保存しました/.test(await session.text("#profile-status")));
    await go("subsidy");
    await session.waitFor("the choice", async () => /あはきの申請\(登録記号番号 1234567\)/.test(await session.text("#subsidy-applicant").catch(() => "")));
    assert.match(await session.text("#subsidy-applicant"), /柔整の申請\(登録記号番号 契2804440-0-0\)/);
    assert.equal(await session.prop("#subsidy-applicant-main", "checked"), true, "what was recorded so far is the first registration's");
    await session.exec("document.getElementById('subsidy-applicant').scrollIntoView({ block: 'start' })");
    await snap("24-subsidy-applicant-choice");
    const printed = async (name) => {
      const before = new Set(readdirSync(saveDir));
      await session.click("#breakdown-print");
      const file = await session.waitFor("the printed sheet", () =>
        readdirSync(saveDir).find((f) => /^領収書内訳書_.*\.pdf$/.test(f) && !before.has(f)),
      );
      renameSync(join(saveDir, file), join(saveDir, name));
      return pdfText(join(saveDir, name));
    };
    const judo = await printed("judo.pdf");
    assert.equal(judo.split("契2804440-0-0").length - 1, 1, "the 柔整 sheet shows its number once");
    assert.doesNotMatch(judo, /1234567/);

    await session.click("#subsidy-applicant-second");
    await session.waitFor("the あはき application", async () => /まだ領収書がありません/.test(await session.text("main")));
    await session.type("#receipt-number", "B-1");
    await session.type("#receipt-seller", "みどり電機");
    await session.type("#receipt-issuedOn", "2025-11-21");
    await session.type("#receipt-total", "4980");
    await session.click("#receipt-add");
    await session.waitFor("its 領収書", () => session.exec("return document.querySelector('section[data-receipt-id]') !== null"));
    await snap("24b-subsidy-second-application");
    const ahaki = await printed("ahaki.pdf");
    assert.equal(ahaki.split("1234567").length - 1, 1, "the あはき sheet shows its number once");
    assert.doesNotMatch(ahaki, /契2804440-0-0/);
    assert.doesNotMatch(ahaki, /センター電機/, "the 柔整 application's 領収書 is not on it");

    await session.click("#subsidy-applicant-main");
    await session.waitFor("back", async () => /センター電機/.test(await session.text("main")));
  });

  test("at 特大 in a 1024×768 window every page fits its width: nothing scrolls sideways", async () => {
    await session.cmd("POST", "/window/rect", { width: 1024, height: 768 });
    await session.waitFor("the window at 1024 px", async () => (await session.exec("return window.innerWidth")) <= 1024);
    assert.equal(await session.exec("return document.documentElement.dataset.textSize"), "x_large");
    const over = () => session.exec("return document.documentElement.scrollWidth - window.innerWidth");
    const fits = async (where) => {
      const px = await over();
      if (px > 0) await snap(`failed-too-wide-${where}`);
      // The deepest elements that stick out on the right, to say what to fix.
      const wide = px > 0
        ? await session.exec(
            "return [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > innerWidth + 1)).slice(0, 6).map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}`)",
          )
        : [];
      assert.ok(px <= 0, `${where}: ${px} px wider than the window: ${wide.join(", ")}`);
    };
    for (const page of ["home", "guide", "daily", "patients", "subsidy", "grant", "faq", "settings"]) {
      await go(page);
      await fits(page);
    }
    // The guide's terminal table (a row recorded above), 助成金 with its 領収書, 毎日の資格確認.
    await go("guide");
    await openStep("terminal_accounts");
    await fits("導入ガイド 手順7");
    await session.exec("document.getElementById('terminal-add').scrollIntoView({ block: 'end' })");
    await snap("25-guide-terminals-1024-x-large");
    await go("subsidy");
    await session.exec("document.querySelector('section[data-receipt-id]').scrollIntoView({ block: 'start' })");
    await snap("25b-subsidy-1024-x-large");
    await go("daily");
    await snap("25c-daily-1024-x-large");
    await go("settings");
    await session.exec("document.getElementById('backup').scrollIntoView({ block: 'start' })");
    await snap("25e-settings-backup-1024-x-large");
    await go("grant");
    await session.exec("document.getElementById('grant-days-table').scrollIntoView({ block: 'start' })");
    await snap("25d-grant-days-1024-x-large");
    await session.cmd("POST", "/window/rect", { width: 1280, height: 900 });
  });
});
