import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/crier.js', import.meta.url));
const springfield = fileURLToPath(new URL('../fixtures/packs/springfield/', import.meta.url));

function crier(args: string[], input = '', env: Record<string, string> = {}): { out: string; err: string; status: number | null } {
  // from another folder: the screen command finds its sources and the pack from its own location
  const r = spawnSync(process.execPath, [bin, 'screen', ...args], { input, encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, CRIER_POLICY_DIR: '', ...env }, timeout: 60_000 });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

describe('crier screen (the command, as installed)', () => {
  it('[V.3] streams JSON lines through the real command with the bundled Carson pack', () => {
    const r = crier(['--kind', 'comment'], '{"id":"a","text":"this is bullshit"}\n{"id":"b","text":"Thanks for fixing the park!"}\n');
    expect(r.status).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; findings: Array<{ clause: string }> });
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[0]!.findings.map((f) => f.clause)).toContain('V.3');
    expect(lines[1]!.findings).toEqual([]);
  }, 60_000);

  it('honours a city\'s own pack (CRIER_POLICY_DIR or --policy): no finding cites a clause that pack does not have', () => {
    const viaEnv = crier(['--text', 'this is bullshit'], '', { CRIER_POLICY_DIR: springfield });
    expect(viaEnv.status).toBe(0);
    expect(viaEnv.out).toBe('No findings.\n');
    const viaFlag = crier(['--text', 'this is bullshit', '--policy', springfield]);
    expect(viaFlag.out).toBe('No findings.\n');
  }, 60_000);
});
