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

/** A block of a multi-line message from Rust: a paragraph, or a run of numbered steps. */
export type MessageBlock = { kind: "text"; text: string } | { kind: "steps"; steps: string[] };

/** Splits a message Rust wrote line by line (`\n`) into paragraphs and numbered steps
 *  (`1. …`), keeping every word: the startup error must be shown whole, path included. */
export function messageBlocks(message: string): MessageBlock[] {
  const blocks: MessageBlock[] = [];
  for (const line of message.split("\n")) {
    const step = /^\d+\.\s*(.*)$/.exec(line);
    const last = blocks[blocks.length - 1];
    if (step) {
      if (last?.kind === "steps") last.steps.push(step[1]);
      else blocks.push({ kind: "steps", steps: [step[1]] });
    } else if (line.trim()) {
      blocks.push({ kind: "text", text: line });
    }
  }
  return blocks;
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
