// Lint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-vue; formatting is Prettier's alone
// (eslint-config-prettier turns off the rules that would fight it). The type checker (vue-tsc) runs beside it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-results/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.ts', '**/*.vue'],
    rules: {
      // TypeScript itself reports undefined names, with the right globals for node and the browser.
      'no-undef': 'off',
      // A leading underscore names what is left unused on purpose (a rest's omitted key, a loop's count).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  prettier,
);
