import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { AppInfo } from "../api";
import { BACKEND_KEY } from "../lib/backend";
import { fakeBackend } from "../lib/testing/fakeBackend";
import { appInfo, backupState, dataStatus, homeSummary, startupError, subsidy } from "../lib/testing/fixtures";
import { TIMELINES } from "../lib/testing/wizardFixtures";
import Home from "./Home.svelte";

function page(backend: ReturnType<typeof fakeBackend>, onready = vi.fn()) {
  return render(Home, { props: { onready }, context: new Map([[BACKEND_KEY, backend]]) });
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** The live region of that id, once shown (the page has others: each part's status line). */
const statusBy = (id: string) =>
  waitFor(() => {
    const found = screen.getAllByRole("status").find((el) => el.id === id);
    expect(found, id).toBeTruthy();
    return found!;
  });

describe("ホーム", () => {
  it("shows the clinic, the guide's progress, today's checks and the programs from the summary", async () => {
    const onready = vi.fn();
    const summary = {
      ...homeSummary([subsidy()]),
      setup: { done: 3, total: 9, nextTitle: "カードリーダーを用意する" },
      todayChecks: { total: 12, myNumberCard: 5, ratePercent: 41.7 },
    };
    page(fakeBackend({ appInfo: async () => appInfo(), homeSummary: async () => summary }), onready);

    expect(await screen.findByTestId("clinic-name")).toHaveProperty("textContent", "さくら整骨院");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("ホーム");
    expect(screen.getByText("令和8年11月29日 (2026-11-29)").className).toBe("lead");

    const setup = screen.getByRole("region", { name: "導入の進み具合" });
    expect(within(setup).getByText("3 / 9 手順 完了")).toBeTruthy();
    const bar = within(setup).getByRole("progressbar", { name: "導入の進み具合" });
    expect(bar.getAttribute("max")).toBe("9");
    expect(bar.getAttribute("value")).toBe("3");
    expect(setup.textContent).toContain("次の手順: カードリーダーを用意する");
    expect(within(setup).getByRole("link", { name: "導入ガイドへ" }).getAttribute("href")).toBe("#/guide");

    const today = screen.getByRole("region", { name: "今日の資格確認" });
    expect(within(today).getByText("12 件")).toBeTruthy();
    expect(within(today).getByText("うちマイナ保険証 5 件(利用率 41.7%)")).toBeTruthy();
    expect(within(today).getByRole("link", { name: "毎日の資格確認へ" }).getAttribute("href")).toBe("#/daily");

    const program = document.querySelector("[data-program=equipment_subsidy_2025]")!;
    expect(program.querySelector(".badge.closed")!.textContent).toBe("受付終了");
    expect(within(program as HTMLElement).getByRole("link", { name: "柔整・あはき施術所用助成金" }).getAttribute("href")).toBe("#/subsidy");
    expect(program.textContent).toContain("申請受付の締切 令和8年1月15日 (2026-01-15)・上限額 ¥41,000");
    expect(screen.getByTestId("programs-as-of").textContent).toBe("制度の情報は 令和8年11月24日 (2026-11-24) 時点のものです。");

    expect(screen.queryByRole("alert")).toBeNull();
    expect(onready).toHaveBeenCalledOnce();
  });

  it("with no application, the banner says the two steps to take today, the call centre and step 0, as Rust recorded it", async () => {
    const timeline = TIMELINES.not_applied;
    page(fakeBackend({ appInfo: async () => appInfo(), homeSummary: async () => ({ ...homeSummary([]), timeline }) }));
    const banner = await statusBy("home-timeline");
    expect(banner.classList.contains("warning")).toBe(true);
    expect(banner.textContent).toContain("マイナ資格確認アプリの利用開始申請が、まだ記録されていません。");
    expect(banner.textContent).toContain("いまは令和8年12月頃 (2026-12)の「受領委任の取扱いの中止」の時期です。");
    const todo = within(banner).getAllByRole("listitem");
    expect(todo.map((li) => li.textContent?.slice(0, 6))).toEqual(["今日、手順1", "続けて手順2", "やむを得ない"]);
    expect(within(todo[0]).getByRole("link").getAttribute("href")).toBe("#/guide?step=portal_user");
    expect(within(todo[1]).getByRole("link").getAttribute("href")).toBe("#/guide?step=app_apply");
    expect(screen.getByTestId("call-centre").textContent).toBe(
      "わからないときは: オンライン資格確認等コールセンター 0800-080-4583(通話無料、平日(月曜日〜金曜日、祝日を除く)8:00〜18:00、土曜日(祝日を除く)8:00〜16:00)",
    );
    expect(within(banner).getByRole("link", { name: "期限の流れをくわしく見る(手順0)" }).getAttribute("href")).toBe(
      "#/guide?step=standing",
    );
    expect(banner.textContent).toContain("全整協の報告・未確認");
  });

  it("shows the banner Rust gives for each stage: applied, approved, planned, typed but not 完了, exempt", async () => {
    const cases: [keyof typeof TIMELINES, string, string][] = [
      ["applied", "利用開始申請を令和8年11月10日 (2026-11-10)にしました。", "#/guide?step=connection"],
      ["approved", "審査が令和8年11月20日 (2026-11-20)に終わり", "#/guide?step=terminal_accounts"],
      ["start_planned", "運用開始予定日は令和9年12月1日 (2027-12-01)です。", "#/guide?step=start_date"],
      ["start_typed_not_done", "手順10はまだ完了していません。", "#/guide?step=start_date"],
      ["exempt", "やむを得ない事由を令和7年10月1日 (2025-10-01)に申し出た", "#/guide?step=standing"],
    ];
    for (const [stage, headline, firstLink] of cases) {
      const timeline = TIMELINES[stage];
      const { unmount } = page(
        fakeBackend({ appInfo: async () => appInfo(), homeSummary: async () => ({ ...homeSummary([]), timeline }) }),
      );
      const banner = await statusBy("home-timeline");
      expect(banner.textContent, stage).toContain(headline);
      expect(banner.classList.contains(stage === "exempt" ? "info" : "warning"), stage).toBe(true);
      expect(within(banner).getAllByRole("listitem")[0].querySelector("a")?.getAttribute("href"), stage).toBe(firstLink);
      unmount();
    }
  });

  it("once step 10 is really 完了 (Rust sends no timeline), shows no banner", async () => {
    page(fakeBackend({ appInfo: async () => appInfo(), homeSummary: async () => homeSummary([subsidy()]) }));
    await screen.findByRole("heading", { name: "導入の進み具合" });
    expect(document.getElementById("home-timeline")).toBeNull();
  });

  it("warns when backups have no folder, or the last one failed, each with the way to 設定; says nothing when they are fine", async () => {
    const show = async (backup: Partial<ReturnType<typeof backupState>>, restoredAside: string | null = null) => {
      const view = page(fakeBackend({ appInfo: async () => appInfo(), homeSummary: async () => ({ ...homeSummary([]), backup: backupState(backup), restoredAside }) }));
      await screen.findByRole("heading", { name: "導入の進み具合" });
      return view;
    };
    let view = await show({});
    expect(document.getElementById("home-backup-unset")).toBeNull();
    expect(document.getElementById("home-backup-failed")).toBeNull();
    expect(document.getElementById("home-recovery-sheet")).toBeNull();
    view.unmount();

    view = page(fakeBackend({ appInfo: async () => appInfo(), homeSummary: async () => ({ ...homeSummary([]), recoverySheetPending: true }) }));
    await screen.findByRole("heading", { name: "導入の進み具合" });
    expect(document.getElementById("home-recovery-sheet")!.textContent).toContain("用紙を印刷して、鍵のかかる場所に保管してください");
    view.unmount();

    view = await show({ folder: null, lastOkText: null, dueToday: true });
    expect(document.getElementById("home-backup-unset")!.textContent).toContain("USBメモリなどをバックアップ先に選んでください");
    expect(within(document.getElementById("home-backup-unset")!).getByRole("link").getAttribute("href")).toBe("#/settings");
    view.unmount();

    view = await show({ lastError: "バックアップ先(E:\\)に書き込めませんでした。" }, "C:\\data\\onshi-navi.before-restore-20261129-090000.sqlite3");
    expect(document.getElementById("home-backup-failed")!.textContent).toContain("バックアップ先(E:\\)に書き込めませんでした。");
    expect(document.getElementById("home-restored")!.textContent).toContain("before-restore-20261129-090000");
    expect(document.getElementById("home-restored")!.textContent, "what a file never brings").toContain(
      "バックアップ先のフォルダと更新データの取得先は引き継ぎません",
    );
    view.unmount();
  });

  it("says when the program data in use is past its 有効期限 (it is still used), with the way to 設定", async () => {
    const updates = dataStatus({ updated: true, expiredSince: "令和9年1月1日 (2027-01-01)" });
    page(fakeBackend({ appInfo: async () => appInfo(), homeSummary: async () => ({ ...homeSummary([]), updates }) }));
    await screen.findByRole("heading", { name: "導入の進み具合" });
    const banner = document.getElementById("home-data-expired")!;
    expect(banner.textContent).toContain("令和9年1月1日 (2027-01-01) から有効期限が過ぎています");
    expect(within(banner).getByRole("link").getAttribute("href")).toBe("#/settings");
  });

  it("before the profile is saved, says so and links to 設定; a finished guide says so", async () => {
    const summary = { ...homeSummary([]), clinicName: null, setup: { done: 9, total: 9, nextTitle: null } };
    page(fakeBackend({ appInfo: async () => appInfo(), homeSummary: async () => summary }));
    await screen.findByText("施術所の情報がまだ登録されていません。");
    expect(screen.queryByTestId("clinic-name")).toBeNull();
    expect(screen.getByRole("link", { name: "設定で登録する" }).getAttribute("href")).toBe("#/settings");
    expect(screen.getByText("すべての手順が完了しています。").className).toBe("ok");
    expect(screen.queryByRole("link", { name: "導入ガイドへ" })).toBeNull();
  });

  it("with a startup error, shows the whole message, the steps, the folders and the version, and nothing else", async () => {
    const onready = vi.fn();
    const error = startupError();
    const homeSummaryCall = vi.fn();
    page(fakeBackend({ appInfo: async () => appInfo({ startupError: error }), homeSummary: homeSummaryCall }), onready);

    const box = await screen.findByRole("alert");
    expect(box.id).toBe("startup-error");
    expect(box.dataset.code).toBe("DatabaseDamaged");
    expect(within(box).getByRole("heading", { level: 2 }).textContent).toBe("データベースのファイルが壊れています");
    // Every line as Rust wrote it: the numbered ones (without their numbers) as the list's items.
    for (const line of error.message.split("\n")) {
      expect(box.textContent).toContain(line.replace(/^\d+\.\s*/, ""));
    }
    const steps = [...box.querySelectorAll("ol.steps li")].map((li) => li.textContent);
    expect(steps).toEqual(["アプリを終了してください。", "バックアップからファイルを戻してください。"]);
    expect(box.querySelector("#startup-data-dir")!.textContent).toBe(appInfo().dataDir);
    expect(box.textContent).toContain(appInfo().logDir);
    expect(box.textContent).toContain("0.1.0");
    expect(homeSummaryCall).not.toHaveBeenCalled();
    expect(screen.queryByTestId("clinic-name")).toBeNull();
    expect(onready).toHaveBeenCalledOnce();
  });

  it("a damaged database offers the way back: pick the backup folder, see a generation, restore it after confirming", async () => {
    const generation = { name: "onshi-navi-backup-20261128-083100.sqlite3", takenAtText: "令和8年11月28日 (2026-11-28) 08:31", sizeKb: 900 };
    const chooseRescueFolder = vi.fn(async () => ({ folder: "E:\\", generations: [generation] }));
    const backupPreview = vi.fn(async () => ({ clinicName: "さくら整骨院", patients: 3, checks: 41, newestRecordText: null }));
    const restoreBackup = vi.fn(async () => ({ clinicName: "さくら整骨院", patients: 3, checks: 41, newestRecordText: null }));
    page(fakeBackend({ appInfo: async () => appInfo({ startupError: startupError() }), chooseRescueFolder, backupPreview, restoreBackup }));
    await screen.findByRole("heading", { name: "バックアップから戻す" });
    await fireEvent.click(document.getElementById("rescue-choose-folder")!);
    await screen.findByText("令和8年11月28日 (2026-11-28) 08:31");
    await fireEvent.click(document.getElementById(`rescue-restore-${generation.name}`)!);
    await waitFor(() => expect(document.getElementById("confirm-message")!.textContent).toContain("資格確認の記録 41 件"));
    expect(document.getElementById("confirm-message")!.textContent).toContain("壊れたファイルはデータのフォルダに残します");
    const dialog = document.getElementById("confirm-message")!.closest("dialog")!;
    await fireEvent.click(within(dialog).getByRole("button", { name: "戻して再起動する" }));
    await waitFor(() => expect(restoreBackup).toHaveBeenCalledWith(generation.name, null));
    await waitFor(() => expect(document.getElementById("rescue-restore-status")!.textContent!.trim()).toBe("バックアップに戻します。まもなくオン資ナビが再起動します"));
  });

  it("a database that would not open (not damaged) gets its own heading", async () => {
    page(fakeBackend({ appInfo: async () => appInfo({ startupError: startupError({ code: "DatabaseOpen", message: "開けませんでした。" }) }) }));
    const box = await screen.findByRole("alert");
    expect(box.dataset.code).toBe("DatabaseOpen");
    expect(within(box).getByRole("heading", { level: 2 }).textContent).toBe("データベースを開けませんでした");
    expect(document.getElementById("rescue"), "restoring is offered for a damaged file only").toBeNull();
    expect(box.textContent).toContain("開けませんでした。");
  });

  it("shows why it could not load, in Japanese, and is still ready", async () => {
    const onready = vi.fn();
    page(
      fakeBackend({ appInfo: async () => appInfo(), homeSummary: () => Promise.reject(new Error("データベースの読み込みに失敗しました")) }),
      onready,
    );
    expect((await screen.findByRole("alert")).textContent).toBe("データベースの読み込みに失敗しました");
    expect(onready).toHaveBeenCalledOnce();
  });

  it("left while still loading: nothing is drawn and it never reports ready", async () => {
    let resolve!: (info: AppInfo) => void;
    const onready = vi.fn();
    const homeSummaryCall = vi.fn(async () => homeSummary([subsidy()]));
    const { unmount } = page(fakeBackend({ appInfo: () => new Promise((r) => (resolve = r)), homeSummary: homeSummaryCall }), onready);
    unmount();
    resolve(appInfo());
    await tick();
    expect(onready).not.toHaveBeenCalled();
    expect(homeSummaryCall).not.toHaveBeenCalled();
    expect(document.body.textContent).not.toContain("さくら整骨院");
  });

  it("left while the summary loads: nothing is drawn and it never reports ready", async () => {
    let resolve!: (s: ReturnType<typeof homeSummary>) => void;
    const onready = vi.fn();
    const { unmount } = page(fakeBackend({ appInfo: async () => appInfo(), homeSummary: () => new Promise((r) => (resolve = r)) }), onready);
    await vi.waitFor(() => expect(resolve).toBeDefined());
    unmount();
    resolve(homeSummary([subsidy()]));
    await tick();
    expect(onready).not.toHaveBeenCalled();
    expect(document.body.textContent).not.toContain("さくら整骨院");
  });
  it("a newer version announced: the banner gives the address and SHA-256 as text, and says the app does not update itself", async () => {
    const sha256 = "3f2a9c0d1e4b5a6978877665544332211ffeeddccbbaa99887766554433221100";
    const installerUrl = "https://example.jp/onshi-navi/OnshiNavi_0.2.0_x64-setup.exe";
    const summary = { ...homeSummary([subsidy()]), updates: dataStatus({ newerApp: { version: "0.2.0", installerUrl, sha256 } }) };
    page(fakeBackend({ appInfo: async () => appInfo(), homeSummary: async () => summary }));
    const banner = await statusBy("home-new-version");
    expect(banner.textContent).toContain("新しい版があります(版 0.2.0)");
    expect(document.getElementById("home-new-version-url")!.textContent).toBe(installerUrl);
    expect(document.getElementById("home-new-version-sha256")!.textContent).toBe(sha256);
    expect(banner.textContent).toContain(
      "オン資ナビは自動では更新しません。販売店・配布元の案内に沿って、ダウンロードしたファイルのSHA-256が一致することを確かめてからインストールしてください。",
    );
    // Only official guide pages open from the app: the installer address is text, not a link.
    expect(within(banner).queryByRole("link")).toBeNull();
    expect(document.getElementById("home-update-failed")).toBeNull();
  });

  it("a failed update check is a small muted line; no banner without a newer version", async () => {
    const summary = {
      ...homeSummary([subsidy()]),
      updates: dataStatus({ lastFailed: true, lastResult: "更新の確認先に接続できませんでした", lastCheckedAt: "2026-11-29T00:00:00Z" }),
    };
    page(fakeBackend({ appInfo: async () => appInfo(), homeSummary: async () => summary }));
    const line = await screen.findByText("制度データの更新を確認できませんでした: 更新の確認先に接続できませんでした");
    expect(line.className).toContain("muted");
    expect(document.getElementById("home-new-version")).toBeNull();
  });
});
