/**
 * npx tsx bench/screening/http.ts — the post editor's keystroke round trip: a real HTTP listener
 * on 127.0.0.1, a real sign-in (the demo city's authorized employee), then POST
 * /api/screening/post for a post typed a few characters at a time, as the editor calls it.
 * Reports the first call (loads the spelling dictionary) and p50 / p95 of the rest. Loopback only,
 * bounded: N requests, one at a time.
 */
import { loadavg } from 'node:os';
import { loadConfig } from '../../src/config/index.ts';
import { SESSION_COOKIE } from '../../src/http/plugins/session.ts';
import { createContext, createHttpApp } from '../../src/main.ts';
import { seedDemoCity } from '../../src/seed/demo.ts';

const N = Number(process.env.BENCH_KEYSTROKES ?? 300);
const POST =
  'Street sweeping on Carson Street moves to Tuesdays starting March 3. Please move your car by 7 a.m. to aviod a ticket. ' +
  'Questions? Call Public Works at 310-830-7600 or visit https://ci.carson.ca.us/streets #CarsonStreets';

export async function keystrokeBench(n = N): Promise<{ first: number; p50: number; p95: number; max: number; n: number }> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), database: { kind: 'sqlite' as const, file: ':memory:' } };
  const ctx = await createContext(config);
  const seeded = await seedDemoCity(ctx);
  const poster = seeded.accounts.find((a) => a.role.startsWith('Authorized Employee'))!;
  const app = await createHttpApp(ctx, { webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: poster.email, password: poster.password }) });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    if (!cookie.startsWith(SESSION_COOKIE)) throw new Error('no session cookie');
    const call = async (text: string): Promise<number> => {
      const t = process.hrtime.bigint();
      const r = await fetch(`${base}/api/screening/post`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ text, platformTypes: ['x', 'bluesky', 'facebook'], images: [{ altText: 'Street sweeper on Carson Street' }] }),
      });
      const body = (await r.json()) as { findings?: unknown[] };
      if (!r.ok || !Array.isArray(body.findings)) throw new Error(`screening failed: ${r.status} ${JSON.stringify(body).slice(0, 300)}`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const first = await call(POST.slice(0, 10));
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      // the editor sends the whole draft after each pause in typing: a growing prefix of the post
      const len = Math.max(1, Math.round(((i + 1) / n) * POST.length));
      times.push(await call(POST.slice(0, len)));
    }
    times.sort((a, b) => a - b);
    const pct = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    return { first, p50: pct(0.5), p95: pct(0.95), max: times[times.length - 1]!, n };
  } finally {
    await app.close();
    await ctx.db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await keystrokeBench();
  console.log(`Keystroke round trip (POST /api/screening/post over HTTP on 127.0.0.1, signed in, 3 platforms, ${r.n} requests): first ${r.first.toFixed(1)} ms (loads the dictionary), p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}.`);
}
