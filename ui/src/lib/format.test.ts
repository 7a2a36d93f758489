import { describe, expect, it } from "vitest";
import { fieldLabel, localDateTime, messageBlocks, parseYen, postalCode } from "./format";
import { toApiError, ApiError } from "../api";

describe("format", () => {
  it("postal codes get their hyphen", () => {
    expect(postalCode("1000001")).toBe("100-0001");
    expect(postalCode("12345")).toBe("12345");
  });
  it("timestamps become local minutes, bad input is kept", () => {
    expect(localDateTime("not a date")).toBe("not a date");
    expect(localDateTime("2026-11-27T09:00:00Z")).toMatch(/^2026-11-2\d \d\d:00$/);
  });
  it("reads yen amounts as staff type them", () => {
    expect(parseYen("39,800")).toBe(39800);
    expect(parseYen("３９，８００円")).toBe(39800);
    expect(parseYen("¥41,000")).toBe(41000);
    expect(parseYen("")).toBeNull();
    expect(parseYen("-500")).toBeNull();
    expect(parseYen("4.5")).toBeNull();
    expect(parseYen("abc")).toBeNull();
  });
  it("labels fields in Japanese", () => {
    expect(fieldLabel("postalCode")).toBe("郵便番号");
    expect(fieldLabel("unknown")).toBe("unknown");
  });
});

describe("messages from Rust", () => {
  it("keep every line, numbered ones as steps", () => {
    const m = "壊れています。\nファイルの場所: C:\\Users\\山田 太郎\\a.sqlite3\n1. 削除しない\n2. 閉じる\nその間も…";
    expect(messageBlocks(m)).toEqual([
      { kind: "text", text: "壊れています。" },
      { kind: "text", text: "ファイルの場所: C:\\Users\\山田 太郎\\a.sqlite3" },
      { kind: "steps", steps: ["削除しない", "閉じる"] },
      { kind: "text", text: "その間も…" },
    ]);
    expect(messageBlocks("一行だけ")).toEqual([{ kind: "text", text: "一行だけ" }]);
  });
});

describe("errors", () => {
  it("keeps our typed errors", () => {
    const e = toApiError({ code: "Validation", message: "入力内容を確認してください", fields: [] });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe("Validation");
  });
  it("turns Tauri's string rejections into an internal error", () => {
    const e = toApiError("command not allowed");
    expect(e.code).toBe("Internal");
    expect(e.message).toContain("command not allowed");
  });

  it("error codes are the union Rust generates: a code it does not have is a type error", () => {
    const e = toApiError({ code: "WrongPin", message: "暗証番号が違います", fields: [] });
    expect(e.code).toBe("WrongPin");
    // @ts-expect-error: "WrongPn" is not an ErrorCode, so tsc refuses the comparison
    expect(e.code === "WrongPn").toBe(false);
  });
});
