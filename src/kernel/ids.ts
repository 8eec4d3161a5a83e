import { randomUUID } from 'node:crypto';

/** Opaque text ids (UUID v4). Stored as text in both dialects. */
export const newId = (): string => randomUUID();
