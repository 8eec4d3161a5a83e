import { useApi } from '../../api/useApi.ts';
import type { CommentPolicy } from '../public/types.ts';

/** Section V grounds (V.1–V.15) as form options, from the published comment policy. */
export function useSectionV(): { value: string; label: string }[] {
  const res = useApi<CommentPolicy>('/api/public/comment-policy');
  return (res.data?.grounds ?? []).map((g) => ({ value: g.id, label: `${g.id} — ${g.title}` }));
}

/** Active platforms the City runs, as options. */
export function usePlatforms(): { value: string; label: string }[] {
  const res = useApi<{ platforms: { id: string; name: string; status: string }[] }>('/api/platforms');
  return (res.data?.platforms ?? []).filter((p) => p.status === 'active').map((p) => ({ value: p.id, label: p.name }));
}
