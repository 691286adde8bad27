import { TemplateDownload as TemplateDownload_05b5a041026c69cd4d1b3fa8ae2c2e0a } from '../../../components/TemplateDownload'
import { LinkedJobProgress as LinkedJobProgress_a942480752001772ceaccce5d20c0660 } from '../../../components/JobProgress'
import { RejectsDownload as RejectsDownload_9711496ff5ca6479c87c08a9ab6d86d2 } from '../../../components/RejectsDownload'
import { ReconSummary as ReconSummary_711ed7abe06fce2a652c71f962a4da5b } from '../../../components/ReconSummary'
import { RerunButton as RerunButton_b3cc297f4e1dfde5444435d778d624b7 } from '../../../components/RerunButton'
import { RunConnectorButton as RunConnectorButton_2d7b3d0f9a2d8d6a7c3409a755b79907 } from '../../../components/RunConnectorButton'
import { JobProgress as JobProgress_a942480752001772ceaccce5d20c0660 } from '../../../components/JobProgress'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/TemplateDownload#TemplateDownload": TemplateDownload_05b5a041026c69cd4d1b3fa8ae2c2e0a,
  "/components/JobProgress#LinkedJobProgress": LinkedJobProgress_a942480752001772ceaccce5d20c0660,
  "/components/RejectsDownload#RejectsDownload": RejectsDownload_9711496ff5ca6479c87c08a9ab6d86d2,
  "/components/ReconSummary#ReconSummary": ReconSummary_711ed7abe06fce2a652c71f962a4da5b,
  "/components/RerunButton#RerunButton": RerunButton_b3cc297f4e1dfde5444435d778d624b7,
  "/components/RunConnectorButton#RunConnectorButton": RunConnectorButton_2d7b3d0f9a2d8d6a7c3409a755b79907,
  "/components/JobProgress#JobProgress": JobProgress_a942480752001772ceaccce5d20c0660,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
