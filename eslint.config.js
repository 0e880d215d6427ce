// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Package boundaries of docs/architecture.md, enforced where the code lives (tests may use tooling). */
const productionCode = (pkg) => [`packages/${pkg}/src/**/*.{ts,tsx}`];
const testFiles = ['**/*.test.{ts,tsx}', '**/*.bench.ts', '**/test/**', '**/bench/**'];

export const domainImportRule = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          // An allowlist: domain may import its own files, shared and small pure libraries only.
          regex: '^(?!\\.{1,2}/|@parkeer/shared/|@date-fns/tz$)',
          message:
            'packages/domain is pure and browser-safe: it imports only @parkeer/shared and small pure libraries (see docs/architecture.md).',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'process', message: 'domain has no I/O or environment: pass values in.' },
    { name: 'window', message: 'domain runs in Node and the browser alike.' },
    { name: 'document', message: 'domain runs in Node and the browser alike.' },
    { name: 'setTimeout', message: 'domain has no hidden clock.' },
    { name: 'fetch', message: 'domain does no I/O.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
      message: 'domain has no hidden clock: take `now` as an argument.',
    },
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'domain has no hidden clock: take `now` as an argument.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      'data/**',
      'artifacts/**',
      'packages/web/src/app/graphql-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: productionCode('shared'),
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The one exception: the ICU message formatter both apps share
              // (docs/architecture.md §Strings).
              regex: '^(?!\\.{1,2}/|intl-messageformat$|@formatjs/icu-messageformat-parser$)',
              message:
                'packages/shared imports nothing of ours and no libraries but the ICU formatter.',
            },
          ],
        },
      ],
    },
  },
  { files: productionCode('domain'), ignores: testFiles, rules: domainImportRule },
  {
    files: productionCode('web'),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@parkeer/api', '@parkeer/api/*'],
              message: 'web talks to the API over GraphQL only.',
            },
            {
              group: ['@parkeer/shared/messages/mail*'],
              message:
                'only the API sends mail: the mail texts stay out of the SPA (docs/architecture.md §Strings).',
            },
          ],
        },
      ],
    },
  },
  {
    files: productionCode('api'),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@parkeer/web', '@parkeer/web/*'], message: 'api never imports web.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.resolver.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mikro-orm/*'],
              message: 'resolvers stay thin: the EntityManager belongs to services.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
