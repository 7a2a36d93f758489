// Display helpers for values the Rust side does not format already.

/** An RFC 3339 UTC timestamp as local `2026-11-27 18:05`. */
export function localDateTime(rfc3339: string): string {
  const t = new Date(rfc3339);
  if (Number.isNaN(t.getTime())) return rfc3339;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())} ${p(t.getHours())}:${p(t.getMinutes())}`;
}

/** `7桁` style postal code shown as `123-4567`. */
export function postalCode(digits: string): string {
  return /^\d{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : digits;
}

const FIELD_LABELS: Record<string, string> = {
  name: "施術所名",
  kind: "種別",
  regNoJudo: "登録記号番号(柔整)",
  regNoAhaki: "登録記号番号(あはき)",
  postalCode: "郵便番号",
  address: "住所",
  phone: "電話番号",
  ownerName: "開設者名",
  staffName: "スタッフ名",
  note: "メモ",
};

/** The Japanese label of a form field, for the audit log and summaries. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] || field;
}

/** A yen amount as staff type it (`39,800`, `３９８００円`, `¥39,800`) as a whole number of yen,
 *  or null when it is not one (letters, decimals, a minus sign, more than 9 digits). Only for
 *  amount fields: free text is never folded. */
export function parseYen(text: string): number | null {
  const digits = text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，円¥￥\s\u3000]/g, "");
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}
