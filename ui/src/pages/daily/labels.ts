// The words of 毎日の資格確認 for the values Rust sends as codes. No rule lives here: only how a
// code is read out on screen.
import type { CertStatus, CheckMethod, CheckResult, CheckSource, DemoCard, EligibilityRecord, PatientSex } from "../../api";

/** How a stored method reads on screen (the records of past days). Which methods can be chosen
 *  today, and their notes, come from Rust's dated data (`TodayChecks.methods`). */
export const METHODS: readonly { value: CheckMethod; label: string }[] = [
  { value: "my_number_card", label: "マイナ保険証" },
  { value: "my_number_card_with_notice", label: "マイナ保険証と資格情報のお知らせ" },
  { value: "eligibility_certificate", label: "資格確認書" },
  { value: "insurance_card", label: "保険証" },
  { value: "other", label: "その他" },
];

/** The outcomes staff pick after looking at the official app (or the document shown). */
export const RESULTS: readonly { value: CheckResult; label: string }[] = [
  { value: "ok", label: "資格を確認できた" },
  { value: "warning", label: "確認できたが要注意" },
  { value: "failed", label: "確認できなかった" },
];

export const DEMO_CARDS: readonly { value: DemoCard; label: string }[] = [
  { value: "valid", label: "有効なカード" },
  { value: "expires_soon", label: "期限が近いカード" },
  { value: "expired", label: "期限切れのカード" },
  { value: "last_try", label: "暗証番号 残り1回" },
  { value: "blocked", label: "暗証番号 ロック中" },
  { value: "other_card", label: "マイナンバーカード以外" },
];

/** The certificate's state as a badge: its colour class and its word. */
export const CERT_BADGE: Record<CertStatus, { state: string; label: string }> = {
  valid: { state: "open", label: "有効" },
  expires_soon: { state: "upcoming", label: "期限が近い" },
  expired: { state: "closed-error", label: "期限切れ" },
  not_yet_valid: { state: "upcoming", label: "有効期間前" },
};

export const methodLabel = (m: CheckMethod) => METHODS.find((x) => x.value === m)?.label ?? m;
export const resultLabel = (r: CheckResult) => RESULTS.find((x) => x.value === r)?.label ?? r;

/** Where a logged result came from: the card's pre-check is not a result of the official app. */
export const sourceLabel = (s: CheckSource) => (s === "card_read" ? "カード事前確認" : "スタッフ入力");

/** 負担割合 as the official app writes it: 30 → 「3割」. */
const burdenText = (percent: number | null) => (percent ? `${percent / 10}割` : "");

/** A record's card on one line: 保険者番号 記号 番号-枝番 負担割合. */
export const insuranceLine = (r: EligibilityRecord) => {
  const i = r.insurance;
  return `${i.insurerNumber} ${i.symbol} ${i.number}${i.branch ? `-${i.branch}` : ""} ${burdenText(i.burdenPercent)}`.replace(/ +/g, " ").trim();
};

/** 性別 as the card's codes are read out (ISO 5218). */
export const SEX_LABEL: Record<PatientSex, string> = { male: "男", female: "女", not_applicable: "適用不能", unknown: "不明" };
