/**
 * A carrier-portal connector as data: the steps a browser takes to sign in and fetch a report, each with its
 * selector. Values may name placeholders filled at run time — {{loginUrl}}, {{username}}, {{password}}, {{totp}},
 * {{from}}, {{to}} — so credentials never sit in the steps themselves.
 */
import { normalizeHeader } from '../ingest'

export const STEP_ACTIONS = ['goto', 'fill', 'click', 'waitFor', 'failIfPresent', 'readTable', 'download'] as const
export type StepAction = (typeof STEP_ACTIONS)[number]

export type ConnectorStep = {
  action: StepAction
  /** goto: the URL (absolute, or relative to the login URL's origin). Other actions: a CSS selector. */
  target: string
  /** fill: the value, placeholders allowed. failIfPresent: the reason shown when the element is there. */
  value?: string | null
  /** readTable: the selector of the "next page" link (absent on the last page). */
  nextSelector?: string | null
  /** failIfPresent: a permanent failure (bad password) is not retried; a transient one is. */
  failure?: 'permanent' | 'transient' | null
  timeoutMs?: number | null
}

export const PLACEHOLDERS = ['loginUrl', 'username', 'password', 'totp', 'from', 'to'] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]
export type PlaceholderValues = Record<Placeholder, string>

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g

/** Fills the placeholders of a value; an unknown placeholder is an error (a typo must not send "{{pasword}}"). */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name))
      throw new Error(`unknown placeholder {{${name}}}; use one of ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`)
    return values[name as Placeholder]
  })
}

/** Problems with a connector's steps, each with the index of its step, before anything runs. */
export function stepProblems(steps: readonly ConnectorStep[]): { index: number; field: string; message: string }[] {
  const problems: { index: number; field: string; message: string }[] = []
  let fetches = 0
  steps.forEach((step, index) => {
    if (!(STEP_ACTIONS as readonly string[]).includes(step.action))
      problems.push({ index, field: 'action', message: `"${step.action}" is not a step action` })
    if (!step.target?.trim())
      problems.push({ index, field: 'target', message: step.action === 'goto' ? 'a URL is needed' : 'a selector is needed' })
    if (step.action === 'fill' && (step.value === undefined || step.value === null))
      problems.push({ index, field: 'value', message: 'a fill step needs the value to type' })
    if (step.action === 'failIfPresent' && !step.failure)
      problems.push({ index, field: 'failure', message: 'say whether this failure is permanent (not retried) or transient' })
    for (const text of [step.target, step.value ?? '']) {
      try {
        fillPlaceholders(text, Object.fromEntries(PLACEHOLDERS.map((p) => [p, ''])) as PlaceholderValues)
      } catch (err) {
        problems.push({ index, field: text === step.target ? 'target' : 'value', message: (err as Error).message })
      }
    }
    if (step.action === 'readTable' || step.action === 'download') fetches++
  })
  if (fetches !== 1)
    problems.push({
      index: Math.max(0, steps.length - 1),
      field: 'action',
      message: `a connector fetches exactly one report (one readTable or download step), not ${fetches}`,
    })
  return problems
}

/** Compares a scraped table's headers with the ones the import mapping expects, by the importer's own header rule. */
export function headerDrift(expected: readonly string[], found: readonly string[]): string | null {
  const have = new Set(found.map(normalizeHeader))
  const want = new Set(expected.map(normalizeHeader))
  const missing = expected.filter((h) => !have.has(normalizeHeader(h)))
  const unexpected = found.filter((h) => h.trim() !== '' && !want.has(normalizeHeader(h)))
  if (missing.length === 0) return null
  return `the table's columns differ from the mapping: missing ${missing.join(', ')}${unexpected.length ? `; found instead ${unexpected.join(', ')}` : ''}`
}
