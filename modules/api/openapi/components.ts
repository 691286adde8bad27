import type { ParamDoc } from '../../../engine/api'

/**
 * The parts every operation shares: how to authenticate, the error shape, Payload's list parameters, the
 * idempotency header, the paginated list and the webhook envelope.
 */
export const SECURITY_SCHEMES = {
  scopedKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A scoped API key (`Authorization: Bearer acr_…`, or header `X-API-Key`): created by a company admin under Integrations → API keys, acting with its owner login’s row-level access narrowed to its scope.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'payload-token',
    description: 'The session cookie set by `POST /users/login` (browsers).',
  },
  jwt: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: '`Authorization: JWT <token>` with the `token` returned by `POST /users/login`.',
  },
  userApiKey: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: '`Authorization: users API-Key <key>`: a login’s own API key (the login’s full access; prefer scoped keys).',
  },
} as const

const errorSchema = {
  type: 'object',
  description: 'Every refusal: a list of messages, each naming the field (and row) when one is at fault.',
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          message: { type: 'string' },
          name: { type: 'string' },
          data: { description: 'Field errors: `{ errors: [{ path, message }] }` naming each field at fault.' },
        },
        required: ['message'],
      },
    },
  },
  required: ['errors'],
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed request: the message says which parameter or field is wrong and why.',
  401: 'Not logged in, or the API key is unknown, revoked or expired (the message says which).',
  403: 'The login or key may not do this (the message names the missing role or scope).',
  404: 'No such document, or not one this login may read.',
  413: 'The request body is larger than the limit for this route.',
  409: 'Conflicts with the document’s state, or an Idempotency-Key reused with another body.',
  429: 'Too many requests: wait the number of seconds in the Retry-After header.',
}

export function errorResponses(statuses: number[]): Record<string, unknown> {
  return Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }]))
}

export function queryParameter(name: string, p: ParamDoc): Record<string, unknown> {
  return { name, in: 'query', required: p.required ?? false, description: p.description, schema: p.schema ?? { type: 'string' } }
}

export function sharedComponents(): Record<string, Record<string, unknown>> {
  return {
    securitySchemes: SECURITY_SCHEMES,
    responses: Object.fromEntries(
      Object.entries(ERROR_TEXT).map(([status, description]) => [
        `Error${status}`,
        {
          description,
          ...(status === '429' ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } } : {}),
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ]),
    ),
    parameters: {
      where: {
        name: 'where',
        in: 'query',
        style: 'deepObject',
        explode: true,
        description:
          'Filter, Payload’s query syntax: `where[field][operator]=value`, e.g. `where[status][equals]=open`, `where[amount][greater_than]=100`, `where[or][0][a][equals]=x`. Operators: equals, not_equals, in, not_in, all, exists, greater_than, greater_than_equal, less_than, less_than_equal, like, contains, near.',
        schema: { type: 'object', additionalProperties: true },
      },
      limit: { name: 'limit', in: 'query', description: 'Documents per page (default 10).', schema: { type: 'integer', minimum: 0 } },
      page: { name: 'page', in: 'query', description: 'Page number, from 1.', schema: { type: 'integer', minimum: 1 } },
      sort: { name: 'sort', in: 'query', description: 'Field to sort by; `-field` for descending.', schema: { type: 'string' } },
      depth: {
        name: 'depth',
        in: 'query',
        description: 'How deep relationships are populated (0: ids only). Integrations should send 0.',
        schema: { type: 'integer', minimum: 0, maximum: 10 },
      },
      pagination: {
        name: 'pagination',
        in: 'query',
        description:
          '`false` skips the total count (faster on large collections); use `limit` and a `where[id][greater_than]` or the keyset route to page.',
        schema: { type: 'boolean' },
      },
      select: {
        name: 'select',
        in: 'query',
        style: 'deepObject',
        explode: true,
        description: 'Only these fields: `select[field]=true`.',
        schema: { type: 'object', additionalProperties: true },
      },
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Any unique string (a UUID) per intended action. Retrying with the same key and body returns the first answer (header `Idempotent-Replayed: true`) without doing the work again; the same key with another body is a 409. Keys are kept 24 hours.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      },
    },
    schemas: {
      Error: errorSchema,
      WebhookEvent: {
        type: 'object',
        description: 'The body of every webhook delivery.',
        properties: {
          id: { type: 'string', description: 'Unique event id (`evt_…`): the same on every retry and replay.' },
          type: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
          data: { type: 'object', description: 'What happened: ids, status, counts; amounts as decimal strings.' },
        },
        required: ['id', 'type', 'createdAt', 'data'],
      },
    },
  }
}
