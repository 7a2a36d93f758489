import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { tick } from "svelte";
import { describe, expect, it, vi } from "vitest";
import type { Faq as FaqEntry, FaqView } from "../api";
import { BACKEND_KEY } from "../lib/backend";
import { fakeBackend } from "../lib/testing/fakeBackend";
import { faqView } from "../lib/testing/fixtures";
import Faq from "./Faq.svelte";

const source = { title: "導入案内", where: "会員向けページ", url: null, part: "4.Q&A", asOf: "2026-11-24", verified: true };
const entry = (id: string, question: string, verified = true): FaqEntry => ({
  id,
  question,
  answer: [`${question}への答え`],
  links: [],
  source: { ...source, verified },
});
const ALL = [entry("q2", "PC以外の端末を使用しても問題はないのでしょうか?"), entry("q3", "スマートフォンを使用する場合"), entry("q5", "端末は2台必要ですか?", false)];
/** The call centre and count as Rust sends them, with the entries a query found. */
const view = (entries: FaqEntry[]): FaqView => ({ ...faqView(), entries });

/** Every promise already resolved, and what the page does with it, has run. */
async function settled() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await tick();
}

describe("よくある質問", () => {
  it("lists the Q&A from Rust with the call centre, the first answer open, a relayed answer marked", async () => {
    const onready = vi.fn();
    render(Faq, { props: { onready }, context: new Map([[BACKEND_KEY, fakeBackend({ faq: async () => view(ALL) })]]) });
    await screen.findByText("Q2. PC以外の端末を使用しても問題はないのでしょうか?");
    const details = document.querySelectorAll("details");
    expect([...details].map((d) => d.open)).toEqual([true, false, false]);
    expect(document.body.textContent).toContain("0800-080-4583(通話無料)");
    expect(document.body.textContent).toContain("近畿厚生局・未確認");
    expect(document.querySelector("[data-faq=q5]")!.textContent).toContain("公式の文書では確かめられていません");
    expect(document.getElementById("faq-count")!.textContent).toBe("全 6 件");
    expect(onready).toHaveBeenCalledOnce();
  });

  it("searches as staff type, in Rust; an older answer never replaces a newer one", async () => {
    const answers: Record<string, (v: FaqView) => void> = {};
    const faq = vi.fn((query: string) => (query === "" ? Promise.resolve(view(ALL)) : new Promise<FaqView>((r) => (answers[query] = r))));
    render(Faq, { context: new Map([[BACKEND_KEY, fakeBackend({ faq })]]) });
    const box = await screen.findByLabelText("質問を探す");
    await fireEvent.input(box, { target: { value: "スマ" } });
    await fireEvent.input(box, { target: { value: "スマートフォン" } });
    expect(faq.mock.calls.map((c) => c[0])).toEqual(["", "スマ", "スマートフォン"]);
    answers["スマートフォン"](view([ALL[1]]));
    await waitFor(() => expect(document.getElementById("faq-count")!.textContent).toBe("1 件見つかりました(全 6 件)"));
    answers["スマ"](view(ALL));
    // The stale answer's promise and the page's handling of it run to the end before looking.
    await settled();
    expect([...document.querySelectorAll("details")].map((d) => d.dataset.faq)).toEqual(["q3"]);
    expect((document.querySelector("details") as HTMLDetailsElement).open).toBe(true);
  });

  it("says so when nothing is found, and where to call", async () => {
    const faq = vi.fn(async (query: string) => view(query ? [] : ALL));
    render(Faq, { context: new Map([[BACKEND_KEY, fakeBackend({ faq })]]) });
    await fireEvent.input(await screen.findByLabelText("質問を探す"), { target: { value: "レセコン" } });
    await screen.findByText("見つかりませんでした。ことばを変えるか、下のコールセンターにお問い合わせください。");
  });
});
