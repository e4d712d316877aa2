import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

describe("shared tsconfig", () => {
  const base = JSON.parse(readFileSync(new URL("./tsconfig.base.json", import.meta.url), "utf8")) as {
    compilerOptions: Record<string, unknown>;
  };
  it("keeps the strict options every package relies on", () => {
    expect(base.compilerOptions).toMatchObject({
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      module: "ESNext",
    });
  });
});

describe("shared eslint config", () => {
  const eslint = new ESLint({ overrideConfigFile: new URL("./eslint.config.js", import.meta.url).pathname, cwd: import.meta.dirname });
  const lint = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

  it("forbids reading process.env outside config modules", async () => {
    expect(await lint("export const x = process.env.FOO;\n", "src/thing.ts")).toContain("no-restricted-properties");
    expect(await lint("export const x = process.env.FOO;\n", "src/config.ts")).not.toContain("no-restricted-properties");
  });

  it("requires type-only imports to say so", async () => {
    expect(await lint('import { Foo } from "./foo.ts";\nexport const f = (x: Foo) => x;\n', "src/a.ts")).toContain(
      "@typescript-eslint/consistent-type-imports",
    );
  });
});
