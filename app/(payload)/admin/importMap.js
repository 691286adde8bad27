import { JobProgress as JobProgress_a942480752001772ceaccce5d20c0660 } from '../../../components/JobProgress'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/JobProgress#JobProgress": JobProgress_a942480752001772ceaccce5d20c0660,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
