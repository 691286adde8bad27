/**
 * The layer boundaries of eslint.config.mjs bite: a forbidden import in a file of each layer is reported by the
 * same configuration `npm run lint` uses, and the allowed forms are not. The snippets are linted as if they were
 * files at the given paths (nothing is written); the imports they name exist, so the resolver must find them.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const BOUNDARY_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports'])

let eslint: ESLint

beforeAll(async () => {
  eslint = new ESLint({ cwd: root })
  // Loading the configuration and the TypeScript parser takes a few seconds, once.
  await eslint.lintText('export {}\n', { filePath: path.join(root, 'engine/core/x.ts') })
}, 60_000)

/** The boundary problems ESLint reports for `source` imported by a file at `file` (relative to the repository). */
async function boundaryProblems(file: string, source: string): Promise<string[]> {
  const code = `import * as imported from '${source}'\n\nexport const used = imported\n`
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  const fatal = result!.messages.filter((message) => message.fatal)
  expect(fatal, `${file} did not parse`).toEqual([])
  return result!.messages
    .filter((message) => message.ruleId !== null && BOUNDARY_RULES.has(message.ruleId))
    .map((message) => message.message)
}

describe('layer boundaries (npm run lint)', { timeout: 30_000 }, () => {
  describe('engine/ is pure', () => {
    it.each([
      ['engine/core/x.ts', '../../modules/proposals/waitingQueue', /engine\/ is pure/],
      ['engine/core/x.ts', '../../modules/core/progress', /engine\/ is pure/],
      ['engine/reconcile/x.ts', '../../jobs/progress', /engine\/ is pure/],
      ['engine/ingest/x.ts', '../../db/pool', /engine\/ is pure/],
      ['engine/core/x.ts', 'payload', /engine\/ is pure/],
      ['engine/telecom/x.ts', 'pg', /engine\/ is pure/],
      ['engine/portal/x.ts', 'react', /engine\/ is pure/],
      ['engine/core/x.ts', 'node:fs', /engine\/ is pure/],
    ])('%s importing %s is reported', async (file, source, message) => {
      const problems = await boundaryProblems(file, source)
      expect(problems.length).toBeGreaterThan(0)
      expect(problems.join('\n')).toMatch(message)
    })

    it.each([
      ['engine/core/x.ts', './money'],
      ['engine/core/x.ts', 'decimal.js'],
      ['engine/scrape/x.ts', 'node:crypto'],
      ['engine/reconcile/x.ts', '../core/decimal'],
      ['engine/proposals/x.ts', './rules'],
    ])('%s importing %s is allowed', async (file, source) => {
      expect(await boundaryProblems(file, source)).toEqual([])
    })
  })

  describe('modules/ never imports collections/, components/, jobs/ or app/', () => {
    it.each([
      ['modules/ingest/x.ts', '../../collections/ingest'],
      ['modules/ingest/x.ts', '../../collections/ingest/ImportRejects'],
      ['modules/reconcile/x.ts', '../../jobs/progress'],
      ['modules/proposals/x.ts', '../../components/ingest/RejectsDownload'],
    ])('%s importing %s is reported', async (file, source) => {
      const problems = await boundaryProblems(file, source)
      expect(problems.length).toBeGreaterThan(0)
      expect(problems.join('\n')).toMatch(/modules\/ never imports/)
    })

    it.each([
      ['modules/reconcile/x.ts', '../core/progress'],
      ['modules/ingest/x.ts', '../../engine/ingest/cells'],
      ['modules/ingest/x.ts', '../../db/withTransaction'],
      ['modules/ingest/x.ts', 'payload'],
    ])('%s importing %s is allowed', async (file, source) => {
      expect(await boundaryProblems(file, source)).toEqual([])
    })
  })

  describe("a capability uses another's internals only through its index.ts", () => {
    it.each([
      ['modules/portal/x.ts', '../proposals/waitingQueue', /modules\/portal may use modules\/proposals only through its index\.ts/],
      ['modules/scrape/x.ts', '../ingest/runImport', /modules\/scrape may use modules\/ingest only through its index\.ts/],
      ['engine/scrape/x.ts', '../ingest/cells', /engine\/scrape may use engine\/ingest only through its index\.ts/],
      ['engine/proposals/x.ts', '../network/tree', /engine\/proposals may use engine\/network only through its index\.ts/],
      [
        'collections/proposals/x.ts',
        '../../modules/commission/ruleChains',
        /collections\/proposals may use modules\/commission only through its index\.ts/,
      ],
      // Every layer filed by capability, and across layers (modules/<a> using engine/<b>).
      [
        'components/commission/x.tsx',
        '../../engine/network/roles',
        /components\/commission may use engine\/network only through its index\.ts/,
      ],
      [
        'modules/reconcile/x.ts',
        '../../engine/telecom/vocabulary',
        /modules\/reconcile may use engine\/telecom only through its index\.ts/,
      ],
      ['seed/telecom/x.ts', '../../modules/ingest/factWriters', /seed\/telecom may use modules\/ingest only through its index\.ts/],
      [
        'jobs/tasks/scrape/x.ts',
        '../../../modules/ingest/runImport',
        /jobs\/tasks\/scrape may use modules\/ingest only through its index\.ts/,
      ],
    ])('%s importing %s is reported', async (file, source, message) => {
      const problems = await boundaryProblems(file, source)
      expect(problems.length).toBeGreaterThan(0)
      expect(problems.join('\n')).toMatch(message)
    })

    it.each([
      ['modules/portal/x.ts', '../proposals'],
      ['modules/portal/x.ts', '../proposals/index'],
      ['modules/scrape/x.ts', '../ingest'],
      ['engine/scrape/x.ts', '../ingest'],
      ['engine/proposals/x.ts', '../network'],
      ['collections/proposals/x.ts', '../../modules/commission'],
      // Within one capability anything goes, and core is shared.
      ['modules/proposals/x.ts', './waitingQueue'],
      ['modules/portal/x.ts', '../core/http'],
      ['engine/proposals/x.ts', '../core/calendarDate'],
      ['collections/ingest/x.ts', '../../modules/ingest/runImport'],
      ['components/commission/x.tsx', '../../engine/network'],
      ['modules/reconcile/x.ts', '../../engine/telecom'],
      ['jobs/tasks/commission/x.ts', '../../../modules/commission/runCommission'],
    ])('%s importing %s is allowed', async (file, source) => {
      expect(await boundaryProblems(file, source)).toEqual([])
    })
  })
})
