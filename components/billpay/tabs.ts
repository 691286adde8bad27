/** The bill payment view's sections, in order (`?tab=` in the address picks one; `?invoice=<id>` opens the invoice). */
export const TABS = ['queue', 'invoice', 'payments', 'reports'] as const
export type Tab = (typeof TABS)[number]

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** The invoice id asked for in the address (`?invoice=`), or null when there is none or it is not an id. */
export function invoiceOf(value: string | string[] | undefined): number | null {
  const id = Number(first(value))
  return Number.isInteger(id) && id > 0 ? id : null
}

/** The section asked for in the address: `?tab=`, else the invoice when `?invoice=` names one, else the queue. */
export function tabOf(value: string | string[] | undefined, invoice: number | null = null): Tab {
  const wanted = first(value)
  return TABS.find((t) => t === wanted) ?? (invoice ? 'invoice' : 'queue')
}
