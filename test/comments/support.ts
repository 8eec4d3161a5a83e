import { createConnectorFactory } from '../../src/adapters/connectors/index.ts';
import { createFacebookConnector } from '../../src/adapters/connectors/facebook.ts';
import type { ConnectorFactory } from '../../src/ports/platform-connector.ts';
import { completeProfile } from '../../src/modules/platforms/test/factory.ts';
import type { TestContext } from '../context.ts';
import type { FacebookContractServer } from '../support/contract/facebook-server.ts';
import type { PostsWorld } from '../posts/support.ts';

/**
 * Connectors for comment tests: Facebook Pages through its connector against the local contract
 * server (Facebook cannot run here; test/support/contract/facebook-server.ts follows the published
 * Graph API), and the real ones for everything else.
 */
export function facebookConnectors(server: () => FacebookContractServer, base: () => TestContext | undefined): ConnectorFactory {
  let real: ConnectorFactory | undefined;
  return (type) => {
    if (type === 'facebook') return createFacebookConnector({ graphUrl: server().graphUrl });
    const ctx = base();
    if (!ctx) return null;
    real ??= createConnectorFactory({ db: ctx.db.db, clock: ctx.clock, publicUrl: 'http://crier.test' });
    return real(type);
  };
}

/** An active Public Works Facebook Page with comments authorized by the City Manager (IV.A.6), its token in the vault, the demo poster designated. */
export async function activeFacebookPage(ctx: TestContext, w: PostsWorld, server: FacebookContractServer): Promise<string> {
  const clerk = await w.actor('clerk@carsonca.gov');
  const departmentId = (await w.platform('Carson Public Works News')).departmentId;
  const p = await ctx.platforms.request(w.pwHead, { name: 'Carson Public Works on Facebook', type: 'facebook', purpose: 'Service updates', departmentId, handle: server.pageId, url: `https://www.facebook.com/${server.pageId}`, domain: 'facebook.com' });
  await ctx.platforms.itReview(w.it, p.id, { decision: 'approve', notes: 'ok', template: 'IT-TEMPLATE-2026' });
  await ctx.platforms.recordCouncilApproval(clerk, p.id, { approvedOn: '2026-11-02', agendaItem: '2026-11-FB' });
  const profile = completeProfile('Public Works');
  await ctx.platforms.updateProfile(w.it, p.id, { ...profile, profile: { ...profile.profile, commentPolicy: { how: 'text' } }, contactEmail: 'socialmedia@carsonca.gov', contactPhone: '+13108307600' });
  await ctx.platforms.activate(w.cm, p.id);
  await ctx.platforms.setComments(w.cm, p.id, { enabled: true, note: 'Moderated under Section V' });
  await ctx.vault.submit(w.pwHead, p.id, { apiTokens: [{ name: 'page', token: server.token }] });
  await ctx.people.designate(w.pwHead, w.poster.personId, { departmentId: departmentId!, platformIds: [p.id, w.pwNews] });
  for (const kind of ['training', 'provider_terms'] as const) await ctx.people.recordTraining(w.pwHead, w.poster.personId, { kind, platformType: 'facebook', completedOn: '2026-11-10' });
  return p.id;
}
