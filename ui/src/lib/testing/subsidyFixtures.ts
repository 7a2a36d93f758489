// 助成金: a SubsidyOverview shaped as Rust sends it, for component tests. Two 領収書: No.123 whose
// lines add up to its total (one line a reader not on the known list, one line 対象外 with its
// reason) and No.88 whose one line does not; the program's window has closed.
import type { Application, ApplicationStatus, DocumentInfo, ErrorCode, FieldIssue, LineView, ReceiptView, SubsidyOverview, UploadSet } from "../../api";
import { subsidy } from "./fixtures";
import recorded from "./recorded/subsidy.json";

export const READER_WARNING =
  "この機種は、オン資ナビが知っているカードリーダーの一覧にありません。厚生労働省の公式の一覧に載っているか確かめてください(導入ガイドの手順「カードリーダー」)";
/** Rust's words for a line no source rules on (`programs::purchases::TO_CHECK_REASON`). */
export const CASE_REASON = "ケーブルやケースなどが助成の対象になるかは、資料で確かめられていません。申請額には入れていません。手順書で確かめるか、コールセンターに問い合わせてください";

export function line(overrides: Partial<LineView> & { id: number; receiptId: number }): LineView {
  const { id, receiptId, ...rest } = overrides;
  return {
    purchase: {
      id,
      receiptId,
      item: "汎用カードリーダー",
      category: "card_reader",
      makerModel: "",
      quantity: 1,
      unitPriceYen: 9900,
      boughtOn: "2025-11-01",
    },
    categoryLabel: "汎用カードリーダー",
    amountYen: 9900,
    eligible: true,
    toCheck: false,
    reason: null,
    warning: null,
    ...rest,
  };
}

export function documentInfo(overrides: Partial<DocumentInfo> = {}): DocumentInfo {
  return {
    id: 31,
    kind: "receipt",
    receiptId: 1,
    fileName: "IMG_0012.jpg",
    pages: 1,
    sizeBytes: 182_000,
    addedAt: "2026-11-28T01:00:00Z",
    ...overrides,
  };
}

export function matchingReceipt(): ReceiptView {
  return {
    id: 1,
    label: "No.123(○○電機)",
    number: "123",
    seller: "○○電機",
    issuedOn: "2025-11-01",
    issuedOnText: "令和7年11月1日 (2025-11-01)",
    totalYen: 45100,
    linesTotalYen: 45100,
    matches: true,
    lines: [
      line({
        id: 11,
        receiptId: 1,
        purchase: { id: 11, receiptId: 1, item: "ICカードリーダー", category: "card_reader", makerModel: "ZX-9000", quantity: 1, unitPriceYen: 9900, boughtOn: "2025-11-01" },
        warning: READER_WARNING,
      }),
      line({
        id: 12,
        receiptId: 1,
        purchase: { id: 12, receiptId: 1, item: "タブレット", category: "tablet", makerModel: "Tab A 10", quantity: 1, unitPriceYen: 33000, boughtOn: "2025-11-01" },
        categoryLabel: "タブレット",
        amountYen: 33000,
      }),
      line({
        id: 13,
        receiptId: 1,
        purchase: { id: 13, receiptId: 1, item: "タブレットケース", category: "other", makerModel: "", quantity: 2, unitPriceYen: 1100, boughtOn: "2025-11-01" },
        categoryLabel: "そのほか",
        amountYen: 2200,
        eligible: false,
        toCheck: true,
        reason: CASE_REASON,
      }),
    ],
    documents: [documentInfo()],
  };
}

export function mismatchedReceipt(): ReceiptView {
  return {
    id: 2,
    label: "No.88(△△ストア)",
    number: "88",
    seller: "△△ストア",
    issuedOn: "2025-11-10",
    issuedOnText: "令和7年11月10日 (2025-11-10)",
    totalYen: 5500,
    linesTotalYen: 1100,
    matches: false,
    lines: [
      line({
        id: 21,
        receiptId: 2,
        purchase: { id: 21, receiptId: 2, item: "USBケーブル", category: "other", makerModel: "", quantity: 1, unitPriceYen: 1100, boughtOn: "2025-11-10" },
        categoryLabel: "そのほか",
        amountYen: 1100,
        eligible: false,
        toCheck: true,
        reason: CASE_REASON,
      }),
    ],
    documents: [],
  };
}

