/**
 * The database the app uses: DATABASE_URL when set (any PostgreSQL), else the embedded server that
 * `scripts/start.ts` starts and exports as DATABASE_URL before the config is imported.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL
  if (!url) {
    throw new Error('DATABASE_URL is not set: start Accrue with `npm start` (embedded PostgreSQL) or set DATABASE_URL to a PostgreSQL server')
  }
  return url
}
