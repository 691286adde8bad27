/** A relationship value as Payload hands it over: an id, a populated document, or nothing. */
export function relationId(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') return value
  if (typeof value === 'string') {
    const id = Number(value)
    return Number.isSafeInteger(id) ? id : null
  }
  if (typeof value === 'object' && 'id' in value) return relationId((value as { id: unknown }).id)
  return null
}
