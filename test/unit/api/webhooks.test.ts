import { describe, expect, it } from 'vitest'

import { nextAttemptDelay, signatureHeader, verifySignature, webhookUrlProblem, type RetrySchedule } from '../../../engine/api/webhooks'

// Vectors computed once with `printf '%s' '<ts>.<body>' | openssl dgst -sha256 -hmac '<secret>'`.
const SECRET = 'whsec_test_secret'
const TS = 1767225600
const BODY = '{"id":"evt_1","type":"import.completed"}'
const BODY_HMAC = '12a133c3bc3d19d72056cec982f82046239ebc1d2d8cae7c48d97f90cb79f743'
const UTF8_BODY = '{"a":"é"}'
const UTF8_HMAC = 'ada6ee4a5636c65a71b5caa958f8e017334deb0a8d7e58f625f10b94a897f08a'
const EMPTY_HMAC = '78c9dc98dcb2f73b54d786e202860ef9bd8e483f096e479745b117468bf19252' // secret whsec_other, ts 1700000000, empty body

describe('the Accrue-Signature header (Stripe’s t=…,v1=… scheme)', () => {
  it('is the HMAC-SHA256 of "<timestamp>.<body>" in hex, as openssl computes it', () => {
    expect(signatureHeader(SECRET, TS, BODY)).toBe(`t=${TS},v1=${BODY_HMAC}`)
    expect(signatureHeader(SECRET, TS, UTF8_BODY)).toBe(`t=${TS},v1=${UTF8_HMAC}`)
    expect(signatureHeader('whsec_other', 1700000000, '')).toBe(`t=1700000000,v1=${EMPTY_HMAC}`)
  })

  it('verifies a genuine request within the tolerance, either side of the receiver’s clock', () => {
    expect(verifySignature(`t=${TS},v1=${BODY_HMAC}`, SECRET, BODY, TS + 300)).toEqual({ ok: true, timestamp: TS })
    expect(verifySignature(`t=${TS},v1=${BODY_HMAC}`, SECRET, BODY, TS - 300)).toEqual({ ok: true, timestamp: TS })
    // Several v1 signatures (a sender rotating its secret): one matching is enough.
    expect(verifySignature(`t=${TS},v1=${'0'.repeat(64)},v1=${BODY_HMAC}`, SECRET, BODY, TS).ok).toBe(true)
  })

  it('refuses a forged body, another secret, a stale or future timestamp and a malformed header, saying which', () => {
    const header = `t=${TS},v1=${BODY_HMAC}`
    expect(verifySignature(header, SECRET, BODY.replace('evt_1', 'evt_2'), TS)).toEqual({ ok: false, reason: 'wrong signature' })
    expect(verifySignature(header, 'whsec_wrong', BODY, TS)).toEqual({ ok: false, reason: 'wrong signature' })
    // The timestamp is signed: moving it forward to look fresh breaks the signature.
    expect(verifySignature(`t=${TS + 3600},v1=${BODY_HMAC}`, SECRET, BODY, TS + 3600)).toEqual({ ok: false, reason: 'wrong signature' })
    expect(verifySignature(header, SECRET, BODY, TS + 301)).toEqual({ ok: false, reason: 'stale timestamp' })
    expect(verifySignature(header, SECRET, BODY, TS - 301)).toEqual({ ok: false, reason: 'stale timestamp' })
    expect(verifySignature(header, SECRET, BODY, TS + 3600, 7200)).toEqual({ ok: true, timestamp: TS })
    for (const bad of [
      undefined,
      '',
      BODY_HMAC,
      `v1=${BODY_HMAC}`,
      `t=${TS}`,
      `t=abc,v1=${BODY_HMAC}`,
      `t=${TS},v1=XYZ`,
      `t=${TS},t=${TS},v1=${BODY_HMAC}`,
    ])
      expect(verifySignature(bad, SECRET, BODY, TS)).toEqual({ ok: false, reason: 'bad format' })
  })
})

describe('the retry schedule', () => {
  const schedule: RetrySchedule = { baseMs: 30_000, capMs: 3_600_000, giveUpAfterMs: 86_400_000 }

  it('doubles from 30 s with equal jitter: half fixed, half scaled by the jitter passed in', () => {
    expect(nextAttemptDelay(1, 0, 0, schedule)).toBe(15_000)
    expect(nextAttemptDelay(1, 0, 0.5, schedule)).toBe(22_500)
    expect(nextAttemptDelay(2, 0, 0, schedule)).toBe(30_000)
    expect(nextAttemptDelay(3, 0, 0.999999, schedule)).toBe(120_000)
    expect(nextAttemptDelay(5, 0, 0, schedule)).toBe(240_000)
  })

  it('is capped at one hour however many attempts failed', () => {
    expect(nextAttemptDelay(8, 0, 0, schedule)).toBe(1_800_000) // 30 s · 2^7 = 64 min → capped 60 min, half fixed
    expect(nextAttemptDelay(30, 0, 0.999999, schedule)).toBe(3_599_998) // 1 800 000 + 1 800 000 · 0.999999, rounded
    expect(nextAttemptDelay(10_000, 0, 0, schedule)).toBe(1_800_000)
  })

  it('gives up when the next attempt would fall more than 24 hours after the first', () => {
    expect(nextAttemptDelay(20, 86_400_000 - 1_800_000, 0, schedule)).toBe(1_800_000)
    expect(nextAttemptDelay(20, 86_400_000 - 1_799_999, 0, schedule)).toBeNull()
    expect(nextAttemptDelay(1, 86_400_001, 0, schedule)).toBeNull()
  })

  it('refuses an attempt number below 1 and a jitter outside [0, 1)', () => {
    expect(() => nextAttemptDelay(0, 0, 0, schedule)).toThrow(RangeError)
    expect(() => nextAttemptDelay(1, 0, 1, schedule)).toThrow(RangeError)
  })
})

describe('subscription URLs', () => {
  it('takes https anywhere, and http only for localhost in production', () => {
    expect(webhookUrlProblem('https://hooks.example.com/accrue', true)).toBeNull()
    expect(webhookUrlProblem('http://127.0.0.1:4000/hook', true)).toBeNull()
    expect(webhookUrlProblem('http://localhost/hook', true)).toBeNull()
    expect(webhookUrlProblem('http://hooks.example.com/accrue', true)).toBe(
      'the URL must use https:// (plain http is allowed only for localhost)',
    )
    expect(webhookUrlProblem('http://hooks.example.com/accrue', false)).toBeNull()
    expect(webhookUrlProblem('ftp://hooks.example.com/', false)).toBe('the URL must start with https:// (not ftp://)')
    expect(webhookUrlProblem('hooks.example.com', false)).toBe('enter an absolute URL, e.g. https://example.com/webhooks/accrue')
    expect(webhookUrlProblem('https://user:pw@hooks.example.com/', false)).toBe('the URL may not contain a user name or password')
  })
})
