import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, createHmac } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { deriveLinkKey, signLink } from '../../../engine/proposals/signedLink'
import { Api } from '../../support/http'
import { freePort } from '../../../db/freePort'

/**
 * A fresh installation started the way `npm start` starts it (scripts/start.ts on the embedded database, in its own
 * process, with `--api-only` so no Next build is needed), outside vitest: the child's environment has no VITEST,
 * so the boot-time secret check runs for real.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const DEVELOPMENT_SECRET = 'accrue-development-secret-not-for-production'

type Started = { child: ChildProcess; output: () => string; exit: Promise<number | null>; dataDir: string }
type Finished = { code: number | null; output: string; dataDir: string }

const dataDirs: string[] = []
let main: Started
let url: string
let refusedDevelopment: Finished
let refusedShort: Finished
let refusedWorker: Finished

/** The environment of a shell that runs `npm start`: none of vitest's variables, none set by other test files. */
function startEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DEMO_PORTAL: 'off', ACCRUE_SHUTDOWN_GRACE_SECONDS: '2', ...extra }
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name]
  for (const name of [
    'DATABASE_URL',
    'PAYLOAD_SECRET',
    'NODE_ENV',
    'MEDIA_DIR',
    'IMPORTS_DIR',
    'ACCRUE_CREDENTIAL_KEYS',
    'ACCRUE_CREDENTIAL_KEY_ID',
  ]) {
    if (!(name in extra)) delete env[name]
  }
  return env
}

async function start(script: string[], extra: Record<string, string> = {}): Promise<Started> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-secrets-'))
  fs.chmodSync(dataDir, 0o755)
  dataDirs.push(dataDir)
  const env = startEnvironment({ ACCRUE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), ...extra })
  const child = spawn(process.execPath, ['--import', 'tsx', ...script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exit, dataDir }
}

/** Resolves with the first group of `pattern` once the process prints it; rejects when the process ends first. */
async function printed(started: Started, pattern: RegExp): Promise<string> {
  for (;;) {
    const found = pattern.exec(started.output())
    if (found) return found[1]!
    const ended = await Promise.race([
      started.exit.then((code) => ({ code })),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 100)),
    ])
    if (ended) throw new Error(`the process exited with ${ended.code} before printing ${pattern}:\n${started.output()}`)
  }
}

async function finished(started: Started): Promise<Finished> {
  const code = await started.exit
  return { code, output: started.output(), dataDir: started.dataDir }
}

/** Payload signs sessions with HS256 keyed by the first 32 hex digits of SHA-256(secret) (payload/dist/index.js). */
function jwtSignature(token: string, secret: string): string {
  const [header, claims] = token.split('.')
  const key = createHash('sha256').update(secret).digest('hex').slice(0, 32)
  return createHmac('sha256', key).update(`${header}.${claims}`).digest('base64url')
}

/** The same claims (user, session id, expiry) signed with another secret: what someone holding that secret could mint. */
function resigned(token: string, secret: string): string {
  const [header, claims] = token.split('.')
  return `${header}.${claims}.${jwtSignature(token, secret)}`
}

async function me(token: string): Promise<{ email?: string } | null> {
  const res = await fetch(`${url}/api/users/me`, { headers: { authorization: `JWT ${token}` } })
  return ((await res.json()) as { user: { email?: string } | null }).user
}

/** Ends a start that is still running, and its embedded PostgreSQL if the start could not. */
async function stop(started: Started | undefined): Promise<void> {
  if (!started || started.child.exitCode !== null) return
  started.child.kill('SIGTERM')
  const code = await Promise.race([started.exit, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000))])
  if (code !== 'timeout') return
  started.child.kill('SIGKILL')
  const pidFile = path.join(started.dataDir, 'pg', 'postmaster.pid')
  if (fs.existsSync(pidFile)) process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT')
}

beforeAll(async () => {
  // The refused starts run beside the real one to keep the file short; the worker as soon as there is a database.
  const [started, development, short] = await Promise.all([
    // The real start renders the demo history's statement files in the background: its SIGTERM lets the job in hand finish.
    start(['scripts/start.ts', '--api-only'], { ACCRUE_SHUTDOWN_GRACE_SECONDS: '60' }),
    start(['scripts/start.ts', '--api-only'], { PAYLOAD_SECRET: DEVELOPMENT_SECRET }),
    start(['scripts/start.ts', '--api-only'], { PAYLOAD_SECRET: '0123456789' }),
  ])
  main = started
  const worker = printed(main, /Embedded PostgreSQL is running on port (\d+)/).then((port) =>
    start(['jobs/worker.ts'], { DATABASE_URL: `postgres://postgres:accrue-local@localhost:${port}/accrue` }),
  )
  ;[url, refusedDevelopment, refusedShort, refusedWorker] = await Promise.all([
    printed(main, /API: (http:\/\/\S+)\/api/),
    finished(development),
    finished(short),
    worker.then(finished),
  ])
})

