import { describe, expect, it } from 'vitest'

import { isRealDay, parseRunRequest } from '../../../engine/scrape/runRequest'

const JSON_TYPE = 'application/json'

describe('the body of "Run now"', () => {
  it('is empty (the look-back period) or an object of real days', () => {
    expect(parseRunRequest('', null)).toEqual({ ok: true, value: {} })
    expect(parseRunRequest('  \n', 'text/plain')).toEqual({ ok: true, value: {} })
    expect(parseRunRequest('{}', JSON_TYPE)).toEqual({ ok: true, value: {} })
    expect(parseRunRequest('{"from":"2026-10-01","to":"2026-10-31"}', 'application/json; charset=utf-8')).toEqual({
      ok: true,
      value: { from: '2026-10-01', to: '2026-10-31' },
    })
    expect(parseRunRequest('{"from":null,"to":""}', JSON_TYPE)).toEqual({ ok: true, value: {} })
  })

  it.each([
    ['{"from": "2026-10-01",', JSON_TYPE, /^the body is not valid JSON \(/],
    ['[1]', JSON_TYPE, /^the body must be a JSON object \{"from"\?, "to"\?\}, not a list$/],
    ['null', JSON_TYPE, /^the body must be a JSON object \{"from"\?, "to"\?\}, not null$/],
    ['42', JSON_TYPE, /^the body must be a JSON object \{"from"\?, "to"\?\}, not a number$/],
    ['{"from":"2026-10-01","force":true,"x":1}', JSON_TYPE, /^unknown fields "force", "x" \(allowed: from, to\)$/],
    ['{"to":["2026-10-01"]}', JSON_TYPE, /^to must be a day \(YYYY-MM-DD\), not a list$/],
    ['{"from":true}', JSON_TYPE, /^from must be a day \(YYYY-MM-DD\), not a boolean$/],
    ['{"from":"2026-13-01"}', JSON_TYPE, /^from must be a real day \(YYYY-MM-DD\): "2026-13-01"$/],
    ['{"from":"2026-10-01T00:00:00Z"}', JSON_TYPE, /^from must be a real day/],
    [
      'from=2026-10-01',
      'application/x-www-form-urlencoded',
      /^the body must be JSON \(content-type application\/json\), not "application\/x-www-form-urlencoded"$/,
    ],
    ['{"from":"2026-10-01"}', null, /^the body must be JSON \(content-type application\/json\), not a body without a content type$/],
  ])('refuses %s (%s) naming the problem', (text, contentType, message) => {
    const result = parseRunRequest(text, contentType)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.message).toMatch(message)
  })

  it('knows which days exist', () => {
    expect(['2024-02-29', '2026-02-28', '2026-12-31'].map(isRealDay)).toEqual([true, true, true])
    expect(['2026-02-29', '2026-04-31', '2026-00-10', '26-01-01', ''].map(isRealDay)).toEqual([false, false, false, false, false])
  })
})
