// What the 助成金 screen's parts share: the page's way to run a call to Rust (one after another,
// the overview loaded again after each change) and its one confirmation dialog
// (lib/pageActions.svelte.ts). The page provides them; each part takes them with `useSubsidy()`.
import type { PassbookVisible, ProofKind } from "../../api";
import { pageContext, type PageActions } from "../../lib/pageActions.svelte";

/** The page's calls (`change`, `run`), its confirmation dialog and `alive`: lib/pageActions. */
export type SubsidyActions = PageActions;

const context = pageContext<SubsidyActions>("助成金");

export const provideSubsidy: (actions: SubsidyActions) => void = context.provide;

export const useSubsidy: () => SubsidyActions = context.use;

/** What a paper attached to a 領収書 is, in the order offered. */
export const PROOF_KINDS: readonly { value: ProofKind; label: string }[] = [
  { value: "receipt", label: "領収書・レシート" },
  { value: "estimate", label: "見積書" },
  { value: "invoice", label: "請求書" },
  { value: "delivery_note", label: "納品書" },
];

/** What staff confirm is readable on the passbook copy, in the order printed on a passbook. */
export const PASSBOOK_ITEMS: readonly { key: keyof PassbookVisible; label: string }[] = [
  { key: "bank", label: "金融機関名" },
  { key: "branch", label: "支店名" },
  { key: "kind", label: "預金種別" },
  { key: "number", label: "口座番号" },
  { key: "holderKana", label: "口座名義(カナ)" },
];

/** A file size as staff read it in a list: `178 KB` (at least 1 KB). */
export function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("ja-JP")} KB`;
}
