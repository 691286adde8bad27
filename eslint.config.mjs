import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.data/', 'test-results/', 'next-env.d.ts', 'payload-types.ts', 'app/(payload)/admin/importMap.js', 'db/migrations/*.ts', '!db/migrations/*_network_constraints.ts', '!db/migrations/index.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
)
