import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClinicProfileInput, FieldIssue } from "../api";
import type { Backend } from "../lib/backend";
import { BACKEND_KEY } from "../lib/backend";
import { fakeBackend } from "../lib/testing/fakeBackend";
import { appInfo, auditEntry, clinicProfile, dataStatus, backupOverview } from "../lib/testing/fixtures";
import { clearToasts, toasts } from "../lib/toast.svelte";
import Settings from "./Settings.svelte";
import { type CommandName, refusal as refuse } from "../lib/testing/errors";

/** The calls the page makes on load, each replaceable. */
function backend(calls: Partial<Backend> = {}) {
  return fakeBackend({
    getClinicProfile: async () => clinicProfile(),
    getStaffName: async () => "受付 佐藤",
    getTextSize: async () => "standard",
    appInfo: async () => appInfo(),
    auditLog: async () => [auditEntry()],
    checkClinicProfile: async () => ({ errors: [], warnings: [] }),
    getUpdateAddress: async () => "",
    programDataStatus: async () => dataStatus(),
    backupOverview: async () => backupOverview(),
    ...calls,
  });
}

function page(b: ReturnType<typeof fakeBackend>, onready = vi.fn()) {
  return render(Settings, { props: { onready }, context: new Map([[BACKEND_KEY, b]]) });
}

const invalid = (command: CommandName, fields: FieldIssue[]) => refuse(command, "Validation", "入力内容を確認してください", fields);
const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const message = (field: string) => document.getElementById(`msg-${field}`)!;
/** What a form's status line says now ("" before its first action). */
const said = (id: string) => document.getElementById(id)!.textContent!.trim();

// What staff did is said under its buttons, never in a toast.
afterEach(() => {
  const raised = toasts.list.map((t) => t.message);
  clearToasts();
  expect(raised).toEqual([]);
});

async function type(id: string, value: string) {
  await fireEvent.input(input(id), { target: { value } });
}

