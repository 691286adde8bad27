/**
 * The component registry drives every layer, and the compiler names whatever a kind lacks. The proof is
 * ./fixtures/registryGaps.ts: it registers a dummy kind and leaves gaps, each marked `@ts-expect-error`. Vitest does not
 * typecheck, so this test runs the TypeScript compiler on it twice: as written it must compile (every gap is an error,
 * so no directive is unused), and with the directives taken out it must fail with exactly the errors that name the
 * gaps (the kind missing from the SQL steps, from the admin blocks, and a module or step under another kind).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

import { COMPONENT_BLOCKS, componentBlocks } from '../../../collections/commission/PlanVersions/blocks'
import { COMPONENTS } from '../../../engine/commission/components/registry'
import { COMPONENT_KINDS, LINE_COMPONENT_LABELS, LINE_COMPONENTS } from '../../../engine/commission/components/types'
import { COMPONENT_STEPS } from '../../../modules/commission/calculate/steps'

const ROOT = path.resolve(__dirname, '../../..')
const FIXTURES = path.join(__dirname, 'fixtures')
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc')
const DIRECTIVE = /^\s*\/\/ @ts-expect-error/

async function tsc(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [TSC, '--noEmit', '--pretty', 'false', '-p', project], {
      cwd: ROOT,
      maxBuffer: 16 << 20,
    })
    return { code: 0, output: stdout + stderr }
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
  }
}

describe('registry: one list of kinds, one step and one block each', () => {
  it('the SQL steps and the admin blocks follow the engine registry, in its order', () => {
    expect(COMPONENT_KINDS).toEqual(Object.keys(COMPONENTS))
    expect(Object.keys(COMPONENT_STEPS)).toEqual(COMPONENT_KINDS)
    expect(Object.keys(COMPONENT_BLOCKS)).toEqual(COMPONENT_KINDS)
    expect(componentBlocks.map((block) => block.slug)).toEqual(COMPONENT_KINDS)
    expect(LINE_COMPONENTS).toEqual([...COMPONENT_KINDS, 'note'])
    for (const kind of COMPONENT_KINDS) expect(LINE_COMPONENT_LABELS[kind]).toBe(COMPONENTS[kind].label)
  })

  it('the compiler refuses a registry with a gap, and names the missing piece', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'accrue-registry-'))
    try {
      // The same fixture without its @ts-expect-error directives, importing the project by absolute path.
      const source = readFileSync(path.join(FIXTURES, 'registryGaps.ts'), 'utf8')
      const stripped = source
        .split('\n')
        .filter((line) => !DIRECTIVE.test(line))
        .join('\n')
        .replaceAll("from '../../../../", `from '${ROOT}/`)
      writeFileSync(path.join(scratch, 'registryGaps.ts'), stripped)
      writeFileSync(
        path.join(scratch, 'tsconfig.json'),
        JSON.stringify({
          extends: path.join(ROOT, 'tsconfig.json'),
          compilerOptions: { incremental: false, plugins: [] },
          files: ['registryGaps.ts'],
          include: [],
        }),
      )

      const [asWritten, withGaps] = await Promise.all([tsc(path.join(FIXTURES, 'tsconfig.json')), tsc(path.join(scratch, 'tsconfig.json'))])

      expect(asWritten.output).toBe('')
      expect(asWritten.code).toBe(0)
      expect(withGaps.code).not.toBe(0)
      const errors = withGaps.output.split('\n').filter((line) => /error TS\d+/.test(line))
      expect(errors.every((line) => line.includes('registryGaps.ts'))).toBe(true)
      const directives = source.split('\n').filter((line) => DIRECTIVE.test(line)).length
      expect(errors).toHaveLength(directives)
      const named = (pattern: RegExp) => errors.filter((line) => pattern.test(line)).length
      expect(named(/Property 'residual' is missing in type .* but required in type 'ComponentSteps</)).toBe(1)
      expect(named(/Property 'chargeback' is missing in type .* but required in type 'ComponentBlocks</)).toBe(1)
      expect(named(/Property 'dummy' is missing in type .* but required in type 'ComponentSteps</)).toBe(1)
      expect(named(/Property 'dummy' is missing in type .* but required in type 'ComponentBlocks</)).toBe(1)
      expect(named(/'ComponentStep<ResidualConfig>' is not assignable to type 'ComponentStep<UpfrontConfig>'/)).toBe(1)
      expect(named(/is not assignable to type 'ComponentModule<\{ kind: "bonus"; \}/)).toBe(1)
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  }, 240_000)
})
