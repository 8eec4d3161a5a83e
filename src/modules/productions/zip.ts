import { createWriteStream } from 'node:fs';
import { opendir, rename } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { basename, join } from 'node:path';
import yazl from 'yazl';

async function* files(dir: string, rel: string): AsyncGenerator<[string, string]> {
  for await (const e of await opendir(dir)) {
    const p = join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* files(p, r);
    else if (e.isFile()) yield [p, r];
  }
}

/**
 * Zips a bag for download (ZIP64 when it needs it), the bag's folder at the top of the archive.
 * Written to a temporary name and renamed, so a half-written zip is never offered.
 */
export async function zipDirectory(dir: string, zipPath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const tmp = `${zipPath}.partial`;
  const written = pipeline(zip.outputStream, createWriteStream(tmp));
  const top = basename(dir);
  for await (const [path, rel] of files(dir, '')) zip.addFile(path, `${top}/${rel}`, { compress: !rel.startsWith('data/media/') });
  zip.end();
  await written;
  await rename(tmp, zipPath);
}
