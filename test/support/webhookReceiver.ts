import type { AddressInfo } from 'node:net'
import express from 'express'

import { SIGNATURE_HEADER, verifySignature, type VerifyResult } from '../../engine/api/webhooks'

export type Received = {
  eventId: string
  type: string
  body: { id: string; type: string; createdAt: string; data: Record<string, unknown> }
  raw: string
  signature: string | undefined
  verified: VerifyResult
  at: number
}

export type ReceiverMode = 'ok' | 'fail' | 'hang'

/**
 * A webhook receiver as an integrator would write one: an Express app on a free port that reads the raw body,
 * verifies `Accrue-Signature` with the subscription's secret, records what it got and answers 200. It can be told to
 * answer 500 or to hang (never answer) for a number of requests, to exercise retries.
 */
export class WebhookReceiver {
  readonly received: Received[] = []
  /** Requests answered 500 or left hanging (not recorded as received). */
  readonly refused: { eventId: string; mode: ReceiverMode }[] = []
  secret = ''
  private plan: { mode: ReceiverMode; times: number } = { mode: 'ok', times: 0 }
  private hanging: express.Response[] = []

  private constructor(
    private readonly server: import('node:http').Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const app = express()
    const handlers: { receiver?: WebhookReceiver } = {}
    app.post('/hook', express.text({ type: '*/*', limit: '1mb' }), (req, res) => handlers.receiver!.handle(req, res))
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s))
    })
    handlers.receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)
    return handlers.receiver
  }

  /** The next `times` requests are answered with `mode` (then back to 200). */
  failNext(mode: ReceiverMode, times: number): void {
    this.plan = { mode, times }
  }

  private handle(req: express.Request, res: express.Response): void {
    const raw = typeof req.body === 'string' ? req.body : ''
    const eventId = String(req.header('accrue-event-id') ?? '')
    if (this.plan.times > 0 && this.plan.mode !== 'ok') {
      this.plan.times -= 1
      this.refused.push({ eventId, mode: this.plan.mode })
      if (this.plan.mode === 'fail') res.status(500).send('receiver broken')
      else this.hanging.push(res)
      return
    }
    const signature = req.header(SIGNATURE_HEADER) ?? undefined
    const verified = verifySignature(signature, this.secret, raw, Math.floor(Date.now() / 1000))
    const body = JSON.parse(raw) as Received['body']
    this.received.push({ eventId, type: body.type, body, raw, signature, verified, at: Date.now() })
    res.status(verified.ok ? 200 : 400).json({ received: true })
  }

  /** Received events by type, de-duplicated by event id. */
  uniqueEventIds(): Set<string> {
    return new Set(this.received.map((r) => r.eventId))
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.socket?.destroy()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
