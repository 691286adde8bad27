/**
 * "Try it": evaluates a rule version (a stored one, or the editor's unsaved draft) on one set of inputs and answers
 * what it returned and which rows fired, or why it cannot run. The admin's Try it panel and integrators call it
 * through `POST /api/rule-versions/try` and `/api/rule-versions/:id/try`.
 */
import { compileRule, evaluateRule, RuleContentError } from '../../engine/rules/evaluate'
import type { JdmContent, RuleProblem, RulePurpose, RuleResult, RuleVersionSource } from '../../engine/rules/types'
import { ruleVersionProblems } from '../../engine/rules/validate'

export type TryAnswer =
  | { status: 200; body: { outcome: RuleResult | { error: string }; problems: [] } }
  | { status: 400 | 422; body: { errors: { message: string }[]; problems: RuleProblem[] } }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const refused = (status: 400 | 422, problems: RuleProblem[]): TryAnswer => ({
  status,
  body: { errors: [{ message: problems.map((p) => p.message).join('; ') }], problems },
})

/**
 * The inputs a run would give: every purpose input, null where the caller left it out. Fields the purpose does not
 * provide are refused, so a typo ("activation_type") is not silently read as missing.
 */
export function purposeInputs(inputs: unknown, purpose: RulePurpose): { inputs: Record<string, unknown> } | { problems: RuleProblem[] } {
  if (!isObject(inputs))
    return { problems: [{ path: 'inputs', message: 'inputs must be an object of field: value, e.g. {"carrier": "ATT"}' }] }
  const known = purpose.inputs.map((f) => f.field)
  const unknown = Object.keys(inputs).filter((key) => !known.includes(key))
  if (unknown.length)
    return {
      problems: unknown.map((key) => ({
        path: `inputs.${key}`,
        message: `"${key}" is not an input of ${purpose.label} (it provides: ${known.join(', ')})`,
      })),
    }
  return { inputs: Object.fromEntries(known.map((field) => [field, inputs[field] ?? null])) }
}

/** Evaluates `source` (its purpose given) on `inputs`: 200 with the outcome, 422 with the content's problems, 400 for bad inputs. */
export async function tryRule(source: Omit<RuleVersionSource, 'purpose'>, purpose: RulePurpose, inputs: unknown): Promise<TryAnswer> {
  const problems = ruleVersionProblems(source.content, purpose)
  if (problems.length) return refused(422, problems)
  const given = purposeInputs(inputs, purpose)
  if ('problems' in given) return refused(400, given.problems)
  let rule
  try {
    rule = compileRule({ ...source, purpose: purpose.key, content: source.content as JdmContent })
  } catch (err) {
    if (err instanceof RuleContentError) return refused(422, err.problems)
    return refused(422, [{ path: 'content', message: `the rule cannot be loaded: ${(err as Error).message}` }])
  }
  const outcome = await evaluateRule(rule, given.inputs)
  return { status: 200, body: { outcome: 'result' in outcome ? outcome.result : { error: outcome.error }, problems: [] } }
}
