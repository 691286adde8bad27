import type { PayloadRequest } from 'payload'
import type { PoolClient } from 'pg'

import { pgClientOf } from '../../db/transaction'
import { chainProblems, chainRules, type CommissionRule } from '../../engine/proposals'

type RuleRow = {
  id: number
  scope: CommissionRule['scope']
  parent_id: number | null
  child_id: number | null
  proposal_id: number | null
  territory_id: number | null
  service_id: number | null
  kind: CommissionRule['kind']
  rate: string
  currency: string
}
type Line = { proposal: number; company: string; path: string; territory_id: number | null; service_id: number; amount: string }

const toRule = (r: RuleRow): CommissionRule => ({
  id: r.id,
  scope: r.scope,
  parentId: r.parent_id,
  childId: r.child_id,
  proposalId: r.proposal_id,
  territoryId: r.territory_id,
  serviceId: r.service_id,
  kind: r.kind,
  rate: r.rate,
  currency: r.currency,
})

/** The commission rules in force (all of them, or all but the one `except` names), as the chain walk reads them. */
export async function loadCommissionRules(client: PoolClient, except?: number): Promise<CommissionRule[]> {
  const columns = 'id, scope::text as scope, parent_id, child_id, proposal_id, territory_id, service_id, kind::text as kind, rate, currency'
  const found =
    except === undefined
      ? await client.query<RuleRow>(`select ${columns} from commission_rules`)
      : await client.query<RuleRow>(`select ${columns} from commission_rules where id <> $1`, [except])
  return found.rows.map(toRule)
}

/**
 * Would saving `rule` make any live proposal (submitted, approved, sent or accepted) pay more than a service line's
 * amount down its chain? Each member below the operating company is paid by the rule that applies between it and
 * its parent; the shares of one service line are checked together by the engine. Only chains that the saved rule
 * takes part in are reported, so an older problem never blocks an unrelated edit. Returns the first problem.
 */
export async function ruleChainProblem(req: PayloadRequest, rule: CommissionRule): Promise<string | null> {
  const client = await pgClientOf(req)
  const rules = [...(await loadCommissionRules(client, rule.id)), rule]
  const lines = (
    await client.query<Line>(
      `select p.id as proposal, pr.company, a.path, pr.territory_id, ps.service_id, (ps.price * ps.quantity)::text as amount
       from proposals p join prospects pr on pr.id = p.prospect_id join participants a on a.id = p.author_participant_id
       join proposals_services ps on ps._parent_id = p.id
      where p.status in ('submitted', 'approved', 'sent', 'accepted')`,
    )
  ).rows
  for (const line of lines) {
    const shares = []
    let involved = false
    for (const { childId, rule: applied } of chainRules(rules, line.path, {
      proposalId: line.proposal,
      territoryId: line.territory_id,
      serviceId: line.service_id,
    })) {
      if (!applied) continue
      if (applied === rule) involved = true
      shares.push({ childId, kind: applied.kind, rate: applied.rate })
    }
    if (!involved) continue
    const problem = chainProblems(shares, line.amount, rule.currency)[0]
    if (problem)
      return `with this rule, proposal #${line.proposal} (${line.company}) would pay more than it earns down the chain: ${problem}`
  }
  return null
}
