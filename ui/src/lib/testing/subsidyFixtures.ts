// 助成金: a SubsidyOverview as Rust sends it, for component tests, replayed from
// `recorded/subsidy-overview.json` (the screens crate's `recorded` test writes it from a store):
// two 領収書, No.123 whose lines add up to its total (a reader not on the known list, a tablet, a
// case to check) with its copy, and No.88 whose one line (a cable to check) does not; the
// program's window has closed. Every figure, judgement and word is Rust's.
import type { Application, ApplicationStatus, DocumentInfo, ErrorCode, FieldIssue, LineView, ReceiptView, SubsidyOverview, UploadSet } from "../../api";
import recorded from "./recorded/subsidy.json";
import recordedOverview from "./recorded/subsidy-overview.json";

const RECORDED = recordedOverview as unknown as { overview: SubsidyOverview; uploadSet: UploadSet; tooLargeCheck: UploadSet["checks"][number] };
const OVERVIEW = RECORDED.overview;

/** Rust's warning under a reader not on the known list. */
export const READER_WARNING = OVERVIEW.receipts[0].lines[0].warning ?? "";
/** Rust's words for a line no source rules on (`programs::purchases::TO_CHECK_REASON`). */
export const CASE_REASON = OVERVIEW.receipts[0].lines[2].reason ?? "";

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

/** No.123: its lines add up to its total; a copy is attached. */
export function matchingReceipt(): ReceiptView {
  return structuredClone(OVERVIEW.receipts[0]);
}

/** No.88: its one line does not add up to its total; no copy yet. */
export function mismatchedReceipt(): ReceiptView {
  return structuredClone(OVERVIEW.receipts[1]);
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
    ...structuredClone(OVERVIEW),
    application: app,
    statusLabel: statusOf(app.status).label,
    nextStatus: statusOf(app.status).next,
    applicationRules: recorded.applicationRules,
    documentsLink: recorded.documentsLink,
    ...overrides,
  };
}

/** Two pages of the 内訳書 as Rust draws them. */
export function previewPages(): string[] {
  const page = (n: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842"><text x="40" y="60">領収書内訳書 ${n}/2 #&amp;</text></svg>`;
  return [page(1), page(2)];
}

/** The upload set Rust wrote for that screen (its folder as a Windows PC shows it), with a
 *  passbook copy past the size limit judged as Rust judges it. */
export function uploadSet(overrides: Partial<UploadSet> = {}): UploadSet {
  const set = structuredClone(RECORDED.uploadSet);
  return { ...set, checks: [...set.checks, { ...RECORDED.tooLargeCheck }], allOk: false, ...overrides };
}
