/** What other capabilities use of the network plan's server code: the network and member figures in typed arrays. */
export { centsText, loadNetwork } from './networkData'
export { kpiSwitches, networkRuleProblems } from './networkRules'
export { writeOrderLines } from './orders'
