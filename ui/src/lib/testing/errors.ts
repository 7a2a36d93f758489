// What a fake may refuse with: only a code Rust can return for that command
// (`recorded/errors.json`, written by `src-tauri/tests/error_codes.rs`), so a page is never
// tested against a refusal that cannot happen, nor kept from one that can.
import { ApiError, type ErrorCode, type FieldIssue } from "../../api";
import table from "./recorded/errors.json";

/** The UI's name of a command (`setSubsidyStatus`). */
export type CommandName = keyof typeof table;

/** A refusal of `command` as the UI receives it; a code the command never returns fails the test. */
export function refusal(command: CommandName, code: ErrorCode, message: string, fields: FieldIssue[] = []): ApiError {
  const codes: readonly string[] = table[command];
  if (!codes.includes(code)) throw new Error(`${command} never refuses with ${code} (recorded/errors.json)`);
  return new ApiError({ code, message, fields });
}
