import type { PoolClient } from 'pg'

import type { PlanVersionData } from '../../engine/commission/components/types'

export type PeriodRow = {
  id: number
  label: string
  startsOn: string
  endsOn: string
  frequency: 'monthly' | 'biweekly' | 'weekly'
  /** Regular pay cycles, or the extra cycles advances are paid in. */
  cycle: 'regular' | 'advance'
  status: string
}

/** What every step of a run reads: the transaction's client, the run, its period and the plan version in force. */
export type RunContext = {
  client: PoolClient
  runId: number
  period: PeriodRow
  version: PlanVersionData
  currency: string
  /** A preview posts nothing, and writes nothing else either (awards, advances). */
  preview: boolean
  /** Problems found while calculating; validation refuses the run when there is any. */
  problems: string[]
  /** Rows left unpaid because their facts are incomplete; reported on the run. */
  warnings: string[]
}
