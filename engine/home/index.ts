export * from './groups'
export * from './headline'
export * from './items'
