// Form helpers for the field messages Rust sends ({field, message}): which message goes beside
// which field, and which field to focus first. No DOM here; the components show the messages.
import type { FieldIssue } from "../../api";

/** One message per field name. */
export type FieldMessages = Record<string, string>;

/** The messages by field; when Rust gives a field more than one, the first is shown. */
export function messagesByField(issues: readonly FieldIssue[]): FieldMessages {
  const messages: FieldMessages = {};
  for (const issue of issues) {
    if (!(issue.field in messages)) messages[issue.field] = issue.message;
  }
  return messages;
}

function isIssue(value: unknown): value is FieldIssue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as FieldIssue).field === "string" &&
    typeof (value as FieldIssue).message === "string"
  );
}

/** The field problems of a failure (an ApiError's `fields`); none for any other failure. */
export function fieldIssues(error: unknown): FieldIssue[] {
  const fields = (error as { fields?: unknown } | null | undefined)?.fields;
  return Array.isArray(fields) ? fields.filter(isIssue) : [];
}

/** Whether Rust refused a form for what was typed (code `Validation`), rather than failing. */
export function isValidation(error: unknown): boolean {
  return (error as { code?: unknown } | null | undefined)?.code === "Validation";
}

/** The text of any failure, for a status line or a toast. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The first field, in the form's order, that has a message; then any other field with one (a
 *  field the form does not know), so a message is never ignored; null when none has. */
export function firstField(messages: FieldMessages, order: readonly string[]): string | null {
  return order.find((field) => field in messages) ?? Object.keys(messages)[0] ?? null;
}
