import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

// Lint for bugs, not taste: typescript-eslint's type-checked preset (no-floating-promises,
// no-misused-promises: an un-awaited ownership check never fires; no-unsafe-*: an `any` let
// through unchecked), exhaustive switches over the vocabulary's unions, and drizzle's guards
// against delete/update without a where clause.
export default tseslint.config(
  { ignores: ['.next/**', '.next-bench/**', 'node_modules/**', '.data/**', 'next-env.d.ts', 'bench/reports/**', 'test-results/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A default clause does not excuse a missing case: a word added to a vocabulary union must
      // be handled (or knowingly sent to default) in every switch over it.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }],
      // Relaying a value we did not make (an AbortSignal's reason, an error caught upstream) must
      // keep it as it is; rejecting with a literal or a non-Error we construct is still reported.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'test/**', 'scrapers/*/test-helpers.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // A fake stands in for an async interface; `async` keeps its throws rejections, as in the real one.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Config files in plain JavaScript are outside the TypeScript project: no type information.
  { files: ['**/*.mjs', '**/*.js', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
);
