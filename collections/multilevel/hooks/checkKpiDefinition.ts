import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { kpiProblems, type KpiDefinition } from '../../../engine/multilevel/kpis'

/** Refuses a KPI code rules cannot read and options that do not fit its measure, naming the field. */
export const checkKpiDefinition: CollectionBeforeChangeHook = ({ data, originalDoc, collection }) => {
  const merged = { ...originalDoc, ...data }
  const errors: { path: string; message: string }[] = []
  const code = String(merged.code ?? '')
  if (!/^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(code))
    errors.push({
      path: 'code',
      message: `"${code}" cannot be read by a rule: use letters, digits and "_", starting with a letter (e.g. GV)`,
    })
  const definition = {
    code,
    measure: merged.measure,
    basis: merged.basis,
    scope: merged.scope,
    excludeHeadVolume: Boolean(merged.excludeHeadVolume),
    breakAtRank: merged.breakAtRank ? 1 : null,
    level: merged.level ?? undefined,
    generation: merged.generation ?? undefined,
  } as KpiDefinition
  for (const message of kpiProblems(definition)) errors.push({ path: 'measure', message })
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors })
  return data
}
