import fs from 'node:fs'
import path from 'node:path'

import { root } from '../db/environment'
import { buildOpenApi } from '../modules/api/openapi/build'
import { productVersion } from '../modules/api/openapi/document'
import { clientTypes } from './openapiClient'

/**
 * `npm run openapi [-- --document <file>]`: writes the typed client's types generated from the OpenAPI document of
 * the current config (clients/typescript/accrue-api.d.ts; a test fails when the committed file differs), and with
 * `--document` the document itself, without a database or a server.
 */
const { default: configPromise } = await import('../payload.config')
const config = await configPromise
const document = buildOpenApi(config, productVersion())
const at = process.argv.indexOf('--document')
if (at !== -1 && process.argv[at + 1]) fs.writeFileSync(path.resolve(process.argv[at + 1]!), `${JSON.stringify(document, null, 2)}\n`)
const typesFile = path.join(root, 'clients', 'typescript', 'accrue-api.d.ts')
fs.mkdirSync(path.dirname(typesFile), { recursive: true })
fs.writeFileSync(typesFile, await clientTypes(document))
const operations = Object.values(document.paths).reduce((n, ops) => n + Object.keys(ops).length, 0)
console.log(`${Object.keys(document.paths).length} paths, ${operations} operations: wrote clients/typescript/accrue-api.d.ts`)
