import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_ID, parseExactId, parseId } from "@/lib/ids";
import { idField, idListField, optionalIdField } from "@/lib/validation/ids";

describe("one reading of an id", () => {
  it("parseId takes digits or an integer within 1…max, and nothing else", () => {
    expect(["12", " 12 ", "012", String(MAX_ID)].map((v) => parseId(v))).toEqual([12, 12, 12, MAX_ID]);
    expect(["", "0", "-1", "12abc", "1e3", "0x10", "12.5", "+5", String(MAX_ID + 1), "99999999999"].map((v) => parseId(v))).toEqual(Array(10).fill(null));
    expect([7, 0, -3, 1.5, Number.NaN, MAX_ID + 1].map((v) => parseId(v))).toEqual([7, null, null, null, null, null]);
    expect([null, undefined, {}, ["3"]].map((v) => parseId(v))).toEqual([null, null, null, null]);
    expect([parseId("9999", 9999), parseId("10000", 9999)]).toEqual([9999, null]);
  });

  it("parseExactId takes a path segment that is only digits", () => {
    expect(["12", "012", " 12", "12 ", "0", "12-name", undefined].map(parseExactId)).toEqual([12, 12, null, null, null, null, null]);
  });

  it("the zod fields say the caller's message for anything that is not an id", () => {
    const schema = z.object({ id: idField("Not found."), pick: optionalIdField("Choose one."), many: idListField("Choose them.", 3, "At most 3.") });
    expect(schema.parse({ id: "4", pick: "", many: ["2", "", "2", "5"] })).toEqual({ id: 4, pick: null, many: [2, 5] });
    expect(schema.parse({ id: 4, pick: undefined, many: undefined })).toEqual({ id: 4, pick: null, many: [] });
    const bad = schema.safeParse({ id: "4x", pick: "-1", many: ["1", "x"] });
    expect(bad.success).toBe(false);
    expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({ id: "Not found.", pick: "Choose one.", many: "Choose them." });
    expect(schema.safeParse({ id: "1", many: ["1", "2", "3", "4"] }).error?.issues[0].message).toBe("At most 3.");
    expect(schema.safeParse({ many: [] }).error?.issues[0].message).toBe("Not found.");
  });
});
