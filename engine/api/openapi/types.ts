/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), kept as plain data. */
export type Schema = { [keyword: string]: unknown }

export type ParamDoc = { description: string; schema?: Schema; required?: boolean }

export type ResponseDoc = {
  description: string
  /** Default application/json; a file download names its type (text/csv, application/pdf, …) and has no schema. */
  contentType?: string
  schema?: Schema
}

/**
 * What a custom endpoint says about itself for the OpenAPI document: written beside the endpoint as
 * `custom: apiDoc({...})`, so the document is generated from the Payload config and cannot drift from it.
 * Path parameters are read from the endpoint's path (`:id` is a document id unless `params` says otherwise);
 * every operation also answers the shared error shape for 400/401/403/404 (`{ errors: [{ message }] }`).
 */
export type EndpointDoc = {
  summary: string
  description?: string
  /** Path parameters other than a plain document id (`:participant`, `:report`, …). */
  params?: Record<string, ParamDoc>
  query?: Record<string, ParamDoc>
  body?: { contentType?: 'application/json' | 'multipart/form-data'; schema: Schema; description?: string; required?: boolean }
  /** Success (and notable refusal) answers by status code. */
  responses: Record<number, ResponseDoc>
  /** The POST starts work or moves money: it honours an `Idempotency-Key` header. */
  idempotent?: boolean
  /** Who may call it, in words (the roles). */
  access?: string
  /** Answers without a login (a signed link, a public page). */
  public?: boolean
}

export type ApiDoc = { openapi: EndpointDoc }

/** The `custom` of a documented endpoint. */
export function apiDoc(doc: EndpointDoc): ApiDoc {
  return { openapi: doc }
}
