/** Tasks a schedule may start (their slugs and labels; the task configs live in jobs/tasks/<capability>/). */
export const SCHEDULABLE_TASKS = [
  { slug: 'verifyNetwork', label: 'Verify the participant network' },
  { slug: 'scrapeCarrier', label: 'Scrape a carrier portal (input: {"connector": id})' },
  { slug: 'commissionRun', label: 'Run a compensation plan for the month before (input: {"plan": id})' },
  {
    slug: 'runPipeline',
    label:
      'Run a network pipeline: daily refreshes the open cycle, monthly settles last month up to validation (input: {"pipelineType": id})',
  },
  {
    slug: 'rebateHousekeeping',
    label: 'Rebates: import the POS drop folder, sync deals, expire accruals, push and read back credit memos',
  },
  { slug: 'collectInvoices', label: 'Bill payment: collect invoices from the carrier portals and the drop folder, then read them' },
  { slug: 'payInvoices', label: 'Bill payment: pay the invoices pending payment (input: {"maxInvoices": n, "maxTotal": "amount"})' },
  {
    slug: 'loyaltyHousekeeping',
    label: 'Loyalty: earn points on the orders of the last weeks, expire lots past their day, reward referrals of ended campaigns',
  },
] as const

export type SchedulableTaskSlug = (typeof SCHEDULABLE_TASKS)[number]['slug']
