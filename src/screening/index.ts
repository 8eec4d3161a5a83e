/** Public surface of the screening module (pure: no I/O; runs in server, CLI and browser). */
export type { Finding, Severity, Span, ContentKind } from './types.ts';
export type { ScreeningConfig, PlatformLimit } from './config.ts';
export { carsonDefaults, makeConfig } from './config.ts';
export type { PostInput, ImageInput, VideoInput, Rule } from './rule.ts';
export { screenComment, screenPost, isBlocked, bundledModel } from './engine.ts';
export type { CommentOptions, ScreenOptions } from './engine.ts';
export { loadModel } from './model.ts';
export type { Model, ModelData } from './model.ts';
export { normalize } from './normalize.ts';
export { catalogue } from './catalogue.ts';
export type { CatalogueEntry } from './catalogue.ts';
export { RULES } from './rules/index.ts';
export { similarity, findConflicts } from './similarity.ts';
export type { PostRef, ConflictFinding, ConflictOptions } from './similarity.ts';
export { screenPostLanguage } from './language.ts';
export type { LanguageOptions, HunspellDictionary } from './language.ts';
