// Data shaped as the Rust side sends it, for component tests.
import type { BackupOverview, BackupState, DataStatus, HomeSummary, ProgramStatus } from "../../api";
import recordedSubsidy from "./recorded/subsidy-overview.json";

/** The 助成金 as Rust shows it on the recording day (`recorded/subsidy-overview.json`), with
 *  `overrides`. */
export function subsidy(overrides: Partial<ProgramStatus> = {}): ProgramStatus {
  return { ...structuredClone((recordedSubsidy as unknown as { overview: { program: ProgramStatus } }).overview.program), ...overrides };
}

export function homeSummary(programs: ProgramStatus[]): HomeSummary {
  return {
    todayText: "令和8年11月29日 (2026-11-29)",
    clinicName: "さくら整骨院",
    setup: { done: 0, total: 11, nextTitle: null },
    timeline: null,
    todayChecks: { total: 0, myNumberCard: 0, ratePercent: 0 },
    programs: { asOfText: "令和8年11月24日 (2026-11-24)", programs },
    updates: dataStatus(),
    backup: backupState(),
    recoverySheetPending: false,
    restoredAside: null,
  };
}

/** Backups to a USB drive, the last one this morning. */
export function backupState(overrides: Partial<BackupState> = {}): BackupState {
  return {
    folder: "E:\\",
    keep: 7,
    lastOkText: "令和8年11月29日 (2026-11-29) 08:30",
    lastError: null,
    dueToday: false,
    ...overrides,
  };
}

/** The backup screen: two generations, newest first. */
export function backupOverview(overrides: Partial<BackupOverview> = {}): BackupOverview {
  return {
    state: backupState(),
    generations: [
      { name: "onshi-navi-backup-20261129-083000.onshinavi", takenAtText: "令和8年11月29日 (2026-11-29) 08:30", sizeKb: 1234 },
      { name: "onshi-navi-backup-20261128-083100.onshinavi", takenAtText: "令和8年11月28日 (2026-11-28) 08:31", sizeKb: 1200 },
    ],
    folderProblem: null,
    recovery: { codeToKeep: null, issuedText: "令和8年11月28日 (2026-11-28)" },
    ...overrides,
  };
}

/** The program data in use: bundled with the app, never checked, no newer app announced. */
export function dataStatus(overrides: Partial<DataStatus> = {}): DataStatus {
  return { version: 3, updated: false, lastCheckedAt: null, lastResult: null, lastFailed: false, newerApp: null, expiredSince: null, ...overrides };
}

// ホーム and 導入ガイド. (Imported here so that this block is only an addition to the file.)
import type { AppError, AppInfo } from "../../api";

export function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: "0.1.0",
    dataDir: "C:\\Users\\山田 太郎\\AppData\\Roaming\\オン資ナビ",
    logDir: "C:\\Users\\山田 太郎\\AppData\\Local\\オン資ナビ\\logs",
    startupError: null,
    ...overrides,
  };
}

/** The database could not be opened: a multi-line message with numbered steps and the path. */
export function startupError(overrides: Partial<AppError> = {}): AppError {
  return {
    code: "DatabaseDamaged",
    message: [
      "データベースのファイルが壊れているため、開けませんでした。",
      "ファイル: C:\\Users\\山田 太郎\\AppData\\Roaming\\オン資ナビ\\onshi-navi.sqlite3",
      "1. アプリを終了してください。",
      "2. バックアップからファイルを戻してください。",
      "それでも開けない場合は、お問い合わせください。",
    ].join("\n"),
    fields: [],
    ...overrides,
  };
}

// 設定: a stored clinic profile and change-history rows (the folders come from `appInfo` above).
import type { AuditEntry, ClinicProfile } from "../../api";

export function clinicProfile(overrides: Partial<ClinicProfile> = {}): ClinicProfile {
  return {
    name: "さくら整骨院",
    kind: "judo",
    regNoJudo: "契280444000",
    regNoJudoTyped: "契2804440-0-0",
    regNoAhaki: null,
    regNoAhakiTyped: null,
    postalCode: "6500001",
    address: "兵庫県神戸市中央区加納町1-2-3",
    phone: "078-123-4567",
    ownerName: "山田 太郎",
    updatedAt: "2026-11-27T09:05:00Z",
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 1,
    at: "2026-11-27T09:05:00Z",
    actor: "受付 佐藤",
    action: "create",
    entity: "clinic_profile",
    detail: '{"fields":["name","kind"]}',
    entityLabel: "施術所の情報",
    actionLabel: "登録",
    detailLabel: "施術所名・種別",
    ...overrides,
  };
}

// よくある質問.
import type { FaqView } from "../../api";

export function faqView(): FaqView {
  const source = { title: "導入案内", where: "会員向けページ", url: null, part: "4.Q&A Q1", asOf: "2026-11-24", verified: true };
  return {
    entries: [{ id: "q1", question: "貸与PCを使用する場合、インターネットに接続してもいいのでしょうか?", answer: ["セキュリティソフトを入れて接続してください。"], links: [], source }],
    total: 6,
    callCentre: {
      name: "オンライン資格確認等コールセンター",
      phone: "0800-080-4583",
      note: "通話無料",
      hours: "平日 8:00〜18:00、土曜 8:00〜16:00",
      source,
      hoursSource: { id: "kinki_koseikyoku", title: "近畿厚生局", url: "https://kouseikyoku.mhlw.go.jp/", where: "", what: "", asOf: "2026-11-24", verified: false },
    },
  };
}
