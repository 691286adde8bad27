import type { Originator } from '../../engine/payments/bankFile'

/**
 * Who sends the bank file: the company's ACH origination details, from ACCRUE_ACH_* variables. The defaults are a
 * demo originator (valid routing numbers, no real account) so the demo and tests can export a file.
 */
export function achOriginator(): Originator {
  const env = process.env
  const destination = env.ACCRUE_ACH_DESTINATION_ROUTING ?? '021000021'
  return {
    companyName: env.ACCRUE_ACH_COMPANY_NAME ?? 'ACCRUE DEMO',
    companyId: env.ACCRUE_ACH_COMPANY_ID ?? '1234567890',
    immediateDestination: destination,
    immediateDestinationName: env.ACCRUE_ACH_DESTINATION_NAME ?? 'DEMO BANK',
    immediateOrigin: env.ACCRUE_ACH_ORIGIN ?? '1234567890',
    immediateOriginName: env.ACCRUE_ACH_ORIGIN_NAME ?? 'ACCRUE DEMO',
    odfiRouting: (env.ACCRUE_ACH_ODFI_ROUTING ?? destination).slice(0, 8),
  }
}
