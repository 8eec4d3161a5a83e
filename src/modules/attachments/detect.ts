import { open } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import type { StoredKind } from './types.ts';

/**
 * The type of an upload, from its content only (never its name or declared type): file-type for
 * binary formats, a small sniff for caption files (WebVTT, SRT) and for SVG (refused).
 */
export interface Detected {
  kind: StoredKind;
  mime: string;
  ext: string;
  /** What it is, for messages ("a ZIP archive (application/zip)"). */
  label: string;
}

/** Bytes enough for every type checked here. */
export const HEAD_BYTES = 8192;

const ALLOWED: Record<string, { kind: StoredKind; ext: string; label: string }> = {
  'image/jpeg': { kind: 'image', ext: 'jpg', label: 'a JPEG image' },
  'image/png': { kind: 'image', ext: 'png', label: 'a PNG image' },
  'image/gif': { kind: 'image', ext: 'gif', label: 'a GIF image' },
  'image/webp': { kind: 'image', ext: 'webp', label: 'a WebP image' },
  'video/mp4': { kind: 'video', ext: 'mp4', label: 'an MP4 video' },
  'video/webm': { kind: 'video', ext: 'webm', label: 'a WebM video' },
  'video/quicktime': { kind: 'video', ext: 'mov', label: 'a QuickTime video' },
  'application/pdf': { kind: 'pdf', ext: 'pdf', label: 'a PDF document' },
};

export const ALLOWED_DESCRIPTION = 'JPEG, PNG, GIF or WebP images; MP4, WebM or QuickTime videos; PDF documents; WebVTT or SRT caption files';

const SVG = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i;
const WEBVTT = /^WEBVTT(?:[ \t][^\r\n]*)?(?:\r?\n|$)/;
const SRT = /^\s*\d+\r?\n\d{2}:\d{2}:\d{2}[,.]\d{3} --> \d{2}:\d{2}:\d{2}[,.]\d{3}/;

function asText(head: Buffer): string | null {
  if (head.includes(0)) return null;
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  // Cut at most one trailing partial character; anything else undecodable is not text.
  return /\uFFFD/.test(text.slice(0, -1)) ? null : text;
}

export async function detect(head: Buffer): Promise<Detected> {
  const text = asText(head);
  if (text !== null) {
    if (SVG.test(text) || /<svg[\s>]/i.test(text.slice(0, 2048))) return { kind: 'other', mime: 'image/svg+xml', ext: 'svg', label: 'an SVG image' };
    if (WEBVTT.test(text)) return { kind: 'captions', mime: 'text/vtt', ext: 'vtt', label: 'a WebVTT caption file' };
    if (SRT.test(text)) return { kind: 'captions', mime: 'application/x-subrip', ext: 'srt', label: 'an SRT caption file' };
  }
  const ft = await fileTypeFromBuffer(head);
  if (!ft) return { kind: 'other', mime: 'application/octet-stream', ext: 'bin', label: text !== null ? 'plain text' : 'a file of unrecognized type' };
  const allowed = ALLOWED[ft.mime];
  if (allowed) return { ...allowed, mime: ft.mime };
  return { kind: 'other', mime: ft.mime, ext: ft.ext, label: `${ft.ext.toUpperCase()} (${ft.mime})` };
}

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

/** True when the file is also a ZIP archive: an end-of-central-directory record that leads to a real central directory. */
async function isAlsoZip(path: string, size: number): Promise<boolean> {
  const tailLen = Math.min(size, 65_535 + 22);
  const tailStart = size - tailLen;
  const tail = await readAt(path, tailStart, tailLen);
  for (let i = tail.lastIndexOf(EOCD); i >= 0; i = i > 0 ? tail.lastIndexOf(EOCD, i - 1) : -1) {
    if (i + 22 > tail.length) continue;
    const cdSize = tail.readUInt32LE(i + 12);
    const cdOffset = tail.readUInt32LE(i + 16);
    const at = tailStart + i;
    if (cdSize === 0 || cdSize > at) continue;
    // Offsets count from the file's start, or (a ZIP appended to another file) from the ZIP's.
    for (const candidate of [cdOffset, at - cdSize]) {
      if (candidate < 0 || candidate + 4 > size) continue;
      if ((await readAt(path, candidate, 4)).equals(CENTRAL)) return true;
    }
  }
  return false;
}

const MARKUP = /<(?:script|html|body|iframe|object|embed)[\s>]|<\?php|%PDF-/i;

/**
 * What else the file is, if it is two things at once (a polyglot): a ZIP archive inside any
 * upload, or markup, script or a PDF inside an image. Null when it is only what it says.
 */
export async function findPolyglot(path: string, size: number, kind: StoredKind): Promise<string | null> {
  if (await isAlsoZip(path, size)) return 'a ZIP archive';
  if (kind === 'image') {
    const all = await readAt(path, 0, size);
    const m = MARKUP.exec(all.toString('latin1'));
    if (m) return m[0].startsWith('%PDF') ? 'a PDF document' : `markup or script (${m[0].trim()})`;
  }
  return null;
}
