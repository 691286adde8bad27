/** What other capabilities use of support: the tickets' vocabulary and their transitions. */
export * from './types'
export * from './transitions'
