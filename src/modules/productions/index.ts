import { createProductionJobs } from './jobs.ts';
import { createProductionsService, type ProductionsDeps } from './service.ts';

export { productionsPolicy, productionsAbilities, PRODUCERS } from './policy.ts';
export { PRODUCTION_FORMATS } from './types.ts';
export type { ProductionFilterInput, ProductionFormat, ProductionResult, ProductionProgress } from './types.ts';
export type { ProductionJob } from './repo.ts';
export type { ProductionsDeps, ExportInput } from './service.ts';
export { defaultBatesPrefix } from './service.ts';
export { LOAD_FILE_COLUMNS } from './bagit.ts';

/** Productions (IV.A.12): exports for the CLI, and jobs for the UI. */
export function createProductions(deps: ProductionsDeps) {
  const exporter = createProductionsService(deps);
  const jobs = createProductionJobs(deps, exporter);
  return { ...exporter, ...jobs };
}

export type ProductionsService = ReturnType<typeof createProductions>;
