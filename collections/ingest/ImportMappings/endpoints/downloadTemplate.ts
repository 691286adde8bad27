import type { Endpoint, PayloadRequest } from 'payload'

import { apiDoc } from '../../../../engine/api'
import type { ImportSource, MappingColumn } from '../../../../engine/ingest/fields'
import { relationId } from '../../../../hooks/core/relationId'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { buildTemplate } from '../../../../modules/ingest/template'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'

async function codes(
  req: PayloadRequest,
  collection: 'participants' | 'carriers' | 'rate-plans' | 'products',
  where: Record<string, unknown>,
): Promise<string[]> {
  const found = await req.payload.find({
    collection,
    where: where as never,
    pagination: false,
    depth: 0,
    sort: 'code',
    select: { code: true },
    req,
  })
  return found.docs.map((doc) => String((doc as { code?: string }).code ?? '')).filter((code) => code !== '')
}

/** GET /api/import-mappings/:id/template — the mapping's standardized Excel template, with today's lists. */
export const downloadTemplate: Endpoint = {
  path: '/:id/template',
  method: 'get',
  custom: apiDoc({
    summary: 'Download a mapping’s Excel template',
    description:
      'The standardized Excel template for files of this mapping: its sheet with the mapped column headers, and drop-down lists of today’s active dealer, carrier and rate plan codes (plus consultant and product codes for network orders).',
    access: 'The operating company’s staff (company admins and users, finance, auditors): whoever may read the mapping.',
    responses: {
      200: {
        description: 'The template workbook (an attachment named after the mapping).',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    },
  }),
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in to download templates')
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const mapping = await findOrNull(
      req.payload.findByID({ collection: 'import-mappings', id, depth: 0, overrideAccess: false, user: req.user, req }),
    )
    if (!mapping) return errorResponse(404, `import mapping ${req.routeParams?.id} not found`)
    const carrierId = relationId(mapping.carrier)
    const orders = mapping.source === 'network_orders'
    const buffer = await buildTemplate({
      source: mapping.source as ImportSource,
      sheetName: mapping.sheetName || 'Data',
      columns: (mapping.columns ?? []) as MappingColumn[],
      lists: {
        dealers: await codes(req, 'participants', { kind: { equals: 'dealer' }, status: { equals: 'active' } }),
        carriers: await codes(req, 'carriers', { active: { equals: true } }),
        ratePlans: await codes(
          req,
          'rate-plans',
          carrierId === null ? { active: { equals: true } } : { carrier: { equals: carrierId }, active: { equals: true } },
        ),
        ...(orders && {
          consultants: await codes(req, 'participants', { kind: { not_equals: 'operating_company' }, status: { equals: 'active' } }),
          products: await codes(req, 'products', { active: { equals: true } }),
        }),
      },
    })
    const fileName = `${mapping.name.replace(/[^\w.-]+/g, '-')}-template.xlsx`
    return new Response(new Uint8Array(buffer), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${fileName}"`,
      },
    })
  },
}
