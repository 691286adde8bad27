/**
 * The proposal reports: pure functions over plain rows (`asOf` passed in), one file per report.
 * The data loader (`proposals/reportData.ts`) reads the rows a user may see; the endpoint and the admin view show them.
 */
export {
  AGE_BUCKETS,
  ageBucket,
  ageInDays,
  proposalsByStatusAndAge,
  type AgeBucket,
  type ProposalAge,
  type StatusAgeReport,
  type StatusAgeRow,
} from './statusAge'
export {
  approvalTurnaround,
  durationStats,
  levelDecisions,
  median,
  type HistoryStep,
  type ProposalTrail,
  type TurnaroundReport,
  type TurnaroundRow,
} from './turnaround'
export { commissionByParticipant, type CommissionAmount, type CommissionReport, type CommissionRow } from './commissionByParticipant'
export {
  advertisingByProgram,
  type AdvertisingAmount,
  type AdvertisingReport,
  type AdvertisingRow,
  type ProgramTotal,
} from './advertisingByProgram'
export type { CurrencyTotal } from './amounts'

/** The reports, as named in URLs (`/api/proposals/reports/:report`), with their titles. */
export const PROPOSAL_REPORTS = ['status-age', 'turnaround', 'commission', 'advertising'] as const
export type ProposalReportName = (typeof PROPOSAL_REPORTS)[number]

export const REPORT_TITLES: Record<ProposalReportName, string> = {
  'status-age': 'Proposals by status and age',
  turnaround: 'Approval turnaround per level',
  commission: 'Commission by participant, rule scope and service',
  advertising: 'Advertising deductions by program',
}

export function isProposalReport(name: unknown): name is ProposalReportName {
  return typeof name === 'string' && (PROPOSAL_REPORTS as readonly string[]).includes(name)
}
