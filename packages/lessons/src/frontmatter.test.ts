import { describe, expect, it } from "vitest";
import { LessonFormatError, parseLessonFile, splitFrontMatter } from "./frontmatter.ts";

const good = `---
title: Optimisers
summary: Momentum and Adam.
minutes: 35
---
Body text.
`;

describe("front matter", () => {
  it("parses valid metadata, adds the lesson's exercises from their manifests and returns the body", () => {
    const { meta, body } = parseLessonFile(good, "04-optimisers");
    expect(meta).toEqual({
      title: "Optimisers",
      summary: "Momentum and Adam.",
      minutes: 35,
      exerciseIds: ["sgd-momentum", "adam"],
    });
    expect(body).toBe("Body text.\n");
  });

  it("keeps colons inside values", () => {
    expect(splitFrontMatter("---\ntitle: A: B\n---\n").fields["title"]).toBe("A: B");
  });

  it.each([
    ["no front matter", "Body only", /missing front matter/],
    ["a non-numeric minutes", good.replace("minutes: 35", "minutes: soon"), /minutes/],
    ["an unknown key", good.replace("minutes: 35", "minutes: 35\nauthor: me"), /author/],
    ["a missing title", good.replace("title: Optimisers\n", ""), /title/],
    // Each exercise.json names its lesson: a second list in the lesson file could only drift.
    ["an exercises list", good.replace("minutes: 35", "minutes: 35\nexercises: sgd-momentum, adam"), /exercises/],
    ["a duplicated key", good.replace("minutes: 35", "minutes: 35\nminutes: 36"), /twice/],
  ])("rejects %s", (_name, source, message) => {
    expect(() => parseLessonFile(source, "04-optimisers")).toThrow(LessonFormatError);
    expect(() => parseLessonFile(source, "04-optimisers")).toThrow(message);
  });
});
