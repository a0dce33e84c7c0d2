import { describe, expect, it } from "vitest";
import { replyProblem } from "@/lib/server/action-body";
import { RefusalLog } from "@/lib/server/refusal-log";

const fields = (entries: Record<string, string | { file: true }>) => new Map(Object.entries(entries));

describe("replyProblem (React's reply format, as the client encodes action arguments)", () => {
  it("accepts what React's client sends", () => {
    expect(replyProblem(fields({ "0": '["$K1"]', _1_movieId: "3" }))).toBeNull();
    expect(replyProblem(fields({ "0": '[{"message":"$$5 off"},"$K1"]' }))).toBeNull();
    expect(replyProblem(fields({ "0": '["$@1",{"a":"$2:x:y"}]', "1": '"later"', "2": '{"x":{"y":1}}' }))).toBeNull();
    expect(replyProblem(fields({ "0": '["$n123","$D2026-01-01T00:00:00.000Z","$undefined","$B1"]', "1": { file: true } }))).toBeNull();
    expect(replyProblem(fields({ "$ACTION_1:0": '{"id":"abc","bound":"$@1"}', "$ACTION_1:1": "[]" }), "$ACTION_1:")).toBeNull();
  });

  it("names what React would refuse", () => {
    expect(replyProblem(fields({}))).toBe("part 0 is missing");
    expect(replyProblem(fields({ "0": "[{oops" }))).toBe("part 0 is not JSON");
    expect(replyProblem(fields({ "0": '["$3"]' }))).toBe("part 3 is missing");
    expect(replyProblem(fields({ "0": '["$Q1"]', "1": "not json" }))).toBe("part 1 is not JSON");
    expect(replyProblem(fields({ "0": '["$nabc"]' }))).toBe("a BigInt is not a number");
    expect(replyProblem(fields({ "0": '["$B1"]', "1": "text" }))).toBe("a binary value refers to a missing file part");
    expect(replyProblem(fields({ "0": { file: true } }))).toBe("part 0 is a file where a value belongs");
  });

  it("follows references once, cycles included", () => {
    expect(replyProblem(fields({ "0": '["$1"]', "1": '["$0"]' }))).toBeNull();
  });
});

describe("RefusalLog", () => {
  it("writes one line per kind per 10 s and counts the rest", () => {
    const lines: string[] = [];
    const log = new RefusalLog((line) => lines.push(line));
    for (let i = 0; i < 500; i++) log.note("action-400", `request ${i}`, 1_000 + i);
    log.note("router-state", "bad", 2_000);
    log.note("action-400", "after the pause", 12_000);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain("and 499 more like it");
  });
});
