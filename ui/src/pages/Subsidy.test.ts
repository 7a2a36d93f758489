import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, type Application, type FieldIssue, type PassbookVisible, type PurchaseInput, type ReceiptInput, type SubsidyOverview } from "../api";
import type { Backend } from "../lib/backend";
import { BACKEND_KEY } from "../lib/backend";
import { fakeBackend } from "../lib/testing/fakeBackend";
import { subsidy } from "../lib/testing/fixtures";
import {
  application,
  CASE_REASON,
  documentInfo,
  matchingReceipt,
  previewPages,
  READER_WARNING,
  subsidyOverview,
  uploadSet,
  recordedStatusCalls,
  recordedStatusToday,
} from "../lib/testing/subsidyFixtures";
import { clearToasts } from "../lib/toast.svelte";
import Subsidy from "./Subsidy.svelte";
import { type CommandName, refusal as refuse } from "../lib/testing/errors";
import recordedTwo from "../lib/testing/recorded/subsidy-two.json";

function backend(calls: Partial<Backend> = {}) {
  return fakeBackend({ subsidyOverview: async () => subsidyOverview(), ...calls });
}

function page(b: ReturnType<typeof fakeBackend>, onready = vi.fn()) {
  return render(Subsidy, { props: { onready }, context: new Map([[BACKEND_KEY, b]]) });
}

