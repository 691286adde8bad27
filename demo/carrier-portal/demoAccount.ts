/** The demo portal's account and data, shared by `npm run demo:carrier-portal`, `npm start` and the demo seed. */
export const DEMO_PORTAL = {
  username: 'dealer.demo',
  password: 'Vertex#2026',
  /** A fixed demo secret, so the scraper's configuration can hold it. */
  totpSecret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF',
  rows: { count: 10_000, from: '2026-10-01', days: 31, seed: 1 },
  /** Where `npm start` serves it (DEMO_PORTAL_PORT). */
  port: Number(process.env.DEMO_PORTAL_PORT ?? 4100),
} as const
