import { COMPONENTS } from '../../../engine/commission/components/registry'
import type { ProposalCommissionConfig } from '../../../engine/commission/components/proposalCommission'
import { chainRules } from '../../../engine/proposals'
import type { RunContext } from '../context'
import { loadCommissionRules } from '../ruleChains'
import { stageEvaluations } from '../evaluations'
import type { ComponentStep } from './steps'

type Billed = {
  id: number
  proposal_id: number
  service_id: number
  commissionable: string
  territory_id: number | null
  author_path: string
  company: string
  service: string
}

/**
 * Proposal commission lines: for each billing line of the period's months whose client accepted a proposal, every
 * member of the proposal's chain below the operating company (from the author up) is paid by the rule between it and
 * its parent. A pair no rule covers pays nothing and is reported.
 */
export async function calculateProposalCommission(ctx: RunContext, config: ProposalCommissionConfig): Promise<number> {
  const { client, period } = ctx
  const billed = (
    await client.query<Billed>(
      `select b.id, p.id as proposal_id, b.service_id, b.commissionable::text as commissionable, pr.territory_id, a.path as author_path, pr.company, s.code as service
       from billing_lines b
       join prospects pr on pr.id = b.client_id
       join lateral (select id, author_participant_id from proposals where prospect_id = pr.id and status = 'accepted' order by updated_at desc limit 1) p on true
       join participants a on a.id = p.author_participant_id
       join services s on s.id = b.service_id and s.commissionable
      where b.charged_on between $1 and $2`,
      [period.startsOn, period.endsOn],
    )
  ).rows
  const rules = await loadCommissionRules(client)
  const earners: { billing: number; payee: number; rule: number; commissionable: string; description: string }[] = []
  let uncovered = 0
  for (const line of billed) {
    for (const { childId, rule } of chainRules(rules, line.author_path, {
      proposalId: line.proposal_id,
      territoryId: line.territory_id,
      serviceId: line.service_id,
    })) {
      if (!rule) {
        uncovered += 1
        continue
      }
      earners.push({
        billing: line.id,
        payee: childId,
        rule: rule.id,
        commissionable: line.commissionable,
        description: `${line.company} · ${line.service}`,
      })
    }
  }
  if (uncovered > 0)
    ctx.warnings.push(
      `${uncovered} parent–child pairs of accepted proposals: no commission rule applies, nothing paid (add a default rule)`,
    )
  const ruleById = new Map(rules.map((r) => [r.id, r]))
  const combos = new Map<string, { rule: number; commissionable: string; n: number }>()
  for (const e of earners) {
    const key = `${e.rule}|${e.commissionable}`
    const combo = combos.get(key) ?? { rule: e.rule, commissionable: e.commissionable, n: 0 }
    combo.n += 1
    combos.set(key, combo)
  }
  const evaluated = [...combos.values()].map((combo) => {
    const rule = ruleById.get(combo.rule)!
    const input = { rule: { id: rule.id, scope: rule.scope, kind: rule.kind, rate: rule.rate }, commissionable: combo.commissionable }
    return {
      keys: [combo.rule, combo.commissionable],
      input,
      evaluation: COMPONENTS.proposal_commission.calculate(config, input, ctx.version),
      rows: combo.n,
    }
  })
  await stageEvaluations(
    ctx,
    'proposal_commission',
    'ev_proposal',
    [
      { name: 'rule_id', type: 'int' },
      { name: 'commissionable', type: 'text' },
    ],
    evaluated,
  )
  const inserted = await client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, description, billing_line_id, rule_id, plan_version_id, evaluation_id)
     select $1, $2, t.payee, 'proposal_commission', e.amount, $3, false, t.description, t.billing, t.rule, $4, e.eval_id
       from unnest($5::int[], $6::int[], $7::int[], $8::text[], $9::text[]) as t(billing, payee, rule, commissionable, description)
       join ev_proposal e on e.rule_id = t.rule and e.commissionable = t.commissionable
      where e.amount <> 0`,
    [
      ctx.runId,
      period.id,
      ctx.currency,
      ctx.version.id,
      earners.map((e) => e.billing),
      earners.map((e) => e.payee),
      earners.map((e) => e.rule),
      earners.map((e) => e.commissionable),
      earners.map((e) => e.description),
    ],
  )
  return inserted.rowCount ?? 0
}

export const proposalCommissionStep: ComponentStep<ProposalCommissionConfig> = {
  phase: 'calculate',
  counted: 'proposal commission',
  telecom: false,
  fromBlock: () => ({ kind: 'proposal_commission' }),
  run: calculateProposalCommission,
}
