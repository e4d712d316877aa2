// Shared flat ESLint config: typescript-eslint's recommended rules plus the few we rely on.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export const ignores = [
  "**/node_modules/**",
  "**/dist/**",
  "**/.next/**",
  "**/generated/**",
  "**/coverage/**",
  "**/test-results/**",
  "**/playwright-report/**",
  "**/*.d.ts",
];

export default tseslint.config(
  { ignores },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through a config module parsed with zod." },
      ],
    },
  },
  {
    // Config modules are the one place allowed to read the environment.
    files: ["**/config.ts", "**/config/*.ts", "**/*.config.{js,ts,mjs}", "**/scripts/**", "**/e2e/**", "**/bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
);
