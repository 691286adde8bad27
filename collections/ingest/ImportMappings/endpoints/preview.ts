import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
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
  custom: apiDoc({
    summary: 'Preview an import with this mapping',
    description:
      'A dry run of the mapping on a file, read exactly as an import reads it: the header row found, the first 50 accepted rows as they would be stored (with the codes behind their ids), the first 200 rejected rows, every rejection reason with its row count, unknown values and the counts an import would report. Nothing is written.',
    access: 'Company admins and finance (the people who import).',
    body: {
      contentType: 'multipart/form-data',
      required: true,
      schema: s.obj({
        file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The file to preview (.xlsx or .csv).' },
      }),
    },
    responses: {
      200: {
        description: 'What an import of this file would do.',
        schema: s.obj({
          written: { const: false, description: 'Always false: a preview writes nothing.' },
          file: s.obj({ name: s.str(), format: s.oneOf(['xlsx', 'csv']) }),
          header: s.obj({
            rowNumber: s.int('The row (1-based) the header was found on.'),
            headers: s.arr(s.str()),
            missing: s.arr(s.str(), 'Mapped column headers not found in the file.'),
          }),
          counts: s.obj({
            rowsRead: s.int(),
            accepted: s.int(),
            new: s.int('Accepted rows whose line is not stored yet.'),
            alreadyImported: s.int('Accepted rows whose natural key is already stored.'),
            repeatedInFile: s.int('Accepted rows identical to an earlier row of the same file.'),
            rejected: s.int(),
            blankRows: s.int(),
            footerRows: s.int(),
          }),
          rows: s.arr(
            s.obj({
              rowNumber: s.int(),
              stored: s.anyJson('The row as it would be stored (ids, with dealerCode, carrierCode, ratePlanCode beside them).'),
            }),
            'The first 50 accepted rows.',
          ),
          rejected: s.arr(s.obj({ rowNumber: s.int(), reasons: s.str() }), 'The first 200 rejected rows, each with all its reasons.'),
          reasons: s.arr(
            s.obj({ column: s.str(), reason: s.str(), rows: s.int() }),
            'Each distinct rejection reason, most frequent first.',
          ),
          unknownValues: s.arr(s.obj({ column: s.str(), field: s.str(), value: s.str(), rows: s.int(), firstRow: s.int() })),
          footers: s.arr(s.obj({ rowNumber: s.int(), text: s.str() }), 'Footer rows found under the data.'),
          notes: s.arr(s.str()),
        }),
      },
      422: {
        description: 'The file cannot be read (not a spreadsheet, no header row found, required columns missing, too large when unpacked).',
      },
    },
  }),
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
