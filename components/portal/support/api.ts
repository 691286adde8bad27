/** One multipart POST with the session cookie: the JSON answer, or the API's refusal in words. */
export async function postForm<T = unknown>(url: string, form: FormData): Promise<{ ok: true; data: T } | { ok: false; error: string }> {
  try {
    const res = await fetch(url, { method: 'POST', credentials: 'same-origin', body: form })
    const body = (await res.json().catch(() => null)) as { errors?: { message?: string; field?: string }[] } | null
    if (res.ok) return { ok: true, data: body as T }
    const messages = (body?.errors ?? []).map((e) => (e.field ? `${e.field}: ${e.message ?? ''}` : (e.message ?? ''))).filter(Boolean)
    return { ok: false, error: messages.length > 0 ? messages.join(' · ') : `HTTP ${res.status}` }
  } catch (err) {
    return { ok: false, error: `the request failed: ${err instanceof Error ? err.message : String(err)}` }
  }
}
