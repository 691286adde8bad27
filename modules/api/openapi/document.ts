import type { SanitizedConfig } from 'payload'

import packageJson from '../../../package.json'
import { buildOpenApi, type OpenApiDocument } from './build'

const built = new WeakMap<SanitizedConfig, OpenApiDocument>()

/** The product's version, from package.json: the document's `info.version`. */
export function productVersion(): string {
  return packageJson.version
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
