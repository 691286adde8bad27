export { exportEndpoint } from './export'
export { keysetEndpoint } from './keyset'
