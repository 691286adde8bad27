import { describe, expect, it } from 'vitest'

import { diffDocuments } from '../../engine/audit'

describe('audit diffs', () => {
  it('records each changed field with its value before and after', () => {
    expect(diffDocuments({ id: 1, name: 'Bay Mobile', status: 'active' }, { id: 1, name: 'Bay Mobile Store', status: 'active' })).toEqual([
      { field: 'name', before: 'Bay Mobile', after: 'Bay Mobile Store' },
    ])
  })

  it('treats a populated relationship and its id as the same value', () => {
    expect(diffDocuments({ parent: 2 }, { parent: { id: 2, name: 'Summit', path: '/1/2/' } })).toEqual([])
  })

  it('never copies secrets into the trail', () => {
    expect(diffDocuments({ hash: 'a', salt: 'b', apiKey: null }, { hash: 'c', salt: 'd', apiKey: 'k-123' })).toEqual([
      { field: 'apiKey', before: '[redacted]', after: '[redacted]' },
      { field: 'hash', before: '[redacted]', after: '[redacted]' },
      { field: 'salt', before: '[redacted]', after: '[redacted]' },
    ])
  })

  it('ignores bookkeeping fields and lists every field of a created document', () => {
    expect(diffDocuments(null, { id: 3, name: 'X', updatedAt: 't', createdAt: 't' })).toEqual([{ field: 'name', before: null, after: 'X' }])
  })
})
