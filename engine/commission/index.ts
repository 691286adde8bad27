/** What other capabilities use of engine/commission. */
export * from './dealerTiers'
export * from './runSteps'
export * from './statement'
export { LOCKED_STATUS } from './lineStates'
export { generatePeriods } from './calendar'
export { previousMonthEnd } from './calendar'
