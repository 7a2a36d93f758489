// The states of a multi-step flow's steps, and their words; shared by Stepper.svelte and the
// pages that build its list (plain TypeScript can import them, unlike a .svelte module script).

export type StepState = "todo" | "doing" | "done" | "na";
/** A step; `number` is the one the flow's own texts use (the guide counts from 手順0), else the
 *  step's place from 1. */
export type Step = { id: string; title: string; state: StepState; number?: number };

/** The words shown beside each step. */
export const STEP_STATE_LABEL: Record<StepState, string> = {
  todo: "未着手",
  doing: "進行中",
  done: "完了",
  na: "対象外",
};
