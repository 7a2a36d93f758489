import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import StatusBadge from "./StatusBadge.svelte";

describe("shared components", () => {
  it("a status badge shows Rust's label with its state's colour", () => {
    render(StatusBadge, { props: { state: "closed", label: "受付終了" } });
    const badge = screen.getByText("受付終了");
    expect(badge.className).toBe("badge closed");
  });
});
