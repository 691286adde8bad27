import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { relatedSortCrossing, sortPaths } from '../../../hooks/core/refuseRelatedSort'

/** A collection shaped like proposals, with every kind of nesting a sort path can walk through. */
const fields = [
  { name: 'title', type: 'text' },
  { name: 'prospect', type: 'relationship', relationTo: 'prospects' },
  { name: 'logo', type: 'upload', relationTo: 'media' },
  { name: 'subject', type: 'relationship', relationTo: ['participants', 'users'] },
  {
    name: 'terms',
    type: 'array',
    flattenedFields: [
      { name: 'rate', type: 'text' },
      { name: 'participant', type: 'relationship', relationTo: 'participants' },
      {
        name: 'limits',
        type: 'group',
        flattenedFields: [
          { name: 'cap', type: 'number' },
          { name: 'approver', type: 'relationship', relationTo: 'users' },
        ],
      },
    ],
  },
  {
    name: 'components',
    type: 'blocks',
    blocks: [
      { slug: 'upfront', flattenedFields: [{ name: 'amount', type: 'text' }] },
      { slug: 'override', flattenedFields: [{ name: 'from', type: 'relationship', relationTo: 'participants' }] },
    ],
  },
  { name: 'children', type: 'join', collection: 'participants', on: 'parent' },
  { name: 'prospectName', type: 'text', virtual: 'prospect.company' },
  { name: 'ownTitle', type: 'text', virtual: 'title' },
] as unknown as FlattenedField[]

describe("a sort path is resolved against the collection's own fields", () => {
  it.each([
    ['title'],
    ['terms.rate'],
    ['terms.limits.cap'],
    ['components.amount'],
    ['prospect'],
    ['prospect.id'],
    ['terms.participant'],
    ['terms.participant.id'],
    ['subject.relationTo'],
    ['subject.value'],
    ['ownTitle'],
    ['unknownField.name'],
  ])('%s stays within the document', (path) => {
    expect(relatedSortCrossing(fields, path)).toBeNull()
  })

  it.each([
    ['prospect.company', 'prospect'],
    ['logo.filename', 'logo'],
    ['subject.value.name', 'subject'],
    ['terms.participant.name', 'terms.participant'],
    ['terms.participant.parent.email', 'terms.participant'],
    ['terms.limits.approver.email', 'terms.limits.approver'],
    ['components.from.name', 'components.from'],
    ['children', 'children'],
    ['children.name', 'children'],
    ['prospectName', 'prospectName'],
  ])('%s crosses at %s', (path, at) => {
    expect(relatedSortCrossing(fields, path)).toBe(at)
  })
})

describe('the sort a request asks for', () => {
  it("splits a comma list, drops the descending sign and reads GraphQL's double underscores as dots", () => {
    expect(sortPaths('-terms__participant__name, title')).toEqual(['terms.participant.name', 'title'])
    expect(sortPaths(['-a.b', 'c'])).toEqual(['a.b', 'c'])
    expect(sortPaths(undefined)).toEqual([])
    expect(sortPaths({ 0: 'a.b' })).toEqual([])
  })
})
