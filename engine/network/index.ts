/** What other capabilities use of the network: participant kinds, roles and the tree. */
export * from './participants'
export * from './roles'
export * from './tree'
