/** The Rebates view's sections, in order (`?tab=` in the address picks one). */
export const TABS = ['dashboard', 'claims', 'journal', 'deals'] as const
export type Tab = (typeof TABS)[number]

export function tabOf(value: string | string[] | undefined): Tab {
  const wanted = Array.isArray(value) ? value[0] : value
  return TABS.find((t) => t === wanted) ?? 'dashboard'
}
