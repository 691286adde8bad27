import React from 'react'

import type { PortalBrand } from '../../modules/portal/brand'

/** Paints its children in a brand: the colours as CSS variables, read by portal.css. */
export function BrandFrame({ brand, children }: { brand: PortalBrand; children: React.ReactNode }): React.ReactElement {
  const style = {
    '--brand-primary': brand.primaryColor,
    '--brand-secondary': brand.secondaryColor,
    '--brand-text': brand.textColor,
  } as React.CSSProperties
  return (
    <div className="portal" data-testid="portal-brand" data-brand={brand.name} data-primary={brand.primaryColor} style={style}>
      {children}
    </div>
  )
}

/** The brand's logo and name across the top. */
export function BrandHeader({ brand, children }: { brand: PortalBrand; children?: React.ReactNode }): React.ReactElement {
  return (
    <header className="portal-header">
      {brand.logoUrl ? <img src={brand.logoUrl} alt={`${brand.name} logo`} data-testid="portal-logo" /> : null}
      <h1 data-testid="portal-brand-name">{brand.name}</h1>
      {children}
    </header>
  )
}
