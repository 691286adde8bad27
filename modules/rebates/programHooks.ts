/**
 * The rebate-programs hooks: governance (engine/rebates/governance.ts) on every save, the terms checked for the kind
 * when a program is submitted or approved, who submitted, approved and edited it stamped from the request, and a
 * program just published accrues the point-of-sale lines already in its dates, in the same transaction.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { D } from '../../engine/core/decimal'
import { programChangeRefusal, programProblems, type ProgramStatus, type ProgramTerms } from '../../engine/rebates'
import { pgClientOf } from '../../db/transaction'
import { fieldError } from '../../hooks/core/fieldError'
import { relationId } from '../../hooks/core/relationId'
import { accrueProgram } from './accrue'

/** Fields that are not the program's terms: changing them is not an edit of what the program pays. */
const NOT_TERMS = new Set([
  'status',
  'notes',
  'submittedBy',
  'approvedBy',
  'lastEditedBy',
  'approvedAt',
  'publishedAt',
  'updatedAt',
  'createdAt',
  'id',
])

const decimal = (value: unknown) => (value === null || value === undefined || value === '' ? null : new D(String(value)))
const ids = (value: unknown) => (Array.isArray(value) ? value.map(relationId).filter((id): id is number => id !== null) : [])
const texts = (value: unknown) => (Array.isArray(value) ? value.map((v) => String(v).trim().toLowerCase()).filter(Boolean) : [])

/** A program document (as Payload hands it over) as engine terms. */
export function termsOfDoc(doc: Record<string, unknown>): ProgramTerms {
  const tiers = Array.isArray(doc.tiers) ? (doc.tiers as { from?: unknown; rate?: unknown }[]) : []
  return {
    id: Number(doc.id ?? 0),
    code: String(doc.code ?? ''),
    kind: doc.kind as ProgramTerms['kind'],
    currency: String(doc.currency ?? 'USD'),
    effectiveFrom: String(doc.effectiveFrom ?? '').slice(0, 10),
    effectiveTo: String(doc.effectiveTo ?? '').slice(0, 10),
    regions: [],
    partnerTiers: texts(doc.partnerTiers),
    partnerIds: ids(doc.partners),
    productIds: ids(doc.products),
    families: texts(doc.families),
    ratePerUnit: decimal(doc.ratePerUnit),
    percent: decimal(doc.percent),
    agreedPrice: decimal(doc.agreedPrice),
    tiers: tiers.map((tier) => ({ from: decimal(tier.from) ?? new D(0), rate: decimal(tier.rate) ?? new D(0) })),
    tierMode: (doc.tierMode as ProgramTerms['tierMode']) ?? 'whole',
    tierBasis: (doc.tierBasis as ProgramTerms['tierBasis']) ?? 'amount',
    tierRate: (doc.tierRate as ProgramTerms['tierRate']) ?? 'percent',
    fundingCap: decimal(doc.fundingCap),
    partnerCap: decimal(doc.partnerCap),
    claimWindowDays: Number(doc.claimWindowDays ?? 90),
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(normalize(a)) === JSON.stringify(normalize(b))
function normalize(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' && v !== null && 'id' in v && !('from' in v) ? relationId(v) : normalize(v)))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (k !== 'id') out[k] = normalize(v)
    return out
  }
  return value === undefined || value === '' ? null : value
}

/** The audience of a program open to every partner its tiers and regions admit. */
export const AUDIENCE_ALL = '*'

/** What the hooks stamp: never taken from a request (a forged submitter would defeat maker-checker). */
const STAMPED = ['submittedBy', 'approvedBy', 'lastEditedBy', 'approvedAt', 'publishedAt', 'audience'] as const

export const governProgram: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  const user = req.user as { id: number; roles?: string[] | null } | null | undefined
  const actor = user ? { id: user.id, roles: user.roles ?? [] } : null
  if (actor) for (const key of STAMPED) delete data[key]
  const from = (operation === 'create' ? null : (originalDoc?.status ?? 'draft')) as ProgramStatus | null
  const to = (data.status ?? from ?? 'draft') as ProgramStatus
  const merged = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
  const termsChanged =
    operation === 'update' &&
    Object.keys(data).some((key) => !NOT_TERMS.has(key) && !same(data[key], (originalDoc as Record<string, unknown>)[key]))
  const refusal = programChangeRefusal({
    label: `Program ${String(merged.code ?? '')}`.trim(),
    from,
    to,
    termsChanged,
    submittedBy: relationId(originalDoc?.submittedBy),
    lastEditedBy: relationId(originalDoc?.lastEditedBy),
    actor,
  })
  if (refusal) throw fieldError('rebate-programs', termsChanged && from !== 'draft' ? 'kind' : 'status', refusal)
  if ((to === 'submitted' || to === 'approved') && from !== to) {
    const problem = programProblems(termsOfDoc(merged), relationId(merged.ruleSet) !== null)[0]
    if (problem) throw fieldError('rebate-programs', problem.field, `${problem.field}: ${problem.reason}`)
  }
  if (actor && (operation === 'create' || termsChanged)) data.lastEditedBy = actor.id
  if (from !== to && to === 'submitted') data.submittedBy = actor?.id ?? null
  if (from !== to && to === 'approved') {
    data.approvedBy = actor?.id ?? null
    data.approvedAt = new Date().toISOString()
  }
  if (from !== to && to === 'published') data.publishedAt = new Date().toISOString()
  // Which partners may read it: everyone, or the listed partners ("/12/15/"), kept beside the list for row-level access.
  const listed = ids(merged.partners)
  data.audience = listed.length === 0 ? AUDIENCE_ALL : `/${listed.join('/')}/`
  return data
}

export const accrueOnPublish: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.status === 'published' && previousDoc?.status !== 'published') {
    await accrueProgram(await pgClientOf(req), doc.id as number)
  }
  return doc
}
