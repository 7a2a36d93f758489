import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { BACKEND_KEY, type Backend } from "../../lib/backend";
import { fakeBackend } from "../../lib/testing/fakeBackend";
import PosterPanel from "./PosterPanel.svelte";

function panel(calls: Partial<Backend>) {
  const backend = fakeBackend(calls);
  render(PosterPanel, { props: { id: "p" }, context: new Map([[BACKEND_KEY, backend]]) });
  return userEvent.setup();
}

describe("患者さん向けのポスター・チラシ", () => {
  it("offers both treatments to a 併設 clinic and prints the one chosen, as a flyer", async () => {
    const printPoster = vi.fn(async () => "/data/print/マイナ保険証チラシ_20261129.pdf");
    const showInFolder = vi.fn(async () => null);
    const user = panel({ posterChoices: async () => ({ clinicName: "さくら整骨院", audiences: ["judo", "ahaki"] }), printPoster, showInFolder });
    await user.click(await screen.findByLabelText("はり・きゅう・あん摩マッサージ指圧"));
    await user.click(screen.getByLabelText("チラシ(A4にA5が2枚)"));
    await user.click(document.getElementById("p-print")!);
    await waitFor(() => expect(printPoster).toHaveBeenCalledWith("ahaki", "flyer"));
    // Said under the buttons, and kept: the file's name, its folder, and a way to open it.
    const line = document.getElementById("p-status")!;
    await waitFor(() => expect(line.textContent).toContain("印刷用のPDFを開きました"));
    expect(line.textContent).toContain("マイナ保険証チラシ_20261129.pdf");
    expect(line.textContent).toContain("保存先: /data/print");
    await user.click(screen.getByRole("button", { name: "フォルダを開く" }));
    expect(showInFolder).toHaveBeenCalledWith("/data/print/マイナ保険証チラシ_20261129.pdf");
    // The clinic's own notice, said as such, with where the ministry's official ones are.
    expect(document.getElementById("p-own")!.textContent).toContain("施術所が自分で作るお知らせです");
    expect(document.getElementById("p-own")!.textContent).toContain("公式のチラシとポスター");
  });

  it("a clinic of one kind gets its poster without a choice; without a name it says where to enter it", async () => {
    const posterPreview = vi.fn(async () => ['<svg xmlns="http://www.w3.org/2000/svg"/>']);
    const user = panel({ posterChoices: async () => ({ clinicName: "", audiences: ["ahaki"] }), posterPreview });
    expect((await screen.findByText(/施術所名がまだ登録されていません/)).id).toBe("p-no-name");
    expect(screen.queryByLabelText("柔道整復(整骨院・接骨院)")).toBeNull();
    await user.click(document.getElementById("p-preview")!);
    await waitFor(() => expect(posterPreview).toHaveBeenCalledWith("ahaki", "poster"));
    expect((await screen.findByAltText("ポスター 1ページ目")).getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
  });

  it("a closed save dialog says nothing; a failure is shown", async () => {
    const savePosterPdf = vi.fn(async () => null as string | null);
    const user = panel({ savePosterPdf });
    await screen.findByLabelText("ポスター(A4 1枚)");
    await user.click(document.getElementById("p-save")!);
    await waitFor(() => expect(savePosterPdf).toHaveBeenCalledOnce());
    expect(document.getElementById("p-status")!.textContent).toBe("");
    savePosterPdf.mockResolvedValueOnce("/home/staff/ポスター.pdf");
    await user.click(document.getElementById("p-save")!);
    await waitFor(() => expect(document.getElementById("p-status")!.textContent).toContain("ポスターをPDFで保存しました"));
    expect(document.getElementById("p-status")!.textContent).toContain("ポスター.pdf");
    // A failure replaces the line: the last file saved is no longer claimed.
    savePosterPdf.mockRejectedValueOnce(new Error("保存できませんでした"));
    await user.click(document.getElementById("p-save")!);
    expect((await screen.findByRole("alert")).textContent).toBe("保存できませんでした");
    expect(document.getElementById("p-status")!.textContent).toBe("");
  });
});
