import type { Capability } from '../core/capability'
import { RuleSets } from './RuleSets'
import { RuleVersions } from './RuleVersions'

/** Rules: rule sets that business users write (decision tables of a purpose), their versions, tests and approvals. */
export const rules: Capability = {
  collections: [RuleSets, RuleVersions],
}
