// Data shaped as the Rust side sends it, for component tests.
import type { HomeSummary, ProgramStatus } from "../../api";

export function subsidy(overrides: Partial<ProgramStatus> = {}): ProgramStatus {
  return {
    id: "equipment_subsidy_2025",
    kind: "subsidy",
    name: "柔整・あはき施術所用助成金",
    alsoCalled: "補助金",
    summary: "汎用カードリーダー、タブレット等の購入費",
    availability: { state: "closed" },
    label: "受付終了",
    periodLabel: null,
    periodText: null,
    windowLabel: "申請受付",
    windowFromText: null,
    windowToText: "令和8年1月15日 (2026-01-15)",
    windowSources: [],
    amountLabel: "上限額",
    amountText: "¥41,000",
    claimUnitText: "¥1,000",
    rules: [
      {
        id: "claim_in_thousands",
        text: "申請額は¥1,000単位です。",
        asOfText: "令和8年11月24日 (2026-11-24)",
        verified: false,
        source: { title: "オンライン資格確認補助金申請について", where: "n-s-c.co.jp のコラム", url: null, section: null },
      },
    ],
    sources: [{ title: "柔整・あはき施術所用助成金申請_手順書", where: "施術所等向け総合ポータルサイト", url: "https://iryohokenjyoho.service-now.com/omf", section: null }],
    verified: true,
    ...overrides,
  };
}

export function homeSummary(programs: ProgramStatus[]): HomeSummary {
  return {
    todayText: "令和8年11月29日 (2026-11-29)",
    clinicName: "さくら整骨院",
    setup: { done: 0, total: 9, next: null },
    todayChecks: { total: 0, myNumberCard: 0, ratePercent: 0 },
    programs: { asOfText: "令和8年11月24日 (2026-11-24)", programs },
  };
}
