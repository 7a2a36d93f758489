import { describe, expect, it } from "vitest";
import { errorMessage, fieldIssues, firstField, isValidation, messagesByField } from "./form";

// Shaped as `ApiError` is (code, message, fields), without loading the Tauri API.
const refused = Object.assign(new Error("入力内容を確認してください"), {
  code: "Validation",
  fields: [
    { field: "address", message: "住所を入力してください" },
    { field: "postalCode", message: "郵便番号は7桁の数字で入力してください" },
    { field: "address", message: "住所は200文字以内で入力してください" },
  ],
});

describe("form helpers", () => {
  it("maps Rust's field messages by field, the first message of a field kept", () => {
    expect(messagesByField(refused.fields)).toEqual({
      address: "住所を入力してください",
      postalCode: "郵便番号は7桁の数字で入力してください",
    });
    expect(messagesByField([])).toEqual({});
  });

  it("reads the field problems of a refused form, and none of any other failure", () => {
    expect(fieldIssues(refused)).toHaveLength(3);
    expect(fieldIssues(new Error("だめ"))).toEqual([]);
    expect(fieldIssues("文字列")).toEqual([]);
    expect(fieldIssues(null)).toEqual([]);
    expect(fieldIssues({ fields: [{ field: "x" }, { field: "y", message: "m" }] })).toEqual([{ field: "y", message: "m" }]);
  });

  it("tells a refusal from a failure", () => {
    expect(isValidation(refused)).toBe(true);
    expect(isValidation(Object.assign(new Error("x"), { code: "DatabaseOpen", fields: [] }))).toBe(false);
    expect(isValidation(undefined)).toBe(false);
  });

  it("finds the first field with a message in the form's order, not Rust's", () => {
    const order = ["name", "kind", "postalCode", "address"];
    expect(firstField(messagesByField(refused.fields), order)).toBe("postalCode");
    expect(firstField({ unknown: "?" }, order)).toBe("unknown");
    expect(firstField({}, order)).toBeNull();
  });

  it("gives the text of any failure", () => {
    expect(errorMessage(refused)).toBe("入力内容を確認してください");
    expect(errorMessage("接続できません")).toBe("接続できません");
  });
});
