import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * Reading a platform's ZIP download without extracting it and without holding it: the central
 * directory is listed first (every name and declared size known before a byte of data is read),
 * then the entries wanted are streamed one at a time straight from the file.
 */

export interface ZipLimits {
  /** Largest uncompressed size one entry may declare (and hold). */
  maxEntryBytes: number;
  /** Uncompressed bytes read from the whole archive, all entries together. */
  maxTotalBytes: number;
  /** Entries listed in the central directory. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 2 * 1024 ** 3, maxTotalBytes: 16 * 1024 ** 3, maxEntries: 500_000 };

/** The ZIP is refused as a whole (not a ZIP, cut short, hostile names, sizes past the limits). */
export class ZipRefused extends Error {
  override name = 'ZipRefused';
}

/** Reading one entry failed part way (damaged data, or more bytes than it declared). */
export class ZipEntryFailed extends Error {
  override name = 'ZipEntryFailed';
}

const ZIP_MAGIC = [Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from('PK\u0005\u0006', 'latin1')];

/** Whether the file begins as a ZIP does (a local file header, or the end record of an empty one). */
export async function looksLikeZip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && ZIP_MAGIC.some((m) => m.equals(head));
  } finally {
    await fh.close();
  }
}

const mib = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('en-US')} MiB`;

/** What yauzl says, in words a clerk can act on. */
function refusal(fileName: string, e: unknown, startsAsZip: boolean): ZipRefused {
  const m = e instanceof Error ? e.message : String(e);
  if (/^(invalid relative path|absolute path|invalid characters in fileName): /.test(m)) {
    const name = m.slice(m.indexOf(': ') + 2);
    return new ZipRefused(`${fileName} holds an entry named "${name}", which points outside the archive: the ZIP is refused and nothing was imported`);
  }
  if (/End of central directory record signature not found/.test(m)) {
    return new ZipRefused(
      startsAsZip
        ? `${fileName} is cut short: its ZIP directory (at the end of the file) is missing. Download it again; nothing was imported`
        : `${fileName} is not a ZIP file (no ZIP directory was found): nothing was imported`,
    );
  }
  if (/encrypt/.test(m)) return new ZipRefused(`${fileName} is encrypted, which is not read: download it again without a password; nothing was imported`);
  return new ZipRefused(`${fileName} is not a readable ZIP file (${m}): nothing was imported`);
}

export interface ZipListing {
  /** File entries (folders left out) by their path in the archive. */
  files: Map<string, Entry>;
  /** The entry's bytes, counted against the limits. */
  bytes(entry: Entry): AsyncGenerator<Buffer>;
  /** The entry's size and SHA-256 as read (counted against the limits). */
  sha256(entry: Entry): Promise<{ bytes: number; sha256: string }>;
  /** Uncompressed bytes read so far. */
  readonly bytesRead: number;
  close(): void;
}

/**
 * Lists a ZIP's entries. Refuses (ZipRefused) a file that is not a ZIP or is cut short, an
 * entry name that climbs out of the archive (`../`, an absolute path), an encrypted entry, more
 * entries than the limit, and an entry declaring more than the limit uncompressed. Reading then
 * stops at the total limit, and at any entry that inflates past what it declared (a ZIP bomb
 * lying in its header) with ZipEntryFailed.
 */
export async function listZip(path: string, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipListing> {
  const startsAsZip = await looksLikeZip(path);
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (e) {
    throw refusal(fileName, e, startsAsZip);
  }
  const files = new Map<string, Entry>();
  try {
    if (zip.entryCount > limits.maxEntries) throw new ZipRefused(`${fileName} lists ${zip.entryCount.toLocaleString('en-US')} entries, more than the ${limits.maxEntries.toLocaleString('en-US')} a download is allowed: nothing was imported`);
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        if (entry.isEncrypted()) return reject(new ZipRefused(`${fileName} is encrypted (${entry.fileName}), which is not read: download it again without a password; nothing was imported`));
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          return reject(new ZipRefused(`${fileName}: the entry ${entry.fileName} declares ${mib(entry.uncompressedSize)} uncompressed, more than the ${mib(limits.maxEntryBytes)} allowed for one entry (a ZIP bomb or not a platform download): nothing was imported`));
        }
        if (!entry.fileName.endsWith('/')) files.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', (e: unknown) => reject(e instanceof ZipRefused ? e : refusal(fileName, e, startsAsZip)));
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e instanceof ZipRefused ? e : refusal(fileName, e, startsAsZip);
  }

  let bytesRead = 0;
  async function* bytes(entry: Entry): AsyncGenerator<Buffer> {
    let stream;
    try {
      stream = await zip.openReadStreamPromise(entry);
    } catch (e) {
      throw new ZipEntryFailed(`${entry.fileName} cannot be read (${e instanceof Error ? e.message : String(e)}): the ZIP is damaged`);
    }
    let own = 0;
    try {
      for await (const chunk of stream) {
        const b = chunk as Buffer;
        own += b.length;
        bytesRead += b.length;
        // yauzl stops an entry at its declared size; these are the belt beside those braces.
        if (own > limits.maxEntryBytes) throw new ZipEntryFailed(`${entry.fileName} holds more than the ${mib(limits.maxEntryBytes)} allowed for one entry: reading stopped`);
        if (bytesRead > limits.maxTotalBytes) throw new ZipEntryFailed(`${fileName} holds more than the ${mib(limits.maxTotalBytes)} allowed uncompressed: reading stopped at ${entry.fileName}`);
        yield b;
      }
    } catch (e) {
      stream.destroy();
      if (e instanceof ZipEntryFailed) throw e;
      const m = e instanceof Error ? e.message : String(e);
      if (/too many bytes in the stream/.test(m)) throw new ZipEntryFailed(`${entry.fileName} inflates to more than the ${entry.uncompressedSize.toLocaleString('en-US')} bytes it declares (a ZIP bomb or a damaged archive): reading stopped`);
      throw new ZipEntryFailed(`${entry.fileName} is damaged (${m}): reading stopped`);
    }
  }

  async function sha256(entry: Entry): Promise<{ bytes: number; sha256: string }> {
    const h = createHash('sha256');
    let n = 0;
    for await (const b of bytes(entry)) {
      h.update(b);
      n += b.length;
    }
    return { bytes: n, sha256: h.digest('hex') };
  }

  return {
    files,
    bytes,
    sha256,
    get bytesRead() {
      return bytesRead;
    },
    close: () => zip.close(),
  };
}
