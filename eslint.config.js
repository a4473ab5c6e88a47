import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** One lint setup for every workspace (each runs `eslint src`). */
export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
);
