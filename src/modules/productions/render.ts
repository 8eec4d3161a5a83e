import type { Row } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';
import { escapeHtml } from '../../kernel/html.ts';
import type { ArchiveMetadata } from '../archive/index.ts';


const KIND_TITLES: Record<string, string> = {
  post_version: 'Post version',
  publication: 'Post as published',
  comment: 'Public comment',
  comment_version: 'Public comment (version)',
  moderation_decision: 'Moderation decision',
  removal: 'Removal record',
  profile_snapshot: 'Platform profile snapshot',
  attachment: 'Attachment',
  records_request: 'Public records request',
  imported_post: 'Imported post (platform data download)',
  imported_reply: 'Imported reply (platform data download)',
};

export const kindTitle = (kind: string): string => KIND_TITLES[kind] ?? kind;

/** A Bates number: the prefix and a zero-padded sequence (CARSON-000001). */
export const batesNumber = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(6, '0')}`;

export interface RenderContext {
  bates: string;
  /** The Bates number of the item's media file, when it has one. */
  mediaBates: string | null;
  mediaPath: string | null;
  nativePath: string;
  cityName: string;
  departmentName: string | null;
  platformName: string | null;
}

function row(label: string, value: string | null | undefined): string {
  return value ? `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>` : '';
}

/**
 * A reading copy of one archived record, stamped with its Bates number at the top and the foot
 * (what a reviewer cites). The native JSON beside it is the authoritative copy.
 */
export function renderItemHtml(r: Row<'archive_items'>, c: RenderContext): string {
  const m = fromJson<ArchiveMetadata>(r.metadata) ?? {};
  const author = m.author ? [m.author.name, m.author.handle, m.author.label].filter(Boolean).join(' · ') : '';
  const ids = m.platformIds ? Object.entries(m.platformIds).filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join('; ') : '';
  const title = kindTitle(r.kind);
  const stamp = `<p class="bates">${escapeHtml(c.bates)}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(c.bates)} · ${escapeHtml(title)}</title>
<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem}.bates{font-family:monospace;font-weight:bold;text-align:right}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;border:1px solid #ccc;padding:1rem}</style></head>
<body>
${stamp}
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(c.cityName)}: record produced from the City's social media archive.</p>
<table>
${row('Bates number', c.bates)}
${row('Attached file Bates number', c.mediaBates)}
${row('Archive item id', r.id)}
${row('Archive sequence', String(r.seq))}
${row('Kind', r.kind)}
${row('Source record id', r.source_id)}
${row('Department folder', c.departmentName ?? (r.department_id ? r.department_id : 'City'))}
${row('Platform', c.platformName ?? r.platform_id)}
${row('Author', author)}
${row('Platform ids', ids)}
${row('Created on the platform', m.createdOnPlatformAt ?? null)}
${row('Edited', m.editedAt ?? null)}
${row('Deleted', m.deletedAt ?? null)}
${row('Clauses', m.clauses?.join(', ') ?? null)}
${row('Reason', m.reason ?? null)}
${row('Captured by Crier', r.captured_at)}
${row('Retention category', r.retention_category)}
${row('Retain until', r.retain_until)}
${row('SHA-256 of the native payload', r.content_sha256)}
${row('Archive chain hash', r.item_hash)}
${row('Native payload file', c.nativePath)}
${row('Attached file', c.mediaPath)}
</table>
<h2>Text</h2>
<pre>${escapeHtml(r.rendered_text)}</pre>
${stamp}
</body></html>
`;
}
