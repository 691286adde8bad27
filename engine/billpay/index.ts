/** Bill payment's pure core: reader types, the invoice state machine, sanity checks, GL allocation and payment breakers. */
export * from './types'
export * from './states'
export * from './checks'
export * from './allocation'
export * from './breakers'
