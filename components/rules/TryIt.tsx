'use client'

import { useForm, useFormFields } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import React, { useEffect, useState } from 'react'

import type { FiredRow, RuleField, RulePurpose, RuleTestOutcome } from '../../engine/rules/types'
import { useRulePurpose } from './useRulePurpose'

type Result = { results: Record<string, unknown>[]; fired: FiredRow[] }
type Outcome = { result: Result } | { error: string }
/** The endpoint answers the outcome as `{ results, fired }` or `{ error }` (`{ result }` is taken too). */
type Answer = { outcome?: Outcome | Result; problems?: { path: string; message: string }[]; errors?: { message: string }[] }
type Sample = { label: string; inputs: Record<string, unknown> }
type StoredResults = { ranAt?: string; outcomes?: RuleTestOutcome[] } | RuleTestOutcome[] | null | undefined

/** How an input is typed in the form: lists comma-separated, everything else as its text. */
function asText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** The typed text as the value the purpose gives the rule: numbers as numbers, lists as lists, empty as null. */
function asInput(field: RuleField, text: string): unknown {
  const trimmed = text.trim()
  if (field.type === 'list')
    return trimmed === ''
      ? []
      : trimmed
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
  if (trimmed === '') return null
  if (field.type === 'object') {
    try {
      return JSON.parse(trimmed) as unknown
    } catch {
      return trimmed
    }
  }
  if (field.type === 'number' || field.type === 'money') return Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed
  if (field.type === 'boolean') return trimmed === 'true'
  return trimmed
}

