import { describe, expect, it } from "vitest";
import { refererPath, safeNext } from "./safe-path.ts";

describe("safeNext", () => {
  it("keeps local paths and refuses anything that leaves the site", () => {
    expect(safeNext("/courses/dl?tab=1")).toBe("/courses/dl?tab=1");
    expect(safeNext("//evil.example")).toBe("/my");
    expect(safeNext("/\\evil.example")).toBe("/my");
    expect(safeNext("https://evil.example")).toBe("/my");
    expect(safeNext("/ok\nSet-Cookie:x")).toBe("/my");
    expect(safeNext(undefined, "/")).toBe("/");
  });
});

describe("refererPath", () => {
  it("uses a same-origin referer and ignores foreign ones", () => {
    expect(refererPath("http://localhost:3000/courses/dl", "localhost:3000")).toBe("/courses/dl");
    expect(refererPath("http://evil.example/x", "localhost:3000")).toBe("/");
    expect(refererPath("not a url", "localhost:3000")).toBe("/");
    expect(refererPath(null, "localhost:3000", "/my")).toBe("/my");
    expect(refererPath("http://127.0.0.1:3000/x", "localhost:3000")).toBe("/");
    expect(refererPath("http://127.0.0.1:3000/x", null)).toBe("/");
  });
});
