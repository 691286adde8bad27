/**
 * Rule versions as the rest of Accrue uses them: the approved version of a rule set in force on a day (read with plain
 * SQL, so a commission run reads it inside its own transaction), a version document as the engine's source, and the
 * check every draft save runs (purpose, test cases, compile, run the tests).
 */
import type { PoolClient, Pool } from 'pg'

import { compileRule, RuleContentError } from '../../engine/rules/evaluate'
import { normalizeTestCases, runTestCases, testCaseProblems } from '../../engine/rules/testCases'
import type { JdmContent, RuleProblem, RulePurpose, RuleTestOutcome, RuleVersionSource } from '../../engine/rules/types'
import { ruleVersionProblems } from '../../engine/rules/validate'

/** Anything that runs SQL: a run's `PoolClient` (inside its transaction) or the pool itself. */
export type Queryable = Pick<PoolClient | Pool, 'query'>

/**
 * The approved (not retired) version of rule set `ruleSetId` in force on `onDate` ("YYYY-MM-DD"): the one with the
 * latest effective date on or before it (the highest number if two share the day, which the database refuses for
 * approved versions anyway), or null when the set has none yet. Pass the run's `client` so the read is part of its
 * transaction.
 */
export async function approvedRuleVersion(client: Queryable, ruleSetId: number, onDate: string): Promise<RuleVersionSource | null> {
  const found = await client.query<{ id: number; name: string; version: string; purpose: string; content: JdmContent }>(
    `select v.id, s.name, v.version::text as version, s.purpose::text as purpose, v.content
       from rule_versions v join rule_sets s on s.id = v.rule_set_id
      where v.rule_set_id = $1 and v.status = 'approved' and v.effective_from <= $2::date
      order by v.effective_from desc, v.version desc
      limit 1`,
    [ruleSetId, onDate],
  )
  const row = found.rows[0]
  return row ? { id: row.id, ruleSet: row.name, version: Number(row.version), purpose: row.purpose, content: row.content } : null
}

/** The parts of a `rule-versions` document and its rule set the engine needs. */
type VersionDoc = { id: number; version?: number | null; content?: unknown }
type RuleSetDoc = { name: string; purpose: string }

/** A stored version (its rule set given, or populated on `doc.ruleSet`) as the engine's source. */
export function ruleVersionSource(doc: VersionDoc & { ruleSet?: unknown }, ruleSet?: RuleSetDoc): RuleVersionSource {
  const set = ruleSet ?? (typeof doc.ruleSet === 'object' && doc.ruleSet !== null ? (doc.ruleSet as RuleSetDoc) : null)
  if (!set) throw new Error(`rule version #${doc.id}: its rule set is needed (pass it, or read the version with depth 1)`)
  return { id: doc.id, ruleSet: set.name, version: doc.version ?? 0, purpose: set.purpose, content: doc.content as JdmContent }
}

/** The outcome of a version's test cases, as stored in `testResults` (with `ranAt` added by the caller). */
export type TestResults = { passed: number; failed: number; outcomes: RuleTestOutcome[] }

type DraftCheck = {
  id: number
  ruleSet: string
  version: number
  purpose: RulePurpose
  content: unknown
  testCases: unknown
}

/** A test case row as stored: the array field's rows, ids and all. */
type StoredCase = { name?: unknown; inputs?: unknown; expected?: unknown }

/**
 * What a save of a draft checks: the graph against the purpose (problems on `content`, naming node, row and column),
 * then the test cases (problems on `testCases.<n>.<field>`), then compiles the rule and runs every case. Returns the
 * first problem, or the outcomes (failing cases included: a draft may be saved with them).
 */
export async function checkRuleDraft(draft: DraftCheck): Promise<{ problem: RuleProblem } | { results: TestResults }> {
  const contentProblem = ruleVersionProblems(draft.content, draft.purpose)[0]
  if (contentProblem) return { problem: { path: 'content', message: contentProblem.message } }
  const rows = ((draft.testCases as StoredCase[] | null | undefined) ?? []).map((row) => ({
    name: row.name,
    inputs: row.inputs ?? {},
    expected: row.expected ?? [],
  }))
  const caseProblem = testCaseProblems(rows, draft.purpose)[0]
  if (caseProblem) return { problem: caseProblem }
  let rule
  try {
    rule = compileRule({
      id: draft.id,
      ruleSet: draft.ruleSet,
      version: draft.version,
      purpose: draft.purpose.key,
      content: draft.content as JdmContent,
    })
  } catch (err) {
    if (err instanceof RuleContentError) return { problem: { path: 'content', message: err.problems[0]?.message ?? err.message } }
    return { problem: { path: 'content', message: `the rule cannot be loaded: ${(err as Error).message}` } }
  }
  const outcomes = await runTestCases(rule, normalizeTestCases(rows))
  const passed = outcomes.filter((o) => o.passed).length
  return { results: { passed, failed: outcomes.length - passed, outcomes } }
}
