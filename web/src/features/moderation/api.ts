import { api, qs } from '../../api/client.ts';
import type { CommentDetail, CommentView, DecisionKind, ModerationSettings, QueuePage } from './types.ts';

export const queuePath = (limit: number, platform?: string) => `/api/comments/queue${qs({ limit, platform })}`;
export const moreQueue = (limit: number, after: string, platform?: string) => api.get<QueuePage>(`/api/comments/queue${qs({ limit, after, platform })}`);
export const commentPath = (id: string) => `/api/comments/${encodeURIComponent(id)}`;

export const decide = (id: string, decision: DecisionKind, clauses: string[], note?: string) =>
  api.post<CommentView>(`${commentPath(id)}/decisions`, { decision, clauses, note: note?.trim() || null });

export const bulkDecide = (ids: string[], decision: DecisionKind, clauses: string[], note?: string) =>
  api.post<{ decided: string[]; failed: { id: string; error: string }[] }>('/api/comments/bulk-decisions', { ids, decision, clauses, note: note?.trim() || null });

export const secondDecision = (id: string) => api.post<CommentView>(`${commentPath(id)}/second`, {});
export const confirmPlatform = (id: string, note?: string) => api.post<CommentView>(`${commentPath(id)}/confirm-platform`, { note: note?.trim() || null });

export const SETTINGS_PATH = '/api/moderation/settings';
export const saveSettings = (s: { autoHideClauses: string[]; twoPersonRule: boolean }) => api.put<ModerationSettings>(SETTINGS_PATH, s);

export type { CommentDetail };
