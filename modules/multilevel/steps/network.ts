import { loadNetwork } from '../networkData'
import type { StepRunner } from '../pipeline'

/** Integrate network: the participants must form one tree (one root, no cycles, every parent known) before anything counts. */
export const integrateNetwork: StepRunner = {
  async run({ client }) {
    const network = await loadNetwork(client)
    let deepest = 0
    for (let i = 0; i < network.size; i++) if (network.depth[i]! > deepest) deepest = network.depth[i]!
    return {
      detail: `${network.size} members in one tree, ${deepest} levels deep, no cycles`,
      counts: { members: network.size, levels: deepest },
    }
  },
}

/**
 * Compress network: a member earns network bonuses this cycle when its personal qualifying volume reaches the career
 * plan's activity minimum; the others are passed over (unilevel and differential go to the next qualifying upline).
 */
export const compressNetwork: StepRunner = {
  async run({ client, cycle, careerPlanId }) {
    if (careerPlanId === null) throw new Error('the pipeline type names no career plan: its activity minimum decides who earns')
    const plan = (
      await client.query<{ minimum: string }>(`select coalesce(activity_minimum, 0.01)::text as minimum from career_plans where id = $1`, [
        careerPlanId,
      ])
    ).rows[0]
    if (!plan) throw new Error(`career plan #${careerPlanId} does not exist`)
    const updated = await client.query<{ qualifies: boolean; n: number }>(
      `with u as (update member_cycles set qualifies = coalesce(personal_volume, 0) >= $2::numeric where cycle_id = $1 returning qualifies)
       select qualifies, count(*)::int as n from u group by qualifies`,
      [cycle.id, plan.minimum],
    )
    const active = updated.rows.find((r) => r.qualifies)?.n ?? 0
    const passed = updated.rows.find((r) => !r.qualifies)?.n ?? 0
    if (active + passed === 0) throw new Error('no member figures for this cycle: run "Calculate indicators" first')
    return {
      detail: `${active} members earn this cycle (personal volume ≥ ${plan.minimum}); ${passed} are passed over by compression`,
      counts: { qualifying: active, compressed: passed },
    }
  },
}
