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
    expect(refererPath("http://localhost:3000/courses/dl", "http://localhost:3000/api/locale")).toBe("/courses/dl");
    expect(refererPath("http://evil.example/x", "http://localhost:3000/api/locale")).toBe("/");
    expect(refererPath("not a url", "http://localhost:3000/api/locale")).toBe("/");
    expect(refererPath(null, "http://localhost:3000/api/locale", "/my")).toBe("/my");
  });
});
