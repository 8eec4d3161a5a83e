export { createLegislativeAccountsService, legislativeAccountFor, type LegislativeAccountsService, type LegislativeAccountsDeps, type LegislativeAccount, type RegisterInput } from './service.ts';
export { legislativeAccountsPolicy, type LegislativeAccountsAction } from './policy.ts';
export { createLegislativeActivity, type LegislativeActivity, type LegislativeActivityService } from './activity.ts';
export { legislativeAccountsFor } from './lookup.ts';
