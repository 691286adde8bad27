/** What other capabilities use of scraping: invoice files downloaded from a carrier portal, and the connector error. */
export { fetchInvoiceFiles } from './invoiceFiles'
export { ConnectorError } from './errors'
export type { FetchedFile } from './runConnector'
/** The AES-256-GCM sealing of stored secrets (portal credentials, webhook signing secrets) and its keyring. */
export { openSecret, sealSecret, sealedKeyId } from './security/credentials'
export { loadKeyring } from './security/keyring'
