/**
 * Masking: scrubs known secrets out of logs, HTML snapshots and error messages before they are kept.
 *
 * A secret is replaced as typed, URL-encoded (path/query and form style, either hex case) and
 * HTML-escaped. Matching is literal (no regular expressions built from secrets) and longest-first,
 * so a secret that contains another is masked whole.
 */

export const MASK = '••••••'

/** Secrets shorter than this show no characters at all in a preview. */
const PREVIEW_MIN_LENGTH = 12
const PREVIEW_VISIBLE = 2

/** Replaces every occurrence of each non-empty secret (and its encoded forms) in `text` with MASK. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret === '') continue
    for (const form of encodedForms(secret)) forms.add(form)
  }
  const longestFirst = [...forms].sort((a, b) => b.length - a.length)
  let masked = text
  for (const form of longestFirst) masked = masked.split(form).join(MASK)
  return masked
}

/** MASK, plus the last two characters when the secret is at least 12 characters long. */
export function maskedPreview(secret: string): string {
  const chars = Array.from(secret)
  return chars.length >= PREVIEW_MIN_LENGTH ? MASK + chars.slice(-PREVIEW_VISIBLE).join('') : MASK
}

function encodedForms(secret: string): string[] {
  const component = encodeURIComponent(secret)
  const form = new URLSearchParams([['', secret]]).toString().slice(1)
  return [
    secret,
    component,
    lowerHex(component),
    form,
    lowerHex(form),
    escapeHtml(secret, '&#39;', '&quot;'),
    escapeHtml(secret, '&#x27;', '&quot;'),
    escapeHtml(secret, '&#39;', '&#34;'),
    escapeHtml(secret, "'", '&quot;'),
  ]
}

function lowerHex(encoded: string): string {
  return encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())
}

function escapeHtml(value: string, apostrophe: string, quote: string): string {
  return value.replace(/[&<>"']/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;'
      case '<':
        return '&lt;'
      case '>':
        return '&gt;'
      case '"':
        return quote
      default:
        return apostrophe
    }
  })
}
