import { PARTICIPANTS, USERS } from '../../seed/network/data'

/**
 * Expectations computed from the seed's own parent links (not from the database): the participant codes in a
 * node's subtree, and the logins attached to them.
 */
export function subtreeCodes(code: string): Set<string> {
  const children = new Map<string, string[]>()
  for (const p of PARTICIPANTS) if (p.parent) children.set(p.parent, [...(children.get(p.parent) ?? []), p.code])
  const out = new Set<string>()
  const walk = (c: string) => {
    out.add(c)
    for (const child of children.get(c) ?? []) walk(child)
  }
  walk(code)
  return out
}

export function allCodes(): Set<string> {
  return new Set(PARTICIPANTS.map((p) => p.code))
}

export function userEmailsIn(codes: Set<string>): Set<string> {
  return new Set(USERS.filter((u) => codes.has(u.participant)).map((u) => u.email))
}