export function application(overrides: Partial<Application> = {}): Application {
  return {
    programId: "equipment_subsidy_2025",
    appliedBefore: false,
    passbook: { bank: false, branch: false, kind: false, number: false, holderKana: false },
    status: "preparing",
    readyAt: null,
    appliedOn: null,
    grantedOn: null,
    paidOn: null,
    ...overrides,
  };
}

type RecordedStatus = { status: ApplicationStatus; label: string; next: ApplicationStatus | null };
/** Each status's words and the one it may move on to, as Rust says them (`recorded/subsidy.json`). */
const STATUSES = recorded.statuses as RecordedStatus[];
const statusOf = (s: ApplicationStatus) => STATUSES.find((r) => r.status === s)!;

/** A call of the status panel as Rust answered it, on a clinic whose paperwork was incomplete,
 * then complete (`screens/tests/recorded.rs`): the UI receives `ok` or `error` as is. */
export type RecordedStatusCall = {
  status: ApplicationStatus;
  on: string | null;
  result: { ok: Application } | { error: { code: ErrorCode; message: string; fields: FieldIssue[] } };
};
export const recordedStatusCalls = recorded.calls as RecordedStatusCall[];
/** The day those calls were made on (dates after it are refused before any call). */
export const recordedStatusToday = recorded.today;

export function subsidyOverview(overrides: Partial<SubsidyOverview> = {}): SubsidyOverview {
  const app = overrides.application ?? application();
  return {
    program: subsidy(),
    dataAsOfText: "令和8年11月24日 (2026-11-24)",
    receipts: [matchingReceipt(), mismatchedReceipt()],
    // Figures a screen could not get by adding what it shows: they must be Rust's.
    totalYen: 50600,
    eligibleTotalYen: 42900,
    claimYen: 41000,
    clinicPaysYen: 9600,
    excluded: null,
    readiness: {
      items: [
        {
          id: "receipt",
          label: "領収書の写し",
          done: false,
          problems: [
            "No.88(△△ストア): 領収書の合計 ¥5,500 と品目の合計 ¥1,100 が一致しません",
            "No.88(△△ストア): 領収書の写しを添付してください",
          ],
        },
        { id: "breakdown", label: "領収書内訳書", done: true, problems: [] },
        { id: "passbook", label: "通帳の写し", done: false, problems: ["通帳の写しを添付してください"] },
        { id: "claim", label: "申請額", done: true, problems: [] },
      ],
      ready: false,
    },
    application: app,
    statusLabel: statusOf(app.status).label,
    nextStatus: statusOf(app.status).next,
    applicationRules: recorded.applicationRules,
    documentsLink: recorded.documentsLink,
    applicants: [],
    applicant: "main",
    registrationRule: null,
    passbookDocuments: [],
    categories: [
      { id: "card_reader", label: "汎用カードリーダー", eligible: true, toCheck: false },
      { id: "tablet", label: "タブレット", eligible: true, toCheck: false },
      { id: "smartphone", label: "スマートフォン", eligible: true, toCheck: false },
      { id: "pc", label: "パソコン", eligible: false, toCheck: false },
      { id: "other", label: "そのほか", eligible: false, toCheck: true },
    ],
    uploadFormats: [".pdf", ".xlsx"],
    today: "2026-11-29",
    ...overrides,
  };
}

/** Two pages of the 内訳書 as Rust draws them. */
export function previewPages(): string[] {
  const page = (n: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842"><text x="40" y="60">領収書内訳書 ${n}/2 #&amp;</text></svg>`;
  return [page(1), page(2)];
}

export function uploadSet(overrides: Partial<UploadSet> = {}): UploadSet {
  return {
    folder: "C:\\Users\\山田 太郎\\Desktop\\助成金申請_20261129",
    zip: "C:\\Users\\山田 太郎\\Desktop\\助成金申請_20261129.zip",
    checks: [
      { name: "01_領収書1.pdf", sizeBytes: 182_000, ok: true, problem: null },
      { name: "02_領収書内訳書.pdf", sizeBytes: 45_300, ok: true, problem: null },
      { name: "03_通帳の写し.pdf", sizeBytes: 12_000_000, ok: false, problem: "ファイルが大きすぎます(10MBまで)。写真を撮り直してください" },
    ],
    allOk: false,
    missing: ["No.88(△△ストア): 領収書の写しを添付してください"],
    ...overrides,
  };
}
