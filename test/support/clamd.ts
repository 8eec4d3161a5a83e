import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClamdScanner } from '../../src/adapters/clamav/index.ts';

/**
 * A real clamd for tests (Debian `clamav-daemon`). No signature database can be downloaded
 * here, so the database directory holds one signature the project makes: an `.ndb` body
 * signature for the EICAR test string (found anywhere in a file, and inside archives).
 * EICAR is assembled at run time from its published text; no EICAR file is committed.
 */

/** The EICAR anti-virus test string, split so this source file is not itself a test file. */
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join('');
export const EICAR_SIGNATURE = 'Crier.Test.EICAR';

export interface Clamd {
  socket: string;
  /** StreamMaxLength configured for this clamd, in bytes. */
  streamMaxLength: number;
  stop(): Promise<void>;
}

const CLAMD = ['/usr/sbin/clamd', '/usr/bin/clamd'].find((p) => existsSync(p));

function ensureInstalled(): string {
  if (CLAMD) return CLAMD;
  // Root on the project's machines and CI: install Debian's package on first use.
  const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'clamav', 'clamav-daemon'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0 || !existsSync('/usr/sbin/clamd')) throw new Error('clamd is not installed and apt-get could not install clamav-daemon (run .ci/run, or apt-get install clamav-daemon as root)');
  return '/usr/sbin/clamd';
}

/** Starts clamd on a unix socket in a temporary directory; resolves when it answers PING. */
export async function startClamd(options: { streamMaxLength?: number } = {}): Promise<Clamd> {
  const bin = ensureInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'crier-clamd-'));
  const db = join(dir, 'db');
  spawnSync('mkdir', ['-p', db]);
  writeFileSync(join(db, 'crier-test.ndb'), `${EICAR_SIGNATURE}:0:*:${Buffer.from(EICAR).toString('hex')}\n`);
  const socket = join(dir, 'clamd.sock');
  const streamMaxLength = options.streamMaxLength ?? 32 * 1024 * 1024;
  writeFileSync(
    join(dir, 'clamd.conf'),
    [
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${db}`,
      'Foreground yes',
      `LogFile ${join(dir, 'clamd.log')}`,
      `PidFile ${join(dir, 'clamd.pid')}`,
      `TemporaryDirectory ${dir}`,
      `StreamMaxLength ${streamMaxLength}`,
      'MaxThreads 4',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(bin, ['--config-file', join(dir, 'clamd.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const scanner = createClamdScanner({ socket, timeoutMs: 2_000 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`clamd exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    if (existsSync(socket) && (await scanner.ping())) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`clamd did not answer PING within 60 s: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    socket,
    streamMaxLength,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
