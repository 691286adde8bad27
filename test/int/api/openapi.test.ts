import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { compile, disagreement } from '../../support/openapiCheck'
import { clientTypes } from '../../../scripts/openapiClient'

/**
 * The API's contract: the OpenAPI document served at /api/openapi.json is generated from the running config, lints
 * clean with Redocly, describes every collection and every custom endpoint, and the committed typed client's types
 * are generated from it. (Every int test's REST answers are also checked against it: test/support/openapiCheck.ts.)
 */
let app: TestApp
let document: any

const root = path.resolve(__dirname, '../../..')

beforeAll(async () => {
  app = await startTestApp('api_openapi')
  const res = await fetch(`${app.url}/api/openapi.json`)
  expect(res.status).toBe(200)
  document = await res.json()
})

afterAll(async () => {
  await app?.close()
})

function operations(): { path: string; method: string; op: any }[] {
  return Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([p, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ path: p, method, op })),
  )
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, served without a login, and Redocly’s recommended rules find no error in it', () => {
    expect(document.openapi).toBe('3.1.0')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-openapi-')), 'openapi.json')
    fs.writeFileSync(file, JSON.stringify(document))
    const lint = spawnSync(process.execPath, [path.join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--format=json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    const report = JSON.parse(lint.stdout) as {
      totals: { errors: number }
      problems: { ruleId: string; message: string; severity: string }[]
    }
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)).toEqual([])
    expect(report.totals.errors).toBe(0)
  })

  it('has every collection’s list, create, read, update and delete, with a schema of its fields', () => {
    const slugs = app.payload.config.collections.map((c) => c.slug).filter((slug) => !slug.startsWith('payload-'))
    expect(slugs.length).toBeGreaterThan(80)
    for (const slug of slugs) {
      expect(Object.keys(document.paths[`/${slug}`] ?? {}).sort(), slug).toEqual(['delete', 'get', 'patch', 'post'])
      expect(Object.keys(document.paths[`/${slug}/{id}`] ?? {}).sort(), slug).toEqual(['delete', 'get', 'patch'])
      expect(document.components.schemas[slug]?.properties?.id, slug).toBeDefined()
    }
    // Money is a decimal string, never a number (a commission line's amount, as the plan document writes it).
    expect(document.components.schemas['commission-lines'].properties.amount).toMatchObject({ type: 'string', 'x-money': true })
    expect(document.components.schemas['commission-lines'].properties.component.enum).toContain('upfront')
    expect(document.components.schemas['commission-lines'].properties.payee.oneOf[0]).toEqual({ type: 'number' })
  })

  it('describes every custom endpoint: none is left undocumented, each has a summary and a success answer', () => {
    const undocumented = operations()
      .filter(({ op }) => op['x-undocumented'])
      .map(({ method, path: p }) => `${method.toUpperCase()} ${p}`)
    expect(undocumented).toEqual([])
    const custom = app.payload.config.collections.flatMap((c) =>
      (Array.isArray(c.endpoints) ? c.endpoints : [])
        .filter((e) => (e.custom as { openapi?: unknown } | undefined)?.openapi)
        .map((e) => ({ slug: c.slug, method: e.method, path: e.path })),
    )
    expect(custom.length).toBeGreaterThan(100)
    for (const e of custom) {
      const p = `/${e.slug}${e.path === '/' ? '' : e.path}`.replace(/:([A-Za-z_]\w*)\??/g, '{$1}')
      const op = document.paths[p]?.[e.method]
      expect(op, `${e.method} ${p}`).toBeDefined()
      expect(op.summary).not.toMatch(/undocumented/)
      expect(
        Object.keys(op.responses).some((status) => status.startsWith('2')),
        `${e.method} ${p}`,
      ).toBe(true)
    }
    const ids = operations().map(({ op }) => op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('lists every webhook event with the signature header', () => {
    expect(Object.keys(document.webhooks)).toEqual(
      expect.arrayContaining(['import.completed', 'payment_batch.paid', 'proposal.status_changed']),
    )
    expect(document.webhooks['import.completed'].post.parameters.map((p: any) => p.name)).toContain('Accrue-Signature')
  })

  it('refuses an answer that disagrees with it (the check the int tests run can fail)', () => {
    const checker = compile(document)
    const line = {
      id: 1,
      run: 2,
      period: 3,
      payee: 4,
      component: 'upfront',
      amount: '70.00',
      currency: 'USD',
      createdAt: 'x',
      updatedAt: 'x',
    }
    expect(disagreement(checker, 'GET', '/api/commission-lines/1', 200, 'application/json', line)).toBeNull()
    expect(disagreement(checker, 'GET', '/api/commission-lines/1', 200, 'application/json', { ...line, amount: 70 })).toMatch(/amount/)
    expect(disagreement(checker, 'GET', '/api/commission-lines/1', 200, 'application/json', { ...line, component: 'bribe' })).toMatch(
      /component/,
    )
    expect(disagreement(checker, 'GET', '/api/commission-lines', 200, 'application/json', { docs: 'none' })).toMatch(/docs/)
    expect(disagreement(checker, 'GET', '/api/commission-lines/1', 404, 'application/json', { message: 'gone' })).toMatch(/errors/)
    expect(disagreement(checker, 'GET', '/api/commission-lines/1/sideways', 200, 'application/json', {})).toMatch(/no such operation/)
  })
})

describe('the reference page and the typed client', () => {
  it('serves a readable reference page at /api/docs with its script from this server', async () => {
    const page = await fetch(`${app.url}/api/docs`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    expect(html).toContain('spec-url="openapi.json"')
    const script = await fetch(`${app.url}/api/docs/redoc.standalone.js`)
    expect(script.status).toBe(200)
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(500_000)
  })

  it('the committed client types (clients/typescript/accrue-api.d.ts) are generated from this document: run `npm run openapi` after an API change', async () => {
    const committed = fs.readFileSync(path.join(root, 'clients/typescript/accrue-api.d.ts'), 'utf8')
    expect(committed === (await clientTypes(document))).toBe(true)
  })
})
