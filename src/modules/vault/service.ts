import { createCustody } from './custody.ts';
import type { VaultDeps } from './deps.ts';
import { createKeyOps } from './keyops.ts';
import { createOutbox } from './outbox.ts';
import { createSubmit } from './submit.ts';
import { createTasks } from './tasks.ts';

/**
 * Credential custody (SPEC §6): the only holder of key material. Department heads submit
 * credentials (IV.A.14, IV.C.2), passwords must be complex (IV.C.15(i)(i)), the IT Manager's
 * Office holds them encrypted and reveals them only with a reason (IV.C.15(i)(ii)).
 */
export function createVaultService(deps: VaultDeps) {
  const outbox = createOutbox({ db: deps.db, clock: deps.clock, mailer: deps.mailer, log: deps.log });
  return {
    ...createSubmit(deps, outbox),
    ...createCustody(deps),
    ...createKeyOps(deps),
    ...createTasks(deps),
    /** Sends the e-mail still owed (pending or failed, under the attempt limit); for a job or the CLI. */
    deliverMail: () => outbox.deliver(),
    /** The master key's fingerprint (loads the key). */
    keyFingerprint: () => deps.keys.fingerprint(),
  };
}

export type VaultService = ReturnType<typeof createVaultService>;
