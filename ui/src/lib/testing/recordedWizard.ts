// The 導入ガイド as Rust answers it, replayed: each scenario was recorded by the screens crate's
// test (src-tauri/crates/screens/tests/recorded.rs) from the real use cases on a temp store: the
// screen before and after each call staff make, and each call's answer or refusal. Nothing here
// decides anything: a read returns what Rust showed at that point, a call must be the next one
// recorded (else the test fails, naming both), and its answer is Rust's.
import type { AppError, NetCheck, PcCheck, StepState, StepStatus, Terminal, WizardOverview, WizardStepDetail } from "../../api";
import { ApiError } from "../../api";
import type { Backend } from "../backend";
import recorded from "./recorded/wizard.json";

type Version = { overview: number; details: Record<string, number> };
type Recorded = { call: string; args: unknown[]; result: { ok: unknown } | { error: AppError } };
type Scenario = { versions: Version[]; calls: Recorded[] };
const data = recorded as unknown as { today: string; pool: unknown[]; scenarios: Record<string, Scenario>; pcCheck: PcCheck };

/** The scenarios Rust recorded, by name. */
export type WizardScenario = keyof typeof recorded.scenarios;

/** Calls the page made that Rust did not record, for the test's own check after each test. */
export const replayProblems: string[] = [];

/** A value compared whatever the order of its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const STATE_OF: Record<StepStatus, StepState> = {
  not_started: "not_started",
  in_progress: "in_progress",
  done: "done",
  not_applicable: "not_started",
};

/** The internet check's answer (it reaches the network, so it is not recorded). */
const NOT_REACHABLE: NetCheck = {
  outcome: "not_reachable",
  label: "つながりません",
  message: "ポータルサイトのアドレスに接続できませんでした",
  nextAction: "LANケーブルやWi-Fiの接続、ルーターの電源を確かめてください。",
  address: "https://iryohokenjyoho.service-now.com/omf",
  elapsedMs: 1234,
};

/** The wizard of scenario `name`, replayed. */
export function recordedWizard(name: WizardScenario) {
  const scenario = data.scenarios[name];
  let version = 0;
  const at = <T>(i: number): T => structuredClone(data.pool[i]) as T;
  const overview = () => at<WizardOverview>(scenario.versions[version].overview);
  const detail = (id: string): WizardStepDetail => {
    const index = scenario.versions[version].details[id];
    if (index === undefined) {
      throw new ApiError({ code: "UnknownStep", message: `導入ガイドに「${id}」という手順はありません`, fields: [] });
    }
    const d = at<Omit<WizardStepDetail, "view"> & { view: number }>(index);
    return { ...d, view: at<WizardStepDetail["view"]>(d.view) };
  };

  function replay<T>(call: string, args: unknown[]): T {
    const next = scenario.calls[version];
    if (!next || next.call !== call || canonical(next.args) !== canonical(args)) {
      const recordedCall = next ? `${next.call}(${JSON.stringify(next.args)})` : "no further call";
      const problem = `${name}: the page called ${call}(${JSON.stringify(args)}); Rust recorded ${recordedCall}`;
      replayProblems.push(problem);
      throw new Error(problem);
    }
    version += 1;
    if ("error" in next.result) throw new ApiError(next.result.error);
    return next.result.ok as T;
  }

  const calls = {
    wizardOverview: async () => overview(),
    wizardStepDetail: async (id: string) => detail(id),
    saveWizardAnswer: async (step: string, key: string, value: string) => replay("saveWizardAnswer", [step, key, value]),
    setWizardStepState: async (id: string, to: StepState) => replay<null>("setWizardStepState", [id, to]),
    saveTerminal: async (id: number | null, input: Parameters<Backend["saveTerminal"]>[1]) =>
      replay<Terminal>("saveTerminal", [id, input]),
    deleteTerminal: async (id: number) => replay<null>("deleteTerminal", [id]),
    pcCheck: async () => structuredClone(data.pcCheck),
    internetCheck: async () => structuredClone(NOT_REACHABLE),
  } satisfies Partial<Backend>;

  return {
    calls,
    /** An answer as Rust stores it now ("" when none). */
    answer: (step: string, key: string) => detail(step).answers.find((a) => a.key === key)?.value ?? "",
    /** A step's state as Rust shows it now (対象外 reads as 未着手). */
    state: (id: string): StepState => STATE_OF[overview().steps.find((s) => s.id === id)!.status],
    /** The terminal accounts Rust keeps now. */
    terminals: () => detail("terminal_accounts").terminals,
    /** Calls recorded that the page has not made yet. */
    remaining: () => scenario.calls.length - version,
  };
}

/** The day the scenarios were recorded on, 和暦 with 西暦 as the screens show it. */
export const RECORDED_DAY_TEXT = "令和8年12月6日 (2026-12-06)";
