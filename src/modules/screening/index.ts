export { createScreeningService } from './service.ts';
export type { ScreeningService, ScreeningDeps, ScreenPostInput } from './service.ts';
export { SCREENING_CONFIG_VERSION, screeningConfigFromPack, shortCityName } from './config.ts';
export { screeningPolicy } from './policy.ts';
export type { ScreeningConfig } from '../../screening/config.ts';
export type { Finding } from '../../screening/types.ts';
export { screenDraft, titled } from './draft.ts';
export type { DraftInput, DraftFindings, TitledFinding } from './draft.ts';