afterAll(async () => {
  await stop(main)
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true })
})

describe('an installation signs with its own secret, never the development one', () => {
  it('a fresh embedded start signs sessions with the secret it generated, and a session minted with the development secret is refused', async () => {
    const secret = fs.readFileSync(path.join(main.dataDir, 'payload-secret'), 'utf8').trim()
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    const { token } = await Api.login(url, 'admin@northwind.example')
    const signature = token!.split('.')[2]
    expect(signature).toBe(jwtSignature(token!, secret))
    expect(signature).not.toBe(jwtSignature(token!, DEVELOPMENT_SECRET))

    expect((await me(token!))?.email).toBe('admin@northwind.example')
    expect(await me(resigned(token!, DEVELOPMENT_SECRET))).toBeNull()
  })

  it('a proposal response link signed with the development secret, or with a key derived from it, is refused over HTTP', async () => {
    const agent = await Api.login(url, 'leo.park@summit.example')
    const territory = (await agent.get('/api/territories?where[code][equals]=US-W&depth=0')).body.docs[0].id
    const prospect = await agent.post('/api/prospects', {
      company: 'Redwood Logistics',
      territory,
      contacts: [{ name: 'Jo Reyes', email: 'jo@redwood.example' }],
    })
    expect(prospect.status).toBe(201)
    const service = (await agent.get('/api/services?where[code][equals]=MGD-MOB&depth=0')).body.docs[0].id
    const created = await agent.post('/api/proposals', { prospect: prospect.body.doc.id, services: [{ service, quantity: 2 }] })
    expect(created.status).toBe(201)
    const link = {
      proposalId: created.body.doc.id as number,
      action: 'respond',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    } as const
    const anonymous = new Api(url, null)

    for (const key of [DEVELOPMENT_SECRET, deriveLinkKey(DEVELOPMENT_SECRET)]) {
      const forged = signLink(link, key)
      const shown = await anonymous.get(`/api/proposals/respond?token=${forged}`)
      expect(shown.status).toBe(400)
      expect(shown.body.errors[0].message).toBe('this link has been altered and is not valid')
      const answered = await anonymous.post('/api/proposals/respond', { token: forged, decision: 'accept' })
      expect(answered.status).toBe(400)
      expect(answered.body.errors[0].message).toBe('this link has been altered and is not valid')
    }

    // The same link signed with the key derived from the installation's secret is the one the server accepts.
    const secret = fs.readFileSync(path.join(main.dataDir, 'payload-secret'), 'utf8').trim()
    const genuine = signLink(link, deriveLinkKey(secret))
    const shown = await anonymous.get(`/api/proposals/respond?token=${genuine}`)
    expect(shown.status).toBe(200)
    expect(shown.body.proposal).toBe(link.proposalId)
    // … and not one signed with the installation's secret itself: links have a key of their own.
    expect((await anonymous.get(`/api/proposals/respond?token=${signLink(link, secret)}`)).body.errors[0].message).toBe(
      'this link has been altered and is not valid',
    )
  })

  it('refuses to start with the development secret or one shorter than 32 bytes, and says to set PAYLOAD_SECRET', () => {
    const advice = 'Set PAYLOAD_SECRET to a random value of at least 32 bytes'
    expect(refusedDevelopment.code, refusedDevelopment.output).toBe(1)
    expect(refusedDevelopment.output).toContain('could not start: PAYLOAD_SECRET is the development value written in the source code')
    expect(refusedDevelopment.output).toContain(advice)
    expect(refusedShort.code, refusedShort.output).toBe(1)
    expect(refusedShort.output).toContain('could not start: PAYLOAD_SECRET is only 10 bytes long')
    expect(refusedShort.output).toContain(advice)
    for (const refused of [refusedDevelopment, refusedShort]) {
      expect(refused.output).not.toContain('API: ')
      // It stopped the embedded PostgreSQL it had started.
      expect(fs.existsSync(path.join(refused.dataDir, 'pg', 'postmaster.pid'))).toBe(false)
    }
  })

  it('a worker on a database without PAYLOAD_SECRET refuses to start', () => {
    expect(refusedWorker.code, refusedWorker.output).toBe(1)
    expect(refusedWorker.output).toContain('[worker] could not start: PAYLOAD_SECRET is not set')
  })

  it('SIGTERM stops the server and then its embedded PostgreSQL', async () => {
    main.child.kill('SIGTERM')
    expect(await main.exit).toBe(0)
    expect(main.output()).toContain('SIGTERM received, shutting down')
    expect(fs.existsSync(path.join(main.dataDir, 'pg', 'postmaster.pid'))).toBe(false)
  })
})
