import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import StatusBadge from "./StatusBadge.svelte";
import Faq from "../../pages/Faq.svelte";

describe("shared components", () => {
  it("a status badge shows Rust's label with its state's colour", () => {
    render(StatusBadge, { props: { state: "closed", label: "受付終了" } });
    const badge = screen.getByText("受付終了");
    expect(badge.className).toBe("badge closed");
  });
});

describe("よくある質問", () => {
  it("lists the guide's Q&A with the call centre, the first answer open", () => {
    let ready = 0;
    render(Faq, { props: { onready: () => ready++ } });
    const details = document.querySelectorAll("details");
    expect(details.length).toBe(6);
    expect(details[0].open).toBe(true);
    expect(details[1].open).toBe(false);
    expect(document.body.textContent).toContain("0800-080-4583");
    expect(ready).toBe(1);
  });
});
