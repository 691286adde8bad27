/** What other capabilities use of the rules layer's server side: the bulk path and the version in force. */
export * from './stage'
export * from './versions'
