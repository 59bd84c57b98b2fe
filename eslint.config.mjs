import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

// Lint for bugs, not taste: type-aware promise rules (an un-awaited ownership check never fires)
// and drizzle's guards against delete/update without a where clause.
export default tseslint.config(
  { ignores: ['.next/**', '.next-bench/**', 'node_modules/**', '.data/**', 'next-env.d.ts', 'bench/reports/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
);
