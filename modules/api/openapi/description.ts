/** The introduction of the API reference (Markdown), the conventions every operation follows. */
export const API_DESCRIPTION = `
Accrue's REST API: every collection of the admin with its fields, and the actions the admin's buttons call
(imports, reconciliation, commission runs, statements, payment batches, proposals, rebates, bill payment, loyalty).
This document is generated from the running configuration, so it always matches the server that serves it.

## Authenticate
- **Scoped API key** (integrations): a company admin creates one under *Integrations → API keys*; the secret
  (\`acr_…\`) is shown once. Send \`Authorization: Bearer acr_…\`. The key acts with its owner login's row-level access,
  narrowed to its scope (read only or read-write, chosen collections, chosen endpoints) until it expires; rotate it with
  \`POST /api-keys/{id}/rotate\` (the old secret keeps working for the overlap you choose). An expired or unknown key
  is a 401, an out-of-scope request a 403, both naming why; over the key's rate a 429 with \`Retry-After\`.
- **Session**: \`POST /users/login\` with email and password returns a \`token\`; send \`Authorization: JWT <token>\`
  (or let a browser keep the \`payload-token\` cookie).

## Conventions
- **Money** is a decimal string in the currency's units (\`"1234.50"\`), never a JSON number; send it the same way.
- **Ids** are integers; relationships are ids (\`depth=0\`) or the related document (\`depth\` ≥ 1).
- **Errors** are \`{ "errors": [{ "message": … }] }\`; field errors name the field (and the row of a file) and why.
- **Lists** page with \`limit\` and \`page\`; \`pagination=false\` skips the total count. Large collections page by
  keyset with \`GET /{collection}/keyset?after=<cursor>\` (stable id order) and export with
  \`GET /{collection}/export?format=csv|ndjson\`, both with the reader's row-level access.
- **Idempotency**: send \`Idempotency-Key: <uuid>\` on any POST. A retry with the same key and body gets the first
  answer back (header \`Idempotent-Replayed: true\`) and does nothing twice; the same key with another body is a 409.
- **Long work** (imports, runs, statements, payments) is queued as a job: follow it on \`GET /events/jobs\`
  (server-sent events, outside /api) or poll the document, or subscribe to a webhook.

## Webhooks
A company admin subscribes a URL to event types (*Integrations → Webhook subscriptions*, or \`POST /webhook-subscriptions\`).
Each delivery is a POST of \`{ id, type, createdAt, data }\` with header
\`Accrue-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>\`: recompute it over the raw body,
compare in constant time, and refuse a timestamp older than 5 minutes. Any 2xx acknowledges; anything else is retried
with exponential backoff for 24 hours. \`id\` is unique per event and repeated on retries and replays: de-duplicate on
it. The event types and their bodies are listed under *Webhooks*.
`.trim()
