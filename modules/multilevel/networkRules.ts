import type { PayloadRequest } from 'payload'

import { bonusRuleProblems, kpiReferenceProblems } from '../../engine/multilevel/networkRules'
import type { JdmContent, RuleProblem, RulePurpose } from '../../engine/rules'
import type { Queryable } from '../rules'

/** Every KPI definition's code and whether it is switched on. */
export async function kpiSwitches(client: Queryable): Promise<{ code: string; enabled: boolean }[]> {
  const found = await client.query<{ code: string; enabled: boolean }>(
    `select code, coalesce(enabled, false) as enabled from kpi_definitions order by code`,
  )
  return found.rows
}

/**
 * The network checks of a rule version (none for other purposes): a rule reading KPIs reads only enabled ones, and a
 * bonus rule's money rows say their currency.
 */
export async function networkRuleProblems(req: PayloadRequest, purpose: RulePurpose, content: unknown): Promise<RuleProblem[]> {
  const problems: RuleProblem[] = []
  if (purpose.inputs.some((f) => f.field === 'kpi')) {
    // Read in the request's transaction: a KPI defined in the same transaction (a seed, an import) counts.
    const kpis = await req.payload.find({
      collection: 'kpi-definitions',
      pagination: false,
      depth: 0,
      req,
      select: { code: true, enabled: true },
    })
    problems.push(
      ...kpiReferenceProblems(
        content,
        kpis.docs.map((k) => ({ code: String(k.code), enabled: k.enabled !== false })),
      ),
    )
  }
  if (purpose.key === 'network_bonus' && content && typeof content === 'object') problems.push(...bonusRuleProblems(content as JdmContent))
  return problems
}
