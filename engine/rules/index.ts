/** What other capabilities use of the rules layer: purposes, validation, compiling and evaluating a version, test cases. */
export * from './purposes'
export * from './types'
export * from './validate'
export * from './evaluate'
export * from './testCases'
export * from './tableGraph'
