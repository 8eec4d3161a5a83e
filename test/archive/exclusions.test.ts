import { beforeAll, expect, it } from 'vitest';
import type { CaptureInput } from '../../src/modules/archive/index.ts';
import { describeEachDialect } from '../dialects.ts';
import { archiveOn, record } from './support.ts';

describeEachDialect('archive: what is never archived', (get) => {
  let a: ReturnType<typeof archiveOn>;
  beforeAll(() => {
    a = archiveOn(get());
  });
  const attempt = (input: CaptureInput) => get().db.transaction().execute((tx) => a.archive.capture(tx, input));

  it('[IV.A.9] refuses credential secrets and mail bodies by table, by kind and by payload, and the write it rides on fails with it', async () => {
    const refusals: [CaptureInput, RegExp][] = [
      [record({ sourceTable: 'credential_secrets' }), /credential_secrets are never archived/],
      [record({ sourceTable: 'credential_reveals' }), /credential_reveals are never archived/],
      [record({ sourceTable: 'mail_outbox' }), /mail_outbox are never archived/],
      [record({ kind: 'credential_secret' as CaptureInput['kind'] }), /not a kind of record the archive keeps/],
      [record({ kind: 'mail' as CaptureInput['kind'] }), /not a kind of record the archive keeps/],
      [record({ kind: 'profile_snapshot', sourceTable: 'comments' }), /comes from platforms, not comments/],
      [record({ native: { platform: 'x', secret: { ciphertext: 'AAAA', wrapped_key: 'BBBB' } } }), /"ciphertext"/],
      [record({ native: [{ apiTokens: [{ name: 'n', token: 't' }] }] }), /"apiTokens"/],
      [record({ metadata: { mail: { to_addresses: '["it@carsonca.gov"]', subject: 'Reset', body: 'link' } } }), /"to_addresses"/],
      [record({ native: { password: 'hunter2' } }), /"password"/],
    ];
    for (const [input, message] of refusals) await expect(attempt(input), String(message)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
    const n = await get().db.selectFrom('archive_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
    expect(await a.archive.verify()).toMatchObject({ ok: true, items: 0 });
    // A record that merely mentions such words in its text is a record like any other.
    await attempt(record({ renderedText: 'What is the password for the library wifi?', native: { text: 'What is the password for the library wifi?' } }));
    expect(await a.archive.verify()).toMatchObject({ ok: true, items: 1 });
  });
});
