import fs from 'node:fs'
import path from 'node:path'
import type { SanitizedConfig } from 'payload'

import { root } from '../../../db/environment'
import { buildOpenApi, type OpenApiDocument } from './build'

const built = new WeakMap<SanitizedConfig, OpenApiDocument>()

/** The product's version, from package.json: the document's `info.version`. */
export function productVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version
}

/** The OpenAPI document of a running config, built on first use and kept (the config does not change at run time). */
export function openApiDocument(config: SanitizedConfig): OpenApiDocument {
  let document = built.get(config)
  if (!document) {
    document = buildOpenApi(config, productVersion())
    built.set(config, document)
  }
  return document
}
