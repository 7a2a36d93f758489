import { describe, expect, it } from "vitest";
import { ApiError } from "../../api";
import { refusal } from "./errors";

describe("a fake's refusal", () => {
  it("is the UI's error shape when Rust lists the code for that command", () => {
    const e = refusal("setSubsidyStatus", "ChecklistIncomplete", "まだ申請の準備ができていません。");
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.message, e.fields]).toEqual(["ChecklistIncomplete", "まだ申請の準備ができていません。", []]);
  });

  it("fails the test for a code the command never returns", () => {
    expect(() => refusal("appInfo", "Validation", "x")).toThrow("appInfo never refuses with Validation");
    expect(() => refusal("purgeInsuranceRecords", "ChecklistIncomplete", "x")).toThrow(/never refuses/);
  });
});
