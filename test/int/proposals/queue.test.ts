import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccessUser } from '../../../access/core/user'
import { waitingCount, waitingQueue } from '../../../modules/proposals/waitingQueue'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp('proposal_queue')
})
afterAll(async () => app?.close())

/** A login as the server loads it for a request (depth 0: the participant is an id). */
async function login(email: string): Promise<AccessUser> {
  const found = await app.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, overrideAccess: true })
  return { ...found.docs[0], collection: 'users' } as AccessUser
}

async function queueIds(email: string): Promise<number[]> {
  return (await waitingQueue(app.payload, await login(email))).map((row) => row.id)
}

describe('the approvers’ queue: a submitted proposal waits for the next approver of its chain only', () => {
  it('is in the agent manager’s queue once the agent submits, not in the territory owner’s or another partner’s; after the manager approves it moves to the territory owner, and once approved it waits for the top to send it', async () => {
    const agent = await Api.login(app.url, 'leo.park@summit.example')
    const territory = (await agent.get('/api/territories?where[code][equals]=US-W&depth=0')).body.docs[0].id
    const prospect = await agent.post('/api/prospects', {
      company: 'Harbor Freight Lines',
      territory,
      contacts: [{ name: 'Ana Lopes', email: 'ana@harbor.example' }],
    })
    expect(prospect.status).toBe(201)
    const services = (await agent.get('/api/services?where[code][in]=MGD-MOB,FLEET-TRK&depth=0')).body.docs as {
      id: number
      code: string
    }[]
    const service = (code: string) => services.find((s) => s.code === code)!.id
    const created = await agent.post('/api/proposals', {
      prospect: prospect.body.doc.id,
      services: [
        { service: service('MGD-MOB'), quantity: 2 },
        { service: service('MGD-MOB'), quantity: 1, price: '400.00' },
        { service: service('FLEET-TRK'), quantity: 3 },
      ],
    })
    expect(created.status).toBe(201)
    const proposal = created.body.doc.id as number

    expect(await queueIds('dana.ruiz@summit.example')).not.toContain(proposal) // a draft waits for nobody
    expect((await agent.post(`/api/proposals/${proposal}/submit`, { comment: 'first try' })).body.status).toBe('submitted')
    // The change is in the webhook outbox, written with it (integrators subscribe to proposal.status_changed).
    const events = await app.sql.query(`select type::text as type, data from webhook_events where subject = $1 order by id`, [
      `proposals/${proposal}`,
    ])
    expect(events.rows.map((e) => [e.type, e.data.previousStatus, e.data.status])).toEqual([
      ['proposal.status_changed', 'draft', 'submitted'],
    ])

    const managerQueue = await waitingQueue(app.payload, await login('dana.ruiz@summit.example'))
    const row = managerQueue.find((r) => r.id === proposal)
    expect(row).toMatchObject({ prospect: 'Harbor Freight Lines', author: 'Leo Park' })
    expect(row?.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    // Catalog 450.00 × 2 + own price 400.00 × 1 monthly; the weekly fleet tracking (95.00 × 3) is not added to it.
    expect(row?.amounts).toEqual(['USD 1,300.00 monthly', 'USD 285.00 weekly'])
    expect(managerQueue.map((r) => r.id)).toEqual([proposal])
    expect(await waitingCount(app.payload, await login('dana.ruiz@summit.example'))).toBe(1)

    expect(await queueIds('admin@pacific.example')).not.toContain(proposal)
    expect(await queueIds('admin@coastal.example')).not.toContain(proposal)
    expect(await queueIds('leo.park@summit.example')).not.toContain(proposal)

    const manager = await Api.login(app.url, 'dana.ruiz@summit.example')
    expect((await manager.post(`/api/proposals/${proposal}/approve`, { comment: 'ok' })).body.status).toBe('submitted')
    expect(await queueIds('dana.ruiz@summit.example')).not.toContain(proposal)
    expect(await queueIds('admin@pacific.example')).toContain(proposal)
    expect(await queueIds('admin@coastal.example')).not.toContain(proposal)

    for (const email of ['admin@pacific.example', 'admin@summit.example', 'admin@northwind.example']) {
      expect((await (await Api.login(app.url, email)).post(`/api/proposals/${proposal}/approve`, {})).status).toBe(200)
    }
    const top = await login('admin@northwind.example')
    expect((await waitingQueue(app.payload, top)).map((r) => r.id)).not.toContain(proposal)
    expect((await waitingQueue(app.payload, top, 'approved')).map((r) => r.id)).toContain(proposal) // ready to send, for the top only
    expect((await waitingQueue(app.payload, await login('admin@summit.example'), 'approved')).map((r) => r.id)).not.toContain(proposal)
  })

  it('a login without a participant has nothing waiting for it', async () => {
    expect(await waitingQueue(app.payload, { id: 0, roles: [], participant: null })).toEqual([])
    expect(await waitingCount(app.payload, { id: 0, roles: [], participant: null })).toBe(0)
  })
})
