/** Reading the fields of a stored admin block: Payload gives strings, numbers, null or undefined. */
export const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim())
export const textOrNull = (value: unknown): string | null => (text(value) === '' ? null : text(value))
export const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value)
export const rows = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? (value as Record<string, unknown>[]) : [])
