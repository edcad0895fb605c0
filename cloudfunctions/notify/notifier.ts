/**
 * Senders of reminders (R10). The outbox (services/message/outbox.ts) hands each due message to a Notifier
 * after its transaction commits — never from inside a transaction callback, which may re-run.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface OutgoingMessage {
  dedupeKey: string;
  openid: string;
  template: string;
  /** Field values, already cut to WeChat's limits by the caller. */
  data: Record<string, string>;
  page?: string;
}

export type SendResult = { ok: true } | { ok: false; errcode: number; retry: boolean };

export interface Notifier {
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** Local runs: every send is one JSON line in DATA_DIR/outbox.log. */
export class LogNotifier implements Notifier {
  constructor(
    private readonly file: string,
    private readonly now: () => Date,
  ) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify({ at: this.now().toISOString(), ...message })}\n`);
    return { ok: true };
  }
}
