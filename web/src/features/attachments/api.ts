import { api, ApiError } from '../../api/client.ts';

/** An attachment as the API returns it (GET/PATCH /api/attachments/:id). */
export interface Attachment {
  id: string;
  kind: 'image' | 'video' | 'pdf' | 'captions' | 'other';
  mimeType: string;
  filename: string;
  sizeBytes: number;
  status: 'clean' | 'quarantined';
  altText: string | null;
  captions: { kind: 'embedded'; note: string } | { kind: 'file'; fileId: string } | null;
  cityWebsiteUrl: string | null;
  photoAttestation: { atPublicSocialEvent: boolean } | null;
  ownership: 'city' | 'third_party' | null;
  permission: { grantedBy: string; grantedOn: string; scope: string; reference: string | null } | null;
  usesCitySeal: boolean | null;
  sealAuthorization: string | null;
  issues: { clause: string; message: string }[];
}

export const getAttachment = async (id: string) => (await api.get<{ attachment: Attachment }>(`/api/attachments/${encodeURIComponent(id)}`)).attachment;

export const describeAttachment = async (id: string, body: Record<string, unknown>) => (await api.patch<{ attachment: Attachment }>(`/api/attachments/${encodeURIComponent(id)}`, body)).attachment;

/** The file goes as the request body itself (the server streams it to the virus scanner). */
export async function uploadFile(file: File, csrfToken: string | null): Promise<Attachment> {
  let res: Response;
  try {
    res = await fetch(`/api/attachments?filename=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', 'The upload did not reach the server. Check your connection and try again.');
  }
  const body = (await res.json().catch(() => null)) as { attachment?: Attachment; error?: { code: string; message: string; clauses?: { id: string; title: string | null }[]; fields?: { path: string; message: string }[] } } | null;
  if (!res.ok || !body?.attachment) {
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? 'error', e?.message ?? `Upload failed (${res.status})`, e?.clauses ?? [], []);
  }
  return body.attachment;
}
