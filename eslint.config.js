import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "server/db/migrations/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["web/**/*.tsx", "web/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, "react-hooks/set-state-in-effect": "off" },
  },
  {
    // Configuration is read once, in env.ts; everything else gets it passed in.
    files: ["server/**/*.ts", "common/**/*.ts", "web/**/*.{ts,tsx}"],
    ignores: ["server/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration in server/env.ts." },
      ],
    },
  },
  {
    // Expected failures in domain code are AppErrors with a stable code, never bare Errors.
    files: ["server/modules/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ThrowStatement > NewExpression[callee.name='Error']",
          message: "Throw an AppError with a stable code.",
        },
        {
          selector: "CallExpression[callee.property.name='partial'][arguments.length=0]",
          message: "Use patchOf(schema) from common/schemas/common.ts: .partial() keeps defaults.",
        },
      ],
    },
  },
  {
    // zod's .partial() keeps field defaults, so an omitted field would be reset: PATCH bodies use patchOf().
    files: ["common/**/*.ts", "server/**/*.ts"],
    ignores: ["**/*.test.ts", "server/modules/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='partial'][arguments.length=0]",
          message: "Use patchOf(schema) from common/schemas/common.ts: .partial() keeps defaults.",
        },
      ],
    },
  },
  {
    // Modules reach each other only through the other module's index.ts (its public face);
    // server/modules/boundaries.test.ts also keeps the module graph free of loops.
    files: ["server/modules/*/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./[^./][^/]*/(?!index\\.ts$).+",
              message: "Import another module through its index.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/modules/*/*/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./\\.\\./[^./][^/]*/(?!index\\.ts$).+",
              message: "Import another module through its index.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // A module may use another module's services, but never reach into its database schema directly.
    files: ["web/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/server/**"], message: "The web app shares code through common/ only." }] },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/*.int.test.ts", "e2e/**/*.ts", "test-support/**/*.ts", "bench/**/*.ts"],
    rules: { "no-restricted-properties": "off" },
  },
);
