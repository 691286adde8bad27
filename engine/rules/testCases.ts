/**
 * Test cases stored with a rule version: inputs, and the results the business expects. A case passes when the rule
 * returns exactly as many results as expected and each expected result is matched by a distinct actual one on the
 * fields it names (amounts compared as decimals, so 25, "25" and "25.00" are equal; order does not matter).
 */
import { decimalOrNull } from '../core/decimal'
import { evaluateRule, NOTHING, type CompiledRule } from './evaluate'
import type { RuleProblem, RulePurpose, RuleTestCase, RuleTestOutcome } from './types'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What is wrong with the stored cases: names, inputs the purpose provides, expected results with its outputs. */
export function testCaseProblems(cases: unknown, purpose: RulePurpose): RuleProblem[] {
  if (cases === null || cases === undefined) return []
  if (!Array.isArray(cases)) return [{ path: 'testCases', message: 'test cases must be a list' }]
  const problems: RuleProblem[] = []
  const inputs = new Set(purpose.inputs.map((f) => f.field))
  const outputs = new Set(purpose.outputs.map((f) => f.field))
  const names = new Set<string>()
  cases.forEach((item: unknown, index) => {
    const at = (field: string, message: string) =>
      problems.push({ path: `testCases.${index}.${field}`, message: `test case ${index + 1}: ${message}` })
    if (!isObject(item)) return at('name', 'is not a test case')
    const name = typeof item.name === 'string' ? item.name.trim() : ''
    if (!name) at('name', 'needs a name')
    else if (names.has(name)) at('name', `another case is already called "${name}"`)
    names.add(name)
    if (!isObject(item.inputs)) at('inputs', 'inputs must be an object of field: value, e.g. {"activationType": "port_in"}')
    else
      for (const key of Object.keys(item.inputs))
        if (!inputs.has(key)) at('inputs', `"${key}" is not an input of this purpose (it provides: ${[...inputs].join(', ')})`)
    const expected = Array.isArray(item.expected) ? item.expected : isObject(item.expected) ? [item.expected] : null
    if (!expected) at('expected', 'expected must be a list of results, e.g. [{"label": "Base rebate", "amount": 40}]')
    else
      expected.forEach((result: unknown, n) => {
        if (!isObject(result)) return at('expected', `expected result ${n + 1} is not an object`)
        for (const key of Object.keys(result))
          if (!outputs.has(key))
            at('expected', `expected result ${n + 1}: "${key}" is not an output of this purpose (it returns: ${[...outputs].join(', ')})`)
      })
  })
  return problems
}

/** The stored cases in the engine's shape (a single expected object is a list of one). */
export function normalizeTestCases(cases: unknown): RuleTestCase[] {
  if (!Array.isArray(cases)) return []
  return cases.filter(isObject).map((item) => ({
    name: String(item.name ?? '').trim(),
    inputs: isObject(item.inputs) ? item.inputs : {},
    expected: (Array.isArray(item.expected) ? item.expected : isObject(item.expected) ? [item.expected] : []).filter(isObject),
  }))
}

function sameValue(expected: unknown, actual: unknown): boolean {
  const a = decimalOrNull(typeof expected === 'number' || typeof expected === 'string' ? expected : null)
  const b = decimalOrNull(typeof actual === 'number' || typeof actual === 'string' ? actual : null)
  if (a !== null && b !== null && typeof expected !== 'boolean') return a.equals(b)
  return JSON.stringify(expected) === JSON.stringify(actual)
}

function matches(expected: Record<string, unknown>, actual: Record<string, unknown>): boolean {
  return Object.entries(expected).every(([key, value]) => sameValue(value, actual[key]))
}

function describe(result: Record<string, unknown>): string {
  return Object.entries(result)
    .map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ')
}

/** Runs every case; each outcome says what differed. */
export async function runTestCases(rule: CompiledRule, cases: readonly RuleTestCase[]): Promise<RuleTestOutcome[]> {
  return Promise.all(
    cases.map(async (testCase): Promise<RuleTestOutcome> => {
      const outcome = await evaluateRule(rule, testCase.inputs)
      if ('error' in outcome) {
        // Expecting nothing passes only on nothing (a run refuses such inputs too), never on a failure.
        const passed = testCase.expected.length === 0 && outcome.error === NOTHING
        return {
          name: testCase.name,
          passed,
          actual: [],
          message: passed ? 'returned nothing, as expected (a run refuses these inputs)' : `the rule failed: ${outcome.error}`,
        }
      }
      const actual = outcome.result.results
      const unmatched = [...actual]
      const missing: Record<string, unknown>[] = []
      for (const expected of testCase.expected) {
        const index = unmatched.findIndex((result) => matches(expected, result))
        if (index === -1) missing.push(expected)
        else unmatched.splice(index, 1)
      }
      if (missing.length === 0 && unmatched.length === 0) return { name: testCase.name, passed: true, actual, message: 'passed' }
      const parts = [
        ...missing.map((m) => `expected ${describe(m)} but no result matched`),
        ...unmatched.map((u) => `unexpected result ${describe(u)}`),
      ]
      return {
        name: testCase.name,
        passed: false,
        actual,
        message: `${parts.join('; ')} (got: ${actual.map(describe).join(' | ') || 'nothing'})`,
      }
    }),
  )
}
