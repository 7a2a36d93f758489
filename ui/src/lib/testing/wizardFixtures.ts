// The 導入ガイド's fixtures are what Rust returns, recorded: the timelines by stage (recorded by
// `guide`'s test `recorded_timelines_are_fresh`) and the wizard's scenarios (./recordedWizard.ts,
// recorded by the screens crate). Nothing here decides a stage, a step's state or an answer.
import type { TimelineView } from "../../api";
import recordedTimelines from "./recorded/timeline.json";

/** The timelines Rust returns in each stage of adoption, recorded on 2026-12-06. */
export const TIMELINES = recordedTimelines as unknown as Record<TimelineScenario, TimelineView>;
export type TimelineScenario =
  | "not_applied"
  | "applied"
  | "approved"
  | "start_planned"
  | "start_typed_not_done"
  | "started"
  | "exempt";

export { recordedWizard, type WizardScenario } from "./recordedWizard";
