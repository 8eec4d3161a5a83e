export { createArchiveImport, type ArchiveImportService, type ArchiveImportDeps, type ImportInput } from './service.ts';
export { archiveImportPolicy } from './policy.ts';
export { jsonArrayElements, TruncatedJson, type JsonElement } from './json-elements.ts';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip.ts';
export { IMPORT_FORMATS, IMPORTER_VERSION, isImportFormat, type ImportFormat, type ImportReport, type ImportProblem, type ImportPart, type ImportOutcome, type ImportProgress } from './types.ts';
export { createArchiveImportJobs, IMPORT_STALE_MS, type ArchiveImportJobs, type ImportJobsDeps, type UploadInput } from './jobs.ts';
export type { ImportJob } from './repo.ts';
