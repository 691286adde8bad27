import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

const root = path.dirname(fileURLToPath(import.meta.url))

/** The capability folders of a layer (`modules`, `engine`): one sub-folder per capability. */
const capabilitiesOf = (layer) =>
  fs
    .readdirSync(path.join(root, layer), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()

/** Shared by every capability of a layer, imported freely: money, decimals, calendar days, progress, http... */
const SHARED = 'core'

/**
 * What engine/ may take from packages: exact decimals, hashing and the GoRules ZEN rules engine (a pure evaluator of
 * decision graphs, used only by engine/rules). Everything else is I/O or a framework.
 */
const ENGINE_PACKAGES = ['decimal.js', 'node:crypto', '@gorules/zen-engine']

/**
 * One capability importing another's internals: for each layer, capability `a` may import capability `b`
 * (b ≠ a, b ≠ core) only through `<layer>/<b>/index.ts`, its public surface. Within one capability anything goes.
 */
const capabilityZones = (layer) => {
  const capabilities = capabilitiesOf(layer)
  return capabilities.flatMap((a) =>
    capabilities
      .filter((b) => b !== a && b !== SHARED)
      .map((b) => ({
        target: `./${layer}/${a}`,
        from: `./${layer}/${b}`,
        except: ['./index.ts'],
        message: `${layer}/${a} may use ${layer}/${b} only through its index.ts (import '…/${layer}/${b}'); export what you need there.`,
      })),
  )
}

/** Layers whose code is filed by capability (`<layer>/<capability>/…`). */
const CAPABILITY_LAYERS = ['collections', 'access', 'hooks', 'components', 'jobs/tasks', 'seed', 'modules', 'engine']

/**
 * Any layer's capability `a` using another capability's services or rules (modules/<b>, engine/<b>): through that
 * capability's index.ts too. Its own modules/<a> and engine/<a> it uses freely.
 */
const crossLayerZones = () =>
  CAPABILITY_LAYERS.filter((layer) => fs.existsSync(path.join(root, layer))).flatMap((layer) =>
    capabilitiesOf(layer).flatMap((a) =>
      ['modules', 'engine'].flatMap((provider) =>
        capabilitiesOf(provider)
          .filter((b) => b !== a && b !== SHARED && !(provider === layer))
          .map((b) => ({
            target: `./${layer}/${a}`,
            from: `./${provider}/${b}`,
            except: ['./index.ts'],
            message: `${layer}/${a} may use ${provider}/${b} only through its index.ts (import '…/${provider}/${b}'); export what you need there.`,
          })),
      ),
    ),
  )

/** The layer boundaries (issue 13): checked on every file by `npm run lint`; test/unit/system/boundaries.test.ts proves they bite. */
const BOUNDARY_ZONES = [
  {
    target: './engine',
    from: './',
    except: ['./engine', './node_modules'],
    message: 'engine/ is pure: it imports nothing outside engine/ (no Payload, no database, no jobs, no modules).',
  },
  {
    target: './modules',
    from: ['./collections', './components', './jobs', './app'],
    message:
      'modules/ never imports collections/, components/, jobs/ or app/: take what you need as an argument (e.g. an OnProgress callback).',
  },
  ...capabilityZones('modules'),
  ...capabilityZones('engine'),
  ...crossLayerZones(),
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.data/',
      'test-results/',
      'next-env.d.ts',
      'payload-types.ts',
      'clients/typescript/accrue-api.d.ts',
      'app/(payload)/admin/importMap.js',
      'db/migrations/*.ts',
      '!db/migrations/*_network_constraints.ts',
      '!db/migrations/index.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs,jsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Relative imports are written without an extension; the resolver finds the .ts/.tsx file they name, which
      // the zones below compare against (an import it cannot resolve is not checked, so the test pins this).
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs', '.json', '.d.ts'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: BOUNDARY_ZONES }],
      // One import line per module (the barrels made two easy to write).
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['engine/**'],
    rules: {
      // Packages are resolved into node_modules, which the engine zone lets through; this names the few engine/ may use.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\.|${ENGINE_PACKAGES.map((name) => name.replace(/[.]/g, '\\.')).join('$|')}$)`,
              message: `engine/ is pure: of packages it imports only ${ENGINE_PACKAGES.join(', ')} (no Payload, pg, next, react or node I/O).`,
            },
          ],
        },
      ],
    },
  },
)
