// A small 導入ガイド wizard in memory, for component tests: the same steps, inputs and rules as the
// Rust side (`guide::wizard`, `guide::answers`, `commands::wizard`), shortened to what the screen
// needs. Answers are checked by their kind and saved; a step becomes 進行中 with its first answer;
// the route chosen in step 3 (`connection` / `route`) makes `pc_check` 対象外 for `mobile`; 完了 is
// refused with a message per missing input; terminal accounts are checked like the store does.
import { ApiError } from "../../api";
import type { Backend } from "../backend";
import type {
  DocLink,
  FactSource,
  FieldIssue,
  InputKind,
  InputNeed,
  NetCheck,
  PcCheck,
  Route,
  RowGroup,
  SavedAnswer,
  StepHelper,
  StepInput,
  StepState,
  StepStatus,
  StepView,
  Terminal,
  TerminalInput,
  TimelineView,
  WizardOverview,
  WizardStepDetail,
} from "../../api";
import { subsidy } from "./fixtures";
import recordedTimelines from "./recorded/timeline.json";

/** The timelines Rust returns in each stage of adoption, recorded by `guide`'s test
 *  `recorded_timelines_are_fresh` on 2026-12-06: the fake never decides the stage itself. */
export const TIMELINES = recordedTimelines as unknown as Record<TimelineScenario, TimelineView>;
export type TimelineScenario =
  | "not_applied"
  | "applied"
  | "approved"
  | "start_planned"
  | "start_typed_not_done"
  | "started"
  | "exempt";

const AS_OF = "2026-11-24";
/** The day every step was begun or finished in these tests. */
export const DAY_TEXT = "令和8年11月29日 (2026-11-29)";

export const SEED: FactSource = {
  title: "オンライン資格確認の導入案内(柔整・あはき施術所の団体による会員向けページ)",
  where: "会員向けページ(ページのアドレスは未確認)",
  url: null,
  part: "1.「オンライン資格確認」申請 ステップ.1",
  asOf: AS_OF,
  verified: true,
};
export const REPORT: FactSource = {
  title: "厚生労働省の説明(令和7年8月8日)についての全整協の報告",
  where: "zenseikyo.net(全整協)",
  url: null,
  part: null,
  asOf: AS_OF,
  verified: false,
};
export const PORTAL: DocLink = {
  id: "portal",
  title: "施術所等向け総合ポータルサイト",
  url: "https://iryohokenjyoho.service-now.com/omf",
  where: "厚生労働省の委託先が運営するサイト",
  what: "ユーザー登録と、利用開始申請をします。",
  asOf: AS_OF,
  verified: false,
};

type FakeStep = {
  id: string;
  title: string;
  inputs: StepInput[];
  rows?: RowGroup;
  helpers?: StepHelper[];
  skipOn?: { route: Route; reason: string };
  relatedProgram?: string;
  notes?: StepView["notes"];
  documents?: StepView["documents"];
  whatToDo?: StepView["whatToDo"];
};

const REQUIRED: InputNeed = { kind: "required" };
const OPTIONAL: InputNeed = { kind: "optional" };
const input = (key: string, label: string, kind: InputKind, need: InputNeed, more: Partial<StepInput> = {}): StepInput => ({
  key,
  label,
  kind,
  need,
  help: null,
  placeholder: null,
  only: null,
  ...more,
});
const confirm = (key: string, label: string) => input(key, label, { kind: "confirm" }, REQUIRED);
const date = (key: string, label: string, need: InputNeed = REQUIRED) => input(key, label, { kind: "date" }, need);
const yesNo = (ifYes: string | null, ifNo: string | null, readyOnlyIfYes = false): InputKind => ({
  kind: "yes_no",
  ifYes,
  ifNo,
  readyOnlyIfYes,
});

export const PC_NOT_NEEDED = "スマートフォン・タブレットで接続するため、パソコンの確認はいりません。";

