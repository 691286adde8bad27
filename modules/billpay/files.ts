/**
 * Invoice files as they arrived, kept and addressable: stored once under their SHA-256 in the data folder
 * (INVOICES_DIR, else ./.data/invoices), so the same file arriving twice is one file; what kind of file it is is read
 * from its bytes, not trusted from its name.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { uploadDir } from '../core/uploadDir'

export type InvoiceFileType = 'pdf' | 'csv' | 'x12_811' | 'unknown'

/** Largest invoice file accepted (a 300-page PDF is a few MB). */
export const MAX_INVOICE_FILE_BYTES = 50 * 1024 * 1024

export function invoicesDir(): string {
  return uploadDir('invoices', process.env.INVOICES_DIR)
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The kind of an invoice file from its first bytes: %PDF, an X12 interchange (ISA), else delimited text, else unknown. */
export function sniffInvoiceFile(data: Uint8Array, fileName: string): InvoiceFileType {
  const head = Buffer.from(data.subarray(0, 1024))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
  if (head.startsWith('%PDF-')) return 'pdf'
  if (/^ISA.{100}/s.test(head)) return 'x12_811'
  if (/\.pdf$/i.test(fileName)) return 'pdf'
  // eslint-disable-next-line no-control-regex
  const binary = /[\x00-\x08\x0e-\x1a]/.test(head)
  if (!binary && /[,;\t]/.test(head.split(/\r?\n/)[0] ?? '')) return 'csv'
  return 'unknown'
}

/** Writes the file under its hash (atomically: a temporary name, then a rename) unless it is already there. */
export async function storeInvoiceFile(data: Uint8Array, hash: string): Promise<string> {
  const dir = invoicesDir()
  await mkdir(dir, { recursive: true })
  const target = path.join(dir, hash)
  const temporary = `${target}.${process.pid}.${Date.now()}.part`
  await writeFile(temporary, data)
  await rename(temporary, target)
  return target
}

export async function readInvoiceFile(hash: string): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('not a file hash')
  return readFile(path.join(invoicesDir(), hash))
}

/** The content type an invoice file is served with. */
export function contentTypeOf(type: string): string {
  return type === 'pdf' ? 'application/pdf' : type === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8'
}
