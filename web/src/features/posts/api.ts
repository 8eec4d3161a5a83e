import { api } from '../../api/client.ts';
import type { ComposeInput, Finding, Post } from './types.ts';

export const POSTS = {
  create: (input: ComposeInput) => api.post<Post>('/api/posts', input),
  update: (id: string, input: ComposeInput) => api.put<Post>(`/api/posts/${encodeURIComponent(id)}`, input),
  act: (id: string, action: PostAction, body: Record<string, string> = {}) => api.post<Post>(`/api/posts/${encodeURIComponent(id)}/${action}`, body),
  screen: (text: string, platformTypes: string[], emergency: boolean, scheduledFor: string) =>
    api.post<{ findings: Finding[]; byPlatform: Record<string, Finding[]> }>('/api/screening/post', { text, platformTypes, emergency, scheduledFor: scheduledFor || null }),
};

export type PostAction = 'submit' | 'approve' | 'it-review' | 'reject' | 'override' | 'direct' | 'remove';
