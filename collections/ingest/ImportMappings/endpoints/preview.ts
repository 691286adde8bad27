import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { jobOperators } from '../../../../access/core/operationsStaff'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'
import { ImportFileError, previewImport, SpreadsheetError, type MappingDoc } from '../../../../modules/ingest'

/**
 * POST /api/import-mappings/:id/preview — a dry run of the mapping on a file (multipart, field `file`): the header
 * found, the first 50 rows as they would be stored, every rejection reason and the counts. Nothing is written.
 * For the people who import (company admins and finance). A file that cannot be read answers 422 with the reason.
 */
export const previewMapping: Endpoint = {
  path: '/:id/preview',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in to preview an import')
    if (!jobOperators({ req })) return errorResponse(403, 'only company admins and finance import files')
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const mapping = await findOrNull(
      req.payload.findByID({ collection: 'import-mappings', id, depth: 0, overrideAccess: false, user: req.user, req }),
    )
    if (!mapping) return errorResponse(404, `import mapping ${req.routeParams?.id} not found`)
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file?.data || file.data.length === 0) return errorResponse(400, 'send the file to preview as multipart form data, field "file"')
    try {
      const preview = await previewImport(req.payload, mapping as unknown as MappingDoc, { name: file.name, data: file.data })
      return Response.json(preview)
    } catch (error) {
      if (error instanceof SpreadsheetError || error instanceof ImportFileError) return errorResponse(422, error.message)
      throw error
    }
  },
}
