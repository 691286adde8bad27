import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLES, ROOT_ONLY_ROLES, type Role } from '../../../engine/network/roles'
import { USERS } from '../../../seed/network/data'
import { startTestApp, type TestApp } from '../../support/app'
import { Api, fieldErrorOf } from '../../support/http'
import { documentedGrantMatrix } from '../../support/roleMatrix'

/**
 * Every cell of the README's grant matrix through POST /api/users, by a real login holding the creator role:
 * allowed cells create the login (201), refused cells get a 4xx naming the field and create nothing.
 */
let app: TestApp
const participantIds = new Map<string, number>()
const matrix = documentedGrantMatrix()

beforeAll(async () => {
  app = await startTestApp('grants')
  const rows = await app.sql.query<{ id: number; code: string }>('select id, code from participants')
  for (const row of rows.rows) participantIds.set(row.code, row.id)
})
afterAll(async () => app?.close())

/** POST /api/users for a new login attached to the seeded participant `participant` (a code). */
function createLogin(api: Api, email: string, participant: string, roles: string[], extra: Record<string, unknown> = {}) {
  return api.post('/api/users', {
    email,
    name: email.split('@')[0],
    password: 'a-long-enough-password',
    participant: participantIds.get(participant),
    roles,
    ...extra,
  })
}

async function loginExists(email: string): Promise<boolean> {
  return ((await app.sql.query('select 1 from users where email = $1', [email])).rowCount ?? 0) > 0
}

describe.each(ROLES.map((role) => [role] as const))('a %s', (creatorRole) => {
  const creator = USERS.find((u) => u.roles.length === 1 && u.roles[0] === creatorRole)!
  let api: Api
  beforeAll(async () => {
    api = await Api.login(app.url, creator.email)
  })

  it.each(ROLES.map((role) => [role] as const))('grants %s only where the README matrix says so', async (role: Role) => {
    const allowed = matrix.get(creatorRole)!.get(role)!
    const participant = ROOT_ONLY_ROLES.includes(role) ? 'NW' : creator.participant
    const email = `${creatorRole}.grants.${role}@test.example`.replace(/_/g, '-')
    const res = await createLogin(api, email, participant, [role])
    if (allowed) {
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.doc.roles).toEqual([role])
      expect(await loginExists(email)).toBe(true)
    } else {
      expect([400, 403], JSON.stringify(res.body)).toContain(res.status)
      if (res.status === 400) expect(['roles', 'participant']).toContain(fieldErrorOf(res.body)?.path)
      expect(await loginExists(email)).toBe(false)
    }
  })
})

describe('user management rules', () => {
  it('refuses a login for a participant outside the creator subtree, naming the field', async () => {
    const api = await Api.login(app.url, 'admin@summit.example')
    const res = await createLogin(api, 'sneaky@test.example', 'COA-ATL', ['agent'])
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)).toEqual({ path: 'participant', message: expect.stringContaining('Atlantic Territory Group') })
    expect(await loginExists('sneaky@test.example')).toBe(false)
  })

  it('refuses an unknown role with a 400 on the roles field', async () => {
    const api = await Api.login(app.url, 'admin@northwind.example')
    const res = await createLogin(api, 'unknown-role@test.example', 'SUM', ['superuser'])
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('roles')
    expect(await loginExists('unknown-role@test.example')).toBe(false)
  })

  it('a manager cannot raise their own roles', async () => {
    const api = await Api.login(app.url, 'admin@pacific.example')
    const me = await api.get('/api/users/me')
    const res = await api.patch(`/api/users/${me.body.user.id}`, { roles: ['territory_owner_admin', 'partner_admin'] })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('roles')
    const stored = await app.sql.query(
      `select value from users_roles r join users u on u.id = r.parent_id where u.email = 'admin@pacific.example'`,
    )
    expect(stored.rows.map((r) => r.value)).toEqual(['territory_owner_admin'])
  })

  it('locks a login after five wrong passwords', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${app.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'user@coastal.example', password: `wrong-${i}` }),
      })
      expect(res.status).toBe(401)
    }
    const locked = await fetch(`${app.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'user@coastal.example', password: 'demo1234!' }),
    })
    // The right password is refused; the answer is a wrong password's, so it tells no one the email has a login.
    expect(locked.status).toBe(401)
    expect(((await locked.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'The email or password provided is incorrect.',
    )
  })

  it('an integrator authenticates with an API key and sees only its subtree', async () => {
    const admin = await Api.login(app.url, 'admin@summit.example')
    const created = await createLogin(admin, 'integration@summit.example', 'SUM', ['partner_user'], {
      enableAPIKey: true,
      apiKey: 'summit-integration-key-0001',
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const res = await fetch(`${app.url}/api/participants?limit=100&depth=0`, {
      headers: { authorization: 'users API-Key summit-integration-key-0001' },
    })
    const body = (await res.json()) as { docs: { code: string }[] }
    expect(res.status).toBe(200)
    expect(body.docs.map((d) => d.code).sort()).toEqual([
      'DLR-0101',
      'DLR-0102',
      'SUM',
      'SUM-PAC',
      'SUM-PAC-AG1',
      'SUM-PAC-AG2',
      'SUM-PAC-AM1',
      'SUM-PAC-RF1',
    ])
  })

  it('a territory owner admin can neither take over nor delete a partner admin login attached beneath it', async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const created = await createLogin(partner, 'second.partner.admin@summit.example', 'SUM-PAC', ['partner_admin'])
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const territory = await Api.login(app.url, 'admin@pacific.example')
    const takeover = await territory.patch(`/api/users/${created.body.doc.id}`, { password: 'taken-over-password' })
    expect(takeover.status).toBe(400)
    expect(fieldErrorOf(takeover.body)?.path).toBe('roles')
    await expect(Api.login(app.url, 'second.partner.admin@summit.example', 'taken-over-password')).rejects.toThrow(/login/)
    expect((await territory.delete(`/api/users/${created.body.doc.id}`)).status).toBe(400)
    expect(await loginExists('second.partner.admin@summit.example')).toBe(true)
  })

  it("a manager cannot plant an API key on someone else's login", async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const target = (await app.sql.query(`select id from users where email = 'leo.park@summit.example'`)).rows[0].id
    const res = await partner.patch(`/api/users/${target}`, { enableAPIKey: true, apiKey: 'backdoor-key-000000001' })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('apiKey')
    const probe = await fetch(`${app.url}/api/users/me`, { headers: { authorization: 'users API-Key backdoor-key-000000001' } })
    expect(((await probe.json()) as { user: unknown }).user).toBeNull()
  })

  it('only a company admin unlocks a locked login', async () => {
    const referrer = await Api.login(app.url, 'sam.ortiz@summit.example')
    const res = await referrer.post('/api/users/unlock', { email: 'finance@northwind.example' })
    expect(res.status).toBe(403)
  })

  it('refuses sorting by a related field, which would leak values of rows the reader cannot see', async () => {
    const agent = await Api.login(app.url, 'leo.park@summit.example')
    const participants = await agent.get('/api/participants?sort=parent.email')
    expect(participants.status).toBe(400)
    expect(fieldErrorOf(participants.body)?.path).toBe('sort')
    expect((await agent.get('/api/users?sort=participant.parent.email')).status).toBe(400)
    expect((await agent.get('/api/participants?sort=-name')).status).toBe(200)
  })

  it('document locks are off, so no login can lock a row it cannot edit', async () => {
    const referrer = await Api.login(app.url, 'sam.ortiz@summit.example')
    expect((await referrer.get('/api/payload-locked-documents')).status).toBe(404)
  })
})
