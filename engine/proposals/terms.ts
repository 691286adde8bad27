/**
 * The commission terms a proposal proposes for members of its chain, checked as the commission rules they become at
 * the top's approval (`rules.ts`), so that a proposal the chain approves can always be fixed:
 * - `termProblems` (on every save and at submit): each term pays a member of the author's own chain
 *   (`ownership.ts`), is a known kind and a usable rate (no negative rate, at most 100 %, a fixed amount in cents);
 * - `termChainProblems` (at submit): with the terms as proposal-scope rules over the rules already in force, no
 *   service line pays more than it earns down the author's chain — the check the rules get when they are saved.
 */
import { chainProblems, chainRules, rateProblem, RULE_KINDS, type CommissionRule, type RuleKind, type RuleProblem } from './rules'
import { termParticipantProblem } from './ownership'

export type ProposedTerm = { participantId: number | null; kind: string; rate: string; serviceId: number | null }

/** One service line of the proposal as the chain check needs it: its service and what it earns (price × quantity). */
export type EarningLine = { serviceId: number; amount: string; currency: string }

export type TermsContext = { proposalId: number; authorPath: string; territoryId: number | null; currency: string }

/** Field problems of each term (`terms.N.participant`, `terms.N.kind`, `terms.N.rate`); empty when every term is sound. */
export function termProblems(terms: readonly ProposedTerm[], authorPath: string, currency: string): RuleProblem[] {
  const problems: RuleProblem[] = []
  terms.forEach((term, index) => {
    const label = `term ${index + 1}`
    const participant = termParticipantProblem(term.participantId, authorPath)
    if (participant) problems.push({ field: `terms.${index}.participant`, message: `${label}: ${participant}` })
    if (!(RULE_KINDS as readonly string[]).includes(term.kind)) {
      problems.push({
        field: `terms.${index}.kind`,
        message: `${label}: ${JSON.stringify(term.kind)} is not a rule kind (percent or fixed)`,
      })
      return
    }
    const rate = rateProblem(term.kind as RuleKind, term.rate, currency)
    if (rate) problems.push({ field: `terms.${index}.rate`, message: `${label}: ${rate}` })
  })
  return problems
}

/** The proposal-scope rules the terms become at the top's approval (ids below zero, so they never clash with stored rules). */
export function termRules(terms: readonly ProposedTerm[], proposalId: number, currency: string): CommissionRule[] {
  return terms.map((term, index) => ({
    id: -(index + 1),
    scope: 'proposal',
    parentId: null,
    childId: term.participantId,
    proposalId,
    territoryId: null,
    serviceId: term.serviceId,
    kind: term.kind as RuleKind,
    rate: term.rate,
    currency,
  }))
}

/**
 * The first service line the terms would make pay more than it earns down the author's chain, as a problem on the
 * rate of the first term that takes part in it; empty when every line fits. Lines the terms take no part in are
 * not reported: the terms did not cause them.
 */
export function termChainProblems(
  terms: readonly ProposedTerm[],
  lines: readonly EarningLine[],
  rulesInForce: readonly CommissionRule[],
  ctx: TermsContext,
): RuleProblem[] {
  const proposed = termRules(terms, ctx.proposalId, ctx.currency)
  const rules = [...rulesInForce, ...proposed]
  for (const [lineIndex, line] of lines.entries()) {
    const shares = []
    let involved: number | null = null
    for (const { childId, rule: applied } of chainRules(rules, ctx.authorPath, {
      proposalId: ctx.proposalId,
      territoryId: ctx.territoryId,
      serviceId: line.serviceId,
    })) {
      if (!applied) continue
      const term = proposed.indexOf(applied)
      if (term !== -1 && (involved === null || term < involved)) involved = term
      shares.push({ childId, kind: applied.kind, rate: applied.rate })
    }
    if (involved === null) continue
    const problem = chainProblems(shares, line.amount, line.currency)[0]
    if (problem)
      return [
        {
          field: `terms.${involved}.rate`,
          message: `term ${involved + 1}: with the proposed terms, service line ${lineIndex + 1} would pay more than it earns down the chain: ${problem}`,
        },
      ]
  }
  return []
}
