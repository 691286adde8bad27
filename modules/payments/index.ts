/** What other capabilities use of modules/payments: who sends ACH files. */
export { achOriginator } from './originator'