function show(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** A form-state entry for a field of a new test-case row. */
const fieldState = (value: unknown) => ({ value, initialValue: value, valid: true })

function Results({ purpose, outcome, onKeep }: { purpose: RulePurpose; outcome: Outcome; onKeep: () => void }): React.ReactElement {
  if ('error' in outcome)
    return (
      <p className="rule-try__error" data-testid="try-error">
        {outcome.error}
      </p>
    )
  const { results, fired } = outcome.result
  return (
    <div data-testid="try-result">
      <h4>{results.length === 1 ? '1 result' : `${results.length} results`}</h4>
      <table data-testid="try-results">
        <thead>
          <tr>
            {purpose.outputs.map((f) => (
              <th key={f.field}>{f.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.map((result, i) => (
            <tr key={i}>
              {purpose.outputs.map((f) => (
                <td key={f.field}>{show(result[f.field])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Rows that fired</h4>
      <table data-testid="try-fired">
        <thead>
          <tr>
            <th>Table</th>
            <th>Row</th>
            <th>Conditions</th>
            <th>Outputs</th>
          </tr>
        </thead>
        <tbody>
          {fired.map((row) => (
            <tr key={`${row.nodeId}-${row.rowId}`}>
              <td>{row.node}</td>
              <td>{row.row}</td>
              <td>{row.conditions || '(any)'}</td>
              <td>{row.outputs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={onKeep} data-testid="try-keep">
        Keep as a test case
      </button>
    </div>
  )
}

function TestResults({ stored }: { stored: StoredResults }): React.ReactElement | null {
  const outcomes = Array.isArray(stored) ? stored : stored?.outcomes
  if (!outcomes?.length) return null
  const ranAt = !Array.isArray(stored) && stored?.ranAt ? ` (last run ${new Date(stored.ranAt).toLocaleString()})` : ''
  return (
    <div data-testid="test-results">
      <h4>
        Test cases: {outcomes.filter((o) => o.passed).length} of {outcomes.length} pass{ranAt}
      </h4>
      <ul>
        {outcomes.map((o) => (
          <li key={o.name} className={o.passed ? 'rule-try__pass' : 'rule-try__fail'}>
            {o.passed ? '✓' : '✗'} {o.name}
            {o.passed ? '' : `: ${o.message}`}
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * "Try it" on a rule version: the current editor content (saved or not) evaluated on inputs typed here or taken from a
 * real verified sale, showing the results and the table rows that fired, and the stored outcome of the test cases.
 */
export const TryIt: UIFieldClientComponent = () => {
  const purpose = useRulePurpose()
  const content = useFormFields(([fields]) => fields.content?.value)
  const stored = useFormFields(([fields]) => fields.testResults?.value as StoredResults)
  const [texts, setTexts] = useState<Record<string, string>>({})
  const [samples, setSamples] = useState<Sample[]>([])
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [busy, setBusy] = useState(false)
  const [tried, setTried] = useState<Record<string, unknown>>({})
  const { addFieldRow } = useForm()

  useEffect(() => {
    if (!purpose) return
    let current = true
    void fetch(`/api/rule-versions/sample-inputs?purpose=${encodeURIComponent(purpose.key)}`, { credentials: 'include' })
      .then((res) => (res.ok ? (res.json() as Promise<{ samples?: Sample[] }>) : null))
      .then((body) => {
        if (current) setSamples(body?.samples ?? [])
      })
    return () => {
      current = false
    }
  }, [purpose])

  if (!purpose) return null
  const outcome: Outcome | null = !answer?.outcome ? null : 'results' in answer.outcome ? { result: answer.outcome } : answer.outcome
  const fill = (index: string) => {
    const sample = samples[Number(index)]
    if (sample) setTexts(Object.fromEntries(purpose.inputs.map((f) => [f.field, asText(sample.inputs[f.field])])))
  }
  const tryIt = async () => {
    setBusy(true)
    setAnswer(null)
    try {
      const inputs = Object.fromEntries(purpose.inputs.map((f) => [f.field, asInput(f, texts[f.field] ?? '')]))
      setTried(inputs)
      const res = await fetch('/api/rule-versions/try', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ purpose: purpose.key, content, inputs }),
      })
      setAnswer((await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }))) as Answer)
    } finally {
      setBusy(false)
    }
  }

  /** Adds the inputs just tried and the results they gave as a new test case (saved with the version). */
  const keep = () => {
    if (!outcome || !('result' in outcome)) return
    const given = Object.fromEntries(Object.entries(tried).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)))
    const expected = outcome.result.results.map((r) => Object.fromEntries(purpose.outputs.map((f) => [f.field, r[f.field]])))
    const name = Object.values(given).map(asText).join(' ') || 'any sale'
    addFieldRow({
      path: 'testCases',
      schemaPath: 'testCases',
      subFieldState: { name: fieldState(name), inputs: fieldState(given), expected: fieldState(expected) },
    })
  }

  return (
    <div className="field-type rule-try" data-testid="try-it">
      <h3>Try it</h3>
      <p className="rule-editor__hint">
        Evaluates the rule as it is in the editor now (saved or not) on these inputs. Lists are comma-separated.
      </p>
      {samples.length ? (
        <label>
          Fill from a real sale:{' '}
          <select data-testid="try-sample" defaultValue="" onChange={(e) => fill(e.target.value)}>
            <option value="" disabled>
              Choose a verified sale…
            </option>
            {samples.map((s, i) => (
              <option key={i} value={i}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="rule-try__inputs">
        {purpose.inputs.map((f) => (
          <label key={f.field} title={f.description}>
            {f.label} <code>{f.field}</code>
            <input
              data-testid={`try-input-${f.field}`}
              list={f.values ? `try-values-${f.field}` : undefined}
              value={texts[f.field] ?? ''}
              onChange={(e) => setTexts({ ...texts, [f.field]: e.target.value })}
            />
            {f.values ? (
              <datalist id={`try-values-${f.field}`}>
                {f.values.map((v) => (
                  <option key={v} value={v} />
                ))}
              </datalist>
            ) : null}
          </label>
        ))}
      </div>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        disabled={busy}
        onClick={() => void tryIt()}
        data-testid="try-run"
      >
        Try it
      </button>
      {answer?.problems?.length ? (
        <ul className="rule-try__error" data-testid="try-problems">
          {answer.problems.map((p) => (
            <li key={`${p.path}-${p.message}`}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
      ) : answer?.errors?.length ? (
        <p className="rule-try__error" data-testid="try-error">
          {answer.errors.map((e) => e.message).join('; ')}
        </p>
      ) : null}
      {outcome ? <Results purpose={purpose} outcome={outcome} onKeep={keep} /> : null}
      <TestResults stored={stored} />
    </div>
  )
}