describe("設定", () => {
  it("shows the saved profile as stored, the staff name, the folders and is ready once", async () => {
    const onready = vi.fn();
    page(backend(), onready);
    await screen.findByRole("heading", { name: "施術所の情報" });
    expect(input("f-name").value).toBe("さくら整骨院");
    expect(input("f-regNoJudo").value).toBe("契2804440-0-0");
    expect(document.getElementById("portal-regNoJudo")!.textContent).toBe("ポータルに入力する形(ハイフンなし): 契280444000");
    expect(input("f-postalCode").value).toBe("650-0001");
    expect(input("f-phone").value).toBe("078-123-4567");
    expect(input("f-ownerName").value).toBe("山田 太郎");
    expect((document.querySelector('input[name=kind][value="judo"]') as HTMLInputElement).checked).toBe(true);
    // 柔整 only: the あはき number is not asked for.
    expect(document.querySelector<HTMLElement>('[data-field="regNoJudo"]')!.hidden).toBe(false);
    expect(document.querySelector<HTMLElement>('[data-field="regNoAhaki"]')!.hidden).toBe(true);
    expect(input("f-staff").value).toBe("受付 佐藤");
    expect(screen.getByTestId("data-dir").textContent).toBe(appInfo().dataDir);
    expect(screen.getByTestId("log-dir").textContent).toBe(appInfo().logDir);
    expect(input("f-postalCode").getAttribute("aria-describedby")).toBe("hint-postalCode msg-postalCode");
    expect(input("f-postalCode").hasAttribute("aria-invalid")).toBe(false);
    expect(onready).toHaveBeenCalledOnce();
  });

  it("a refused save shows each message beside its field, aria-invalid, and focuses the first field", async () => {
    const saveClinicProfile = vi.fn(async (_: ClinicProfileInput) => {
      // Rust's order is not the form's: 住所 comes before 種別 and 郵便番号.
      throw invalid("saveClinicProfile", [
        { field: "address", message: "住所を入力してください" },
        { field: "kind", message: "種別(柔整・あはき・両方)を選んでください" },
        { field: "postalCode", message: "郵便番号は7桁の数字で入力してください(入力は6桁です。例: 123-4567)" },
      ]);
    });
    page(backend({ getClinicProfile: async () => null, saveClinicProfile }));
    await screen.findByRole("heading", { name: "施術所の情報" });
    await type("f-name", "さくら整骨院");
    await type("f-postalCode", "650-001");
    await fireEvent.click(screen.getByRole("button", { name: "保存する" }));

    await waitFor(() => expect(message("postalCode").textContent).toContain("郵便番号は7桁"));
    expect(message("postalCode").className).toContain("error");
    expect(input("f-postalCode").getAttribute("aria-invalid")).toBe("true");
    expect(input("f-postalCode").getAttribute("aria-describedby")).toContain("msg-postalCode");
    expect(message("address").textContent).toBe("住所を入力してください");
    expect(input("f-address").getAttribute("aria-invalid")).toBe("true");
    expect(message("kind").textContent).toContain("種別");
    expect(document.getElementById("f-kind")!.getAttribute("aria-invalid")).toBe("true");
    // Fields without a message stay valid.
    expect(input("f-name").hasAttribute("aria-invalid")).toBe(false);
    expect(message("name").textContent).toBe("");
    // The first field with an error in the form's order: 種別 (before 郵便番号 and 住所).
    expect(document.activeElement).toBe(document.querySelector('input[name=kind][value="judo"]'));
    expect(document.getElementById("profile-status")!.textContent).toBe(
      "保存できませんでした: 住所・種別・郵便番号を確認してください",
    );
    expect(saveClinicProfile).toHaveBeenCalledWith(expect.objectContaining({ name: "さくら整骨院", kind: null, postalCode: "650-001" }));
  });

  it("focuses a text field when it is the first with an error", async () => {
    const saveClinicProfile = async () => {
      throw invalid("saveClinicProfile", [
        { field: "phone", message: "電話番号を入力してください" },
        { field: "postalCode", message: "郵便番号を入力してください" },
      ]);
    };
    page(backend({ saveClinicProfile }));
    await screen.findByRole("heading", { name: "施術所の情報" });
    await fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    await waitFor(() => expect(document.activeElement).toBe(input("f-postalCode")));
  });

  it("keeps everything staff typed after a refusal", async () => {
    const saveClinicProfile = async () => {
      throw invalid("saveClinicProfile", [{ field: "phone", message: "電話番号は10桁または11桁です(入力は9桁です。例: 03-1234-5678)" }]);
    };
    page(backend({ getClinicProfile: async () => null, saveClinicProfile }));
    await screen.findByRole("heading", { name: "施術所の情報" });
    await type("f-name", "さくら整骨院 本院");
    await fireEvent.click(document.querySelector('input[name=kind][value="both"]')!);
    await type("f-regNoJudo", "契２８０４４４０－０－０");
    await type("f-postalCode", "６５０ー０００１");
    await type("f-address", "兵庫県神戸市中央区加納町1-2-3");
    await type("f-phone", "０７８－１２３－４５６");
    await type("f-ownerName", "山田 太郎");
    await fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    await waitFor(() => expect(input("f-phone").getAttribute("aria-invalid")).toBe("true"));
    expect(input("f-name").value).toBe("さくら整骨院 本院");
    expect(input("f-regNoJudo").value).toBe("契２８０４４４０－０－０");
    expect(input("f-postalCode").value).toBe("６５０ー０００１");
    expect(input("f-address").value).toBe("兵庫県神戸市中央区加納町1-2-3");
    expect(input("f-phone").value).toBe("０７８－１２３－４５６");
    expect(input("f-ownerName").value).toBe("山田 太郎");
    expect((document.querySelector('input[name=kind][value="both"]') as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(input("f-phone"));
  });

  it("a warning does not block the save: shown beside its field, the stored profile shown, the history refreshed", async () => {
    const warning = "柔整の登録記号番号は「契」または「協」で始まります(例: 契2804440-0-0)。レセコンの表示とご確認ください";
    const saveClinicProfile = vi.fn(async () => ({
      profile: clinicProfile({ regNoJudo: "2804440", regNoJudoTyped: "2804440", phone: "078-123-4567" }),
      warnings: [{ field: "regNoJudo", message: warning }],
    }));
    let log = [auditEntry()];
    const auditLog = vi.fn(async () => log);
    page(backend({ saveClinicProfile, auditLog }));
    await screen.findByRole("heading", { name: "施術所の情報" });
    await type("f-regNoJudo", "２８０４４４０");
    await type("f-phone", "０７８－１２３－４５６７");
    log = [auditEntry({ id: 2, action: "update", actionLabel: "変更", detailLabel: "登録記号番号(柔整)・電話番号" }), auditEntry()];
    await fireEvent.click(screen.getByRole("button", { name: "保存する" }));

    await waitFor(() => expect(document.getElementById("profile-status")!.textContent).toBe("保存しました(確認をおすすめする項目があります)"));
    expect(saveClinicProfile).toHaveBeenCalledOnce();
    expect(message("regNoJudo").textContent).toBe(warning);
    expect(message("regNoJudo").className).toContain("warning");
    expect(message("regNoJudo").className).not.toContain("error");
    expect(input("f-regNoJudo").hasAttribute("aria-invalid")).toBe(false);
    expect(input("f-phone").value).toBe("078-123-4567");
    expect(document.getElementById("portal-regNoJudo")!.textContent).toContain("2804440");
    await waitFor(() => expect(document.querySelectorAll("#audit-table tbody tr")).toHaveLength(2));
    expect(document.querySelector("#audit-table tbody tr")!.textContent).toContain("変更");
  });

  it("the live check shows a field's message once staff leave it, and not yet for fields left blank", async () => {
    const checkClinicProfile = vi.fn(async (input: ClinicProfileInput) => ({
      errors: [
        { field: "name", message: "施術所名を入力してください" },
        ...(input.postalCode === "650-001" ? [{ field: "postalCode", message: "郵便番号は7桁の数字で入力してください" }] : []),
      ],
      warnings: [],
    }));
    page(backend({ getClinicProfile: async () => null, checkClinicProfile }));
    await screen.findByRole("heading", { name: "施術所の情報" });
    await type("f-postalCode", "650-001");
    await fireEvent.blur(input("f-postalCode"));
    await waitFor(() => expect(message("postalCode").textContent).toContain("郵便番号は7桁"));
    expect(input("f-postalCode").getAttribute("aria-invalid")).toBe("true");
    // 施術所名 has not been filled yet: its message waits for the save.
    expect(message("name").textContent).toBe("");
    expect(input("f-name").hasAttribute("aria-invalid")).toBe(false);

    // Choosing 併設 asks for both numbers.
    expect(document.querySelector<HTMLElement>('[data-field="regNoAhaki"]')!.hidden).toBe(true);
    await fireEvent.click(document.querySelector('input[name=kind][value="both"]')!);
    await waitFor(() => expect(checkClinicProfile).toHaveBeenLastCalledWith(expect.objectContaining({ kind: "both", postalCode: "650-001" })));
    expect(document.querySelector<HTMLElement>('[data-field="regNoJudo"]')!.hidden).toBe(false);
    expect(document.querySelector<HTMLElement>('[data-field="regNoAhaki"]')!.hidden).toBe(false);

    await type("f-postalCode", "650-0001");
    await fireEvent.blur(input("f-postalCode"));
    await waitFor(() => expect(message("postalCode").textContent).toBe(""));
    expect(input("f-postalCode").hasAttribute("aria-invalid")).toBe(false);
  });

  it("併設 with one number saves, the warning beside the empty number", async () => {
    const warning = "あはきの登録記号番号が空欄です。併設でも登録記号番号が1つだけならこのままで保存できます(資格確認の端末も1台で足ります)。別々に登録している場合は入力してください";
    const saveClinicProfile = vi.fn(async (input: ClinicProfileInput) => ({
      profile: clinicProfile({ kind: input.kind ?? "judo" }),
      warnings: [{ field: "regNoAhaki", message: warning }],
    }));
    page(backend({ saveClinicProfile }));
    await screen.findByRole("heading", { name: "施術所の情報" });
    await fireEvent.click(document.querySelector('input[name=kind][value="both"]')!);
    await fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    await waitFor(() => expect(message("regNoAhaki").textContent).toBe(warning));
    expect(saveClinicProfile).toHaveBeenCalledWith(expect.objectContaining({ kind: "both", regNoAhaki: "" }));
    expect(message("regNoAhaki").className).toContain("warning");
    expect(input("f-regNoAhaki").hasAttribute("aria-invalid")).toBe(false);
    expect(document.getElementById("profile-status")!.className).toContain("ok");
  });

  it("another failure of the save says why, and changes nothing typed", async () => {
    const saveClinicProfile = async () => {
      throw refuse("saveClinicProfile", "DatabaseOpen", "データベースに書き込めませんでした");
    };
    page(backend({ saveClinicProfile }));
    await screen.findByRole("heading", { name: "施術所の情報" });
    await type("f-address", "兵庫県神戸市");
    await fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    await waitFor(() =>
      expect(document.getElementById("profile-status")!.textContent).toBe("保存できませんでした: データベースに書き込めませんでした"),
    );
    expect(input("f-address").value).toBe("兵庫県神戸市");
  });

  it("the staff name's message is shown beside it, and a saved name refreshes the history", async () => {
    let refuse = true;
    const setStaffName = vi.fn(async (name: string) => {
      if (refuse) throw invalid("setStaffName", [{ field: "staffName", message: "スタッフ名は50文字以内で入力してください" }]);
      return name.trim();
    });
    const auditLog = vi.fn(async () => [auditEntry()]);
    page(backend({ setStaffName, auditLog }));
    await screen.findByRole("heading", { name: "このパソコンを使うスタッフ" });
    await type("f-staff", "あ".repeat(51));
    await fireEvent.click(screen.getByRole("button", { name: "スタッフ名を保存" }));
    await waitFor(() => expect(message("staffName").textContent).toBe("スタッフ名は50文字以内で入力してください"));
    expect(message("staffName").className).toContain("error");
    expect(input("f-staff").getAttribute("aria-invalid")).toBe("true");
    expect(input("f-staff").getAttribute("aria-describedby")).toContain("msg-staffName");
    expect(document.activeElement).toBe(input("f-staff"));
    expect(input("f-staff").value).toBe("あ".repeat(51));
    expect(said("staff-status"), "the refusal is said beside the field only").toBe("");
    expect(auditLog).toHaveBeenCalledOnce();

    refuse = false;
    await type("f-staff", " 受付 鈴木 ");
    await fireEvent.click(screen.getByRole("button", { name: "スタッフ名を保存" }));
    await waitFor(() => expect(input("f-staff").value).toBe("受付 鈴木"));
    expect(said("staff-status")).toBe("スタッフ名を保存しました");
    expect(message("staffName").textContent).toBe("");
    expect(input("f-staff").hasAttribute("aria-invalid")).toBe(false);
    await waitFor(() => expect(auditLog).toHaveBeenCalledTimes(2));
  });

  it("a staff name that could not be saved for another reason says why under its button", async () => {
    const setStaffName = vi.fn(async () => Promise.reject(refuse("setStaffName", "Database", "データベースに書き込めませんでした")));
    page(backend({ setStaffName }));
    await screen.findByRole("heading", { name: "このパソコンを使うスタッフ" });
    await fireEvent.click(screen.getByRole("button", { name: "スタッフ名を保存" }));
    await waitFor(() => expect(said("staff-status")).toContain("データベースに書き込めませんでした"));
    expect(document.getElementById("staff-status")!.className).toContain("error");
    expect(message("staffName").textContent).toBe("");
  });

  it("lists the change history with Rust's labels, never the stored names", async () => {
    const entries = [
      auditEntry({ id: 3, entity: "settings", action: "update", entityLabel: "設定", actionLabel: "変更", detailLabel: "スタッフ名" }),
      auditEntry({ id: 2, entity: "mystery", action: "zap", entityLabel: "不明な記録(mystery)", actionLabel: "不明な操作(zap)", detailLabel: "" }),
    ];
    page(backend({ auditLog: async () => entries }));
    await screen.findByRole("heading", { name: "変更履歴" });
    const rows = [...document.querySelectorAll("#audit-table tbody tr")];
    expect(rows).toHaveLength(2);
    expect(rows[0].getAttribute("data-entity")).toBe("settings");
    expect([...rows[0].querySelectorAll("td")].slice(1).map((td) => td.textContent)).toEqual(["受付 佐藤", "設定", "変更", "スタッフ名"]);
    expect(rows[0].querySelector("td")!.textContent).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows[1].textContent).toContain("不明な記録(mystery)");
    expect(rows[1].textContent).toContain("不明な操作(zap)");
    expect(document.getElementById("audit-table")!.textContent).not.toContain("update");
  });

  it("an empty history says so", async () => {
    page(backend({ auditLog: async () => [] }));
    await screen.findByText("まだ変更はありません");
  });

  it("shows why it could not load, and is still ready", async () => {
    const onready = vi.fn();
    page(backend({ getClinicProfile: async () => Promise.reject(refuse("getClinicProfile", "DatabaseOpen", "データベースを開けませんでした")) }), onready);
    expect((await screen.findByRole("alert")).textContent).toContain("データベースを開けませんでした");
    expect(document.getElementById("profile-form")).toBeNull();
    expect(onready).toHaveBeenCalledOnce();
  });

  it("left while still loading: nothing is drawn and it never reports ready", async () => {
    let resolve!: (p: ReturnType<typeof clinicProfile>) => void;
    const onready = vi.fn();
    const { unmount } = page(backend({ getClinicProfile: () => new Promise((r) => (resolve = r)) }), onready);
    unmount();
    resolve(clinicProfile());
    await new Promise((r) => setTimeout(r, 0));
    expect(onready).not.toHaveBeenCalled();
    expect(document.getElementById("profile-form")).toBeNull();
    expect(document.body.textContent).not.toContain("施術所の情報");
  });

  it("文字の大きさ: applied to every screen at once and saved; a failed save puts it back", async () => {
    const setTextSize = vi.fn(async (_size: string) => null);
    page(backend({ setTextSize }));
    const xl = (await screen.findByLabelText("特大")) as HTMLInputElement;
    expect((screen.getByLabelText("標準") as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(xl);
    expect(document.documentElement.dataset.textSize).toBe("x_large");
    await waitFor(() => expect(setTextSize).toHaveBeenCalledWith("x_large"));

    document.documentElement.dataset.textSize = "standard";
  });

  it("文字の大きさ: a refused save says why beside the choice and keeps the size that is saved", async () => {
    page(backend({ setTextSize: async () => Promise.reject(new Error("データベースの処理に失敗しました")) }));
    await fireEvent.click(await screen.findByLabelText("大"));
    await waitFor(() => expect(document.getElementById("msg-textSize")!.textContent).toContain("データベースの処理に失敗しました"));
    expect(document.documentElement.dataset.textSize).toBe("standard");
    expect((screen.getByLabelText("標準") as HTMLInputElement).checked).toBe(true);
  });
  it("制度データの更新: shows the data in use and the last check, saves the address, refusals beside the field", async () => {
    const setUpdateAddress = vi
      .fn<(a: string) => Promise<string>>()
      .mockRejectedValueOnce(invalid("setUpdateAddress", [{ field: "updateAddress", message: "https:// で始まる、サーバーの名前のあるアドレスを入力してください(例: https://example.jp/onshi-navi/programs.json)" }]))
      .mockImplementation(async (a) => a.trim());
    page(
      backend({
        setUpdateAddress,
        getUpdateAddress: async () => "",
        programDataStatus: async () => dataStatus({ version: 4, updated: true, lastCheckedAt: "2026-11-28T00:30:00Z", lastResult: "最新です" }),
      }),
    );
    await screen.findByRole("heading", { name: "制度データの更新" });
    expect(document.getElementById("updates-version")!.textContent).toBe("版 4(更新で取り込み)");
    expect(document.getElementById("updates-last-checked")!.textContent).toMatch(/^2026-11-28 \d\d:30$/);
    expect(document.getElementById("updates-last-result")!.textContent).toBe("最新です");
    expect(input("f-updateAddress").value).toBe("");

    await type("f-updateAddress", "http://example.jp/feed");
    await fireEvent.click(screen.getByRole("button", { name: "確認先を保存" }));
    await waitFor(() => expect(message("updateAddress").textContent).toBe("https:// で始まる、サーバーの名前のあるアドレスを入力してください(例: https://example.jp/onshi-navi/programs.json)"));
    expect(input("f-updateAddress").getAttribute("aria-invalid")).toBe("true");
    expect(input("f-updateAddress").getAttribute("aria-describedby")).toBe("hint-updateAddress msg-updateAddress");
    expect(input("f-updateAddress").value).toBe("http://example.jp/feed");
    expect(said("updates-form-status")).toBe("");

    await type("f-updateAddress", " https://example.jp/feed ");
    await fireEvent.click(screen.getByRole("button", { name: "確認先を保存" }));
    await waitFor(() => expect(input("f-updateAddress").value).toBe("https://example.jp/feed"));
    expect(setUpdateAddress).toHaveBeenLastCalledWith(" https://example.jp/feed ");
    expect(said("updates-form-status")).toBe("更新の確認先を保存しました");
    expect(message("updateAddress").textContent).toBe("");

    await type("f-updateAddress", "");
    await fireEvent.click(screen.getByRole("button", { name: "確認先を保存" }));
    await waitFor(() => expect(said("updates-form-status")).toBe("更新の確認先を空にしました(更新を確認しません)"));
  });

  it("制度データの更新: bundled data never checked says so; 今すぐ確認 shows what came of it", async () => {
    const checkProgramUpdates = vi.fn(async () => dataStatus({ version: 5, updated: true, lastCheckedAt: "2026-11-29T01:00:00Z", lastResult: "更新しました(版 5)" }));
    page(backend({ checkProgramUpdates }));
    await screen.findByRole("heading", { name: "制度データの更新" });
    expect(document.getElementById("updates-version")!.textContent).toBe("版 3(アプリに同梱)");
    expect(document.getElementById("updates-last-checked")!.textContent).toBe("まだ確認していません");
    expect(document.getElementById("updates-last-result")).toBeNull();
    await fireEvent.click(document.getElementById("updates-check")!);
    await waitFor(() => expect(document.getElementById("updates-version")!.textContent).toBe("版 5(更新で取り込み)"));
    expect(document.getElementById("updates-last-result")!.textContent).toBe("更新しました(版 5)");
    expect(said("updates-form-status")).toBe("更新しました(版 5)");
    expect(checkProgramUpdates).toHaveBeenCalledOnce();
  });

  it("制度データの更新: a failed check says why and shows the status Rust keeps", async () => {
    const checkProgramUpdates = vi.fn(async () => {
      throw refuse("checkProgramUpdates", "Unreachable", "更新の確認先に接続できませんでした。インターネットの接続を確かめてください");
    });
    const programDataStatus = vi
      .fn()
      .mockResolvedValueOnce(dataStatus())
      .mockResolvedValue(dataStatus({ lastCheckedAt: "2026-11-29T01:00:00Z", lastFailed: true, lastResult: "更新の確認先に接続できませんでした" }));
    page(backend({ checkProgramUpdates, programDataStatus }));
    await screen.findByRole("heading", { name: "制度データの更新" });
    await fireEvent.click(document.getElementById("updates-check")!);
    await waitFor(() => expect(said("updates-form-status")).toContain("更新の確認先に接続できませんでした。インターネットの接続を確かめてください"));
    expect(document.getElementById("updates-form-status")!.className).toContain("error");
    await waitFor(() => expect(document.getElementById("updates-last-result")!.textContent).toBe("更新の確認先に接続できませんでした"));
    expect(document.getElementById("updates-last-result")!.className).toContain("error");
    expect(programDataStatus).toHaveBeenCalledTimes(2);
  });
});
