/**
 * The one error answer of every endpoint: Payload's own shape (`{ errors: [{ message }] }`), so a client reads
 * an endpoint's refusal the way it reads a collection's.
 */
export function errorResponse(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json({ errors: [{ message }] }, { status, headers })
}
