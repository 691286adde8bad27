/**
 * Where the app is served from. PUBLIC_URL is the address people use (a deployment sets it, e.g.
 * `https://accrue.example.com`); ACCRUE_ALLOWED_ORIGINS lists any other origin the browser pages come from
 * (comma-separated). Without PUBLIC_URL the server is reached on this machine: `http://localhost:PORT` and
 * `http://127.0.0.1:PORT`. These origins are Payload's `csrf` allow-list (a session cookie sent from any other
 * origin is ignored) and the list the web process checks every state-changing request against (server/csrf.ts).
 */
export function allowedOrigins(env: NodeJS.ProcessEnv = process.env, port: number = Number(env.PORT ?? 3000)): string[] {
  const origins = new Set<string>()
  const publicOrigin = originOf(env.PUBLIC_URL)
  if (publicOrigin) origins.add(publicOrigin)
  else for (const host of ['localhost', '127.0.0.1']) origins.add(`http://${host}:${port}`)
  for (const entry of (env.ACCRUE_ALLOWED_ORIGINS ?? '').split(',')) {
    const origin = originOf(entry.trim())
    if (origin) origins.add(origin)
  }
  return [...origins]
}

/** Whether the public address is HTTPS: the session cookie is then marked `Secure`, and HSTS is sent. */
export function servedOverHttps(env: NodeJS.ProcessEnv = process.env): boolean {
  return originOf(env.PUBLIC_URL)?.startsWith('https://') ?? false
}

/** `scheme://host[:port]` of a URL, or null when it is empty or not an http(s) URL. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null
  } catch {
    return null
  }
}
