// 協力金: a GrantOverview shaped as Rust sends it, for component tests. The report window has
// closed (after its extension); the 運用開始日 is recorded, お声がけ too, but the poster and the
// flyers were only recorded outside the 対象期間, so one requirement is not met.
import type { GrantOverview, MonthUsage, Poster, ProgramStatus, PromotionDay, RequirementResult } from "../../api";
import recorded from "./recorded/grant.json";

export const NO_THRESHOLD_TEXT = "マイナ保険証の利用件数の基準はありません。要件の取組をしていれば、利用がなくても対象です。";

export function grant(overrides: Partial<ProgramStatus> = {}): ProgramStatus {
  const source = { title: "柔整・あはき 導入案内", where: "施術所等向け総合ポータルサイト", url: null, section: "4.協力金について" };
  const rule = (id: string, text: string, verified: boolean) => ({
    id,
    text,
    asOfText: "令和8年11月24日 (2026-11-24)",
    verified,
    source,
  });
  return {
    id: "promotion_grant_2025",
    kind: "grant",
    name: "マイナ保険証の利用促進のための取組に対する協力金",
    alsoCalled: null,
    summary: "オンライン資格確認を導入し、運用開始日を入力のうえ、お声がけと、チラシの配布またはポスター掲示を実施した施術所に給付。",
    availability: { state: "closed" },
    label: "受付終了",
    periodLabel: "対象期間",
    periodText: "令和7年5月 (2025-05) 〜 令和7年7月 (2025-07)",
    windowLabel: "報告受付",
    windowFromText: "令和7年7月頃 (2025-07)",
    windowToText: "令和7年10月31日 (2025-10-31)",
    windowSources: [],
    amountLabel: "給付額",
    amountText: "¥50,000",
    claimUnitText: null,
    rules: [
      rule("report_deadline_extended", "報告受付の締切は令和7年9月30日 (2025-09-30)から令和7年10月31日 (2025-10-31)に延長されました。", false),
      rule("no_usage_threshold", NO_THRESHOLD_TEXT, false),
      rule("grant_requirements", "給付の要件(対象期間内): オンライン資格確認を導入し、運用開始日を入力している、…。", true),
    ],
    sources: [source],
    verified: true,
    ...overrides,
  };
}

export const REQUIREMENTS: readonly RequirementResult[] = [
  { id: "start_date", label: "オンライン資格確認を導入し、運用開始日を入力している", met: true, why: "運用開始日 令和7年6月1日 (2025-06-01)" },
  { id: "patients_asked", label: "患者さんにマイナ保険証の利用をお声がけした", met: true, why: "対象期間にお声がけ 7 人(2 日)" },
  {
    id: "flyer_or_poster",
    label: "チラシを配布した、またはポスターを掲示した",
    met: false,
    why: "対象期間(令和7年5月〜令和7年7月)のチラシ配布・ポスター掲示の記録がありません",
  },
];

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

export const MONTHS: readonly MonthUsage[] = [
  { monthText: "令和7年5月 (2025-05)", counts: { total: 0, myNumberCard: 0, ratePercent: 0 } },
  { monthText: "令和7年6月 (2025-06)", counts: { total: 40, myNumberCard: 9, ratePercent: 23 } },
  { monthText: "令和7年7月 (2025-07)", counts: { total: 52, myNumberCard: 13, ratePercent: 25 } },
];

export function grantOverview(overrides: Partial<GrantOverview> = {}): GrantOverview {
  return {
    program: grant(),
    dataAsOfText: "令和8年11月24日 (2026-11-24)",
    evaluation: { requirements: REQUIREMENTS.map((r) => ({ ...r })), allMet: false },
    startDateText: "令和7年6月1日 (2025-06-01)",
    inService: null,
    posters: POSTERS.map((p) => ({ ...p })),
    days: DAYS.map((d) => ({ ...d })),
    monthlyUsage: MONTHS.map((m) => ({ ...m, counts: { ...m.counts } })),
    reportNeeds: recorded.reportNeeds,
    today: "2026-11-29",
    ...overrides,
  };
}
