/** Public in this source: builds and tests only. `bootPayload` refuses to serve with it (db/bootstrap.ts). */
export const DEVELOPMENT_SECRET = 'accrue-development-secret-not-for-production'

/**
 * Signs sessions and encrypts API keys. `npm start` on the embedded database generates one per installation
 * (kept in the data folder); a deployment sets PAYLOAD_SECRET. Builds and tests use the development value.
 * `bootPayload` reads it again when Payload boots, so importing the config before the environment is complete
 * cannot leave a server on the development value.
 */
export function payloadSecret(): string {
  return process.env.PAYLOAD_SECRET || DEVELOPMENT_SECRET
}
