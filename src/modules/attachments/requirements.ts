import type { PolicyPack } from '../../policy/index.ts';
import { C } from './clauses.ts';
import type { AttachmentView, Issue } from './types.ts';

/**
 * What an attachment still needs before it can be posted. Each unmet requirement cites the
 * clause it comes from; posts show them and refuse approval while any remain.
 */

const MEANINGLESS = /^(?:an? )?(?:image|img|photo|photograph|picture|pic|graphic|screenshot|screen shot|untitled|alt|alt text|description|logo|banner|flyer|file|dsc|dcim|img_?\d+|dsc_?\d+|image\s*\d*|photo\s*\d*|picture\s*\d*|\d+|\W+)$/i;
const FILENAME = /^\S+\.(?:jpe?g|png|gif|webp|heic|tiff?|bmp|svg|mp4|mov|webm|pdf)$/i;

/** Why this alt text does not describe anything (IV.A.9), or null when it is acceptable. */
export function altTextProblem(alt: string, filename: string): string | null {
  const a = alt.trim();
  if (!a) return 'alt text is empty: describe what the image shows';
  if (MEANINGLESS.test(a)) return `alt text "${a.slice(0, 40)}" does not describe the image: say what it shows`;
  if (FILENAME.test(a) || a.toLowerCase() === filename.toLowerCase() || a.toLowerCase() === filename.replace(/\.[^.]+$/, '').toLowerCase()) return 'alt text is a file name: describe what the image shows';
  if (a.length < 5) return 'alt text is too short to describe the image';
  if (a.length > 1000) return `alt text is ${a.length} characters; keep it under 1000`;
  return null;
}

/** True when the URL is on one of the City's domains (or a subdomain), from the pack. */
export function isCityWebsiteUrl(pack: PolicyPack, url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  const domains = [...pack.jurisdiction.cityDomains];
  try {
    domains.push(new URL(pack.jurisdiction.websiteUrl).hostname.toLowerCase());
  } catch {
    // The pack's website URL is validated on load; nothing to add if it were not.
  }
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

type Described = Omit<AttachmentView, 'issues'>;

/** `captionFile`: the referenced caption file's state, looked up by the caller. */
export function issuesOf(a: Described, captionFile: { status: string; kind: string } | null | undefined): Issue[] {
  const out: Issue[] = [];
  if (a.status === 'quarantined') {
    out.push({ clause: C.antivirus, message: `The virus scanner found ${a.signature ?? 'malware'} in ${a.filename}: it is quarantined and can never be posted` });
    return out;
  }
  if (a.kind === 'captions' || a.kind === 'other') return out;
  if (a.kind === 'image') {
    if (!a.altText) out.push({ clause: C.accessibility, message: `${a.filename} needs alt text describing the image` });
    if (!a.photoAttestation) out.push({ clause: C.publicEventPhotos, message: `Attest whether ${a.filename} was taken at a public social event` });
    else if (a.photoAttestation.atPublicSocialEvent) out.push({ clause: C.publicEventPhotos, message: `${a.filename} was taken at a public social event: such photos are not posted` });
  }
  if (a.kind === 'video') {
    if (!a.captions) out.push({ clause: C.accessibility, message: `${a.filename} needs captions: in the video, or a WebVTT/SRT caption file` });
    else if (a.captions.kind === 'file' && (!captionFile || captionFile.kind !== 'captions' || captionFile.status !== 'clean')) {
      out.push({ clause: C.accessibility, message: `The caption file for ${a.filename} is missing, not a caption file, or quarantined` });
    }
    if (!a.cityWebsiteUrl) out.push({ clause: C.videoOnWebsite, message: `Record where ${a.filename} is also posted on the City's website` });
  }
  if (!a.ownership) out.push({ clause: C.permission, message: `Say whether the City fully created and owns ${a.filename}` });
  else if (a.ownership === 'third_party' && !a.permission) out.push({ clause: C.permission, message: `${a.filename} is not the City's: record who gave permission to post it, when, and for what` });
  if (a.usesCitySeal === null) out.push({ clause: C.sealOrLogo, message: `Say whether ${a.filename} shows the City seal or logo` });
  else if (a.usesCitySeal && !a.sealAuthorization) out.push({ clause: C.sealOrLogo, message: `${a.filename} shows the City seal or logo: record its authorization` });
  return out;
}
