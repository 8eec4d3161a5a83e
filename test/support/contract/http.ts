/**
 * Plumbing shared by the contract servers (mastodon-server.ts, facebook-server.ts): a node:http
 * server on a random local port, body parsing (JSON, form, multipart through the platform's own
 * Request.formData()), and the test hooks every contract server offers (fail the next N requests,
 * drop the next response as a crash would, a request log).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ParsedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  /** Form, JSON or multipart fields, flattened to strings (files kept apart). */
  fields: Map<string, string | string[]>;
  files: Map<string, { name: string; type: string; size: number }>;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Fault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  fields: Record<string, string | string[]>;
}

export interface ContractServerBase {
  /** Origin, e.g. http://127.0.0.1:41234. */
  origin: string;
  requests: LoggedRequest[];
  /** The next n requests answer this fault (default 503) without touching the state. */
  failNext(n: number, fault?: Fault): void;
  /** The next request is carried out, then the connection is destroyed before any answer: a crash after sending. */
  dropNextResponse(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function addField(fields: Map<string, string | string[]>, key: string, value: string): void {
  // Rails-style array keys (media_ids[]) collect into arrays, as the platforms read them.
  if (key.endsWith('[]')) {
    const k = key.slice(0, -2);
    const prev = fields.get(k);
    fields.set(k, Array.isArray(prev) ? [...prev, value] : [value]);
  } else {
    fields.set(key, value);
  }
}

async function parse(req: IncomingMessage, origin: string): Promise<ParsedRequest> {
  const url = new URL(req.url ?? '/', origin);
  const fields = new Map<string, string | string[]>();
  const files = new Map<string, { name: string; type: string; size: number }>();
  for (const [k, v] of url.searchParams) addField(fields, k, v);
  const raw = await readBody(req);
  const type = String(req.headers['content-type'] ?? '');
  if (raw.length > 0) {
    if (type.startsWith('application/json')) {
      const json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      for (const [k, v] of Object.entries(json)) {
        if (Array.isArray(v)) fields.set(k, v.map(String));
        else if (v !== null && typeof v === 'object') fields.set(k, JSON.stringify(v));
        else fields.set(k, String(v));
      }
    } else if (type.startsWith('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) addField(fields, k, v);
    } else if (type.startsWith('multipart/form-data')) {
      const form = await new Request(url, { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
      for (const [k, v] of form) {
        if (typeof v === 'string') addField(fields, k, v);
        else files.set(k, { name: v.name, type: v.type, size: v.size });
      }
    }
  }
  return { method: req.method ?? 'GET', url, headers: req.headers, fields, files };
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  headers['content-type'] ??= typeof reply.body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(reply.status, headers).end(text);
}

/** Starts a server around a handler; malformed bodies answer 400, handler bugs 500 (and are logged). */
export async function startContractServer(
  handle: (req: ParsedRequest, origin: string) => Reply | Promise<Reply>,
  onParseError: () => Reply,
): Promise<ContractServerBase> {
  let origin = '';
  const faults: Fault[] = [];
  let drop = false;
  const requests: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      let parsed: ParsedRequest;
      try {
        parsed = await parse(req, origin);
      } catch {
        send(res, onParseError());
        return;
      }
      requests.push({ method: parsed.method, path: parsed.url.pathname + parsed.url.search, headers: parsed.headers, fields: Object.fromEntries(parsed.fields) });
      const fault = faults.shift();
      if (fault) {
        send(res, fault);
        return;
      }
      let reply: Reply;
      try {
        reply = await handle(parsed, origin);
      } catch (err) {
        console.error('[contract server] handler failed', err);
        reply = { status: 500, body: { error: 'internal error in the contract server' } };
      }
      if (drop) {
        drop = false;
        res.socket?.destroy();
        return;
      }
      send(res, reply);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    failNext(n, fault = { status: 503, body: '<html><body>503 Service Unavailable</body></html>' }) {
      for (let i = 0; i < n; i++) faults.push(fault);
    },
    dropNextResponse() {
      drop = true;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A fixed-window request budget per key (token), as both platforms enforce per account or app. */
export class RateBudget {
  private windows = new Map<string, { start: number; used: number }>();
  constructor(
    public limit: number,
    public windowMs: number,
  ) {}

  /** Counts one request; reports whether it is within budget, what is left and when the window resets. */
  take(key: string, now = Date.now()): { ok: boolean; remaining: number; resetAt: number } {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(key, w);
    }
    w.used += 1;
    return { ok: w.used <= this.limit, remaining: Math.max(0, this.limit - w.used), resetAt: w.start + this.windowMs };
  }

  reset(): void {
    this.windows.clear();
  }
}
