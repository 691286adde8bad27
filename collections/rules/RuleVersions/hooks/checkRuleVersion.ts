import type { CollectionBeforeChangeHook } from 'payload'

import type { RuleVersion } from '../../../../payload-types'

import { rulePurpose } from '../../../../engine/rules/purposes'
import { fieldError } from '../../../../hooks/core/fieldError'
import { testFailureMessage, testsRequired, type RuleVersionStatus } from '../../../../modules/rules/governance'
import { networkRuleProblems } from '../../../../modules/multilevel'
import { checkRuleDraft } from '../../../../modules/rules/versions'
import { ruleSetOf, versionLabel } from './ruleSetOf'

/**
 * Every save of a draft, every submission and every approval checks the rule against its purpose and its test cases
 * against the purpose's fields (the first problem is a field error naming the node, row or field), then runs the
 * tests and keeps their outcomes in `testResults`. A draft is saved with failing tests (that is how people iterate);
 * a submission or an approval is refused, naming the first failing case and what differed.
 */
export const checkRuleVersion: CollectionBeforeChangeHook<RuleVersion> = async ({ data, operation, originalDoc, req }) => {
  // On create `originalDoc` is the version being duplicated, if any: nothing of it is this version's past.
  const previous = operation === 'update' ? originalDoc : undefined
  const from = operation === 'create' ? null : ((previous?.status ?? 'draft') as RuleVersionStatus)
  const to = (data.status ?? from ?? 'draft') as RuleVersionStatus
  const step = testsRequired(from, to)
  if (to !== 'draft' && step === null) return data
  const ruleSet = await ruleSetOf(req, data, previous)
  const purpose = rulePurpose(ruleSet.purpose)
  if (!purpose)
    throw fieldError('rule-versions', 'ruleSet', `rule set "${ruleSet.name}" has the purpose "${ruleSet.purpose}", which is not registered`)
  const label = versionLabel(ruleSet, data.version ?? previous?.version)
  const checked = await checkRuleDraft({
    id: previous?.id ?? 0,
    ruleSet: ruleSet.name,
    version: data.version ?? previous?.version ?? 0,
    purpose,
    content: data.content === undefined ? previous?.content : data.content,
    testCases: data.testCases === undefined ? previous?.testCases : data.testCases,
  })
  if ('problem' in checked) throw fieldError('rule-versions', checked.problem.path, checked.problem.message)
  const network = (await networkRuleProblems(req, purpose, data.content === undefined ? previous?.content : data.content))[0]
  if (network) throw fieldError('rule-versions', network.path, network.message)
  data.testResults = { ranAt: new Date().toISOString(), ...checked.results }
  if (step) {
    const refusal = testFailureMessage(label, step, checked.results.outcomes)
    if (refusal) {
      const failing = checked.results.outcomes.findIndex((o) => !o.passed)
      throw fieldError('rule-versions', failing === -1 ? 'testCases' : `testCases.${failing}.expected`, refusal)
    }
  }
  return data
}
