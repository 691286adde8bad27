/** The kinds of payee in the network and the rules that tie roles to them. */

export const PARTICIPANT_KINDS = [
  'operating_company',
  'distributor',
  'partner',
  'territory_owner',
  'dealer',
  'agent_manager',
  'agent',
  'referrer',
  'consultant',
] as const

export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number]

export const COMPANY_KINDS: readonly ParticipantKind[] = ['operating_company', 'distributor', 'partner', 'territory_owner', 'dealer']
export const PERSON_KINDS: readonly ParticipantKind[] = ['agent_manager', 'agent', 'referrer', 'consultant']

export const KIND_LABELS: Record<ParticipantKind, string> = {
  operating_company: 'Operating company',
  distributor: 'Distributor',
  partner: 'Partner',
  territory_owner: 'Territory owner',
  dealer: 'Dealer',
  agent_manager: 'Agent manager',
  agent: 'Agent',
  referrer: 'Referrer',
  consultant: 'Consultant',
}

export const PARTICIPANT_STATUSES = ['active', 'suspended', 'terminated'] as const
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number]

/** Only the operating company may sit at the root. */
export function rootKindProblem(kind: string, isRoot: boolean): string | null {
  if (isRoot && kind !== 'operating_company') return 'the root of the network must be the operating company'
  if (!isRoot && kind === 'operating_company') return 'the operating company is the root of the network and cannot have a parent'
  return null
}
