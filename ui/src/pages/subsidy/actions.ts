// What the 助成金 screen's parts share: the page's way to run a call to Rust (one after another,
// the overview loaded again after each change) and its one confirmation dialog. The page provides
// them under a context key; each part takes them with `useSubsidy()`.
import { getContext, setContext } from "svelte";
import type { PassbookVisible, ProofKind } from "../../api";

/** A question before something is removed: 「…を削除しますか?」. */
export type ConfirmRequest = { title: string; message: string; confirmLabel: string };

export type SubsidyActions = {
  /** A change in Rust: runs after every call started before it, then the overview is loaded again;
   *  resolves (or rejects with Rust's error) once the screen shows the new overview. */
  change<T>(task: () => Promise<T>): Promise<T>;
  /** A call that changes nothing stored (preview, save, print, the upload set): runs in turn with
   *  the changes, so it sees every change made before it. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Asks in the page's dialog; true when staff confirmed. */
  confirm(request: ConfirmRequest): Promise<boolean>;
  /** Whether the page is still shown (an answer after leaving is dropped). */
  alive(): boolean;
};

const KEY = Symbol("subsidy actions");

export function provideSubsidy(actions: SubsidyActions): void {
  setContext(KEY, actions);
}

export function useSubsidy(): SubsidyActions {
  const actions = getContext<SubsidyActions | undefined>(KEY);
  if (!actions) throw new Error("useSubsidy: the 助成金 page provides these actions");
  return actions;
}

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
