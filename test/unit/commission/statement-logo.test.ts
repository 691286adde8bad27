import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { logoSvg } from '../../../seed/portal/logos'
import { printableLogo } from '../../../modules/commission/statements/printableLogo'
import { renderStatementPdf } from '../../../modules/commission/statements/renderPdf'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47])

describe('a brand logo on a printed statement', () => {
  it('renders an SVG logo (the demo brands\u2019) to a PNG the statement embeds', async () => {
    const png = await printableLogo(logoSvg('Summit Wireless', '#0f766e', '#ffffff'), 'image/svg+xml')
    expect(png?.subarray(0, 4)).toEqual(PNG_SIGNATURE)
    const { width, height } = await sharp(png!).metadata()
    expect(width).toBeGreaterThan(100)
    expect(height).toBeGreaterThan(20)
    const pdf = await renderStatementPdf({
      participant: { id: 1, name: 'Leo Park', code: 'SUM-PAC-AG1' },
      period: { label: 'Oct 2026', startsOn: '2026-10-01', endsOn: '2026-10-31' },
      currency: 'USD',
      runLabel: 'Proposal commissions · Oct 2026',
      generatedAt: '2026-11-05T06:00:00.000Z',
      brand: { name: 'Summit Wireless', primaryColor: '#0f766e', secondaryColor: '#ccfbf1', textColor: '#042f2e', logo: png },
      lines: [],
    })
    expect(pdf.toString('latin1')).toContain('/Subtype /Image')
  })

  it('keeps PNG and JPEG as stored, and gives nothing for what it cannot read', async () => {
    const png = await sharp({ create: { width: 4, height: 2, channels: 3, background: '#123456' } })
      .png()
      .toBuffer()
    expect(await printableLogo(png, 'image/png')).toBe(png)
    expect(await printableLogo(Buffer.from('not an image'), 'image/svg+xml')).toBeNull()
    expect(await printableLogo(Buffer.from('GIF89a'), 'image/gif')).toBeNull()
  })
})
