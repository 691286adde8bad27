import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Where an upload collection keeps its files: the folder named by its own variable (MEDIA_DIR, IMPORTS_DIR) when
 * set, else a folder of that name in the data folder (ACCRUE_DATA_DIR, default ./.data), beside the embedded cluster.
 */
export function uploadDir(
  name: 'media' | 'imports' | 'evidence' | 'statements' | 'attachments' | 'ticket-attachments' | 'invoices',
  override: string | undefined,
): string {
  return override ?? path.join(path.resolve(process.env.ACCRUE_DATA_DIR ?? path.join(root, '.data')), name)
}

/** Where the statements job writes PDF and xlsx statements (STATEMENTS_DIR, else the data folder). */
export function statementsDir(): string {
  return uploadDir('statements', process.env.STATEMENTS_DIR)
}