/** The 11 steps, in order, with the inputs the Rust data gives them. */
export const STEPS: FakeStep[] = [
  {
    id: "standing",
    title: "いまの状況を確かめる",
    whatToDo: [{ text: "オンライン資格確認を始めていない施術所にこれから何が起きるとされているかを表示します。", only: null }],
    notes: [{ text: "令和8年12月頃に受領委任が止められる、とされています。", source: REPORT, only: null }],
    inputs: [
      confirm("timeline_seen", "期限の流れと、今日の位置を確かめた"),
      input(
        "exemption_declared",
        "やむを得ない事由を申し出ている",
        yesNo("申し出た日と理由を記録してください。", "手順1から導入を進めてください。"),
        REQUIRED,
      ),
      date("exemption_declared_on", "申し出た日", { kind: "when", key: "exemption_declared", value: "yes" }),
      input(
        "exemption_reason",
        "申し出た理由",
        {
          kind: "choice",
          options: [
            { value: "elderly_or_visual", label: "施術者の全員が高齢、または視覚に障害がある" },
            { value: "closing", label: "施術所の廃止・休止を決めた" },
            { value: "other", label: "そのほか" },
          ],
        },
        { kind: "when", key: "exemption_declared", value: "yes" },
      ),
      input("exemption_note", "理由のメモ", { kind: "text" }, OPTIONAL),
    ],
    helpers: [{ helper: "timeline", only: null }],
  },
  {
    id: "portal_user",
    title: "施術所等向け総合ポータルサイトにユーザー登録する",
    whatToDo: [
      { text: "施術所等向け総合ポータルサイトを開き、「ユーザー登録手順書」に沿ってユーザー登録をします。", only: null },
    ],
    notes: [
      { text: "登録記号番号は、受領委任の契約のときの記号番号です。", source: SEED, only: null },
      {
        text: "資格確認の端末は1台あれば問題ないと厚生労働省が回答した、と案内に書かれています。",
        source: { ...SEED, part: "4.Q&A Q5", verified: false },
        only: null,
      },
    ],
    documents: [{ link: PORTAL, only: null }],
    inputs: [
      input("reg_no_judo", "登録記号番号(柔整)", { kind: "reg_no", practice: "judo" }, { kind: "one_of", group: "reg_no" }),
      input("reg_no_ahaki", "登録記号番号(あはき)", { kind: "reg_no", practice: "ahaki" }, { kind: "one_of", group: "reg_no" }),
      date("registered_on", "ユーザー登録を申請した日"),
      confirm("confirmation_mail", "届いたメールのリンクを押して、登録を完了した"),
    ],
  },
  {
    id: "app_apply",
    title: "マイナ資格確認アプリの利用開始申請をする",
    inputs: [date("applied_on", "利用開始申請をした日"), date("approved_on", "審査が終わり、アプリが使えるようになった日")],
  },
  {
    id: "connection",
    title: "資格確認に使う機器を決める",
    whatToDo: [
      { text: "資格確認に使う機器を選びます。", only: null },
      { text: "スマートフォン・タブレットは、Wi-Fi または SIM でインターネットにつなぎます。", only: "mobile" },
    ],
    inputs: [
      input(
        "route",
        "資格確認に使う機器",
        {
          kind: "choice",
          options: [
            { value: "windows_pc", label: "Windowsパソコン(Windows 10・11)" },
            { value: "mobile", label: "スマートフォン・タブレット" },
          ],
        },
        REQUIRED,
      ),
      input("has_internet", "施術所にインターネット環境がある", yesNo("使う機器をインターネットにつなぎます。", "インターネットの契約が必要です。"), REQUIRED),
      input("has_rececon", "このパソコンにレセコンが入っている", yesNo(null, null), OPTIONAL, { only: "windows_pc" }),
      input("device_model", "使う端末の機種名", { kind: "text" }, OPTIONAL, { only: "mobile" }),
    ],
  },
  {
    id: "pc_check",
    title: "パソコンが要件を満たすか確かめる",
    inputs: [confirm("pc_confirmed", "このパソコンが要件を満たしていることを確かめた")],
    helpers: [{ helper: "pc_check", only: null }],
    skipOn: { route: "mobile", reason: PC_NOT_NEEDED },
  },
  {
    id: "internet",
    title: "インターネットにつながるか確かめる",
    inputs: [input("internet_ok", "資格確認に使う機器がインターネットにつながった", yesNo(null, "インターネットの契約が必要です。"), REQUIRED)],
    helpers: [{ helper: "internet_check", only: "windows_pc" }],
  },
  {
    id: "card_reader",
    title: "カードの読み取り方を決め、カードリーダーを用意する",
    inputs: [
      input("reader_model", "カードリーダーの製品名・型番", { kind: "text" }, REQUIRED, { only: "windows_pc" }),
      input(
        "mobile_reading",
        "マイナンバーカードの読み取り方",
        {
          kind: "choice",
          options: [
            { value: "nfc_alone", label: "端末だけで読み取る(NFC)" },
            { value: "bluetooth_reader", label: "Bluetoothのカードリーダーを組み合わせる" },
          ],
        },
        REQUIRED,
        { only: "mobile" },
      ),
    ],
    helpers: [{ helper: "reader_check", only: "windows_pc" }],
    relatedProgram: "equipment_subsidy_2025",
  },
  {
    id: "terminal_accounts",
    title: "端末ごとのアカウントとアプリユーザー設定情報を確かめる",
    inputs: [],
    rows: {
      key: "terminals",
      rowLabel: "端末",
      minRows: 1,
      columns: [
        input("account", "アカウントID", { kind: "text" }, REQUIRED, { placeholder: "W0000001" }),
        input("device", "使う端末", { kind: "text" }, REQUIRED, { placeholder: "例: 受付のパソコン、往療用のスマートフォン" }),
        confirm("settings_pdf_checked", "この端末の「アプリユーザー設定情報」(PDF)を確かめた"),
      ],
    },
  },
  {
    id: "app_setup",
    title: "マイナ資格確認アプリを入れて初期設定する",
    inputs: [confirm("app_installed", "資格確認に使うすべての端末に、アプリを入れた")],
  },
  {
    id: "test_read",
    title: "公式アプリで保険証情報が読み取れることを確かめる",
    inputs: [date("tested_on", "確かめた日"), confirm("read_in_official_app", "公式のマイナ資格確認アプリで、保険証情報が読み取れた")],
    helpers: [{ helper: "card_pre_check", only: "windows_pc" }],
  },
  {
    id: "start_date",
    title: "運用開始日を登録して、業務を始める",
    inputs: [date("start_date", "運用開始日(アプリを初めて業務で使う日)"), confirm("go_live", "マイナ資格確認アプリで業務を始めた(業務スタート)")],
  },
];

