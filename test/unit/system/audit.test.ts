import { describe, expect, it } from 'vitest'

import { diffDocuments, secretChanges } from '../../../engine/system/audit'

describe('audit diffs', () => {
  it('records each changed field with its value before and after', () => {
    expect(diffDocuments({ id: 1, name: 'Bay Mobile', status: 'active' }, { id: 1, name: 'Bay Mobile Store', status: 'active' })).toEqual([
      { field: 'name', before: 'Bay Mobile', after: 'Bay Mobile Store' },
    ])
  })

  it('treats a populated relationship and its id as the same value', () => {
    expect(diffDocuments({ parent: 2 }, { parent: { id: 2, name: 'Summit', path: '/1/2/' } })).toEqual([])
  })

  it('never compares or copies secrets, even when only one side carries them', () => {
    expect(diffDocuments({ hash: 'a', salt: 'b', apiKey: null, name: 'x' }, { name: 'x' })).toEqual([])
    expect(diffDocuments({ hash: 'a' }, { hash: 'c', apiKey: 'k-123' })).toEqual([])
  })

  it('records a new password or API key from the request, without the values', () => {
    expect(secretChanges({ password: 'hunter22', name: 'x' }, { apiKey: null })).toEqual([
      { field: 'password', before: '[redacted]', after: '[redacted]' },
    ])
    expect(secretChanges({ apiKey: 'k-new' }, { apiKey: 'k-old' })).toEqual([
      { field: 'apiKey', before: '[redacted]', after: '[redacted]' },
    ])
    expect(secretChanges({ apiKey: 'k-same' }, { apiKey: 'k-same' })).toEqual([])
    expect(secretChanges({ name: 'x' }, {})).toEqual([])
  })

  it('ignores bookkeeping fields and lists every field of a created document', () => {
    expect(diffDocuments(null, { id: 3, name: 'X', updatedAt: 't', createdAt: 't' })).toEqual([{ field: 'name', before: null, after: 'X' }])
  })
})
