import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../engine/api'
import { openApiDocument } from '../../modules/api/openapi/document'

/**
 * Redoc's self-contained browser bundle (no CDN: the reference page works on a closed network), found from its
 * package folder at run time so that no bundler tries to bundle the browser script into the server.
 */
function redocBundle(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('redoc/package.json')), 'bundles', 'redoc.standalone.js')
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Accrue REST API</title>
    <style>body { margin: 0; }</style>
  </head>
  <body>
    <redoc spec-url="openapi.json" hide-hostname="true" path-in-middle-panel="true"></redoc>
    <script src="docs/redoc.standalone.js"></script>
  </body>
</html>`

/** The API's own description: the OpenAPI document and a readable reference page of it (Redoc). Public, like any API reference. */
export const apiReferenceEndpoints: Endpoint[] = [
  {
    path: '/openapi.json',
    method: 'get',
    custom: apiDoc({
      summary: 'The OpenAPI 3.1 document of this API',
      description:
        'Generated from the running configuration: every collection, custom endpoint and webhook. Feed it to a client generator.',
      public: true,
      responses: { 200: { description: 'The document.', schema: s.obj({ openapi: s.str(), info: s.obj({}), paths: s.obj({}) }) } },
    }),
    handler: (req) => Response.json(openApiDocument(req.payload.config), { headers: { 'cache-control': 'no-cache' } }),
  },
  {
    path: '/docs',
    method: 'get',
    custom: apiDoc({
      summary: 'The API reference page',
      description: 'A readable reference of the OpenAPI document (Redoc), served from this server.',
      public: true,
      responses: { 200: { description: 'The page.', contentType: 'text/html' } },
    }),
    handler: () => new Response(PAGE, { headers: { 'content-type': 'text/html; charset=utf-8' } }),
  },
  {
    path: '/docs/redoc.standalone.js',
    method: 'get',
    custom: apiDoc({
      summary: 'The reference page’s script (Redoc)',
      public: true,
      responses: { 200: { description: 'Redoc’s standalone bundle.', contentType: 'text/javascript' } },
    }),
    handler: async () =>
      new Response(new Uint8Array(await fs.promises.readFile(redocBundle())), {
        headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' },
      }),
  },
]