/** This PC as `pc_check` judges it: enough memory and CPU, too little storage. */
export function pcCheckResult(overrides: Partial<PcCheck> = {}): PcCheck {
  const source = { ...SEED, part: "4.Q&A Q4" };
  return {
    isWindows: true,
    verdicts: [
      {
        rule: { id: "os", label: "OS", requirement: "Windows 11・10(64ビット)", source },
        outcome: "pass",
        outcomeLabel: "満たしています",
        found: "Windows 11 Pro(64ビット)",
        message: "要件を満たしています。",
        nextAction: null,
      },
      {
        rule: { id: "memory", label: "メモリ", requirement: "4 GB 以上", source },
        outcome: "warn",
        outcomeLabel: "注意",
        found: "メモリを読み取れませんでした",
        message: "メモリの量を読み取れませんでした。",
        nextAction: "「設定」→「システム」→「バージョン情報」で、実装RAMを確かめてください。",
      },
      {
        rule: { id: "storage", label: "ストレージ", requirement: "160 GB 以上", source },
        outcome: "fail",
        outcomeLabel: "満たしていません",
        found: "ストレージ(システムドライブ) 128 GB(Windowsでは 119 GB と表示されます)",
        message: "要件に足りません。",
        nextAction: "ストレージが160 GB以上のパソコンを用意してください。",
      },
    ],
    ...overrides,
  };
}

