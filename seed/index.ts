import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { ROLE_LABELS } from '../engine/network/roles'
import { logoSvg } from './portal/logos'
import { CARRIERS, DEMO_RECON } from './telecom/data'
import { writeAnalyticsDemo } from './analytics/write'
import { writeBillpayDemo } from './billpay/write'
import { writeCommissionDemo } from './commission/write'
import { writeNetworkDemo } from './multilevel/write'
import { writeProposalDemo } from './proposals/write'
import { writeRebatesDemo } from './rebates/write'
import { writeRulesDemo } from './rules/write'
import { writeSupportDemo } from './support/write'
import { writeTelecomDemo } from './telecom/write'
import { BRANDS, DEMO_PASSWORD, PARTICIPANTS, SCHEDULES, TERRITORIES, USERS } from './network/data'

export type DemoLogin = { email: string; roles: string }

/** `empty`: only the logins, with the participants (and their ancestors), territories and brands they need; no demo data. */
export type DemoOptions = { empty?: boolean }

/** The participants the logins need: each login's participant and every ancestor of it, in the order they are written. */
export function loginParticipants(): typeof PARTICIPANTS {
  const byCode = new Map(PARTICIPANTS.map((p) => [p.code, p]))
  const needed = new Set<string>()
  for (const user of USERS)
    for (let code: string | undefined = user.participant; code && !needed.has(code); code = byCode.get(code)?.parent) needed.add(code)
  return PARTICIPANTS.filter((p) => needed.has(p.code))
}

/**
 * Seeds the demo data once: territories, brands with logos, the network, one login per role, a schedule.
 * Idempotent: when the operating company already exists nothing is written. Runs through the Local API so every
 * hook (tree checks, audit trail) applies to demo data as to real data. With `empty`, only the logins and what they
 * need (`npm start -- --empty`).
 */
export async function seedDemoData(
  payload: Payload,
  log: (line: string) => void = () => {},
  options: DemoOptions = {},
): Promise<DemoLogin[]> {
  const logins = USERS.map((user) => ({ email: user.email, roles: user.roles.map((role) => ROLE_LABELS[role]).join(', ') }))
  const existing = await payload.find({ collection: 'participants', where: { code: { equals: 'NW' } }, limit: 1, depth: 0 })
  if (existing.totalDocs > 0) return logins
  log('Seeding the demo data (first start only) …')
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    if (options.empty) await writeLogins(payload, req, loginParticipants())
    else await writeDemoData(payload, req)
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
  if (options.empty) {
    log(`Seeded the logins only (empty start): ${USERS.length} logins and the ${loginParticipants().length} participants they belong to.`)
    return logins
  }
  log(`Seeded ${PARTICIPANTS.length} participants, ${USERS.length} logins, ${BRANDS.length} brands and ${TERRITORIES.length} territories.`)
  log(
    `Seeded ${CARRIERS.length} carriers with plans, payout schedules and import mappings, and ${DEMO_RECON.carrier} sales and carrier records for ${DEMO_RECON.periodStart} – ${DEMO_RECON.periodEnd}; its reconciliation run is queued for the worker.`,
  )
  return logins
}

/** Everything in one transaction: a failed seed leaves nothing behind, and the next start seeds again. */
async function writeDemoData(payload: Payload, req: PayloadRequest): Promise<void> {
  const participantIds = await writeLogins(payload, req, PARTICIPANTS)
  for (const schedule of SCHEDULES) await payload.create({ collection: 'schedules', data: schedule as never, req })
  await writeTelecomDemo(payload, req, participantIds)
  await writeRulesDemo(payload, req)
  await writeCommissionDemo(payload, req)
  await writeProposalDemo(payload, req)
  await writeNetworkDemo(payload, req)
  await writeRebatesDemo(payload, req, participantIds)
  await writeBillpayDemo(payload, req, new Date().toISOString().slice(0, 10))
  await writeSupportDemo(payload, req)
  await writeAnalyticsDemo(payload, req)
}

/** Territories, brands with logos, the given participants and the logins: returns the participants' ids by code. */
async function writeLogins(payload: Payload, req: PayloadRequest, participants: typeof PARTICIPANTS): Promise<Map<string, number>> {
  const territoryIds = new Map<string, number>()
  for (const territory of TERRITORIES) {
    const doc = await payload.create({ collection: 'territories', data: territory, req })
    territoryIds.set(territory.code, doc.id as number)
  }
  const brandIds = new Map<string, number>()
  for (const { key, ...brand } of BRANDS) {
    const svg = logoSvg(brand.name, brand.primaryColor, '#ffffff')
    const logo = await payload.create({
      collection: 'media',
      data: { alt: `${brand.name} logo` },
      file: { data: svg, mimetype: 'image/svg+xml', name: `${key}-logo.svg`, size: svg.length },
      req,
    })
    const doc = await payload.create({ collection: 'brands', data: { ...brand, logo: logo.id }, req })
    brandIds.set(key, doc.id as number)
  }
  const participantIds = new Map<string, number>()
  for (const { parent, territory, brand, ...participant } of participants) {
    const doc = await payload.create({
      collection: 'participants',
      data: {
        ...participant,
        parent: parent ? participantIds.get(parent) : undefined,
        territory: territory ? territoryIds.get(territory) : undefined,
        brand: brand ? brandIds.get(brand) : undefined,
      } as never,
      req,
    })
    participantIds.set(participant.code, doc.id as number)
  }
  for (const user of USERS) {
    await payload.create({
      collection: 'users',
      data: {
        email: user.email,
        name: user.name,
        password: DEMO_PASSWORD,
        participant: participantIds.get(user.participant)!,
        roles: user.roles,
      } as never,
      req,
    })
  }
  return participantIds
}

/**
 * Whether the full demo is there (a dealer of the demo network exists): the add-on demo parts (bill payment history,
 * loyalty, the year of history) build on it, so a database first started with `--empty` gets none of them later.
 */
export async function hasDemoData(payload: Payload): Promise<boolean> {
  const dealer = await payload.find({ collection: 'participants', where: { code: { equals: 'DLR-0101' } }, limit: 1, depth: 0 })
  return dealer.totalDocs > 0
}
