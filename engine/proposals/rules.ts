/**
 * Commission rules between a parent and a child: which rule applies to a proposal's payment, whether a rule is
 * well formed, whether a whole chain of shares fits in the commissionable amount, and what one rule pays.
 *
 * Choices:
 * - Precedence: proposal > territory > relationship > default (RULE_SCOPES order). Within one scope a rule for the
 *   service beats an all-services rule, then a rule that pins more of parent/child/proposal/territory beats one that
 *   pins fewer, then the lowest id wins (deterministic; two such rules are a data problem worth cleaning up).
 * - A rule applies only when the keys its scope needs are set and every key it sets (parent, child, proposal,
 *   territory, service) equals the query: a stray key never widens a rule, and `ruleProblems` reports it.
 * - `commissionFor` returns the amount rounded half-even to the currency's minor unit, as a 4-decimal storage
 *   string ("125.0000"): that is the amount paid, so it is rounded once, here. A fixed rule pays its amount per
 *   period whatever the commissionable amount; the caller decides which periods are billed.
 * - `chainProblems` adds up what the chain would actually pay (each share rounded as `commissionFor` rounds it).
 */
import { D, decimalText, quoted, type Dec } from '../core/decimal'
import { format, isCurrencyCode, minorUnits, money, multiply, round, toStorageString, type Money } from '../core/money'
import { idsOnPath } from '../network'

export const RULE_SCOPES = ['proposal', 'territory', 'relationship', 'default'] as const // most specific first
export type RuleScope = (typeof RULE_SCOPES)[number]