/** What the clinic has done, to start a fake wizard from. */
export type WizardSeed = {
  /** Answers by step, then by key */
  answers?: Record<string, Record<string, string>>;
  /** Stored states; the order of the keys is the order they were touched (last: last touched) */
  states?: Record<string, Exclude<StepState, "not_started">>;
  terminals?: TerminalInput[];
  /** Which recorded timeline Rust would return (default: no application yet) */
  timeline?: TimelineScenario;
};

const validation = (fields: FieldIssue[]) =>
  new ApiError({ code: "Validation", message: fields.map((f) => f.message).join("\n"), fields });

const STATUS_LABEL: Record<StepStatus, string> = {
  not_started: "未着手",
  in_progress: "進行中",
  done: "完了",
  not_applicable: "対象外",
};

/** A wizard in memory and the backend calls that read and change it, as Rust's commands do. */
export function fakeWizard(seed: WizardSeed = {}) {
  const answers = new Map<string, Map<string, string>>(
    Object.entries(seed.answers ?? {}).map(([step, values]) => [step, new Map(Object.entries(values))]),
  );
  const states = new Map<string, { state: Exclude<StepState, "not_started">; touched: number }>();
  let clock = 0;
  for (const [id, state] of Object.entries(seed.states ?? {})) states.set(id, { state, touched: ++clock });
  let terminals: Terminal[] = [];
  let nextTerminal = 1;

  const stepOf = (id: string) => STEPS.find((s) => s.id === id);
  const answer = (step: string, key: string) => answers.get(step)?.get(key) ?? "";
  const route = (): Route | null => {
    const r = answer("connection", "route");
    return r === "windows_pc" || r === "mobile" ? r : null;
  };
  const applies = (s: FakeStep, r = route()) => !(s.skipOn && s.skipOn.route === r);
  const stateOf = (id: string): StepState => states.get(id)?.state ?? "not_started";
  const statusOf = (s: FakeStep): StepStatus => (applies(s) ? stateOf(s.id) : "not_applicable");
  const shown = (only: Route | null) => only === null || route() === null || only === route();
  const touch = (id: string, state: Exclude<StepState, "not_started"> | null) => {
    if (state) states.set(id, { state, touched: ++clock });
    else states.delete(id);
  };

  function missing(s: FakeStep): FieldIssue[] {
    const asked = s.inputs.filter((i) => shown(i.only));
    const issues: FieldIssue[] = [];
    for (const i of asked) {
      if (answer(s.id, i.key)) continue;
      const need = i.need;
      const needed =
        need.kind === "required" ||
        (need.kind === "when" && answer(s.id, need.key) === need.value) ||
        (need.kind === "one_of" &&
          !asked.some((o) => o.need.kind === "one_of" && o.need.group === need.group && answer(s.id, o.key)));
      if (!needed) continue;
      const message =
        i.kind.kind === "confirm"
          ? `「${i.label}」を確かめたら、チェックを入れてください`
          : i.kind.kind === "yes_no"
            ? `${i.label}かどうかを選んでください`
            : i.kind.kind === "choice"
            ? `${i.label}を選んでください`
            : `${i.label}を入力してください`;
      issues.push({ field: i.key, message });
    }
    if (s.rows && terminals.length < s.rows.minRows) {
      issues.push({ field: s.rows.key, message: `${s.rows.rowLabel}を${s.rows.minRows}つ以上登録してください` });
    }
    return issues;
  }

  function resume(): string | null {
    const list = STEPS.filter((s) => applies(s));
    const notDone = (s: FakeStep) => stateOf(s.id) !== "done";
    let last = -1;
    let lastAt = 0;
    list.forEach((s, i) => {
      const t = states.get(s.id)?.touched ?? 0;
      if (t > lastAt) [last, lastAt] = [i, t];
    });
    if (last < 0) return list.find(notDone)?.id ?? null;
    if (notDone(list[last])) return list[last].id;
    return (list.slice(last + 1).find(notDone) ?? list.find(notDone))?.id ?? null;
  }

  function timeline(): TimelineView {
    return TIMELINES[seed.timeline ?? "not_applied"];
  }

  function view(s: FakeStep): StepView {
    const r = route();
    return {
      number: STEPS.indexOf(s),
      id: s.id,
      title: s.title,
      applicability: applies(s) ? { kind: "applies" } : { kind: "not_applicable", reason: s.skipOn!.reason },
      whatToDo: (s.whatToDo ?? [{ text: `${s.title}。`, only: null }]).filter((t) => shown(t.only)),
      haveReady: [{ text: "ポータルサイトにログインできること", only: null }],
      notes: (s.notes ?? []).filter((n) => shown(n.only)),
      documents: (s.documents ?? []).filter((d) => shown(d.only)),
      inputs: s.inputs.filter((i) => i.only === null || r === null || i.only === r),
      rows: s.rows ?? null,
      helpers: (s.helpers ?? []).filter((h) => shown(h.only)),
      relatedProgram: s.relatedProgram ?? null,
      source: SEED,
    };
  }

  const unknown = (id: string) =>
    new ApiError({ code: "UnknownStep", message: `導入ガイドに「${id}」という手順はありません`, fields: [] });

  function checkAnswer(i: StepInput, raw: string): { value: string; warnings: FieldIssue[] } {
    const value = raw.trim();
    if (!value) return { value: "", warnings: [] };
    const refuse = (message: string) => {
      throw validation([{ field: i.key, message }]);
    };
    switch (i.kind.kind) {
      case "date":
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) refuse(`${i.label}は日付で入力してください(例: 令和8年11月29日、2026/11/29)`);
        break;
      case "yes_no":
        if (value !== "yes" && value !== "no") refuse(`${i.label}かどうかを、「はい」か「いいえ」で選んでください`);
        break;
      case "choice":
        if (!i.kind.options.some((o) => o.value === value)) refuse(`${i.label}は一覧から選んでください`);
        break;
      case "confirm":
        if (value !== "yes") refuse(`「${i.label}」はチェックを入れるか外すかで答えてください`);
        break;
      case "reg_no": {
        if (value.length > 30) refuse("登録記号番号が長すぎます(30文字以内)");
        const judo = i.kind.practice === "judo";
        if (judo && !/^[契協]/.test(value)) {
          return {
            value,
            warnings: [
              {
                field: i.key,
                message: "柔整の登録記号番号は「契」または「協」で始まります(例: 契2804440-0-0)。レセコンの表示とご確認ください",
              },
            ],
          };
        }
        break;
      }
      case "text":
        break;
    }
    return { value, warnings: [] };
  }

  function validTerminal(t: TerminalInput): TerminalInput {
    const issues: FieldIssue[] = [];
    const account = t.account
      .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .trim()
      .toUpperCase();
    if (!account) issues.push({ field: "account", message: "アカウントID(W0000001 の形)を入力してください" });
    else if (!/^W\d{7}$/.test(account)) {
      issues.push({
        field: "account",
        message: "アカウントIDは W と数字7桁です(例: W0000001)。ポータルの「マイナ資格確認アプリアカウント管理」に表示されます",
      });
    }
    const device = t.device.trim();
    if (!device) issues.push({ field: "device", message: "どの端末か(例: 受付のパソコン)を入力してください" });
    if (issues.length) throw validation(issues);
    return { account, device, settingsPdfChecked: t.settingsPdfChecked };
  }

  const calls = {
    async wizardOverview(): Promise<WizardOverview> {
      const r = route();
      const list = STEPS.filter((s) => applies(s));
      return {
        route: r,
        progress: {
          done: list.filter((s) => stateOf(s.id) === "done").length,
          applicable: list.length,
          currentStep: list.find((s) => stateOf(s.id) !== "done")?.id ?? null,
        },
        resume: resume(),
        steps: STEPS.map((s, number) => {
          const status = statusOf(s);
          return {
            number,
            id: s.id,
            title: s.title,
            status,
            statusLabel: STATUS_LABEL[status],
            doneOnText: stateOf(s.id) === "done" ? DAY_TEXT : null,
          };
        }),
        timeline: timeline(),
      };
    },
    async wizardStepDetail(id: string): Promise<WizardStepDetail> {
      const s = stepOf(id);
      if (!s) throw unknown(id);
      const status = statusOf(s);
      return {
        view: view(s),
        status,
        statusLabel: STATUS_LABEL[status],
        startedOnText: states.has(id) ? DAY_TEXT : null,
        doneOnText: stateOf(id) === "done" ? DAY_TEXT : null,
        answers: [...(answers.get(id) ?? new Map()).entries()].map(([key, value]) => ({ key, value })),
        missing: missing(s),
        terminals: s.rows ? terminals.map((t) => ({ ...t })) : [],
        relatedProgram: s.relatedProgram === "equipment_subsidy_2025" ? subsidy() : null,
      };
    },
    async saveWizardAnswer(step: string, key: string, value: string): Promise<SavedAnswer> {
      const s = stepOf(step);
      if (!s) throw unknown(step);
      const i = s.inputs.find((x) => x.key === key);
      if (!i) throw validation([{ field: key, message: `この手順に「${key}」という入力はありません` }]);
      const checked = checkAnswer(i, value);
      const values = answers.get(step) ?? new Map<string, string>();
      answers.set(step, values);
      if (checked.value) values.set(key, checked.value);
      else values.delete(key);
      const state = stateOf(step);
      touch(step, state === "not_started" ? "in_progress" : state);
      return { value: checked.value, warnings: checked.warnings };
    },
    async setWizardStepState(id: string, to: StepState): Promise<null> {
      const s = stepOf(id);
      if (!s) throw unknown(id);
      if (to === "done") {
        const m = missing(s);
        if (m.length) throw validation(m);
      }
      touch(id, to === "not_started" ? null : to);
      return null;
    },
    async saveTerminal(id: number | null, t: TerminalInput): Promise<Terminal> {
      const valid = validTerminal(t);
      if (terminals.some((x) => x.account === valid.account && x.id !== id)) {
        throw validation([{ field: "account", message: `${valid.account} はもう登録されています` }]);
      }
      const saved: Terminal = { id: id ?? nextTerminal++, ...valid, updatedAt: "2026-11-29T01:00:00Z" };
      terminals = id === null ? [...terminals, saved] : terminals.map((x) => (x.id === id ? saved : x));
      // As in Rust: a first terminal begins the step that records them.
      if (stateOf("terminal_accounts") === "not_started") touch("terminal_accounts", "in_progress");
      return saved;
    },
    async deleteTerminal(id: number): Promise<null> {
      terminals = terminals.filter((t) => t.id !== id);
      return null;
    },
    async pcCheck(): Promise<PcCheck> {
      return pcCheckResult();
    },
    async internetCheck(): Promise<NetCheck> {
      return {
        outcome: "not_reachable",
        label: "つながりません",
        message: "ポータルサイトのアドレスに接続できませんでした",
        nextAction: "LANケーブルやWi-Fiの接続、ルーターの電源を確かめてください。",
        address: "https://iryohokenjyoho.service-now.com/omf",
        elapsedMs: 1234,
      };
    },
  } satisfies Partial<Backend>;

  for (const t of seed.terminals ?? []) void calls.saveTerminal(null, t);

  return {
    calls,
    /** The stored answer of a step's input ("" when none). */
    answer,
    /** The stored state of a step. */
    state: stateOf,
    /** The terminal accounts stored. */
    terminals: () => terminals.map((t) => ({ ...t })),
  };
}
