export { createArchiveImport, type ArchiveImportService, type ArchiveImportDeps } from './service.ts';
export { archiveImportPolicy } from './policy.ts';
export { jsonArrayElements, TruncatedJson, type JsonElement } from './json-elements.ts';
export { IMPORT_FORMATS, IMPORTER_VERSION, isImportFormat, type ImportFormat, type ImportReport, type ImportProblem } from './types.ts';
