// 協力金: a GrantOverview as Rust sends it, for component tests. Every word Rust makes (the
// program as the bundled data gives it, each requirement judged with why, the months' names, the
// dates, what the report needs) is replayed from `recorded/grant.json`, which the screens crate's
// `recorded` test writes and keeps fresh; only the records themselves (posters, days, counts) are
// data here. The report window has closed; the 運用開始日 is 2025-06-01, お声がけ were made on two
// days inside the 対象期間, the poster and the flyers only outside it, and the payment-date
// question is not answered yet.
import type { GrantOverview, MonthUsage, Poster, ProgramStatus, PromotionDay, RequirementResult } from "../../api";
import recorded from "./recorded/grant.json";

const RECORDED = recorded as unknown as {
  program: ProgramStatus;
  dataAsOfText: string;
  evaluation: { requirements: RequirementResult[]; allMet: boolean };
  startDateText: string;
  monthTexts: string[];
  reportNeeds: GrantOverview["reportNeeds"];
  today: string;
};

/** The program's rule that says no usage count is required, in the data's words. */
export const NO_THRESHOLD_TEXT = RECORDED.program.rules.find((r) => r.id === "no_usage_threshold")?.text ?? "";

/** The 協力金 as Rust shows it on the recording day, with `overrides`. */
export function grant(overrides: Partial<ProgramStatus> = {}): ProgramStatus {
  return { ...structuredClone(RECORDED.program), ...overrides };
}

/** Each requirement as Rust judged the fixture's evidence. */
export const REQUIREMENTS: readonly RequirementResult[] = RECORDED.evaluation.requirements;

export const POSTERS: readonly Poster[] = [
  { id: 4, shownFrom: "2025-08-01", shownTo: "2025-08-31", photoName: null },
  { id: 5, shownFrom: "2026-11-01", shownTo: null, photoName: "待合室.jpg" },
];

/** Oldest first, as Rust lists them. */
export const DAYS: readonly PromotionDay[] = [
  { day: "2025-06-02", flyers: 0, prompts: 5 },
  { day: "2025-07-15", flyers: 0, prompts: 2 },
  { day: "2025-08-03", flyers: 12, prompts: 0 },
];

/** The 対象期間's months as Rust names them, with the day's counts the fixture stands for. */
const COUNTS = [
  { total: 0, myNumberCard: 0, ratePercent: 0 },
  { total: 40, myNumberCard: 9, ratePercent: 23 },
  { total: 52, myNumberCard: 13, ratePercent: 25 },
];
export const MONTHS: readonly MonthUsage[] = RECORDED.monthTexts.map((monthText, i) => ({ monthText, counts: COUNTS[i] }));

export function grantOverview(overrides: Partial<GrantOverview> = {}): GrantOverview {
  return {
    program: grant(),
    dataAsOfText: RECORDED.dataAsOfText,
    evaluation: { requirements: REQUIREMENTS.map((r) => ({ ...r })), allMet: RECORDED.evaluation.allMet },
    startDateText: RECORDED.startDateText,
    inService: null,
    posters: POSTERS.map((p) => ({ ...p })),
    days: DAYS.map((d) => ({ ...d })),
    monthlyUsage: MONTHS.map((m) => ({ ...m, counts: { ...m.counts } })),
    reportNeeds: RECORDED.reportNeeds,
    today: RECORDED.today,
    ...overrides,
  };
}
