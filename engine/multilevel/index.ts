/** What other capabilities use of engine/multilevel: the network in typed arrays, KPIs, ranks, bonuses and advances. */
export * from './advances'
export * from './bonuses'
export * from './kpis'
export * from './network'
export * from './ranks'
export * from './networkRules'
export * from './pipeline'
export * from './rankCard'
