// Form helpers for the field messages Rust sends ({field, message}): which message goes beside
// which field, and which field to focus first. No DOM here; the components show the messages.
import { tick } from "svelte";
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

/** A save Rust refused, shown on a form: its messages beside their fields and focus on the first
 *  of `fields` (controls with ids `${idPrefix}-${field}`); any other failure cleared from the fields
 *  and said as the form's own message. */
export async function showRefusal(
  error: unknown,
  fields: readonly string[],
  idPrefix: string,
  setErrors: (messages: FieldMessages) => void,
  setFormError: (message: string) => void,
): Promise<void> {
  if (!isValidation(error)) {
    setErrors({});
    setFormError(errorMessage(error));
    return;
  }
  const messages = messagesByField(fieldIssues(error));
  setErrors(messages);
  await tick();
  const first = firstField(messages, fields);
  if (first && fields.includes(first)) document.getElementById(`${idPrefix}-${first}`)?.focus();
}
