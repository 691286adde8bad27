/**
 * A mapping's value translations: a carrier's or dealer's own words for a column's values ("GA" for a new
 * activation, "Verizon Wireless" for the carrier coded VZW, "5GUNL" for a rate plan), kept as data on the mapping
 * and edited in the admin. The built-in spellings (engine/telecom/vocabulary.ts) stay the defaults; a mapping's
 * translation extends them and wins over them. Values are matched without regard to case, spacing, '_' or '-'.
 */
import { ACTIVATION_TYPE_ALIASES, ACTIVATION_TYPES, LINE_STATUS_ALIASES, LINE_STATUSES } from '../telecom'

import { choiceKey } from './cells'
import { SOURCE_FIELDS, type ImportSource } from './fields'

/** What a translation of the field turns a file value into. */
type Translatable =
  { kind: 'choice'; options: readonly string[]; defaults: Readonly<Record<string, string>> } | { kind: 'code' | 'features' }

/** The fields whose values a mapping may translate, and what their translations must name. */
export const TRANSLATABLE_FIELDS: Readonly<Record<string, Translatable>> = {
  activationType: { kind: 'choice', options: ACTIVATION_TYPES, defaults: ACTIVATION_TYPE_ALIASES },
  lineStatus: { kind: 'choice', options: LINE_STATUSES, defaults: LINE_STATUS_ALIASES },
  carrierCode: { kind: 'code' },
  dealerCode: { kind: 'code' },
  ratePlanCode: { kind: 'code' },
  features: { kind: 'features' },
  productCode: { kind: 'code' },
  partnerCode: { kind: 'code' },
}

/** One row of a mapping's translation table: in column `field`, the file's `value` means `means`. */
export type ValueTranslation = { field: string; value: string; means: string }

/** Problems with a mapping's translation table, each naming its row (1-based). */
export function translationProblems(source: ImportSource, translations: readonly ValueTranslation[]): string[] {
  const problems: string[] = []
  const seen = new Map<string, number>()
  translations.forEach((translation, index) => {
    const row = `value translation ${index + 1}`
    const rule = TRANSLATABLE_FIELDS[translation.field]
    const field = SOURCE_FIELDS[source].find((f) => f.name === translation.field)
    if (!rule || !field) {
      problems.push(`${row}: "${translation.field}" is not a field whose values ${source.replace('_', ' ')} files can translate`)
      return
    }
    const value = choiceKey(translation.value ?? '')
    if (value === '') problems.push(`${row}: the file value is empty`)
    const means = (translation.means ?? '').trim()
    if (means === '') problems.push(`${row}: say what "${translation.value}" means`)
    else if (rule.kind === 'choice' && !rule.options.some((option) => choiceKey(option) === choiceKey(means))) {
      problems.push(`${row}: ${field.label} "${translation.value}" must mean one of ${rule.options.join(', ')}, not "${means}"`)
    }
    const key = `${translation.field}|${value}`
    const earlier = seen.get(key)
    if (earlier !== undefined) problems.push(`${row}: ${field.label} "${translation.value}" is already translated in row ${earlier}`)
    seen.set(key, index + 1)
  })
  return problems
}

/** Looks up what a file value means under a mapping's translations. */
export class ValueMap {
  private readonly byField = new Map<string, Map<string, string>>()

  constructor(translations: readonly ValueTranslation[] = []) {
    for (const { field, value, means } of translations) {
      let table = this.byField.get(field)
      if (!table) this.byField.set(field, (table = new Map()))
      table.set(choiceKey(value), means.trim())
    }
  }

  /** What `value` of column `field` means, or `value` itself when the mapping does not translate it. */
  translate(field: string, value: string): string {
    return this.byField.get(field)?.get(choiceKey(value)) ?? value
  }

  /** The aliases of a choice field: the built-in spellings, extended (and overridden) by the mapping's. */
  aliases<T extends string>(field: string): Record<string, T> {
    const rule = TRANSLATABLE_FIELDS[field]
    if (rule?.kind !== 'choice') return {}
    const aliases: Record<string, string> = {}
    for (const [value, means] of this.byField.get(field) ?? []) {
      const option = rule.options.find((o) => choiceKey(o) === choiceKey(means))
      if (option !== undefined) aliases[value] = option
    }
    // The built-in spellings after the mapping's, and only those it does not translate: lookups take the first match.
    for (const [value, option] of Object.entries(rule.defaults)) if (!(choiceKey(value) in aliases)) aliases[choiceKey(value)] = option
    return aliases as Record<string, T>
  }
}
