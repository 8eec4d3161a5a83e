/**
 * Bluesky records as Crier writes and reads them: the deterministic record key that makes a
 * publish happen once, the post record (text with link, mention and hashtag facets; images with
 * alt text), and the addresses of posts.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AtUri, RichText, type AtpAgent } from '@atproto/api';
import { ConnectorError, type PublishedPost, type PublishRequest } from '../../ports/platform-connector.ts';

export const POST = 'app.bsky.feed.post';
export const THREADGATE = 'app.bsky.feed.threadgate';
export const PROFILE = 'app.bsky.actor.profile';

/** The app.bsky.feed.post lexicon: text up to 300 graphemes, up to 4 images of up to 1,000,000 bytes each. */
export const MAX_GRAPHEMES = 300;
export const MAX_IMAGES = 4;
export const MAX_IMAGE_BYTES = 1_000_000;

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
/** 2000-01-01T00:00:00Z in microseconds: derived keys are dated 2000–2008 (see recordKeyFor). */
const TID_EPOCH_US = 946_684_800_000_000n;

/**
 * The record key for a publish request: a valid TID (13 base32-sortable characters, as the post
 * lexicon requires) computed from the idempotency key alone, so every attempt for one request
 * names the same record and the repository cannot hold two. A TID's bits normally encode the
 * time of writing; these encode a hash, placed in 2000–2008 so that Crier's posts never sort
 * ahead of later posts in a listing by key (Bluesky's feeds order by createdAt, not by key).
 */
export function recordKeyFor(idempotencyKey: string): string {
  const h = createHash('sha256').update(`crier:bluesky:post:${idempotencyKey}`).digest();
  const micros = TID_EPOCH_US + (h.readBigUInt64BE(0) & ((1n << 48n) - 1n));
  const clockId = BigInt(h.readUInt16BE(8) & 0x3ff);
  let n = (micros << 10n) | clockId;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

/** The public address of a post on bsky.app (by handle when known: that is what people share). */
export function postUrl(appUrl: string, uri: string, handle?: string | null): string {
  const u = new AtUri(uri);
  return `${appUrl.replace(/\/$/, '')}/profile/${handle ?? u.host}/post/${u.rkey}`;
}

/** The text Crier posts: the post's text, with its link appended when the text does not carry it. */
export function postText(post: PublishRequest): string {
  if (post.link && !post.text.includes(post.link)) return `${post.text}\n\n${post.link}`;
  return post.text;
}

/**
 * Checks what Bluesky would refuse, before anything is sent: too long a text, media other than
 * images, an image without alt text, too many or too large
 * images. Not retryable: the post must change first.
 */
export function checkPublishable(post: PublishRequest): void {
  const text = postText(post);
  const graphemes = new RichText({ text }).graphemeLength;
  if (graphemes > MAX_GRAPHEMES) {
    throw new ConnectorError(`The text is ${graphemes} characters; Bluesky takes at most ${MAX_GRAPHEMES}`, false);
  }
  const media = post.media ?? [];
  if (media.length > MAX_IMAGES) throw new ConnectorError(`Bluesky takes at most ${MAX_IMAGES} images per post (got ${media.length})`, false);
  for (const m of media) {
    if (!m.mimeType.startsWith('image/')) {
      throw new ConnectorError(`This connector posts images only; ${basename(m.path)} is ${m.mimeType}`, false);
    }
    if (!m.altText.trim()) throw new ConnectorError(`The image ${basename(m.path)} has no alt text`, false);
  }
}

/** Builds the post record: uploads the images (blobs the PDS keeps only once a record uses them) and detects facets. */
export async function buildPostRecord(agent: AtpAgent, post: PublishRequest, createdAt: string): Promise<Record<string, unknown>> {
  const rt = new RichText({ text: postText(post) });
  // Links and hashtags are found locally; mentions are resolved to DIDs (an unknown handle stays plain text).
  await rt.detectFacets(agent);
  const images = [];
  for (const m of post.media ?? []) {
    const bytes = await readFile(m.path);
    if (bytes.length > MAX_IMAGE_BYTES) {
      throw new ConnectorError(`The image ${basename(m.path)} is ${bytes.length} bytes; Bluesky takes at most ${MAX_IMAGE_BYTES}`, false);
    }
    const res = await agent.uploadBlob(bytes, { encoding: m.mimeType });
    images.push({ image: res.data.blob, alt: m.altText });
  }
  return {
    $type: POST,
    text: rt.text,
    ...(rt.facets?.length ? { facets: rt.facets } : {}),
    ...(images.length ? { embed: { $type: 'app.bsky.embed.images', images } } : {}),
    createdAt,
  };
}

export function asPublished(appUrl: string, handle: string, r: { uri: string; cid?: string; value: unknown }): PublishedPost {
  const value = r.value as { createdAt?: string };
  return { remoteId: r.uri, url: postUrl(appUrl, r.uri, handle), publishedAt: value.createdAt ?? new Date().toISOString(), native: { uri: r.uri, cid: r.cid, record: r.value } };
}

/** The repository (DID) and record key of a post URI, refusing anything but a post. */
export function parsePostUri(uri: string): { repo: string; rkey: string } {
  let u: AtUri;
  try {
    u = new AtUri(uri);
  } catch {
    throw new ConnectorError(`Not a Bluesky post address: ${uri}`, false);
  }
  if (u.collection !== POST || !u.rkey) throw new ConnectorError(`Not a Bluesky post address: ${uri}`, false);
  return { repo: u.host, rkey: u.rkey };
}

/** getRecord that answers null for a record that is not there (the PDS says RecordNotFound, 400). */
export async function getRecordOrNull(agent: AtpAgent, repo: string, collection: string, rkey: string) {
  try {
    const res = await agent.com.atproto.repo.getRecord({ repo, collection, rkey });
    return res.data;
  } catch (err) {
    if (isRecordNotFound(err)) return null;
    throw err;
  }
}

export function isRecordNotFound(err: unknown): boolean {
  const e = err as { error?: string; status?: number };
  return e?.error === 'RecordNotFound' || (e?.status === 400 && /could not locate record/i.test(String((err as Error).message)));
}
