import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api";
import { BACKEND_KEY, type Backend } from "../../lib/backend";
import { fakeBackend } from "../../lib/testing/fakeBackend";
import { backupOverview, backupState } from "../../lib/testing/fixtures";
import recovery from "../../lib/testing/recorded/recovery.json";
import BackupPanel from "./BackupPanel.svelte";
import { refusal as refuse } from "../../lib/testing/errors";

/** What Rust answers for a file that wants its 復元コード (recorded by the store's tests). */
const refusal = (name: "needed" | "wrong" | "malformed" | "keptFails") => new ApiError(recovery[name] as never);

const NEWEST = "onshi-navi-backup-20261129-083000.onshinavi";
const SUMMARY = { clinicName: "さくら整骨院", patients: 12, checks: 340, newestRecordText: "令和8年11月29日 (2026-11-29) 08:29" };

function panel(calls: Partial<Backend> = {}) {
  const backend = fakeBackend({ backupOverview: async () => backupOverview(), ...calls });
  render(BackupPanel, { context: new Map([[BACKEND_KEY, backend]]) });
  return screen.findByText("残っているバックアップ");
}

const el = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
/** What a part's status line says now ("" before its first action). */
const said = (id: string) => el(id).textContent!.trim();
const dialog = () => el("confirm-message").closest("dialog")!;

