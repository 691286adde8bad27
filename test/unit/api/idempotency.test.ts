import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import {
  decideRepeat,
  idempotencyKeyProblem,
  keepsResponse,
  multipartBoundary,
  replayableHeaders,
  requestHash,
} from '../../../engine/api/idempotency'

const form = (boundary: string, file: string) =>
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"mapping":3}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sales.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--${boundary}--\r\n`,
  )

describe('the Idempotency-Key header', () => {
  it('is 1 to 255 printable characters', () => {
    expect(idempotencyKeyProblem('run-2026-10')).toBeNull()
    expect(idempotencyKeyProblem('x'.repeat(255))).toBeNull()
    expect(idempotencyKeyProblem('x'.repeat(256))).toBe('Idempotency-Key must be 1 to 255 printable characters')
    expect(idempotencyKeyProblem('')).toBe('Idempotency-Key must be 1 to 255 printable characters')
    expect(idempotencyKeyProblem('tab\there')).toBe('Idempotency-Key must be 1 to 255 printable characters')
    expect(idempotencyKeyProblem('clé')).toBe('Idempotency-Key must be 1 to 255 printable characters')
  })
})

describe('the request hash', () => {
  it('is sha256 over method, path and body', () => {
    const expected = createHash('sha256').update('POST /api/payment-batches\n').update('{"period":1}').digest('hex')
    expect(requestHash('post', '/api/payment-batches', 'application/json', Buffer.from('{"period":1}'))).toBe(expected)
  })
  it('differs for another body, path or method', () => {
    const base = requestHash('POST', '/api/x', 'application/json', Buffer.from('{"a":1}'))
    expect(requestHash('POST', '/api/x', 'application/json', Buffer.from('{"a":2}'))).not.toBe(base)
    expect(requestHash('POST', '/api/y', 'application/json', Buffer.from('{"a":1}'))).not.toBe(base)
    expect(requestHash('PATCH', '/api/x', 'application/json', Buffer.from('{"a":1}'))).not.toBe(base)
  })
  it('is the same for the same multipart fields and file sent with another boundary, and differs for another file', () => {
    const first = requestHash('POST', '/api/imports', 'multipart/form-data; boundary=----abc123', form('----abc123', 'a,b\n1,2'))
    const again = requestHash('POST', '/api/imports', 'multipart/form-data; boundary="zz-99"', form('zz-99', 'a,b\n1,2'))
    const other = requestHash('POST', '/api/imports', 'multipart/form-data; boundary=zz-99', form('zz-99', 'a,b\n1,3'))
    expect(again).toBe(first)
    expect(other).not.toBe(first)
  })
  it('reads the boundary of a multipart content type only', () => {
    expect(multipartBoundary('multipart/form-data; boundary=xyz')).toBe('xyz')
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b')
    expect(multipartBoundary('application/json; boundary=xyz')).toBeNull()
  })
})

describe('a repeated key', () => {
  it('replays a finished request with the same body', () => {
    expect(decideRepeat({ bodyHash: 'h1', state: 'done' }, 'h1')).toEqual({ replay: true })
  })
  it('is a 409 while the first is still running', () => {
    expect(decideRepeat({ bodyHash: 'h1', state: 'started' }, 'h1')).toEqual({
      replay: false,
      status: 409,
      message: 'a request with this Idempotency-Key is still being processed',
    })
  })
  it('is a 409 with another body, running or done', () => {
    for (const state of ['started', 'done'] as const)
      expect(decideRepeat({ bodyHash: 'h1', state }, 'h2')).toEqual({
        replay: false,
        status: 409,
        message: 'this Idempotency-Key was used with another request body',
      })
  })
  it('keeps answers below 500 only, and replays no cookies or transport headers', () => {
    expect([201, 400, 409, 499, 500, 503].map(keepsResponse)).toEqual([true, true, true, true, false, false])
    expect(
      replayableHeaders([
        ['Content-Type', 'application/json'],
        ['Set-Cookie', 'a=1'],
        ['Content-Length', '12'],
        ['X-Rejected-Rows', '3'],
      ]),
    ).toEqual({ 'content-type': 'application/json', 'x-rejected-rows': '3' })
  })
})
