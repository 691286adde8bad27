import { NotFound, type PayloadRequest } from 'payload'

import { lineAmount } from '../../engine/proposals/serviceLines'
import { termChainProblems, termProblems, type EarningLine, type ProposedTerm } from '../../engine/proposals/terms'
import type { CommissionRule, RuleKind, RuleProblem, RuleScope } from '../../engine/proposals/rules'
import { fieldError } from '../../hooks/core/fieldError'
import { relationId } from '../../hooks/core/relationId'

/** The currency proposed terms are fixed in (`fixTerms` in proposalFlow.ts writes USD rules). */
export const TERMS_CURRENCY = 'USD'

type TermInput = { participant?: unknown; kind?: unknown; rate?: unknown; service?: unknown }

function proposedTerms(terms: unknown): ProposedTerm[] {
  return ((terms ?? []) as TermInput[]).map((term) => ({
    participantId: relationId(term.participant),
    kind: String(term.kind ?? 'percent'),
    rate: String(term.rate ?? ''),
    serviceId: relationId(term.service),
  }))
}

/**
 * On every save: each term pays a member of the author's own chain at a usable rate, and names an existing service
 * or none (`engine/proposals/terms.ts`); the first problem is a 400 naming the term's field.
 */
export async function checkTerms(req: PayloadRequest, terms: unknown, authorPath: string): Promise<void> {
  const proposed = proposedTerms(terms)
  const problem = termProblems(proposed, authorPath, TERMS_CURRENCY)[0]
  if (problem) throw fieldError('proposals', problem.field, problem.message)
  for (const [index, term] of ((terms ?? []) as TermInput[]).entries()) {
    if (term.service === undefined || term.service === null || term.service === '') continue
    const id = relationId(term.service)
    const found = id === null ? null : await req.payload.findByID({ collection: 'services', id, depth: 0, req, disableErrors: true })
    if (!found)
      throw fieldError(
        'proposals',
        `terms.${index}.service`,
        `term ${index + 1}: choose a service of the catalog, or none for all services (service #${String(term.service)} does not exist)`,
      )
  }
}

type StoredProposal = Record<string, unknown> & { id: number | string }

/**
 * At submit: the terms as saved still pass the save checks, and as proposal-scope rules over the rules in force no
 * service line pays more than it earns down the author's chain — what the top's approval would otherwise refuse
 * when it fixes them. Returns the first problem by field, or null.
 */
export async function submitTermsProblem(req: PayloadRequest, doc: StoredProposal): Promise<RuleProblem | null> {
  const terms = proposedTerms(doc.terms)
  if (terms.length === 0) return null
  const author = await req.payload.findByID({
    collection: 'participants',
    id: relationId(doc.authorParticipant) ?? -1,
    depth: 0,
    req,
    overrideAccess: true,
    select: { path: true },
  })
  const authorPath = String(author.path)
  const own = termProblems(terms, authorPath, TERMS_CURRENCY)[0]
  if (own) return own
  const prospect = await req.payload.findByID({
    collection: 'prospects',
    id: relationId(doc.prospect) ?? -1,
    depth: 0,
    req,
    overrideAccess: true,
    select: { territory: true },
  })
  const lines: EarningLine[] = []
  const serviceLines = (doc.services ?? []) as { service?: unknown; quantity?: number; price?: string | null }[]
  const services = await req.payload.find({
    collection: 'services',
    where: { id: { in: serviceLines.map((line) => relationId(line.service) ?? -1) } },
    depth: 0,
    pagination: false,
    req,
    overrideAccess: true,
  })
  const byId = new Map(services.docs.map((service) => [Number(service.id), service]))
  for (const line of serviceLines) {
    const service = byId.get(relationId(line.service) ?? -1)
    if (!service) throw new NotFound(req.t)
    const currency = service.currency ?? TERMS_CURRENCY
    lines.push({
      serviceId: service.id,
      amount: lineAmount(String(line.price || service.price), Number(line.quantity ?? 1), currency),
      currency,
    })
  }
  const stored = await req.payload.find({ collection: 'commission-rules', depth: 0, pagination: false, req, overrideAccess: true })
  const rules: CommissionRule[] = stored.docs.map((rule) => ({
    id: rule.id,
    scope: rule.scope as RuleScope,
    parentId: relationId(rule.parent),
    childId: relationId(rule.child),
    proposalId: relationId(rule.proposal),
    territoryId: relationId(rule.territory),
    serviceId: relationId(rule.service),
    kind: rule.kind as RuleKind,
    rate: String(rule.rate),
    currency: rule.currency,
  }))
  return (
    termChainProblems(terms, lines, rules, {
      proposalId: Number(doc.id),
      authorPath,
      territoryId: relationId(prospect.territory),
      currency: TERMS_CURRENCY,
    })[0] ?? null
  )
}
