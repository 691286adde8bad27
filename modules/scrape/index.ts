/** What other capabilities use of scraping: invoice files downloaded from a carrier portal, and the connector error. */
export { fetchInvoiceFiles } from './invoiceFiles'
export { ConnectorError } from './errors'
export type { FetchedFile } from './runConnector'
