/**
 * The point-of-sale drop folder (an SFTP landing directory, or any folder a distributor's ETL writes to):
 * `ACCRUE_POS_DROP_DIR`, default `<data folder>/pos-drop`. Each .csv or .xlsx file named `<PARTNER CODE>_<anything>`
 * becomes an import with that partner's own mapping (a point-of-sale mapping naming the partner, so every row is
 * that partner's) — the same import every uploaded file gets (rows accepted or
 * rejected with reasons, a rejects workbook). The file then moves to `processed/` (or `failed/` with a `.reason.txt`).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { dbPool } from '../../db/pool'
import { uploadDir } from '../core/uploadDir'

export function dropFolder(): string {
  return process.env.ACCRUE_POS_DROP_DIR ?? path.join(path.dirname(uploadDir('media', undefined)), 'pos-drop')
}

/**
 * The mapping a file of `partnerCode` is read with: the partner's own point-of-sale mapping, which fixes the partner,
 * so a file can only bring the sales of the partner it is named after. Null when there is none.
 */
async function mappingFor(payload: Payload, partnerCode: string): Promise<number | null> {
  const found = await dbPool(payload).query<{ id: number }>(
    `select m.id from participants p
       join import_mappings m on m.source = 'pos_lines' and m.partner_id = p.id
      where upper(p.code) = upper($1)
      order by m.id limit 1`,
    [partnerCode],
  )
  return found.rows[0]?.id ?? null
}

export async function importDropFolder(payload: Payload, folder = dropFolder()): Promise<{ file: string; outcome: string }[]> {
  await fs.promises.mkdir(folder, { recursive: true })
  const names = (await fs.promises.readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && /\.(csv|xlsx)$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort()
  const results: { file: string; outcome: string }[] = []
  for (const name of names) {
    const source = path.join(folder, name)
    const move = async (to: 'processed' | 'failed', reason?: string) => {
      await fs.promises.mkdir(path.join(folder, to), { recursive: true })
      const target = path.join(folder, to, `${new Date().toISOString().replace(/[:.]/g, '-')}_${name}`)
      await fs.promises.rename(source, target)
      if (reason) await fs.promises.writeFile(`${target}.reason.txt`, `${reason}\n`)
    }
    const partnerCode = name.split('_')[0] ?? ''
    const mapping = partnerCode ? await mappingFor(payload, partnerCode) : null
    if (mapping === null) {
      const reason = `no partner "${partnerCode}" with a point-of-sale mapping: name files <PARTNER CODE>_<anything>.csv (or .xlsx)`
      await move('failed', reason)
      results.push({ file: name, outcome: `failed: ${reason}` })
      continue
    }
    try {
      const data = await fs.promises.readFile(source)
      const created = await payload.create({
        collection: 'imports',
        data: { mapping } as never,
        file: {
          name,
          data,
          mimetype: name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          size: data.length,
        },
        overrideAccess: true,
      })
      await move('processed')
      results.push({ file: name, outcome: `import #${created.id} queued` })
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      await move('failed', reason)
      results.push({ file: name, outcome: `failed: ${reason}` })
    }
  }
  return results
}
