import type { Capability } from '../core/capability'
import { ingestHome } from './home'
import { ImportMappings } from './ImportMappings'
import { ImportRejects } from './ImportRejects'
import { Imports } from './Imports'

/** Imports: mappings, import runs and the rows they rejected. */
export const ingest: Capability = {
  home: ingestHome,
  collections: [ImportMappings, Imports, ImportRejects],
}
