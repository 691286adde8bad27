/** What other capabilities use of commissions: the check of a commission rule's chain (proposal commission rules). */
export { ruleChainProblem } from './ruleChains'
/** The line states (posted, locked, held, paid) as SQL, for payments' batches and ledgers. */
export { HELD_LINE, LOCKED_LINE, LOCKED_LINES, POSTED_RUN, UNPAID } from './lineStates'
/** Running and locking a commission run: the network pipeline's bonus and validation steps. */
export { lockRun } from './lockRun'
export { runCommission } from './runCommission'
