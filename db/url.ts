/**
 * The database the app uses: DATABASE_URL when set (any PostgreSQL), else the embedded server that
 * `scripts/start.ts` starts and exports as DATABASE_URL. Read when the pool connects, not when the config is
 * imported, so the config can be imported before the embedded server is up.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set: start Accrue with `npm start` (embedded PostgreSQL) or set DATABASE_URL to a PostgreSQL server',
    )
  }
  return url
}

/** Pool options whose connection string is looked up when the pool is created. */
export function lazyPoolOptions(max: number): { connectionString: string; max: number } {
  return {
    max,
    get connectionString() {
      return databaseUrl()
    },
  }
}
