// Money as receipts and the subsidy forms print it (`¥41,000`, `-¥500`), the same text as Rust's
// `jptext::format_yen`, so an amount typed into a form reads exactly like the one Rust shows back.
// Reading typed amounts stays in format.ts (`parseYen`), re-exported here so amount code needs one
// import.

export { parseYen } from "./format";

/** `¥41,000`, `-¥1,000`, `¥0`. A fractional amount is cut to whole yen (no amount in the app has
 *  sen); meant for safe integers, as every amount the app handles is. */
export function formatYen(amount: number): string {
  if (!Number.isFinite(amount)) return "";
  const whole = Math.trunc(amount);
  const digits = String(Math.abs(whole));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return whole < 0 ? `-¥${grouped}` : `¥${grouped}`;
}
