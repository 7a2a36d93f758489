import { configure, render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WizardOverview } from "../api";
import { BACKEND_KEY, type Backend } from "../lib/backend";
import { fakeBackend } from "../lib/testing/fakeBackend";
import { RECORDED_DAY_TEXT, recordedWizard, replayProblems, type WizardScenario } from "../lib/testing/recordedWizard";
import { clearToasts, toasts } from "../lib/toast.svelte";
import Guide from "./Guide.svelte";
import { refusal as refuse } from "../lib/testing/errors";

/** The page on scenario `name` as Rust recorded it; every call is a spy. */
function page(name: WizardScenario = "new_clinic", extra: Partial<Backend> = {}) {
  const wizard = recordedWizard(name);
  const calls = {
    wizardOverview: vi.fn(wizard.calls.wizardOverview),
    wizardStepDetail: vi.fn(wizard.calls.wizardStepDetail),
    saveWizardAnswer: vi.fn(wizard.calls.saveWizardAnswer),
    setWizardStepState: vi.fn(wizard.calls.setWizardStepState),
    saveTerminal: vi.fn(wizard.calls.saveTerminal),
    deleteTerminal: vi.fn(wizard.calls.deleteTerminal),
    pcCheck: vi.fn(wizard.calls.pcCheck),
    internetCheck: vi.fn(wizard.calls.internetCheck),
  };
  const onready = vi.fn();
  const backend = fakeBackend({ ...calls, ...extra });
  const view = render(Guide, { props: { onready }, context: new Map([[BACKEND_KEY, backend]]) });
  return { wizard, calls, onready, user: userEvent.setup(), ...view };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const stepHeading = (name: RegExp) => screen.findByRole("heading", { level: 2, name });
const stepper = () => screen.getByRole("navigation", { name: "導入の手順" });
const stepButton = (id: string) => stepper().querySelector<HTMLButtonElement>(`button[data-step="${id}"]`)!;
const stepLine = (id: string) => stepButton(id).textContent!.replace(/\s+/g, " ").trim();
const statusBadge = () => document.getElementById("step-status")!.textContent;
const lead = () => document.querySelector(".lead")!.textContent;
const message = (step: string, key: string) => document.getElementById(`wz-${step}-${key}-message`)!;
/** What a status line says now ("" before its first action). */
const said = (id: string) => document.getElementById(id)!.textContent!.trim();

afterEach(() => {
  // What staff did is said under its buttons, never in a toast.
  const raised = toasts.list.map((t) => t.message);
  clearToasts();
  expect(raised).toEqual([]);
  // Every call the page made was one Rust recorded, in that order.
  expect(replayProblems.splice(0)).toEqual([]);
});
// Each save is followed by two reads, as in the app: on a busy two-core machine that can take
// longer than the default second.
configure({ asyncUtilTimeout: 4000 });

describe("導入ガイド", () => {
  it("opens on the step where staff left off, with the steps, their states and the timeline banner", async () => {
    const { onready, calls } = page("resume_portal_user");

    expect(await stepHeading(/ユーザー登録する$/)).toHaveProperty(
      "textContent",
      "手順1 施術所等向け総合ポータルサイトにユーザー登録する",
    );
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("導入ガイド");
    expect(calls.wizardStepDetail).toHaveBeenCalledWith("portal_user");
    expect(stepButton("portal_user").getAttribute("aria-current")).toBe("step");
    const buttons = within(stepper()).getAllByRole("button");
    expect(buttons).toHaveLength(11);
    expect(stepLine("standing")).toBe("0 いまの状況を確かめる 完了");
    expect(stepLine("portal_user")).toBe("1 施術所等向け総合ポータルサイトにユーザー登録する 進行中");
    expect(stepLine("app_apply")).toBe("2 マイナ資格確認アプリの利用開始申請をする 未着手");
    expect(lead()).toBe("1 / 11 手順 完了");
    expect(statusBadge()).toBe("進行中");
    expect(screen.getByTestId("started-on").textContent).toBe(`開始: ${RECORDED_DAY_TEXT}`);

    const banner = document.getElementById("timeline-banner")!;
    expect(banner.textContent).toContain("マイナ資格確認アプリの利用開始申請が、まだ記録されていません。");
    expect(banner.textContent).toContain("いまは令和8年12月頃 (2026-12)の「受領委任の取扱いの中止」の時期です。");
    expect(within(banner).getByRole("link", { name: /^今日、手順1/ }).getAttribute("href")).toBe("#/guide?step=portal_user");

    // What to do, the notes with their sources (未確認 when relayed), the documents as links.
    const notes = document.querySelector("[data-part=notes]")!;
    const items = notes.querySelectorAll("li");
    expect(items[0].textContent).toContain("出典: オンライン資格確認の導入案内");
    expect(items[0].textContent).not.toContain("未確認");
    expect(items[1].textContent).not.toContain("未確認");
    expect(items[3].textContent, "a relayed answer").toContain("未確認");
    const link = within(document.querySelector<HTMLElement>("[data-part=documents]")!).getByRole("link", {
      name: "施術所等向け総合ポータルサイト",
    });
    expect(link.getAttribute("href")).toBe("https://iryohokenjyoho.service-now.com/omf");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noreferrer");
    expect(link.closest("li")!.textContent).toContain("ユーザー登録、利用開始申請、資格確認アカウント管理、運用開始日登録をします");
    expect(link.closest("li")!.textContent).toContain("未確認");
    expect(onready).toHaveBeenCalledOnce();
  });

  it("a new clinic starts at step 0, which shows the whole timeline with today on it", async () => {
    page();
    await stepHeading(/いまの状況を確かめる$/);
    const timeline = document.querySelector<HTMLElement>("[data-helper=timeline]")!;
    const milestones = [...timeline.querySelectorAll("[data-milestone]")];
    expect(milestones.map((m) => m.getAttribute("data-milestone"))).toEqual(["group_guidance", "warning", "stop"]);
    expect(milestones[0].textContent).toContain("令和8年1月頃 (2026-01)");
    expect(milestones[0].textContent).toContain("過ぎました");
    expect(milestones[2].getAttribute("aria-current")).toBe("step");
    // Today (2026-12-06, as recorded) is inside the last period.
    expect(milestones[2].querySelector("[data-today]")!.textContent).toBe("今日はこの時期です");
    expect(milestones[2].textContent).toContain("受領委任の取扱いの中止");
    expect(timeline.textContent).toContain("手順10で、ポータルサイトに登録した運用開始日");
    expect(timeline.textContent).toContain("出典: 厚生労働省の説明(令和7年8月8日)についての全整協の報告未確認");
    const kinki = within(timeline).getByRole("link", { name: "近畿厚生局 柔道整復の受領委任・オンライン資格確認" });
    expect(kinki.getAttribute("target")).toBe("_blank");
  });

  it("a phone or tablet clinic sees the PC check as 対象外, left out of the progress and skipped by 次の手順へ", async () => {
    const { user, calls } = page("phone_route");
    await stepHeading(/インターネットにつながるか確かめる$/);
    expect(stepLine("pc_check")).toBe("4 パソコンが要件を満たすか確かめる 対象外");
    expect(lead()).toBe("4 / 10 手順 完了(対象外の手順は数えていません)");
    expect(within(stepper()).getByText("4 / 10 完了")).toBeTruthy();
    // On a phone, the internet step offers no PC connection check.
    expect(document.querySelector("[data-helper=internet_check]")).toBeNull();

    await user.click(stepButton("pc_check"));
    await stepHeading(/パソコンが要件を満たすか確かめる$/);
    expect(statusBadge()).toBe("対象外");
    expect(screen.getByTestId("na-reason").textContent).toBe("対象外です。スマートフォン・タブレットで接続するため、パソコンの確認はいりません。");
    expect(screen.queryByRole("button", { name: "この手順を完了にする" })).toBeNull();
    expect(screen.queryByRole("button", { name: "このパソコンを調べる" })).toBeNull();

    await user.click(stepButton("connection"));
    await stepHeading(/資格確認に使う機器を決める$/);
    expect(document.activeElement).toBe(document.getElementById("step-heading"));
    await user.click(screen.getByRole("button", { name: "次の手順へ" }));
    await stepHeading(/インターネットにつながるか確かめる$/);
    expect(calls.wizardStepDetail.mock.calls.map((c) => c[0]).slice(-1)).toEqual(["internet"]);
  });

  it("choosing the route in step 3 makes the PC check 対象外 at once", async () => {
    const { user, wizard } = page("choose_phone_route");
    await stepHeading(/資格確認に使う機器を決める$/);
    expect(stepLine("pc_check")).toContain("未着手");
    await user.click(screen.getByLabelText("スマートフォン・タブレット"));
    await waitFor(() => expect(stepLine("pc_check")).toContain("対象外"));
    expect(wizard.answer("connection", "route")).toBe("mobile");
    expect(lead()).toBe("3 / 10 手順 完了(対象外の手順は数えていません)");
    // The step's own inputs follow the route: the phone's model is asked, the レセコン is not.
    expect(await screen.findByLabelText("使う端末の機種名")).toBeTruthy();
    expect(screen.queryByText("このパソコンにレセコンが入っている")).toBeNull();
  });

  it("an answer is saved at once and the step becomes 進行中; はい shows the inputs it needs and what to do next", async () => {
    const { user, calls, wizard } = page("exemption_answers");
    await stepHeading(/いまの状況を確かめる$/);
    expect(statusBadge()).toBe("未着手");
    expect(screen.queryByText("申し出た日")).toBeNull();
    expect(screen.queryByRole("radiogroup", { name: /申し出た理由/ })).toBeNull();

    await user.click(within(screen.getByRole("radiogroup", { name: /やむを得ない事由を申し出ている/ })).getByLabelText("はい"));
    expect(calls.saveWizardAnswer).toHaveBeenCalledWith("standing", "exemption_declared", "yes");
    await waitFor(() => expect(statusBadge()).toBe("進行中"));
    expect(stepLine("standing")).toContain("進行中");
    expect(wizard.state("standing")).toBe("in_progress");
    expect(document.querySelector("[data-next-action]")!.textContent).toBe("次にすること: 申し出た日と理由を記録してください。");
    expect(screen.getByLabelText(/^申し出た日/)).toBeTruthy();
    const reason = screen.getByRole("radiogroup", { name: /申し出た理由/ });
    await user.click(within(reason).getByLabelText(/施術所の廃止・休止を決めている/));
    expect(calls.saveWizardAnswer).toHaveBeenLastCalledWith("standing", "exemption_reason", "closing");

    await user.click(within(screen.getByRole("radiogroup", { name: /やむを得ない事由を申し出ている/ })).getByLabelText("いいえ"));
    await waitFor(() => expect(screen.queryByRole("radiogroup", { name: /申し出た理由/ })).toBeNull());
    expect(document.querySelector("[data-next-action]")!.textContent).toBe("次にすること: 手順1から導入を進めてください。");
  });

  it("a refused 登録記号番号 shows Rust's message beside the field and keeps what was typed; advice is amber", async () => {
    const { user, wizard } = page("reg_no");
    await stepHeading(/ユーザー登録する$/);
    const judo = screen.getByLabelText(/^登録記号番号\(柔整\)/) as HTMLInputElement;
    const tooLong = "契".padEnd(31, "1");
    await user.click(judo);
    await user.paste(tooLong);
    await user.tab();
    await waitFor(() => expect(message("portal_user", "reg_no_judo").textContent).toBe("登録記号番号が長すぎます(30文字以内)"));
    expect(message("portal_user", "reg_no_judo").className).toContain("error");
    expect(judo.getAttribute("aria-invalid")).toBe("true");
    expect(judo.value).toBe(tooLong);
    expect(wizard.answer("portal_user", "reg_no_judo")).toBe("");

    await user.clear(judo);
    await user.type(judo, " 2804440-0-0 {Enter}");
    await waitFor(() => expect(message("portal_user", "reg_no_judo").className).toContain("warning"));
    expect(message("portal_user", "reg_no_judo").textContent).toContain("「契」または「協」で始まります");
    expect(judo.getAttribute("aria-invalid")).toBeNull();
    expect(wizard.answer("portal_user", "reg_no_judo")).toBe("2804440-0-0");
    expect(judo.value).toBe("2804440-0-0");
  });

  it("完了 refused lists what is missing beside each input and focuses the first; filled in, it completes", async () => {
    const { user, calls, wizard } = page("complete_portal_user");
    await stepHeading(/ユーザー登録する$/);
    expect(document.getElementById("step-missing")!.getAttribute("role")).toBeNull();

    await user.click(screen.getByRole("button", { name: "この手順を完了にする" }));
    expect(calls.setWizardStepState).toHaveBeenCalledWith("portal_user", "done");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("完了にできませんでした。");
    expect([...alert.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "登録記号番号(柔整)を入力してください",
      "登録記号番号(あはき)を入力してください",
      "ユーザー登録を申請した日を入力してください",
      "「届いたメールのリンクを押して、登録を完了した」を確かめたら、チェックを入れてください",
    ]);
    expect(message("portal_user", "registered_on").textContent).toBe("ユーザー登録を申請した日を入力してください");
    expect(message("portal_user", "confirmation_mail").textContent).toContain("チェックを入れてください");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^登録記号番号\(柔整\)/)));
    expect(wizard.state("portal_user")).toBe("not_started");
    expect(said("step-state-status"), "the refusal is the list of what is missing").toBe("");

    // A date as staff write it, saved as ISO when the field is left.
    await user.type(screen.getByLabelText(/^登録記号番号\(あはき\)/), "1234567{Enter}");
    const day = screen.getByLabelText(/^ユーザー登録を申請した日/);
    await user.type(day, "令和8年11月20日");
    await user.tab();
    await waitFor(() => expect(wizard.answer("portal_user", "registered_on")).toBe("2026-11-20"));
    expect(message("portal_user", "registered_on").textContent).toBe("");
    await user.click(screen.getByLabelText(/届いたメールのリンクを押して/));
    await waitFor(() => expect(wizard.answer("portal_user", "confirmation_mail")).toBe("yes"));
    await waitFor(() => expect(document.getElementById("step-missing")).toBeNull());

    await user.click(screen.getByRole("button", { name: "この手順を完了にする" }));
    await waitFor(() => expect(statusBadge()).toBe("完了"));
    expect(stepLine("portal_user")).toContain("完了");
    expect(lead()).toBe("2 / 11 手順 完了");
    expect(said("step-state-status")).toBe("この手順を完了にしました");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "次の手順へ" }));

    await user.click(screen.getByRole("button", { name: "進行中に戻す" }));
    await waitFor(() => expect(statusBadge()).toBe("進行中"));
    expect(wizard.state("portal_user")).toBe("in_progress");
    expect(said("step-state-status")).toBe("この手順を進行中に戻しました");
  });

  it("an answer that could not be saved, or a step that could not be shown, says why under it", async () => {
    const saveWizardAnswer = vi.fn(async () => Promise.reject(refuse("saveWizardAnswer", "Database", "データベースに書き込めませんでした")));
    const recorded = recordedWizard("new_clinic");
    const wizardStepDetail = vi.fn(async (id: string) => {
      if (id === "portal_user") throw refuse("wizardStepDetail", "Database", "データベースを読み取れませんでした");
      return recorded.calls.wizardStepDetail(id);
    });
    const { user } = page("new_clinic", { saveWizardAnswer, wizardStepDetail });
    await stepHeading(/いまの状況を確かめる$/);
    expect(said("answers-status")).toBe("");
    await user.click(within(screen.getByRole("radiogroup", { name: /やむを得ない事由を申し出ている/ })).getByLabelText("はい"));
    await waitFor(() => expect(said("answers-status")).toContain("データベースに書き込めませんでした"));
    expect(document.getElementById("answers-status")!.className).toContain("error");

    await user.click(stepButton("portal_user"));
    await waitFor(() => expect(said("step-load-status")).toContain("データベースを読み取れませんでした"));
    // The step shown stays the one that was open.
    expect(screen.getByRole("heading", { level: 2, name: /いまの状況を確かめる$/ })).toBeTruthy();
  });

  it("an emptied date clears its answer; a date it cannot read is not sent", async () => {
    const { user, calls, wizard } = page("empty_a_date");
    await stepHeading(/利用開始申請をする$/);
    const applied = screen.getByLabelText(/^利用開始申請をした日/) as HTMLInputElement;
    expect(applied.value).toBe("2026-11-01");
    await user.clear(applied);
    await user.tab();
    await waitFor(() => expect(wizard.answer("app_apply", "applied_on")).toBe(""));
    expect(calls.saveWizardAnswer).toHaveBeenLastCalledWith("app_apply", "applied_on", "");

    calls.saveWizardAnswer.mockClear();
    const approved = screen.getByLabelText(/^審査が終わり/);
    await user.type(approved, "令和8年13月");
    await user.tab();
    await tick();
    expect(calls.saveWizardAnswer).not.toHaveBeenCalled();
  });

  it("terminal accounts: added, refused beside the row's fields, saved and deleted; no password field", async () => {
    const { user, calls, wizard } = page("terminals");
    await stepHeading(/ユーザー登録する$/);
    await user.click(stepButton("terminal_accounts"));
    await stepHeading(/アカウントとアプリユーザー設定情報を確かめる$/);
    const table = screen.getByRole("table", { name: "端末ごとのアカウント" });
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      "アカウントID",
      "端末",
      "設定情報PDFを確認",
      "保存",
      "操作",
    ]);
    expect(table.textContent).toContain("まだ登録されていません");
    expect(document.querySelector("[data-missing=terminals]")!.textContent).toBe("端末を1つ以上登録してください");

    await user.click(screen.getByRole("button", { name: "端末を追加" }));
    const account = screen.getByLabelText("マイナ資格確認アプリのアカウントID(1行目)") as HTMLInputElement;
    expect(document.activeElement).toBe(account);
    await user.type(account, "X12");
    await user.click(screen.getByRole("button", { name: "1行目を保存" }));
    await waitFor(() => expect(table.textContent).toContain("アカウントIDは W と数字7桁です"));
    expect(table.textContent).toContain("どの端末か(例: 受付のパソコン)を入力してください");
    expect(account.getAttribute("aria-invalid")).toBe("true");
    expect(account.value).toBe("X12");
    expect(document.activeElement).toBe(account);
    expect(said("terminal-status"), "the refusal is said in the row").toBe("");

    await user.clear(account);
    await user.type(account, "ｗ０００００01");
    await user.click(screen.getByLabelText(/アプリユーザー設定情報.*\(1行目\)/));
    await user.type(screen.getByLabelText("使う端末(1行目)"), "受付のパソコン{Enter}");
    await waitFor(() => expect(wizard.terminals()).toHaveLength(1));
    expect(calls.saveTerminal).toHaveBeenLastCalledWith(null, {
      account: "ｗ０００００01",
      device: "受付のパソコン",
      settingsPdfChecked: true,
    });
    await waitFor(() => expect(account.value).toBe("W0000001"));
    expect(said("terminal-status")).toBe("端末「受付のパソコン」を保存しました");
    expect(account.getAttribute("aria-invalid")).toBeNull();
    expect(table.textContent).not.toContain("未保存");
    // The step's missing list is asked for again: a row is there now.
    await waitFor(() => expect(document.querySelector("[data-missing=terminals]")).toBeNull());
    expect(document.querySelector("input[type=password]")).toBeNull();

    await user.click(screen.getByRole("button", { name: "1行目を削除" }));
    expect(calls.deleteTerminal).toHaveBeenCalledWith(1);
    await waitFor(() => expect(table.textContent).toContain("まだ登録されていません"));
    expect(wizard.terminals()).toEqual([]);
    expect(said("terminal-status")).toBe("端末「受付のパソコン」を削除しました");
  });

  it("完了 of the terminal step without a row says so beside the table", async () => {
    const { user } = page("terminals_none_done");
    await stepHeading(/ユーザー登録する$/);
    await user.click(stepButton("terminal_accounts"));
    await stepHeading(/アカウントとアプリユーザー設定情報を確かめる$/);
    await user.click(screen.getByRole("button", { name: "この手順を完了にする" }));
    await waitFor(() => expect(document.getElementById("wz-terminals-message")!.textContent).toBe("端末を1つ以上登録してください"));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "端末を追加" }));
  });

  it("the PC check shows each requirement's verdict, the figure found and what to do", async () => {
    const { user, calls } = page("pc_route_to_pc_check");
    await stepHeading(/パソコンが要件を満たすか確かめる$/);
    await user.click(screen.getByRole("button", { name: "このパソコンを調べる" }));
    expect(calls.pcCheck).toHaveBeenCalledOnce();
    const memory = await waitFor(() => document.querySelector<HTMLElement>("[data-rule=memory]")!);
    expect(memory.querySelector(".badge")!.textContent).toBe("注意");
    expect(memory.textContent).toContain("メモリの量が読み取れませんでした。");
    expect(memory.textContent).toContain("次にすること: メモリが 4 GB 以上か、パソコンのメーカーや販売店に確かめてください。");
    const os = document.querySelector<HTMLElement>("[data-rule=os]")!;
    expect(os.querySelector(".badge")!.textContent).toBe("満たしています");
    expect(os.textContent).not.toContain("次にすること");
    const storage = document.querySelector<HTMLElement>("[data-rule=storage]")!;
    expect(storage.querySelector(".badge")!.textContent).toBe("満たしていません");
    expect(storage.textContent).toContain("ストレージ(システムドライブ) 128 GB");
    expect(storage.textContent).toContain("要件: 160 GB 以上");
    expect(screen.queryByTestId("pc-not-windows")).toBeNull();
  });

  it("the helpers for the reader and the card pre-check send staff to 毎日の資格確認, and say what the pre-check is not", async () => {
    const { user } = page("standing_done");
    await stepHeading(/ユーザー登録する$/);
    await user.click(stepButton("test_read"));
    await stepHeading(/読み取れることを確かめる$/);
    const helper = document.querySelector<HTMLElement>("[data-helper=card_pre_check]")!;
    expect(within(helper).getByRole("link", { name: "毎日の資格確認" }).getAttribute("href")).toBe("#/daily");
    expect(helper.textContent).toContain("証明にはなりません");
    await user.click(stepButton("internet"));
    await stepHeading(/インターネットにつながるか確かめる$/);
    // The internet check asks Rust and shows its words and what to do.
    await user.click(screen.getByRole("button", { name: "インターネットにつながるか調べる" }));
    await waitFor(() => expect(document.getElementById("internet-check-result")!.dataset.outcome).toBe("not_reachable"));
    const net = document.querySelector<HTMLElement>("[data-helper=internet_check]")!;
    expect(net.textContent).toContain("つながりません");
    expect(net.textContent).toContain("次にすること: LANケーブル");
    expect(net.textContent).toContain("1.2秒");
  });

  it("a 完了 pressed while an answer is still being saved reaches Rust after that answer", async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const wizard = recordedWizard("held_save");
    const { user } = page(
      "held_save",
      {
        ...wizard.calls,
        saveWizardAnswer: async (step: string, key: string, value: string) => {
          order.push(`save ${key}`);
          await held;
          return wizard.calls.saveWizardAnswer(step, key, value);
        },
        setWizardStepState: async (id: string, to: Parameters<Backend["setWizardStepState"]>[1]) => {
          order.push(`state ${to}`);
          return wizard.calls.setWizardStepState(id, to);
        },
      },
    );
    await stepHeading(/ユーザー登録する$/);
    await user.click(screen.getByLabelText(/届いたメールのリンクを押して/));
    await user.click(screen.getByRole("button", { name: "この手順を完了にする" }));
    await tick();
    expect(order).toEqual(["save confirmation_mail"]);
    release();
    await waitFor(() => expect(order).toEqual(["save confirmation_mail", "state done"]));
    await waitFor(() => expect(wizard.state("portal_user")).toBe("done"));
  });

  it("a typed 運用開始日 keeps the banner, saying the planned day; only a started clinic (Rust's word) has none", async () => {
    const planned = page("start_planned");
    await stepHeading(/運用開始日を登録して/);
    const banner = document.getElementById("timeline-banner")!;
    expect(banner.textContent).toContain("運用開始予定日は令和9年12月1日 (2027-12-01)です。");
    expect(banner.textContent).toContain("完了にするまで、この表示は続きます。");
    planned.unmount();
    page("started");
    await stepHeading(/手順/);
    expect(document.getElementById("timeline-banner")).toBeNull();
  });

  it("opens the step a link asks for (#/guide?step=…), and again when a link is followed on the page", async () => {
    location.hash = "#/guide?step=app_apply";
    page();
    await stepHeading(/利用開始申請をする$/);
    expect(location.hash).toBe("#/guide");
    location.hash = "#/guide?step=portal_user";
    await stepHeading(/ユーザー登録する$/);
    location.hash = "";
  });

  it("Tab reaches every control once, in reading order; the step list is one stop", async () => {
    const { user } = page("standing_done");
    await stepHeading(/ユーザー登録する$/);
    const seen = new Set<string>();
    const expected = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")].filter((el) => {
      if (el.getAttribute("tabindex") === "-1" || el.closest("[hidden]") || el.closest("dialog:not([open])")) return false;
      if (el instanceof HTMLInputElement && el.type === "radio") {
        if (seen.has(el.name)) return false;
        seen.add(el.name);
      }
      return true;
    });
    expect(expected.filter((el) => el.closest("nav"))).toEqual([stepButton("portal_user")]);
    const stops: Element[] = [];
    for (let i = 0; i < 100; i++) {
      await user.tab();
      const el = document.activeElement!;
      if (el === document.body || stops.includes(el)) break;
      stops.push(el);
    }
    expect(stops).toEqual(expected);
    expect(stops.some((el) => el.textContent === "期限の流れをくわしく見る(手順0)")).toBe(true);
  });

  it("shows why it could not load, in Japanese, and is still ready", async () => {
    const { onready } = page("new_clinic", { wizardOverview: () => Promise.reject(new Error("データベースを開けませんでした")) });
    expect((await screen.findByRole("alert")).textContent).toBe("データベースを開けませんでした");
    expect(onready).toHaveBeenCalledOnce();
  });

  it("left while still loading: nothing is drawn and it never reports ready", async () => {
    let resolve!: (o: WizardOverview) => void;
    const wizard = recordedWizard("new_clinic");
    const { onready, unmount, calls } = page("new_clinic", { wizardOverview: () => new Promise<WizardOverview>((r) => (resolve = r)) });
    unmount();
    resolve(await wizard.calls.wizardOverview());
    await tick();
    await tick();
    expect(onready).not.toHaveBeenCalled();
    expect(calls.wizardStepDetail).not.toHaveBeenCalled();
    expect(document.body.textContent).not.toContain("いまの状況を確かめる");
  });

  it("shows the checklist as the pages Rust draws, and saves it where staff choose", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>導入チェックリスト</text></svg>';
    const guideChecklistPreview = vi.fn(async () => [svg]);
    const saveGuideChecklist = vi.fn(async () => "/home/clinic/導入チェックリスト.pdf" as string | null);
    const showInFolder = vi.fn(async (_path: string) => null);
    const { user } = page("new_clinic", { guideChecklistPreview, saveGuideChecklist, showInFolder });
    await screen.findByRole("heading", { name: "導入チェックリスト" });
    await user.click(document.getElementById("checklist-preview")!);
    const img = await screen.findByAltText("チェックリスト 1ページ目");
    expect(img.getAttribute("src")).toBe(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    expect(said("checklist-status"), "a preview saves nothing").toBe("");
    await user.click(document.getElementById("checklist-save")!);
    await waitFor(() => expect(said("checklist-status")).toContain("導入チェックリストをPDFで保存しました"));
    const line = document.getElementById("checklist-status")!;
    expect(line.querySelector(".name")!.textContent).toBe("導入チェックリスト.pdf");
    expect(line.querySelector(".folder")!.textContent).toBe("保存先: /home/clinic");
    await user.click(within(line).getByRole("button", { name: "フォルダを開く" }));
    await waitFor(() => expect(showInFolder).toHaveBeenCalledWith("/home/clinic/導入チェックリスト.pdf"));

    // The save dialog closed: nothing was saved, and nothing says it was.
    saveGuideChecklist.mockResolvedValueOnce(null);
    await user.click(document.getElementById("checklist-save")!);
    await waitFor(() => expect(saveGuideChecklist).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(said("checklist-status")).toBe(""));
  });
});
