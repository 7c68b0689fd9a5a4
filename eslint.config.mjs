import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.artifacts/**', 'tools/**/bin/**', 'tools/**/obj/**', 'storefront/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'process.env is read only in shared/config.',
        },
      ],
    },
  },
  {
    // Migrations describe past schemas, so they cannot use today's table types (Kysely's own advice).
    files: ['shared/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/config/**', 'scripts/**', 'tests/**', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
