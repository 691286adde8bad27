'use client'

import { useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { rulePurpose } from '../../engine/rules/purposes'
import type { RulePurpose } from '../../engine/rules/types'

/** The rule version's status, and whether its graph is frozen (approved or retired versions are never edited). */
export function useRuleStatus(): { status: string; frozen: boolean } {
  const status = useFormFields(([fields]) => (fields.status?.value as string | undefined) ?? 'draft')
  return { status, frozen: status === 'approved' || status === 'retired' }
}

/** The purpose of the rule set the version being edited belongs to (its `ruleSet` field), or null until one is chosen. */
export function useRulePurpose(): RulePurpose | null {
  const ruleSet = useFormFields(
    ([fields]) => fields.ruleSet?.value as number | string | { id: number; purpose?: string } | null | undefined,
  )
  const id = ruleSet && typeof ruleSet === 'object' ? ruleSet.id : ruleSet
  const [purposeKey, setPurposeKey] = useState<string | null>(null)
  useEffect(() => {
    if (id === null || id === undefined || id === '') {
      setPurposeKey(null)
      return
    }
    let current = true
    void fetch(`/api/rule-sets/${id}?depth=0`, { credentials: 'include' })
      .then((res) => (res.ok ? (res.json() as Promise<{ purpose?: string }>) : null))
      .then((set) => {
        if (current) setPurposeKey(set?.purpose ?? null)
      })
    return () => {
      current = false
    }
  }, [id])
  return purposeKey ? rulePurpose(purposeKey) : null
}