export const RULE_KINDS = ['percent', 'fixed'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export type CommissionRule = {
  id: number
  scope: RuleScope
  parentId: number | null
  childId: number | null
  proposalId: number | null
  territoryId: number | null
  /** null: all services */
  serviceId: number | null
  kind: RuleKind
  /** percent like "12.5" or fixed amount per period */
  rate: string
  currency: string
}

export type RuleQuery = { parentId: number; childId: number; proposalId: number; territoryId: number | null; serviceId: number }

export type RuleProblem = { field: string; message: string }

export type ChainShare = { childId: number; kind: RuleKind; rate: string }

type ScopedKey = 'parentId' | 'childId' | 'proposalId' | 'territoryId'

const KEY_LABELS: Readonly<Record<ScopedKey, string>> = {
  parentId: 'parent',
  childId: 'child',
  proposalId: 'proposal',
  territoryId: 'territory',
}

/** The keys each scope needs, and those it never looks at (leave them empty). */
const SCOPE_KEYS: Readonly<Record<RuleScope, { required: readonly ScopedKey[]; unused: readonly ScopedKey[] }>> = {
  proposal: { required: ['proposalId'], unused: ['territoryId'] },
  territory: { required: ['territoryId'], unused: ['proposalId'] },
  relationship: { required: ['parentId', 'childId'], unused: ['proposalId', 'territoryId'] },
  default: { required: [], unused: ['parentId', 'childId', 'proposalId', 'territoryId'] },
}

/** The rule that decides the commission for `q`, or null when none applies. */
export function applicableRule(rules: readonly CommissionRule[], q: RuleQuery): CommissionRule | null {
  let best: CommissionRule | null = null
  for (const rule of rules) {
    if (!applies(rule, q)) continue
    if (best === null || precedes(rule, best)) best = rule
  }
  return best
}

/** One member of a chain below the operating company, its parent, and the rule that pays it (null: none applies). */
export type ChainLink = { parentId: number; childId: number; rule: CommissionRule | null }

/**
 * The chain walk: for one service line of a proposal, each member of the author's chain below the operating company
 * (`authorPath` is the author's tree path: from the top down to the author) with the rule that applies between it
 * and its parent. Commission runs pay these links; the rule and terms checks add them up.
 */
export function chainRules(
  rules: readonly CommissionRule[],
  authorPath: string,
  line: Omit<RuleQuery, 'parentId' | 'childId'>,
): ChainLink[] {
  const path = idsOnPath(authorPath)
  const links: ChainLink[] = []
  for (let i = 1; i < path.length; i++) {
    const parentId = path[i - 1]!
    const childId = path[i]!
    links.push({
      parentId,
      childId,
      rule: applicableRule(rules, {
        parentId,
        childId,
        proposalId: line.proposalId,
        territoryId: line.territoryId,
        serviceId: line.serviceId,
      }),
    })
  }
  return links
}

/** Does `rule` apply to `q`: its scope's keys are set and every key it sets matches. */
function applies(rule: CommissionRule, q: RuleQuery): boolean {
  const keys = SCOPE_KEYS[rule.scope]
  if (keys === undefined) return false
  if (keys.required.some((key) => rule[key] === null)) return false
  const matches = (value: number | null, wanted: number | null): boolean => value === null || value === wanted
  return (
    matches(rule.parentId, q.parentId) &&
    matches(rule.childId, q.childId) &&
    matches(rule.proposalId, q.proposalId) &&
    matches(rule.territoryId, q.territoryId) &&
    matches(rule.serviceId, q.serviceId)
  )
}

/** Does `a` take precedence over `b` (both applicable)? */
function precedes(a: CommissionRule, b: CommissionRule): boolean {
  const scope = RULE_SCOPES.indexOf(a.scope) - RULE_SCOPES.indexOf(b.scope)
  if (scope !== 0) return scope < 0
  const service = Number(b.serviceId !== null) - Number(a.serviceId !== null)
  if (service !== 0) return service < 0
  const pinned = pinnedKeys(b) - pinnedKeys(a)
  if (pinned !== 0) return pinned < 0
  return a.id < b.id
}

function pinnedKeys(rule: CommissionRule): number {
  return [rule.parentId, rule.childId, rule.proposalId, rule.territoryId].filter((v) => v !== null).length
}

/** What is wrong with a rule, field by field, in words a user understands (empty when it is sound). */
export function ruleProblems(rule: CommissionRule): RuleProblem[] {
  const problems: RuleProblem[] = []
  const add = (field: string, message: string): void => {
    problems.push({ field, message })
  }
  const keys = SCOPE_KEYS[rule.scope]
  if (keys === undefined) add('scope', `${quoted(rule.scope)} is not a rule scope (known scopes: ${RULE_SCOPES.join(', ')})`)
  if (!(RULE_KINDS as readonly string[]).includes(rule.kind)) add('kind', `${quoted(rule.kind)} is not a rule kind (percent or fixed)`)
  if (!isCurrencyCode(rule.currency)) add('currency', `${quoted(rule.currency)} is not an ISO 4217 currency code (three uppercase letters)`)
  for (const key of ['parentId', 'childId', 'proposalId', 'territoryId', 'serviceId'] as const) {
    const value = rule[key]
    if (value !== null && (!Number.isSafeInteger(value) || value <= 0))
      add(key, `${key} must be a positive integer id, got ${String(value)}`)
  }
  if (keys !== undefined) {
    for (const key of keys.required) {
      if (rule[key] === null) add(key, `a ${rule.scope} rule needs a ${KEY_LABELS[key]}`)
    }
    for (const key of keys.unused) {
      if (rule[key] !== null) {
        add(
          key,
          rule.scope === 'default'
            ? `a default rule applies to everyone: leave the ${KEY_LABELS[key]} empty, or use a more specific scope`
            : `a ${rule.scope} rule does not look at the ${KEY_LABELS[key]}: leave it empty, or make it a ${KEY_LABELS[key]} rule`,
        )
      }
    }
  }
  if (rule.parentId !== null && rule.parentId === rule.childId)
    add('childId', 'a participant cannot pay commission to itself: parent and child are the same')
  const rate = rateProblem(rule.kind, rule.rate, rule.currency)
  if (rate) add('rate', rate)
  return problems
}

/** Why a rate cannot be used, or null (a rule's own check, also used for a proposal's proposed terms). */
export function rateProblem(kind: RuleKind, rate: string, currency: string): string | null {
  const value = decimalText(rate)
  if (value === null) return `rate ${quoted(rate)} is not a number`
  if (value.isNegative() && !value.isZero()) return `the rate must not be negative (got ${rate})`
  if (kind === 'percent' && value.gt(100)) return `a percent rate cannot exceed 100 (got ${rate})`
  if (kind === 'fixed' && isCurrencyCode(currency) && value.dp() > minorUnits(currency)) {
    return `a fixed amount in ${currency} has at most ${minorUnits(currency)} decimals (got ${rate})`
  }
  return null
}

/**
 * Problems with a chain of shares paid out of one commissionable amount (empty when it fits): each share's rate,
 * a participant listed twice, and a total that pays more than the amount, with the amounts in the message.
 */
export function chainProblems(shares: ChainShare[], commissionableAmount: string, currency: string): string[] {
  const amount = amountOf(commissionableAmount, currency, 'commissionable amount')
  const problems: string[] = []
  if (amount.amount.isNegative() && !amount.amount.isZero()) {
    problems.push(`the commissionable amount is negative (${format(amount)}): a chain is checked against the amount it pays out of`)
    return problems
  }
  let percentTotal = new D(0)
  let fixedTotal = new D(0)
  const seen = new Set<number>()
  for (const share of shares) {
    if (seen.has(share.childId)) problems.push(`participant #${share.childId} has more than one share in the chain`)
    seen.add(share.childId)
    const problem = (RULE_KINDS as readonly string[]).includes(share.kind)
      ? rateProblem(share.kind, share.rate, currency)
      : `${quoted(share.kind)} is not a rule kind (percent or fixed)`
    if (problem) {
      problems.push(`share of participant #${share.childId}: ${problem}`)
      continue
    }
    const paid = paidAmount(share.kind, share.rate, amount).amount
    if (share.kind === 'percent') percentTotal = percentTotal.plus(paid)
    else fixedTotal = fixedTotal.plus(paid)
  }
  if (problems.length > 0) return problems
  const total = percentTotal.plus(fixedTotal)
  if (total.gt(amount.amount)) {
    const show = (d: Dec): string => format(money(d, currency))
    problems.push(
      `the chain pays ${show(total)} in total (percent shares ${show(percentTotal)} + fixed amounts ${show(fixedTotal)}), ` +
        `more than the commissionable ${format(amount)} by ${show(total.minus(amount.amount))}`,
    )
  }
  return problems
}

/** What `rule` pays on `commissionable` (in `currency`), rounded half-even to the minor unit, as a 4-decimal storage string. */
export function commissionFor(rule: CommissionRule, commissionable: string, currency: string): string {
  const problems = ruleProblems(rule)
  if (problems.length > 0) throw new Error(`commission rule #${rule.id} cannot be applied: ${problems.map((p) => p.message).join('; ')}`)
  if (rule.kind === 'fixed' && rule.currency !== currency) {
    throw new Error(`commission rule #${rule.id} pays a fixed ${rule.currency} amount, but this commission is computed in ${currency}`)
  }
  return toStorageString(paidAmount(rule.kind, rule.rate, amountOf(commissionable, currency, 'commissionable amount')))
}

/** The rounded amount one valid rate pays on `base`. */
function paidAmount(kind: RuleKind, rate: string, base: Money): Money {
  if (kind === 'fixed') return round(money(rate, base.currency), 'half-even')
  return round(multiply(base, new D(rate).div(100)), 'half-even')
}

/** Money from stored decimal text, or a thrown Error naming the field. */
function amountOf(text: string, currency: string, field: string): Money {
  const value = decimalText(text)
  if (value === null) throw new Error(`${field} ${quoted(text)} is not a number`)
  return money(value, currency)
}
