// Type-checked lint for every package. The dependency direction (core ← cli; core uses no Node
// APIs and imports no other package) is enforced here rather than remembered.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'stream',
  'util',
  'url',
  'crypto',
  'http',
  'https',
  'net',
  'readline',
  'events',
  'buffer',
  'process',
  'zlib',
  'perf_hooks',
  'module',
  'vm',
  'tty',
  'dns',
  'cluster',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      '**/_data.ts',
      '**/_data/**',
      '**/_compiled.ts',
      '**/_compiled/**',
      '**/_model.ts',
      '**/_scenarios.ts',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.mjs'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    ignores: ['packages/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'core runs in the browser too: no Node APIs (put I/O in server or cli).' })),
          patterns: [
            { group: ['node:*'], message: 'core runs in the browser too: no Node APIs (put I/O in server or cli).' },
            { group: ['@calmline/*'], message: 'core depends on no other Calmline package (core ← server ← cli).' },
            { group: ['../../../*/src/*', '../../../../packages/*'], message: 'core must not reach into other packages.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core runs in the browser too: no process.' },
        { name: 'Buffer', message: 'core runs in the browser too: no Buffer.' },
        { name: 'require', message: 'no CommonJS in core.' },
      ],
    },
  },
  {
    // The web UI talks to the server over HTTP only; it may use core (types, the coach in the browser).
    files: ['packages/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@calmline/server', '@calmline/server/*', '@calmline/cli', '@calmline/cli/*', '../../../server/*', '../../../cli/*'],
              message: 'web talks to the API only (core ← server ← cli; web uses core and HTTP).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@calmline/cli', '@calmline/cli/*', '../../cli/*', '../../../cli/*'],
              message: 'server must not depend on cli (core ← server ← cli).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'scripts/**/*.ts', 'vitest.config.ts', 'packages/server/src/test/**/*.ts', 'packages/web/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