const el = <T extends HTMLElement = HTMLInputElement>(id: string) => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is not on the page`);
  return found as T;
};
const type = (id: string, value: string) => fireEvent.input(el(id), { target: { value } });
const choose = (id: string, value: string) => fireEvent.change(el<HTMLSelectElement>(id), { target: { value } });
const invalid = (command: CommandName, fields: FieldIssue[]) => refuse(command, "Validation", "入力内容を確認してください", fields);
/** What a part's status line says now. */
const said = (id: string) => document.getElementById(id)?.textContent ?? "";
const ready = () => screen.findByRole("heading", { name: "柔整・あはき施術所用助成金" });
/** A promise the test settles by hand. */
function later<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

afterEach(() => clearToasts());

describe("助成金", () => {
  it("shows the program closed with its deadline, the cap and the notice that papers can still be prepared", async () => {
    const onready = vi.fn();
    page(backend(), onready);
    await ready();
    const header = document.querySelector<HTMLElement>("[data-program=equipment_subsidy_2025]")!;
    expect(el("subsidy-program-state").textContent).toBe("受付終了");
    expect(el("subsidy-program-state").className).toContain("closed");
    expect(header.textContent).toContain("令和8年1月15日 (2026-01-15)");
    expect(header.textContent).toContain("¥41,000");
    expect(header.textContent).toContain("出典で未確認");
    expect(el("subsidy-closed").textContent!.trim()).toBe(
      "この受付は終了しています(締切 令和8年1月15日 (2026-01-15))。記録した領収書・品目と内訳書はこのまま残り、見直しと印刷ができます。新しい受付が発表されたときは、制度データの更新でこの画面に表示されます。",
    );
    expect(screen.getByTestId("programs-as-of").textContent).toBe(`制度の情報は ${subsidyOverview().dataAsOfText} 時点のものです。`);
    expect(onready).toHaveBeenCalledOnce();
  });

  it("an open program has no closed notice", async () => {
    const open = subsidyOverview({ program: subsidy({ availability: { state: "open", daysLeft: 30 }, label: "受付中" }) });
    page(backend({ subsidyOverview: async () => open }));
    await ready();
    expect(el("subsidy-program-state").textContent).toBe("受付中");
    expect(document.getElementById("subsidy-closed")).toBeNull();
  });

  it("shows the totals as Rust sent them, with the claim's unit and cap from the program data", async () => {
    // Figures unlike what the lines shown add up to (¥46,200), to see the screen adds nothing itself.
    const o = subsidyOverview({ program: subsidy({ claimUnitText: "¥500", amountText: "¥30,000" }), totalYen: 50600, clinicPaysYen: 9600 });
    page(backend({ subsidyOverview: async () => o }));
    await ready();
    const totals = screen.getByTestId("subsidy-totals");
    expect(el("subsidy-total").textContent).toBe("¥50,600");
    expect(el("subsidy-eligible-total").textContent).toBe("¥42,900");
    expect(el("subsidy-claim").textContent).toBe("¥41,000");
    expect(el("subsidy-clinic-pays").textContent).toBe("¥9,600");
    expect(el("subsidy-claim-note").textContent).toBe("(¥500未満切り捨て・上限 ¥30,000)");
    expect(totals.textContent).toContain("購入金額の合計");
    expect(totals.textContent).toContain("施術所の負担");
  });

  it("shows each 領収書 with its lines: the mismatch, 要確認 with its reason, and the reader warning", async () => {
    page(backend());
    await ready();
    const first = document.querySelector<HTMLElement>("[data-receipt-id='1']")!;
    const second = document.querySelector<HTMLElement>("[data-receipt-id='2']")!;
    expect(within(first).getByRole("heading", { level: 3 }).textContent).toBe("No.123(○○電機)");
    expect(first.textContent).toContain("令和7年11月1日 (2025-11-01)");
    expect(el("receipt-1-total").textContent).toBe("¥45,100");
    expect(within(first).queryByTestId("receipt-mismatch")).toBeNull();

    expect(within(second).getByTestId("receipt-mismatch").textContent!.trim()).toBe(
      "⚠ 領収書の合計 ¥5,500 と品目の合計 ¥1,100 が一致しません(差額 ¥4,400)。対象外のものも含め、領収書のすべての品目を入力してください",
    );

    const rows = within(first).getAllByRole("row");
    const caseRow = rows.find((r) => r.textContent!.includes("タブレットケース"))!;
    // No source says whether a case is paid for: 要確認, not 対象外.
    expect(caseRow.textContent).toContain("要確認");
    expect(caseRow.textContent).not.toContain("対象外");
    expect(caseRow.textContent).toContain(CASE_REASON);
    expect(caseRow.textContent).toContain("¥2,200");
    const readerRow = rows.find((r) => r.textContent!.includes("ICカードリーダー"))!;
    expect(within(readerRow).getByTestId("line-warning").textContent).toContain(READER_WARNING);
    expect(readerRow.textContent).toContain("ZX-9000");
    const tabletRow = rows.find((r) => r.textContent!.includes("Tab A 10"))!;
    expect(tabletRow.textContent).toContain("対象");
    expect(tabletRow.textContent).not.toContain("対象外");
    expect(within(first).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "品名",
      "区分",
      "メーカー・型番",
      "数量",
      "単価(税込)",
      "金額",
      "購入日",
      "対象",
      "操作",
    ]);
    // The copies.
    expect(first.textContent).toContain("IMG_0012.jpg");
    expect(second.textContent).toContain("まだ添付されていません。");
  });

  it("offers the categories with 対象外 and 要確認 marked, as Rust lists them", async () => {
    page(backend());
    await ready();
    const options = [...el<HTMLSelectElement>("line-2-category").options].map((o) => o.textContent);
    expect(options).toEqual(["選んでください", "汎用カードリーダー", "タブレット", "スマートフォン", "パソコン(対象外)", "そのほか(要確認)"]);
  });

  it("adding a line sends what was typed; a refusal keeps it and shows each message beside its field", async () => {
    const savePurchase = vi.fn(async (_id: number | null, _r: number, _i: PurchaseInput) => {
      throw invalid("savePurchase", [
        { field: "unitPrice", message: "単価は数字で入力してください" },
        { field: "quantity", message: "数量は1から999までで入力してください" },
      ]);
    });
    const subsidyOverviewCall = vi.fn(async () => subsidyOverview());
    page(backend({ savePurchase, subsidyOverview: subsidyOverviewCall }));
    await ready();
    await type("line-2-item", "USBハブ");
    await choose("line-2-category", "other");
    await type("line-2-makerModel", "HB-4");
    await type("line-2-quantity", "２");
    await type("line-2-unitPrice", "４，４００円");
    await type("line-2-boughtOn", "R7.11.10");
    await fireEvent.click(el("line-2-add"));

    await waitFor(() => expect(el("line-2-quantity-message").textContent).toBe("数量は1から999までで入力してください"));
    expect(savePurchase).toHaveBeenCalledWith(null, 2, {
      item: "USBハブ",
      category: "other",
      makerModel: "HB-4",
      quantity: "２",
      unitPrice: "４，４００円",
      boughtOn: "2025-11-10",
    });
    expect(el("line-2-quantity").getAttribute("aria-invalid")).toBe("true");
    expect(el("line-2-quantity").getAttribute("aria-describedby")).toContain("line-2-quantity-message");
    expect(el("line-2-unitPrice-message").textContent).toBe("単価は数字で入力してください");
    expect(el("line-2-unitPrice").getAttribute("aria-invalid")).toBe("true");
    expect(el("line-2-item").getAttribute("aria-invalid")).toBe("false");
    // Nothing typed is lost; focus is on the first refused field in the form's order.
    expect(el("line-2-item").value).toBe("USBハブ");
    expect(el<HTMLSelectElement>("line-2-category").value).toBe("other");
    expect(el("line-2-quantity").value).toBe("２");
    expect(el("line-2-unitPrice").value).toBe("４，４００円");
    expect(el("line-2-boughtOn").value).toBe("R7.11.10");
    expect(document.activeElement).toBe(el("line-2-quantity"));
    // A refusal changes nothing stored: the overview is not asked again.
    expect(subsidyOverviewCall).toHaveBeenCalledOnce();
  });

  it("once a line is added the form is empty, focus is on 品名, and the overview is shown again", async () => {
    const savePurchase = vi.fn(async (_id: number | null, receiptId: number, i: PurchaseInput) => ({
      id: 99,
      receiptId,
      item: i.item,
      category: i.category,
      makerModel: i.makerModel,
      quantity: 2,
      unitPriceYen: 2200,
      boughtOn: "2025-11-10",
    }));
    const after = subsidyOverview();
    after.receipts[1] = { ...after.receipts[1], linesTotalYen: 5500, matches: true };
    const subsidyOverviewCall = vi.fn().mockResolvedValueOnce(subsidyOverview()).mockResolvedValue(after);
    page(backend({ savePurchase, subsidyOverview: subsidyOverviewCall }));
    await ready();
    // 購入日 starts as the 領収書's day.
    expect(el("line-2-boughtOn").value).toBe("2025-11-10");
    await type("line-2-item", "USBハブ");
    await choose("line-2-category", "other");
    await type("line-2-quantity", "2");
    await type("line-2-unitPrice", "2200");
    await type("line-2-boughtOn", "2025/11/10");
    await fireEvent.submit(el("line-2-item").form!);

    await waitFor(() => expect(document.activeElement).toBe(el("line-2-item")));
    expect(subsidyOverviewCall).toHaveBeenCalledTimes(2);
    expect(el("line-2-item").value).toBe("");
    expect(el<HTMLSelectElement>("line-2-category").value).toBe("");
    expect(el("line-2-quantity").value).toBe("");
    expect(el("line-2-unitPrice").value).toBe("");
    expect(el("line-2-boughtOn").value, "the next line starts on the 領収書's day again").toBe("2025-11-10");
    expect(el("line-2-boughtOn-message").textContent).toBe("");
    // The mismatch is gone because Rust says so now.
    expect(within(document.querySelector<HTMLElement>("[data-receipt-id='2']")!).queryByTestId("receipt-mismatch")).toBeNull();
    expect(said("line-2-status")).toContain("「USBハブ」をNo.88(△△ストア)に追加しました");
  });

  it("a line without a 区分 is not sent: the field says so", async () => {
    const savePurchase = vi.fn();
    page(backend({ savePurchase }));
    await ready();
    await type("line-1-item", "ケーブル");
    await fireEvent.click(el("line-1-add"));
    await waitFor(() => expect(el("line-1-category-message").textContent).toBe("区分を選んでください"));
    expect(el("line-1-category").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(el("line-1-category"));
    expect(savePurchase).not.toHaveBeenCalled();
  });

  it("a second press while a line is being added sends nothing more", async () => {
    const pending = later<never>();
    const savePurchase = vi.fn(() => pending.promise);
    page(backend({ savePurchase }));
    await ready();
    await type("line-1-item", "ケーブル");
    await choose("line-1-category", "other");
    await fireEvent.click(el("line-1-add"));
    await waitFor(() => expect(el("line-1-add").getAttribute("aria-disabled")).toBe("true"));
    expect(el("line-1-add").textContent).toContain("処理中");
    await fireEvent.click(el("line-1-add"));
    await fireEvent.submit(el("line-1-item").form!);
    expect(savePurchase).toHaveBeenCalledTimes(1);
    pending.reject(invalid("savePurchase", [{ field: "quantity", message: "数量を入力してください" }]));
    await waitFor(() => expect(el("line-1-add").getAttribute("aria-disabled")).toBe("false"));
  });

  it("a refusal for no field of the form (already applied) is shown under the form", async () => {
    const savePurchase = vi.fn(async () => {
      throw invalid("savePurchase", [{ field: "status", message: "助成金は申請済です。申請した後は、書類や購入品を変更・追加できません" }]);
    });
    page(backend({ savePurchase }));
    await ready();
    await type("line-1-item", "ケーブル");
    await choose("line-1-category", "other");
    await fireEvent.click(el("line-1-add"));
    await waitFor(() => expect(el("line-1-form-message").textContent).toContain("申請した後は"));
    expect(el("line-1-form-message").getAttribute("role")).toBe("alert");
  });

  it("a new 領収書 sends what was typed; a refusal keeps it; once added, focus goes to its 品名", async () => {
    const saveReceipt = vi
      .fn<(id: number | null, input: ReceiptInput) => Promise<number>>()
      .mockRejectedValueOnce(invalid("saveReceipt", [{ field: "seller", message: "購入先を入力してください" }]))
      .mockResolvedValueOnce(3);
    const added: SubsidyOverview = subsidyOverview();
    added.receipts = [...added.receipts, { ...matchingReceipt(), id: 3, label: "No.7(□□商店)", lines: [], documents: [], matches: false }];
    const overviews = vi.fn().mockResolvedValueOnce(subsidyOverview()).mockResolvedValue(added);
    page(backend({ saveReceipt, subsidyOverview: overviews }));
    await ready();
    await type("receipt-number", "７");
    await type("receipt-issuedOn", "令和7年11月20日");
    await type("receipt-total", "１２，１００");
    await fireEvent.click(el("receipt-add"));

    await waitFor(() => expect(el("receipt-seller-message").textContent).toBe("購入先を入力してください"));
    expect(saveReceipt).toHaveBeenLastCalledWith(null, { number: "７", seller: "", issuedOn: "2025-11-20", total: "１２，１００" });
    expect(el("receipt-seller").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(el("receipt-seller"));
    expect(el("receipt-number").value).toBe("７");
    expect(el("receipt-total").value).toBe("１２，１００");
    expect(el("receipt-total-preview").textContent).toBe("¥12,100");

    await type("receipt-seller", "□□商店");
    await fireEvent.click(el("receipt-add"));
    await waitFor(() => expect(document.activeElement).toBe(el("line-3-item")));
    expect(saveReceipt).toHaveBeenLastCalledWith(null, { number: "７", seller: "□□商店", issuedOn: "2025-11-20", total: "１２，１００" });
    expect(el("receipt-number").value).toBe("");
    expect(el("receipt-seller").value).toBe("");
    expect(el("receipt-seller-message").textContent).toBe("");
  });

  it("申請準備完了 refused: Rust's list of what is missing is shown as it is, line by line", async () => {
    const message = "まだ申請の準備ができていません。\n・No.88(△△ストア): 領収書の写しを添付してください\n・通帳の写しを添付してください";
    const setSubsidyStatus = vi.fn(async () => {
      throw refuse("setSubsidyStatus", "ChecklistIncomplete", message);
    });
    page(backend({ setSubsidyStatus }));
    await ready();
    // The rules about applying, as the data states them, each with its source and flag.
    const once = el("subsidy-once");
    expect(once.querySelector("[data-rule=one_application_only]")!.textContent).toContain("以前の受付で申請した施術所は、申請できません。");
    const single = once.querySelector("[data-rule=all_in_one_application]")!;
    expect(single.textContent).toContain("すべて1回の申請にまとめます");
    expect(single.textContent).toContain("出典で未確認");
    expect(once.textContent).toContain("不足がないか確かめてから申請してください。");
    const checklist = el("subsidy-checklist");
    const receiptItem = checklist.querySelector<HTMLElement>("[data-item=receipt]")!;
    expect(receiptItem.textContent).toContain("✗ 未");
    expect(receiptItem.textContent).toContain(subsidyOverview().readiness.items[0].problems[0]);
    expect(checklist.querySelector("[data-item=claim]")!.textContent).toContain("✓ 済");

    await fireEvent.click(el("subsidy-ready"));
    await waitFor(() => expect(document.getElementById("subsidy-ready-error")).not.toBeNull());
    const error = el("subsidy-ready-error");
    expect(setSubsidyStatus).toHaveBeenCalledWith("ready", null);
    expect(error.textContent).toBe(message);
    expect(error.getAttribute("role")).toBe("alert");
    expect(error.className).toContain("pre-line");
  });

  it("the 準備完了 refusal stays until something changes; then the checklist above says what is left", async () => {
    const setSubsidyStatus = vi.fn(async () => {
      throw refuse("setSubsidyStatus", "ChecklistIncomplete", "まだ申請の準備ができていません。\n・通帳の写しを添付してください");
    });
    const saveSubsidyAnswers = vi.fn(async (appliedBefore: boolean, passbook: PassbookVisible) => application({ appliedBefore, passbook }));
    page(backend({ setSubsidyStatus, saveSubsidyAnswers }));
    await ready();
    await fireEvent.click(el("subsidy-ready"));
    await waitFor(() => expect(document.getElementById("subsidy-ready-error")).not.toBeNull());
    await fireEvent.click(el("passbook-bank"));
    await waitFor(() => expect(saveSubsidyAnswers).toHaveBeenCalled());
    await waitFor(() => expect(document.getElementById("subsidy-ready-error")).toBeNull());
  });

  it("a 見積書 is refused with its message beside the choice; a closed file dialog does nothing", async () => {
    const attachDocument = vi
      .fn()
      .mockRejectedValueOnce(invalid("attachDocument", [{ field: "proof", message: "見積書は領収書の代わりになりません。支払ったことがわかる領収書(またはレシート)を添付してください" }]))
      .mockResolvedValueOnce(null)
      .mockResolvedValueOnce(documentInfo({ id: 40, receiptId: 2, fileName: "レシート.jpg" }));
    const overviews = vi.fn(async () => subsidyOverview());
    page(backend({ attachDocument, subsidyOverview: overviews }));
    await ready();
    expect([...el<HTMLSelectElement>("receipt-2-proof").options].map((o) => o.textContent)).toEqual(["領収書・レシート", "見積書", "請求書", "納品書"]);
    await choose("receipt-2-proof", "estimate");
    await fireEvent.click(el("receipt-2-attach"));
    await waitFor(() => expect(el("receipt-2-proof-message").textContent).toContain("見積書は領収書の代わりになりません"));
    expect(attachDocument).toHaveBeenLastCalledWith("receipt", 2, "estimate");
    expect(el("receipt-2-proof").getAttribute("aria-invalid")).toBe("true");

    await choose("receipt-2-proof", "receipt");
    expect(el("receipt-2-proof-message").textContent).toBe("");
    await fireEvent.click(el("receipt-2-attach"));
    await waitFor(() => expect(attachDocument).toHaveBeenCalledTimes(2));
    expect(attachDocument).toHaveBeenLastCalledWith("receipt", 2, "receipt");
    await waitFor(() => expect(el("receipt-2-attach").getAttribute("aria-disabled")).toBe("false"));
    expect(said("receipt-2-copies-status")).toBe("");

    await fireEvent.click(el("receipt-2-attach"));
    await waitFor(() => expect(said("receipt-2-copies-status")).toContain("No.88(△△ストア)の写し「レシート.jpg」を添付しました(1ページ)"));
  });

  it("内訳書を確認 opens a dialog with each page as a data: image, never SVG in the page", async () => {
    const breakdownPreview = vi.fn(async () => previewPages());
    page(backend({ breakdownPreview }));
    await ready();
    await fireEvent.click(el("breakdown-preview"));
    const dialog = await screen.findByRole("dialog", { name: "内訳書の確認" });
    await waitFor(() => expect(dialog.hasAttribute("open")).toBe(true));
    const images = dialog.querySelectorAll<HTMLImageElement>("img.preview-page");
    expect(images).toHaveLength(2);
    expect(images[0].alt).toBe("内訳書 1ページ目");
    expect(images[1].alt).toBe("内訳書 2ページ目");
    expect(images[0].getAttribute("src")).toBe(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(previewPages()[0])}`);
    expect(document.querySelector("svg")).toBeNull();
    await fireEvent.click(within(dialog).getByRole("button", { name: "閉じる" }));
    await waitFor(() => expect(dialog.hasAttribute("open")).toBe(false));
  });

  it("a clinic registered twice chooses which application it works on; each has its own 領収書 (Rust's screens, recorded)", async () => {
    const two = recordedTwo as unknown as { main: SubsidyOverview; second: SubsidyOverview };
    const setSubsidyApplicant = vi.fn(async () => two.second);
    page(backend({ subsidyOverview: async () => two.main, setSubsidyApplicant }));
    await ready();
    const choice = el("subsidy-applicant");
    expect(choice.textContent).toContain("柔整の申請(登録記号番号 協1301234-1-2)");
    expect(choice.textContent).toContain("あはきの申請(登録記号番号 1234567)");
    expect(choice.querySelector("[data-rule=per_registration]")!.textContent).toContain("出典で未確認");
    expect(el("subsidy-applicant-main").checked).toBe(true);
    expect(document.querySelector("[data-receipt-id]")).not.toBeNull();
    await fireEvent.click(el("subsidy-applicant-second"));
    await waitFor(() => expect(setSubsidyApplicant).toHaveBeenCalledWith("second"));
    await waitFor(() => expect(el("subsidy-applicant-second").checked).toBe(true));
    expect(document.querySelector("[data-receipt-id]")).toBeNull();
  });

  it("the 内訳書 says it is the clinic's own summary, and links the portal's documents (its official form among them)", async () => {
    page(backend({}));
    await ready();
    const note = el("breakdown-official");
    expect(note.textContent).toContain("施術所の控えです。ポータルサイトに公式の様式「領収書内訳書」があるときは、そちらに転記して提出してください。");
    const link = note.querySelector("a")!;
    expect(link.getAttribute("href")).toBe("https://iryohokenjyoho.service-now.com/omf");
    expect(link.textContent).toContain("領収書内訳書");
    expect(note.textContent).toContain("アドレス未確認");
  });

  it("no 領収書 yet: the preview says so", async () => {
    const breakdownPreview = vi.fn(async () => {
      throw refuse("breakdownPreview", "NothingToExport", "領収書と品目を登録すると、内訳書を作れます");
    });
    page(backend({ breakdownPreview }));
    await ready();
    await fireEvent.click(el("breakdown-preview"));
    await waitFor(() => expect(document.getElementById("breakdown-error")?.textContent).toBe("領収書と品目を登録すると、内訳書を作れます"));
  });

  it("saves the 内訳書 as PDF or Excel and says where; a closed dialog says nothing; 印刷 opens the PDF", async () => {
    const saveBreakdown = vi
      .fn()
      .mockResolvedValueOnce("C:\\Users\\山田 太郎\\Documents\\領収書内訳書.pdf")
      .mockResolvedValueOnce(null)
      .mockResolvedValueOnce("C:\\Users\\山田 太郎\\Documents\\領収書内訳書.xlsx");
    const printBreakdown = vi.fn(async () => "C:\\data\\print\\領収書内訳書_20261129_100000.pdf");
    page(backend({ saveBreakdown, printBreakdown }));
    await ready();
    await fireEvent.click(el("breakdown-save-pdf"));
    // Said under the buttons and kept: what was saved, the file's name and its folder.
    await waitFor(() => expect(said("breakdown-status")).toContain("内訳書をPDFで保存しました"));
    expect(said("breakdown-status")).toContain("領収書内訳書.pdf");
    expect(said("breakdown-status")).toContain("保存先: C:\\Users\\山田 太郎\\Documents");
    expect(within(el("breakdown-status")).getByRole("button", { name: "フォルダを開く" })).toBeTruthy();
    expect(saveBreakdown).toHaveBeenLastCalledWith("pdf");

    await waitFor(() => expect(el("breakdown-save-xlsx").getAttribute("aria-disabled")).toBe("false"));
    await fireEvent.click(el("breakdown-save-xlsx"));
    await waitFor(() => expect(saveBreakdown).toHaveBeenCalledTimes(2));
    expect(saveBreakdown).toHaveBeenLastCalledWith("xlsx");
    await waitFor(() => expect(el("breakdown-save-xlsx").getAttribute("aria-disabled")).toBe("false"));
    // A closed dialog: nothing is claimed saved.
    expect(said("breakdown-status")).toBe("");

    await fireEvent.click(el("breakdown-save-xlsx"));
    await waitFor(() => expect(said("breakdown-status")).toContain("内訳書をExcelで保存しました"));
    expect(said("breakdown-status")).toContain("領収書内訳書.xlsx");

    await waitFor(() => expect(el("breakdown-print").getAttribute("aria-disabled")).toBe("false"));
    await fireEvent.click(el("breakdown-print"));
    await waitFor(() => expect(said("breakdown-status")).toContain("印刷用のPDFを開きました。表示されたアプリで印刷してください"));
    expect(said("breakdown-status")).toContain("領収書内訳書_20261129_100000.pdf");
    expect(document.querySelectorAll(".toaster .toast")).toHaveLength(0);
    expect(printBreakdown).toHaveBeenCalledOnce();
  });

  it("builds the upload set and lists the folder, the zip, each file's check and what is still missing", async () => {
    const buildUploadSet = vi.fn().mockResolvedValueOnce(null).mockResolvedValueOnce(uploadSet());
    const showInFolder = vi.fn(async () => null);
    page(backend({ buildUploadSet, showInFolder }));
    await ready();
    expect(el("upload-set-steps").textContent!.trim()).toBe(
      "ポータルサイトにログイン →「各種申請」→「助成金交付申請」で入力し、このファイルを添付します。申請後の状況は「マイメニュー」→「申請」で確かめられます。",
    );
    await fireEvent.click(el("upload-set-build"));
    await waitFor(() => expect(buildUploadSet).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(el("upload-set-build").getAttribute("aria-disabled")).toBe("false"));
    expect(document.getElementById("upload-set-result")).toBeNull();

    await fireEvent.click(el("upload-set-build"));
    const result = await waitFor(() => el("upload-set-result"));
    expect(screen.getByTestId("upload-folder").textContent).toBe(uploadSet().folder);
    expect(screen.getByTestId("upload-zip").textContent).toBe(uploadSet().zip);
    const ok = result.querySelector("[data-file='01_領収書1.pdf']")!;
    expect(ok.textContent).toContain("✓");
    expect(ok.textContent).toContain("(1 KB)");
    const bad = result.querySelector("[data-file='03_通帳の写し.pdf']")!;
    expect(bad.textContent).toContain("✗");
    expect(bad.textContent).toContain("大きすぎます(10,000,001 バイト / 上限 10,000,000 バイト)");
    expect(screen.getByTestId("upload-missing").textContent).toContain(uploadSet().missing[0]);
    // The line under the button names the folder and opens it through Rust, with the path Rust gave.
    expect(said("upload-set-status")).toContain("問題のあるファイルがあります");
    await fireEvent.click(within(el("upload-set-status")).getByRole("button", { name: "フォルダを開く" }));
    await waitFor(() => expect(showInFolder).toHaveBeenCalledWith(uploadSet().folder));
  });

  it("each passbook box is saved at once with the other answers, in the order ticked", async () => {
    const gate = later<void>();
    const calls: [boolean, PassbookVisible][] = [];
    const saveSubsidyAnswers = vi.fn(async (appliedBefore: boolean, passbook: PassbookVisible) => {
      calls.push([appliedBefore, passbook]);
      if (calls.length === 1) await gate.promise;
      return application({ appliedBefore, passbook });
    });
    page(backend({ saveSubsidyAnswers }));
    await ready();
    const labels = [...el("passbook").querySelectorAll("label.check")].map((l) => l.textContent!.trim());
    expect(labels).toEqual(["金融機関名", "支店名", "預金種別", "口座番号", "口座名義(カナ)"]);

    await fireEvent.click(el("passbook-bank"));
    await fireEvent.click(el("passbook-holderKana"));
    expect(el("passbook-holderKana").checked).toBe(true);
    // The second waits for the first.
    expect(calls).toHaveLength(1);
    gate.resolve();
    await waitFor(() => expect(calls).toHaveLength(2));
    const none = { bank: false, branch: false, kind: false, number: false, holderKana: false };
    expect(calls).toEqual([
      [false, { ...none, bank: true }],
      [false, { ...none, bank: true, holderKana: true }],
    ]);
  });

  it("the earlier-round answer is saved, and Rust's exclusion is shown as an error", async () => {
    const saveSubsidyAnswers = vi.fn(async (appliedBefore: boolean, passbook: PassbookVisible) => application({ appliedBefore, passbook }));
    const excluded = "以前にこの助成金を申請した施術所は、今回は申請できません。";
    const overviews = vi
      .fn()
      .mockResolvedValueOnce(subsidyOverview())
      .mockResolvedValue(subsidyOverview({ application: application({ appliedBefore: true }), excluded, claimYen: 0 }));
    page(backend({ saveSubsidyAnswers, subsidyOverview: overviews }));
    await ready();
    expect(el("applied-before-no").checked).toBe(true);
    expect(screen.getByTestId("subsidy-excluded").textContent).toBe("");
    await fireEvent.click(el("applied-before-yes"));
    await waitFor(() => expect(screen.getByTestId("subsidy-excluded").textContent).toBe(excluded));
    expect(saveSubsidyAnswers).toHaveBeenCalledWith(true, { bank: false, branch: false, kind: false, number: false, holderKana: false });
    expect(screen.getByTestId("subsidy-excluded").className).toContain("error");
    expect(el("applied-before-yes").checked).toBe(true);
    expect(el("subsidy-claim").textContent).toBe("¥0");
  });

  /** The status panel's calls answered as Rust answered them (`recorded/subsidy.json`), in order;
   * a call the page makes with other arguments fails the test. */
  function replayStatus(...indices: number[]) {
    const queue = indices.map((i) => recordedStatusCalls[i]);
    return vi.fn(async (status: string, on: string | null) => {
      const next = queue.shift();
      expect(next && [next.status, next.on]).toEqual([status, on]);
      if ("error" in next!.result) throw new ApiError(next!.result.error);
      return next!.result.ok;
    });
  }
  const okOf = (i: number) => (recordedStatusCalls[i].result as { ok: Application }).ok;

  it("申請済 is not offered before 申請準備完了: only the checklist's button moves it on", async () => {
    page(backend({ setSubsidyStatus: replayStatus() }));
    await ready();
    expect(el("subsidy-status-label").textContent).toBe("準備中");
    for (const s of ["applied", "granted", "paid", "preparing"]) expect(document.getElementById(`subsidy-status-${s}`)).toBeNull();
    expect(document.getElementById("subsidy-status-date")).toBeNull();
    expect(el("subsidy-status-first").textContent).toContain("「申請準備完了」にしてから");
  });

  it("a status taken back meanwhile (another window) is Rust's refusal, beside the date", async () => {
    const setSubsidyStatus = replayStatus(0);
    page(backend({ setSubsidyStatus, subsidyOverview: async () => subsidyOverview({ application: okOf(2), today: recordedStatusToday }) }));
    await ready();
    await type("subsidy-status-date", "2026-12-01");
    await fireEvent.click(el("subsidy-status-applied"));
    await waitFor(() => expect(el("subsidy-status-date-message").textContent).toBe("今は「準備中」です。先に「申請準備完了」にしてください"));
    expect(setSubsidyStatus).toHaveBeenCalledTimes(1);
  });

  it("moves the status on one step with the day typed; Rust's date message is shown beside the date", async () => {
    const setSubsidyStatus = replayStatus(3, 4);
    const overviews = vi
      .fn()
      .mockResolvedValueOnce(subsidyOverview({ application: okOf(2), today: recordedStatusToday }))
      .mockResolvedValue(subsidyOverview({ application: okOf(4), today: recordedStatusToday }));
    page(backend({ setSubsidyStatus, subsidyOverview: overviews }));
    await ready();
    expect(el("subsidy-status-label").textContent).toBe("申請準備完了");
    expect(document.getElementById("subsidy-status-granted")).toBeNull();

    await fireEvent.click(el("subsidy-status-applied"));
    await waitFor(() => expect(el("subsidy-status-date-message").textContent).toBe("申請済の日付を入力してください"));
    expect(el("subsidy-status-date").getAttribute("aria-invalid")).toBe("true");

    await type("subsidy-status-date", "R8.12.1");
    await fireEvent.click(el("subsidy-status-applied"));
    await waitFor(() => expect(el("subsidy-status-label").textContent).toBe("申請済"));
    expect(setSubsidyStatus).toHaveBeenCalledTimes(2);
    expect(el("subsidy-status-dates").textContent).toContain("令和8年12月1日 (2026-12-01)");
    expect(el("subsidy-status-date").value).toBe("");
    expect(document.getElementById("subsidy-status-applied")).toBeNull();
    expect(document.getElementById("subsidy-status-granted")).not.toBeNull();
    expect(document.getElementById("subsidy-status-preparing")).not.toBeNull();
    expect(document.getElementById("subsidy-ready")).toBeNull();
    expect(said("subsidy-status-line")).toContain("申請の状況を「申請済」にしました");
  });

  it("going back to 準備中 asks first, and sends no date", async () => {
    const setSubsidyStatus = vi.fn(async () => application());
    const applied = subsidyOverview({ application: application({ status: "applied", appliedOn: "2026-01-10" }) });
    page(backend({ setSubsidyStatus, subsidyOverview: async () => applied }));
    await ready();
    await fireEvent.click(el("subsidy-status-preparing"));
    const dialog = await screen.findByRole("dialog", { name: "「準備中」に戻しますか" });
    await fireEvent.click(within(dialog).getByRole("button", { name: "やめる" }));
    await waitFor(() => expect(dialog.hasAttribute("open")).toBe(false));
    expect(setSubsidyStatus).not.toHaveBeenCalled();

    await fireEvent.click(el("subsidy-status-preparing"));
    await waitFor(() => expect(dialog.hasAttribute("open")).toBe(true));
    await fireEvent.click(within(dialog).getByRole("button", { name: "準備中に戻す" }));
    await waitFor(() => expect(setSubsidyStatus).toHaveBeenCalledWith("preparing", null));
  });

  it("a line, a copy and a 領収書 are removed only after 削除 is confirmed", async () => {
    const deleting = later<null>();
    const deletePurchase = vi.fn(() => deleting.promise);
    const deleteDocument = vi.fn(async () => null);
    const deleteReceipt = vi.fn(async () => null);
    page(backend({ deletePurchase, deleteDocument, deleteReceipt }));
    await ready();
    const first = document.querySelector<HTMLElement>("[data-receipt-id='1']")!;
    const dialog = () => el("confirm-message").closest("dialog")!;

    await fireEvent.click(within(first).getByRole("button", { name: "3行目を削除" }));
    await waitFor(() => expect(dialog().hasAttribute("open")).toBe(true));
    expect(el("confirm-message").textContent).toBe("No.123(○○電機)の「タブレットケース」(数量 2)を削除します。");
    expect(document.activeElement).toBe(el("confirm-cancel"));
    await fireEvent.click(el("confirm-cancel"));
    await waitFor(() => expect(dialog().hasAttribute("open")).toBe(false));
    expect(deletePurchase).not.toHaveBeenCalled();

    await fireEvent.click(within(first).getByRole("button", { name: "3行目を削除" }));
    await waitFor(() => expect(dialog().hasAttribute("open")).toBe(true));
    await fireEvent.click(el("confirm-ok"));
    await waitFor(() => expect(deletePurchase).toHaveBeenCalledWith(3));
    // While Rust removes it, 削除 says so and a second press asks nothing.
    const busy = within(first).getByRole("button", { name: "3行目を削除" });
    await waitFor(() => expect(busy.textContent).toBe("削除(処理中…)"));
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    await fireEvent.click(within(first).getByRole("button", { name: "1行目を削除" }));
    expect(dialog().hasAttribute("open")).toBe(false);
    deleting.resolve(null);
    await waitFor(() => expect(busy.textContent).toBe("削除"));
    expect(said("receipt-1-lines-status")).toContain("「タブレットケース」を削除しました");

    await fireEvent.click(within(first).getByRole("button", { name: "「IMG_0012.jpg」を削除" }));
    await waitFor(() => expect(dialog().hasAttribute("open")).toBe(true));
    await fireEvent.click(el("confirm-ok"));
    await waitFor(() => expect(deleteDocument).toHaveBeenCalledWith(1));
    await waitFor(() => expect(said("receipt-1-copies-status")).toContain("「IMG_0012.jpg」を削除しました"));

    await fireEvent.click(el("receipt-1-delete"));
    await waitFor(() => expect(dialog().hasAttribute("open")).toBe(true));
    expect(el("confirm-message").textContent).toContain("No.123(○○電機)を、入力した品目(3件)と添付した写し(1件)ごと削除します。");
    await fireEvent.click(el("confirm-ok"));
    await waitFor(() => expect(deleteReceipt).toHaveBeenCalledWith(1));
    // Its card is gone: the 領収書 section says what became of it.
    await waitFor(() => expect(said("receipts-status")).toContain("No.123(○○電機)を削除しました"));
  });

  it("attaches the passbook copy", async () => {
    const attachDocument = vi.fn(async () => documentInfo({ id: 50, kind: "passbook", receiptId: null, fileName: "通帳.pdf", pages: 2 }));
    const withPassbook = subsidyOverview({ passbookDocuments: [documentInfo({ id: 50, kind: "passbook", receiptId: null, fileName: "通帳.pdf", pages: 2 })] });
    const overviews = vi.fn().mockResolvedValueOnce(subsidyOverview()).mockResolvedValue(withPassbook);
    page(backend({ attachDocument, subsidyOverview: overviews }));
    await ready();
    await fireEvent.click(el("passbook-attach"));
    await waitFor(() => expect(el("passbook").textContent).toContain("通帳.pdf"));
    expect(attachDocument).toHaveBeenCalledWith("passbook", null, "receipt");
    expect(el("passbook").textContent).toContain("(2ページ");
    expect(said("passbook-status")).toContain("通帳の写し「通帳.pdf」を添付しました(2ページ)");
  });

  it("shows why it could not load, and is still ready", async () => {
    const onready = vi.fn();
    page(backend({ subsidyOverview: async () => Promise.reject(new Error("データベースを開けませんでした")) }), onready);
    expect((await screen.findByRole("alert")).textContent).toContain("データベースを開けませんでした");
    expect(onready).toHaveBeenCalledOnce();
  });
});
