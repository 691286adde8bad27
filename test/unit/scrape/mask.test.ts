import { describe, expect, it } from 'vitest'

import { MASK, maskedPreview, maskSecrets } from '../../../modules/scrape/security/mask'

describe('masking secrets in logs, snapshots and errors', () => {
  it('masks every plain occurrence', () => {
    expect(MASK).toBe('••••••')
    expect(maskSecrets('login as ops with hunter22, retry hunter22', ['hunter22'])).toBe('login as ops with ••••••, retry ••••••')
  })

  it('masks the URL-encoded form in query strings and form bodies', () => {
    const secret = 'p@ss w/rd&1'
    expect(maskSecrets('GET /login?u=ops&p=p%40ss%20w%2Frd%261 200', [secret])).toBe('GET /login?u=ops&p=•••••• 200')
    expect(maskSecrets('body: u=ops&p=p%40ss+w%2Frd%261', [secret])).toBe('body: u=ops&p=••••••')
    expect(maskSecrets('p=p%40ss%20w%2frd%261', [secret])).toBe('p=••••••')
  })

  it('masks the HTML-escaped form in page snapshots', () => {
    const secret = `a<b>&"c'`
    expect(maskSecrets('<input value="a&lt;b&gt;&amp;&quot;c&#39;">', [secret])).toBe('<input value="••••••">')
    expect(maskSecrets('<input value="a&lt;b&gt;&amp;&quot;c&#x27;">', [secret])).toBe('<input value="••••••">')
    expect(maskSecrets(`<p>a&lt;b&gt;&amp;&#34;c&#39;</p>`, [secret])).toBe('<p>••••••</p>')
  })

  it('masks several secrets, the longer first when one contains another', () => {
    expect(maskSecrets('user=ops-admin pass=Secr3t! totp=JBSWY3DP', ['Secr3t!', 'JBSWY3DP', 'ops-admin'])).toBe(
      'user=•••••• pass=•••••• totp=••••••',
    )
    expect(maskSecrets('token abc123xyz and abc', ['abc', 'abc123xyz'])).toBe('token •••••• and ••••••')
  })

  it('ignores empty secrets and leaves text without secrets alone', () => {
    expect(maskSecrets('nothing to hide', ['', 'absent'])).toBe('nothing to hide')
    expect(maskSecrets('', ['x'])).toBe('')
  })

  it('treats regular-expression characters in a secret literally', () => {
    expect(maskSecrets('pw=a.b*c$ and aXbbc', ['a.b*c$'])).toBe('pw=•••••• and aXbbc')
  })
})

describe('previewing a secret', () => {
  it('shows the last two characters only for secrets of at least 12 characters', () => {
    expect(maskedPreview('correct-horse')).toBe('••••••se')
    expect(maskedPreview('abcdefghijkl')).toBe('••••••kl')
    expect(maskedPreview('abcdefghijk')).toBe('••••••')
    expect(maskedPreview('')).toBe('••••••')
  })

  it('counts characters, not UTF-16 units, so an emoji is never split', () => {
    expect(maskedPreview('pässwörd-🔑🔒')).toBe('••••••')
    expect(maskedPreview('pässwörd-12🔑🔒')).toBe('••••••🔑🔒')
  })
})
