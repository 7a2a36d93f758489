// 和暦 for date fields. Staff at the counter read and type dates in 和暦 (`令和8年11月29日`,
// `R8.11.29`), the portal and the official app in 西暦; every date is therefore shown with both
// (`令和8年11月29日 (2026-11-29)`), exactly as Rust's `jptext::format_date` prints it, so a date
// typed into a form and the same date coming back from Rust never read differently. `parseDate`
// reads what staff type into a date field and says in Japanese what is wrong when it cannot.

/** An era with the first day it was in force (ISO) and the 西暦 year its 元年 is. */
type Era = { name: string; letter: string; start: string; firstYear: number };

/** Newest first, as in `jptext::ERAS`. 明治 starts with the Gregorian calendar (明治6年), but its
 *  years are counted from 1868, its real 元年. */
const ERAS: readonly Era[] = [
  { name: "令和", letter: "R", start: "2019-05-01", firstYear: 2019 },
  { name: "平成", letter: "H", start: "1989-01-08", firstYear: 1989 },
  { name: "昭和", letter: "S", start: "1926-12-25", firstYear: 1926 },
  { name: "大正", letter: "T", start: "1912-07-30", firstYear: 1912 },
  { name: "明治", letter: "M", start: "1873-01-01", firstYear: 1868 },
];

const pad2 = (n: number) => String(n).padStart(2, "0");
const pad4 = (n: number) => String(n).padStart(4, "0");

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function isoOf(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

/** A real `YYYY-MM-DD` date as numbers, or null. */
function splitIso(iso: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

/** The era a date (ISO, zero-padded, so strings compare as dates) falls in; none before 1873. */
function eraOf(iso: string): Era | undefined {
  return ERAS.find((era) => iso >= era.start);
}

/** `令和8年` / `令和元年` for a date, or null before 明治6年 (Rust's `era_year_text`). */
function eraYearText(iso: string, y: number): string | null {
  const era = eraOf(iso);
  if (!era) return null;
  const year = y - era.firstYear + 1;
  return year === 1 ? `${era.name}元年` : `${era.name}${year}年`;
}

/** `令和8年11月29日` alone, for a sentence that already names the 西暦. */
function warekiOnly(iso: string): string {
  const date = splitIso(iso)!;
  return `${eraYearText(iso, date.y) ?? `${date.y}年`}${date.m}月${date.d}日`;
}

/** `令和8年11月29日 (2026-11-29)`; only the 西暦 before 明治6年; anything that is not an ISO date
 *  is returned as it is. Same text as Rust's `jptext::format_date`. */
export function formatWareki(iso: string): string {
  const date = splitIso(iso);
  if (!date) return iso;
  const year = eraYearText(iso, date.y);
  return year ? `${year}${date.m}月${date.d}日 (${iso})` : iso;
}

/** `令和7年5月 (2025-05)` for a `YYYY-MM` month, its era read on the month's first day (so
 *  `2019-05` is 令和元年5月 and `1989-01` 昭和64年1月). Same text as Rust's
 *  `jptext::format_year_month` given that day; anything else is returned as it is. */
export function formatWarekiMonth(yearMonth: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!m) return yearMonth;
  const first = `${yearMonth}-01`;
  const date = splitIso(first);
  if (!date) return yearMonth;
  const year = eraYearText(first, date.y);
  return year ? `${year}${date.m}月 (${yearMonth})` : yearMonth;
}

export type ParsedDate = { ok: true; iso: string } | { ok: false; message: string };

const EXAMPLES = "例: 2026/11/29、令和8年11月29日、R8.11.29";

/** Folds what an IME produces in a date field: full-width digits, letters and `／．－` become
 *  half-width, every dash a hyphen, and all blanks go. Only for this field: free text is never
 *  folded. */
function foldDateText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\u30FC\uFF70]/g, "-")
    .replace(/[\s\u3000]/g, "");
}

const SEP = "[-/.]";
const GREGORIAN = [
  new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`),
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
const ERA_NAMES = "令和|平成|昭和|大正|明治|[RHSTMrhstm]";
const WAREKI = [
  new RegExp(`^(${ERA_NAMES})(\\d{1,2}|元)${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`),
  new RegExp(`^(${ERA_NAMES})(\\d{1,2}|元)年(\\d{1,2})月(\\d{1,2})日?$`),
];

/** Checks month and day of a 西暦 date; the message when there is no such day. */
function checkDay(y: number, m: number, d: number): string | null {
  if (y < 1 || m < 1 || m > 12) return "その日付はありません（月は1から12までです）";
  if (d < 1 || d > daysInMonth(y, m)) return `その日付はありません（${y}年${m}月は${daysInMonth(y, m)}日までです）`;
  return null;
}

/** The last day of an era (the day before the next one began), as `31年4月30日`. */
function eraEndText(era: Era, next: Era): string {
  const start = splitIso(next.start)!;
  const prev = new Date(Date.UTC(start.y, start.m - 1, start.d - 1));
  const y = prev.getUTCFullYear();
  return `${y - era.firstYear + 1}年${prev.getUTCMonth() + 1}月${prev.getUTCDate()}日`;
}

/** Reads a date as staff type it: `2026-11-29`, `2026/11/29`, `2026年11月29日`, `20261129`,
 *  full-width digits, `令和8年11月29日`, `令和元年5月1日`, `R8.11.29`, `h31/4/30`, with or without
 *  blanks. The answer is the ISO date, or a Japanese message saying what is wrong: nothing typed,
 *  a day that does not exist (`2026-02-30`), an era year outside its era (`令和1年4月1日` is still
 *  平成), or text that is not a date. */
export function parseDate(text: string): ParsedDate {
  const folded = foldDateText(text);
  if (!folded) return { ok: false, message: "日付を入力してください" };

  for (const re of GREGORIAN) {
    const m = re.exec(folded);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const wrong = checkDay(y, mo, d);
    return wrong ? { ok: false, message: wrong } : { ok: true, iso: isoOf(y, mo, d) };
  }

  for (const re of WAREKI) {
    const m = re.exec(folded);
    if (!m) continue;
    const index = ERAS.findIndex((e) => e.name === m[1] || e.letter === m[1].toUpperCase());
    const era = ERAS[index];
    const eraYear = m[2] === "元" ? 1 : Number(m[2]);
    if (eraYear < 1) return { ok: false, message: `${era.name}0年はありません（最初の年は${era.name}元年です）` };
    const [y, mo, d] = [era.firstYear + eraYear - 1, Number(m[3]), Number(m[4])];
    const wrong = checkDay(y, mo, d);
    if (wrong) return { ok: false, message: wrong };
    const iso = isoOf(y, mo, d);
    if (iso < era.start) {
      if (era.name === "明治") {
        return { ok: false, message: "明治6年1月1日 (1873-01-01) より前の日付は入力できません" };
      }
      const start = splitIso(era.start)!;
      return {
        ok: false,
        message: `${era.name}は${start.y}年${start.m}月${start.d}日からです（${iso} は${warekiOnly(iso)}です）`,
      };
    }
    const next = ERAS[index - 1];
    if (next && iso >= next.start) {
      return {
        ok: false,
        message: `${era.name}は${eraEndText(era, next)}までです（${iso} は${warekiOnly(iso)}です）`,
      };
    }
    return { ok: true, iso };
  }

  return { ok: false, message: `日付として読み取れません（${EXAMPLES}）` };
}
