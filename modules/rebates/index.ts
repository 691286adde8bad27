/** What other capabilities use of modules/rebates: accruing new point-of-sale lines as the POS writer stores them. */
export { accrueNewLines, type AccrualCounts } from './accrue'
