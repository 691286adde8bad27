import { DEMO_PASSWORD } from '../../seed/network/data'
import { checkAgainstDocument } from './openapiCheck'

export type ApiResponse = { status: number; body: any }

/** A logged-in REST client speaking real HTTP to the server under test. */
export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null,
  ) {}

  static async login(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Api> {
    const res = await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    const body = (await res.json()) as { token?: string }
    if (res.status !== 200 || !body.token) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(body)}`)
    return new Api(baseUrl, body.token)
  }

  private authorization(): Record<string, string> {
    return this.token ? { authorization: `JWT ${this.token}` } : {}
  }

  async request(method: string, path: string, data?: unknown): Promise<ApiResponse> {
    const headers: Record<string, string> = this.authorization()
    if (data !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: data === undefined ? undefined : JSON.stringify(data) })
    return this.checked(method, path, res)
  }

  /** A multipart upload as the admin sends it: the file plus the document's fields in `_payload`. */
  async upload(path: string, fields: Record<string, unknown>, file: { name: string; data: Buffer; type?: string }): Promise<ApiResponse> {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }), file.name)
    form.append('_payload', JSON.stringify(fields))
    return this.checked('POST', path, await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: this.authorization(), body: form }))
  }

  /** A binary download (templates, rejects workbooks). */
  async download(path: string): Promise<{ status: number; data: Buffer; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: this.authorization() })
    return { status: res.status, data: Buffer.from(await res.arrayBuffer()), headers: res.headers }
  }

  /** The answer, parsed, after checking it against the server's OpenAPI document (test/support/openapiCheck.ts). */
  private async checked(method: string, path: string, res: Response): Promise<ApiResponse> {
    const response = await responseOf(res)
    await checkAgainstDocument(this.baseUrl, method, path, res, response.body)
    return response
  }

  get(path: string) {
    return this.request('GET', path)
  }
  post(path: string, data: unknown) {
    return this.request('POST', path, data)
  }
  patch(path: string, data: unknown) {
    return this.request('PATCH', path, data)
  }
  delete(path: string) {
    return this.request('DELETE', path)
  }
}

/** A response with its body parsed as JSON when it is JSON, else kept as text. */
async function responseOf(res: Response): Promise<ApiResponse> {
  const text = await res.text()
  try {
    return { status: res.status, body: JSON.parse(text) }
  } catch {
    return { status: res.status, body: text }
  }
}

/** The message of the first field error in a Payload error response, with its field path. */
export function fieldErrorOf(body: any): { path: string; message: string } | null {
  const error = body?.errors?.[0]?.data?.errors?.[0]
  return error ? { path: error.path ?? error.field, message: error.message } : null
}
