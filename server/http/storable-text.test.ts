import { describe, expect, it } from "vitest";
import { HttpError } from "./errors.ts";
import { assertStorableText, unstorableTextIssues } from "./storable-text.ts";

describe("unstorableTextIssues", () => {
  it("names every string with a NUL or an unpaired surrogate, nested, with its path", () => {
    const value = { note: "a\u0000b", items: ["ok", "x\ud800"], nested: { deep: "\udc00" }, n: 1 };
    expect(unstorableTextIssues(value, "body")).toEqual([
      { path: "body.note", message: "must not contain NUL characters (\\u0000)" },
      { path: "body.items.1", message: "contains an invalid character (an unpaired UTF-16 surrogate)" },
      { path: "body.nested.deep", message: "contains an invalid character (an unpaired UTF-16 surrogate)" },
    ]);
  });

  it("accepts emoji (surrogate pairs), accents and empty strings", () => {
    expect(unstorableTextIssues({ a: "🩸💉", b: "Zoë", c: "" })).toEqual([]);
  });

  it("throws a 400 validation error naming the field", () => {
    expect(() => assertStorableText({ chair: "4\u0000" })).toThrow(HttpError);
    expect(() => assertStorableText({ chair: "4\u0000" })).toThrow(/chair must not contain NUL/);
  });
});
