import type { Payload } from 'payload'

import type { ConnectorStep } from '../../engine/scrape/steps'
import { openSecret } from './security/credentials'
import { loadKeyring } from './security/keyring'
import { runConnector, type FetchedFile } from './runConnector'
import { sharedBrowser } from './sharedBrowser'

/**
 * Signs in to a carrier portal with an invoices connector (its steps, its sealed credential) and downloads every
 * invoice file its download step's links offer. Failures are ConnectorErrors (transient ones worth retrying, drift,
 * permanent), with the evidence, as for reports.
 */
export async function fetchInvoiceFiles(
  payload: Payload,
  connectorId: number,
  period: { from: string; to: string },
): Promise<FetchedFile[]> {
  const connector = (await payload.findByID({ collection: 'carrier-connectors', id: connectorId, depth: 0 })) as unknown as {
    loginUrl: string
    credential: number
    steps: ConnectorStep[]
    fetches: string
    name: string
  }
  if (connector.fetches !== 'invoices') throw new Error(`connector "${connector.name}" fetches a report, not invoices`)
  const credential = await payload.findByID({ collection: 'portal-credentials', id: connector.credential, depth: 0 })
  const keyring = loadKeyring()
  const context = credential.sealContext as string
  const password = openSecret(credential.passwordSealed as string, keyring, `${context}:password`)
  const totpSecret = credential.totpSealed ? openSecret(credential.totpSealed as string, keyring, `${context}:totp`) : null
  const fetched = await runConnector(await sharedBrowser(), {
    loginUrl: connector.loginUrl,
    steps: connector.steps,
    credentials: { username: credential.username as string, password, totpSecret },
    period,
    expectedHeaders: [],
    downloadAll: true,
  })
  return fetched.files ?? []
}