describe("データのバックアップ", () => {
  it("shows the folder, the last backup and the generations newest first", async () => {
    await panel();
    expect(el("backup-folder").textContent).toBe("E:\\");
    expect(el("backup-last").textContent).toBe("令和8年11月29日 (2026-11-29) 08:30");
    const items = [...el("backup-generations").querySelectorAll("li")].map((li) => li.dataset.generation);
    expect(items).toEqual([NEWEST, "onshi-navi-backup-20261128-083100.onshinavi"]);
    expect(el("backup-generations").textContent).toContain("1,234 KB");
  });

  it("without a folder offers only to choose one, and says there is no backup yet", async () => {
    await panel({ backupOverview: async () => backupOverview({ state: backupState({ folder: null, lastOkText: null }), generations: [] }) });
    expect(el("backup-folder").textContent).toBe("まだ選ばれていません");
    expect(el("backup-now")).toBeNull();
    expect(el("backup-none").textContent).toBe("まだバックアップはありません。");
  });

  it("backs up now and shows the list again; a missing drive is said and the list is still reloaded", async () => {
    const backUpNow = vi.fn(async () => ({ name: NEWEST, takenAtText: "令和8年11月29日 (2026-11-29) 10:00", sizeKb: 2048 }));
    const overview = vi.fn(async () => backupOverview());
    await panel({ backUpNow, backupOverview: overview });
    await fireEvent.click(el("backup-now"));
    await waitFor(() => expect(said("backup-status")).toBe("バックアップしました(令和8年11月29日 (2026-11-29) 10:00、2,048 KB)"));
    expect(el("backup-status").getAttribute("role")).toBe("status");
    expect(overview).toHaveBeenCalledTimes(2);

    backUpNow.mockRejectedValueOnce(refuse("backUpNow", "BackupFolder", "バックアップ先(E:\\)に書き込めませんでした。USBメモリなどが挿さっているか"));
    await fireEvent.click(el("backup-now"));
    expect((await screen.findByRole("alert")).textContent).toContain("USBメモリなどが挿さっているか");
    // The line no longer says the backup worked: the failure is said once, below.
    expect(said("backup-status")).toBe("");
    await waitFor(() => expect(overview).toHaveBeenCalledTimes(3));
  });

  it("keeps the number of generations Rust accepts, and shows its message beside the field otherwise", async () => {
    const setBackupGenerations = vi.fn(async (keep: string) => {
      if (keep === "0") throw refuse("setBackupGenerations", "Validation", "入力内容を確認してください", [{ field: "keep", message: "残す世代の数は 1〜60 の数字で入力してください" }]);
      return backupOverview({ state: backupState({ keep: 10 }) });
    });
    await panel({ setBackupGenerations });
    await fireEvent.input(el("backup-keep"), { target: { value: "0" } });
    await fireEvent.click(el("backup-keep-save"));
    await screen.findByText("残す世代の数は 1〜60 の数字で入力してください");
    expect(el<HTMLInputElement>("backup-keep").getAttribute("aria-invalid")).toBe("true");
    await fireEvent.input(el("backup-keep"), { target: { value: "１０" } });
    await fireEvent.click(el("backup-keep-save"));
    await waitFor(() => expect(setBackupGenerations).toHaveBeenLastCalledWith("１０"));
    await waitFor(() => expect(said("backup-keep-status")).toBe("バックアップを 10 世代残します"));
  });

  it("shows what a generation holds, and restores it only after staff confirm with that content in view", async () => {
    const backupPreview = vi.fn(async () => SUMMARY);
    const restoreBackup = vi.fn(async () => SUMMARY);
    await panel({ backupPreview, restoreBackup });
    await fireEvent.click(el(`backup-preview-${NEWEST}`));
    await waitFor(() => expect(document.querySelector(`[data-summary="${NEWEST}"]`)!.textContent).toContain("患者台帳 12 人、資格確認の記録 340 件"));

    await fireEvent.click(el(`backup-restore-${NEWEST}`));
    await waitFor(() => expect(el("confirm-message").textContent).toContain("資格確認の記録 340 件"));
    await fireEvent.click(within(dialog()).getByRole("button", { name: "やめる" }));
    await new Promise((r) => setTimeout(r, 10));
    expect(restoreBackup).not.toHaveBeenCalled();

    await fireEvent.click(el(`backup-restore-${NEWEST}`));
    await waitFor(() => expect(dialog().hasAttribute("open")).toBe(true));
    await fireEvent.click(within(dialog()).getByRole("button", { name: "戻して再起動する" }));
    await waitFor(() => expect(restoreBackup).toHaveBeenCalledWith(NEWEST, null));
    expect(backupPreview).toHaveBeenCalledOnce();
    await waitFor(() => expect(said("backup-restore-status")).toBe("バックアップに戻します。まもなくオン資ナビが再起動します"));
  });

  it("exports to one file, and an import shows its content and is dropped when staff say no", async () => {
    const exportData = vi.fn(async () => "D:\\オン資ナビのデータ_20261129.onshinavi");
    const importData = vi.fn(async () => SUMMARY);
    const cancelRestore = vi.fn(async () => null);
    const restartToRestore = vi.fn(async () => null);
    await panel({ exportData, importData, cancelRestore, restartToRestore });
    await fireEvent.click(el("backup-export"));
    await waitFor(() => expect(said("transfer-status")).toContain("すべてのデータを1つのファイルに書き出しました"));
    const line = el("transfer-status");
    expect(line.querySelector(".name")!.textContent).toBe("オン資ナビのデータ_20261129.onshinavi");
    expect(line.querySelector(".folder")!.textContent).toBe("保存先: D:");
    expect(line.textContent).not.toContain("D:\\オン資ナビ"); // the path is not said twice

    await fireEvent.click(el("backup-import"));
    await waitFor(() => expect(el("confirm-message").textContent).toContain("施術所名: さくら整骨院"));
    await fireEvent.click(within(dialog()).getByRole("button", { name: "やめる" }));
    await waitFor(() => expect(cancelRestore).toHaveBeenCalledOnce());
    expect(restartToRestore).not.toHaveBeenCalled();
    await waitFor(() => expect(said("transfer-status")).toBe("読み込みをやめました。何も変わっていません"));

    await fireEvent.click(el("backup-import"));
    await waitFor(() => expect(dialog().hasAttribute("open")).toBe(true));
    await fireEvent.click(within(dialog()).getByRole("button", { name: "置き換えて再起動する" }));
    await waitFor(() => expect(restartToRestore).toHaveBeenCalledOnce());
    await waitFor(() => expect(said("transfer-status")).toBe("データを読み込みます。まもなくオン資ナビが再起動します"));
  });

  it("「フォルダを開く」 under the written file asks Rust to show that very file", async () => {
    const path = "D:\\移行\\オン資ナビのデータ_20261129.onshinavi";
    const showInFolder = vi.fn(async (_path: string) => null);
    await panel({ exportData: async () => path, showInFolder });
    await fireEvent.click(el("backup-export"));
    const open = await within(el("transfer-status")).findByRole("button", { name: "フォルダを開く" });
    expect(el("transfer-status").querySelector(".folder")!.textContent).toBe("保存先: D:\\移行");
    await fireEvent.click(open);
    await waitFor(() => expect(showInFolder).toHaveBeenCalledOnce());
    expect(showInFolder).toHaveBeenCalledWith(path);
    expect(within(el("transfer-status")).queryByRole("alert")).toBeNull();
  });

  it("a folder that cannot be opened says why under the file, and the line still names it", async () => {
    const path = "D:\\オン資ナビのデータ_20261129.onshinavi";
    const showInFolder = vi.fn(async (_path: string) => {
      throw refuse("showInFolder", "FileGone", "「D:\\オン資ナビのデータ_20261129.onshinavi」が見つかりません。移動したか、削除されたかもしれません");
    });
    await panel({ exportData: async () => path, showInFolder });
    await fireEvent.click(el("backup-export"));
    await fireEvent.click(await within(el("transfer-status")).findByRole("button", { name: "フォルダを開く" }));
    const alert = await within(el("transfer-status")).findByRole("alert");
    expect(alert.textContent).toBe("「D:\\オン資ナビのデータ_20261129.onshinavi」が見つかりません。移動したか、削除されたかもしれません");
    expect(showInFolder).toHaveBeenCalledWith(path);
    expect(said("transfer-status")).toContain("すべてのデータを1つのファイルに書き出しました");
    expect(el("transfer-status").querySelector(".name")!.textContent).toBe("オン資ナビのデータ_20261129.onshinavi");
  });

  it("a file from a newer app is refused with Rust's message", async () => {
    const importData = vi.fn(async () => {
      throw refuse("importData", "FromNewerApp", "このファイルは新しいバージョンのオン資ナビ(0.2.0)で作られています。");
    });
    await panel({ importData });
    await fireEvent.click(el("backup-import"));
    expect((await screen.findByRole("alert")).textContent).toContain("新しいバージョンのオン資ナビ(0.2.0)");
  });

  it("shows a new 復元コード with its sheet until staff say the sheet is kept, then never again", async () => {
    const overview = backupOverview({ recovery: recovery.toKeep });
    const printRecoverySheet = vi.fn(async () => "C:\\print\\バックアップの復元コード.pdf");
    const acknowledgeRecoveryCode = vi.fn(async () => backupOverview({ recovery: recovery.kept }));
    await panel({ backupOverview: async () => overview, printRecoverySheet, acknowledgeRecoveryCode });
    expect(el("recovery-code").textContent).toBe("ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567");
    await fireEvent.click(el("recovery-print"));
    await waitFor(() => expect(printRecoverySheet).toHaveBeenCalledOnce());
    await waitFor(() => expect(said("recovery-status")).toContain("「バックアップの復元コード」の用紙を開きました。印刷してください"));
    expect(el("recovery-status").querySelector(".name")!.textContent).toBe("バックアップの復元コード.pdf");
    await fireEvent.click(el("recovery-kept"));
    await waitFor(() => expect(el("confirm-message").textContent).toContain("もう表示しません"));
    await fireEvent.click(within(dialog()).getByRole("button", { name: "保管した" }));
    await waitFor(() => expect(el("recovery-code")).toBeNull());
    expect(el("recovery-state").textContent).toContain("令和8年12月6日 (2026-12-06) に作った復元コード");
    expect(el("recovery-renew")).not.toBeNull();
    // Pressing 保管した says nothing more than what the section now shows.
    expect(said("recovery-status")).toBe("");
  });

  it("a new 復元コード made when the sheet is lost is shown with its sheet, and said under it", async () => {
    const renewRecoveryCode = vi.fn(async () => backupOverview({ recovery: recovery.toKeep }));
    await panel({ backupOverview: async () => backupOverview({ recovery: recovery.kept }), renewRecoveryCode });
    await fireEvent.click(el("recovery-renew"));
    await waitFor(() => expect(el("confirm-message").textContent).toContain("前のコードの用紙でしか開けません"));
    await fireEvent.click(within(dialog()).getByRole("button", { name: "作り直す" }));
    await waitFor(() => expect(said("recovery-status")).toBe("新しい復元コードを作りました。用紙を印刷して保管してください"));
    expect(el("recovery-code").textContent).toBe("ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567");
  });

  it("a folder chosen is said under the buttons", async () => {
    const chooseBackupFolder = vi.fn(async () => backupOverview({ state: backupState({ folder: "F:\\バックアップ" }) }));
    await panel({ chooseBackupFolder });
    await fireEvent.click(el("backup-choose-folder"));
    await waitFor(() => expect(said("backup-status")).toBe("バックアップ先を F:\\バックアップ にしました"));
    expect(el("backup-folder").textContent).toBe("F:\\バックアップ");
  });

  it("asks for the 復元コード beside its field when a file does not open, and reads it in with the code typed", async () => {
    const importData = vi.fn(async () => {
      throw refusal("needed");
    });
    const retryImport = vi.fn(async (code: string) => {
      if (code !== "abcde fghjk lmnpq rstuv wxyz2 34567") throw refusal("wrong");
      return SUMMARY;
    });
    await panel({ importData, retryImport, restartToRestore: async () => null });
    await fireEvent.click(el("backup-import"));
    await screen.findByText(recovery.needed.message);
    expect(el("import-code").getAttribute("aria-invalid")).toBe("true");
    await fireEvent.input(el("import-code"), { target: { value: "ZYXWV-UTSRQ-PNMLK-JHGFE-DCBA9-87654" } });
    await fireEvent.click(el("import-code-submit"));
    await screen.findByText(recovery.wrong.message);
    await fireEvent.input(el("import-code"), { target: { value: "abcde fghjk lmnpq rstuv wxyz2 34567" } });
    await fireEvent.click(el("import-code-submit"));
    await waitFor(() => expect(el("confirm-message").textContent).toContain("施術所名: さくら整骨院"));
    expect(el("import-code")).toBeNull();
  });

  it("a generation this PC's code does not open asks for the code and restores with it", async () => {
    const backupPreview = vi.fn(async (_name: string, code?: string | null) => {
      if (!code) throw refusal("keptFails");
      return SUMMARY;
    });
    const restoreBackup = vi.fn(async () => SUMMARY);
    await panel({ backupPreview, restoreBackup });
    await fireEvent.click(el(`backup-restore-${NEWEST}`));
    await screen.findByText(recovery.keptFails.message);
    await fireEvent.input(el("backup-code"), { target: { value: "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567" } });
    await fireEvent.click(el("backup-code-submit"));
    await waitFor(() => expect(dialog().hasAttribute("open")).toBe(true));
    await fireEvent.click(within(dialog()).getByRole("button", { name: "戻して再起動する" }));
    await waitFor(() => expect(restoreBackup).toHaveBeenCalledWith(NEWEST, "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567"));
  });
});
