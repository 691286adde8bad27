import React from 'react'

/* The same mark as ACCRUE_MARK_SVG in ./mark.ts, as React elements. */

function Mark({ size }: { size: number | string }): React.ReactElement {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0f766e" />
      <rect x="7" y="17" width="4" height="8" rx="1" fill="#fff" />
      <rect x="14" y="12" width="4" height="13" rx="1" fill="#fff" />
      <rect x="21" y="7" width="4" height="18" rx="1" fill="#fff" />
    </svg>
  )
}

/** The navigation's icon (Payload's `admin.components.graphics.Icon`), sized to the 16–18 px box the header gives it. */
export function AccrueIcon(): React.ReactElement {
  return (
    <span data-testid="accrue-icon" title="Accrue" style={{ display: 'block', width: '100%', height: '100%' }}>
      <Mark size="100%" />
    </span>
  )
}

/** The login page's logo (Payload's `admin.components.graphics.Logo`): the mark and the name. */
export function AccrueLogo(): React.ReactElement {
  return (
    <span data-testid="accrue-logo" style={{ display: 'inline-flex', alignItems: 'center', gap: 12 }}>
      <Mark size={44} />
      <span style={{ fontSize: 34, fontWeight: 700, letterSpacing: '-0.02em' }}>Accrue</span>
    </span>
  )
}

/** Above the login form: what the product is, in one sentence, and where partners log in instead. */
export function LoginIntro(): React.ReactElement {
  return (
    <div data-testid="accrue-login-intro" style={{ marginBottom: 24 }}>
      <p style={{ margin: 0 }}>
        The back-office for channel compensation: carrier data in and reconciled, commissions calculated and approved, partners, dealers and
        agents paid, rebates, carrier bills and loyalty in one place.
      </p>
      <p style={{ margin: '8px 0 0', fontSize: 13, opacity: 0.75 }}>
        Partners and agents can also use the mobile-friendly portal at <a href="/portal/login">/portal</a>.
      </p>
    </div>
  )
}
