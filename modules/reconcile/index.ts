/** What other capabilities use of reconciliation: the verified sales (commission runs). */
export { verifiedSales } from './verifiedSales'
