import type { Block } from 'payload'

import { ACTIVATION_TYPE_LABELS, ACTIVATION_TYPES } from '../../../../engine/telecom'

/** A component's admin block; its slug is its kind, set by the registry (`./index.ts`). */
export type ComponentBlock = Omit<Block, 'slug'>

export const capitalized = (value: string) => value[0]!.toUpperCase() + value.slice(1).replace(/_/g, ' ')
export const activationTypeOptions = ACTIVATION_TYPES.map((value) => ({ value, label: ACTIVATION_TYPE_LABELS[value] }))
export const percentField = (name: string, description: string) => ({ name, type: 'text' as const, required: true, admin: { description } })
