// The 導入ガイド wizard's small rules for the screen: the Stepper's states, which inputs are shown,
// which step is next. Every rule that decides what is saved or what is needed stays in Rust; these
// only read what Rust sent.
import type { InputNeed, Route, StepAnswer, StepInput, StepStatus, WizardOverview } from "../../api";
import type { Step, StepState } from "../../lib/components/stepper";

/** The Stepper's state for a step's status. */
export const STEPPER_STATE: Record<StepStatus, StepState> = {
  not_started: "todo",
  in_progress: "doing",
  done: "done",
  not_applicable: "na",
};

/** The Stepper's list: each step with the guide's own number (手順0 …) and its state. */
export function stepperSteps(overview: WizardOverview): Step[] {
  return overview.steps.map((s) => ({ id: s.id, number: s.number, title: s.title, state: STEPPER_STATE[s.status] }));
}

/** The step to open first: where staff left off, else the first step. */
export function landingStep(overview: WizardOverview): string | null {
  return overview.resume ?? overview.steps[0]?.id ?? null;
}

/** The next step after `id` that applies on the clinic's route; null when there is none. */
export function nextApplicable(overview: WizardOverview, id: string): string | null {
  const at = overview.steps.findIndex((s) => s.id === id);
  if (at < 0) return null;
  return overview.steps.slice(at + 1).find((s) => s.status !== "not_applicable")?.id ?? null;
}

/** The stored answers by key. */
export function answersByKey(answers: readonly StepAnswer[]): Record<string, string> {
  return Object.fromEntries(answers.map((a) => [a.key, a.value]));
}

/** Whether an input is asked now: a `when` input only once its condition's answer is given. */
export function isShown(need: InputNeed, values: Record<string, string>): boolean {
  return need.kind !== "when" || (values[need.key] ?? "") === need.value;
}

/** Whether the field is marked 必須 (a `when` input is needed once it is shown). */
export function isRequired(input: StepInput): boolean {
  return input.need.kind === "required" || input.need.kind === "when";
}

/** The words for content shown on one route only (before the route is chosen, both are shown). */
export const ROUTE_ONLY: Record<Route, string> = {
  windows_pc: "Windowsパソコンの場合",
  mobile: "スマートフォン・タブレットの場合",
};

/** The id of a step's input on the page (and its message: `<id>-message`). */
export function inputId(step: string, key: string): string {
  return `wz-${step}-${key}`;
}
