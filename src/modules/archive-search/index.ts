export { createArchiveSearchService, type ArchiveSearchService } from './service.ts';
export type { ArchiveSearchDeps } from './deps.ts';
export { archiveSearchPolicy } from './policy.ts';
export { parseQuery, toFts5, toWebsearch, QUERY_LIMITS, type ParsedQuery, type SearchTerm } from './query.ts';
export { MAX_COLLECT, type CollectInput } from './collect.ts';
export type { SaveSearchInput } from './saved.ts';
export type { SearchInput } from './search.ts';
export type * from './types.ts';
export { COMMENT_KINDS } from './types.ts';
