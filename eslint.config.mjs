import tseslint from "typescript-eslint";
import drizzle from "eslint-plugin-drizzle";

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".next-*/**", "data/**", "drizzle/sqlite/**", "next-env.d.ts", "dist/**", "bench/results/**", "bench/tmp/**", "test-results/**", "playwright-report/**"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ["*.mjs", "bin/*.mjs", "scripts/*.mjs"] }, tsconfigRootDir: import.meta.dirname } },
    plugins: { drizzle },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "max-lines": ["warn", { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The domain is pure: no database, framework, network or clock.
    files: ["server/domain/**/*.ts"],
    ignores: ["server/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/db/**", "drizzle-orm*", "next", "next/*", "@slack/*", "@modelcontextprotocol/*", "better-sqlite3", "**/services/**", "**/runtime/**"] }],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "domain code takes `now` as an argument" }, { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "domain code takes `now` as an argument" }],
    },
  },
  {
    // Pages, components and transport talk to services, never to the database directly.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "server/api/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["drizzle-orm*", "**/db/sqlite/**", "better-sqlite3"] }] },
  },
  {
    files: ["**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
