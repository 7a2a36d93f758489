// The clinic profile form's fields, in the order they are shown, and how a stored profile is put
// back into them.
import type { ClinicKind, ClinicProfile, ClinicProfileInput, FieldIssue } from "../../api";
import { messagesByField } from "../../lib/components/form";
import { postalCode } from "../../lib/format";

/** Rust's message shown beside a field: an error blocks saving, a warning does not. */
export type Issue = { message: string; error: boolean };

export type TextField = Exclude<keyof ClinicProfileInput, "kind">;

export const TEXT_FIELDS: {
  key: TextField;
  label: string;
  hint: string;
  autocomplete?: "postal-code" | "street-address" | "tel";
  inputmode?: "numeric" | "tel";
}[] = [
  { key: "name", label: "施術所名", hint: "例: さくら整骨院" },
  { key: "regNoJudo", label: "登録記号番号(柔整)", hint: "例: 契2804440-0-0。お使いのレセコンの施術者の登録画面などで確認できます" },
  { key: "regNoAhaki", label: "登録記号番号(あはき)", hint: "お使いのレセコンの施術者の登録画面などで確認できます。併設で番号が1つだけなら、どちらか一方で構いません" },
  { key: "postalCode", label: "郵便番号", hint: "7桁(例: 123-4567)。全角でも入力できます", inputmode: "numeric", autocomplete: "postal-code" },
  { key: "address", label: "住所", hint: "例: 兵庫県神戸市中央区加納町1-2-3", autocomplete: "street-address" },
  { key: "phone", label: "電話番号", hint: "市外局番から(例: 078-123-4567)", inputmode: "tel", autocomplete: "tel" },
  { key: "ownerName", label: "開設者名", hint: "例: 山田 太郎" },
];

export const KINDS: { value: ClinicKind; label: string }[] = [
  { value: "judo", label: "柔道整復(柔整)" },
  { value: "ahaki", label: "あん摩マッサージ指圧・はり・きゅう(あはき)" },
  { value: "both", label: "両方(併設)" },
];

/** Every field of the form, in the order shown: the first with an error is focused. */
export const FIELD_ORDER: readonly string[] = ["name", "kind", ...TEXT_FIELDS.slice(1).map((f) => f.key)];

export type ProfileText = Record<TextField, string>;

export function emptyText(): ProfileText {
  return { name: "", regNoJudo: "", regNoAhaki: "", postalCode: "", address: "", phone: "", ownerName: "" };
}

/** The profile as stored, shown so staff see what will be printed on forms: the 登録記号番号 as
 *  they typed it (with hyphens), the 郵便番号 as 123-4567. */
export function profileText(p: ClinicProfile): ProfileText {
  return {
    name: p.name,
    regNoJudo: p.regNoJudoTyped ?? p.regNoJudo ?? "",
    regNoAhaki: p.regNoAhakiTyped ?? p.regNoAhaki ?? "",
    postalCode: postalCode(p.postalCode),
    address: p.address,
    phone: p.phone,
    ownerName: p.ownerName,
  };
}

/** The line under a 登録記号番号: the form to type into the portal (no hyphens). */
export function portalLine(value: string | null | undefined): string {
  return value ? `ポータルに入力する形(ハイフンなし): ${value}` : "";
}

/** The message beside each field: its first error, else its first warning; only for the fields in
 *  `shown`. */
export function issuesByField(
  errors: readonly FieldIssue[],
  warnings: readonly FieldIssue[],
  shown: (field: string) => boolean,
): Record<string, Issue> {
  const error = messagesByField(errors);
  const warning = messagesByField(warnings);
  const issues: Record<string, Issue> = {};
  for (const field of FIELD_ORDER) {
    if (!shown(field)) continue;
    if (field in error) issues[field] = { message: error[field], error: true };
    else if (field in warning) issues[field] = { message: warning[field], error: false };
  }
  return issues;
}
