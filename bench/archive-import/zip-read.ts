/**
 * Reading a platform download's records from the ZIP in place vs from the extracted file, with
 * the importer's own reader (no database): memory must stay flat whatever the download's size.
 *
 *   npx tsx bench/archive-import/zip-read.ts [MB]        (default 100: a tweets.js of about that size)
 *
 * Writes the tweets.js and its ZIP under a temporary folder, then runs each mode in its own child
 * process (so each peak RSS is its own) and prints wall time, CPU time, peak RSS and the load.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { jsonArrayElements } from '../../src/modules/archive-import/index.ts';
import { listZip } from '../../src/modules/archive-import/zip.ts';

async function* decoded(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const d = new StringDecoder('utf8');
  for await (const c of chunks) yield d.write(c);
  yield d.end();
}

/** One mode, in this process: read every record, report. */
async function read(mode: 'file' | 'zip', path: string): Promise<void> {
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let records = 0;
  let listing: Awaited<ReturnType<typeof listZip>> | null = null;
  let chunks: AsyncIterable<Buffer>;
  if (mode === 'zip') {
    listing = await listZip(path, 'bench.zip');
    chunks = listing.bytes(listing.files.get('data/tweets.js')!);
  } else chunks = createReadStream(path);
  for await (const el of jsonArrayElements(decoded(chunks))) if (!('prefix' in el) && el.value !== undefined) records++;
  listing?.close();
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ mode, records, wallS: +wall.toFixed(2), cpuS: +((cpu.user + cpu.system) / 1e6).toFixed(2), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

async function main(): Promise<void> {
  const [, , a, b] = process.argv;
  if (a === 'file' || a === 'zip') return read(a, b!);
  const mb = Number(a ?? 100);
  const dir = mkdtempSync(join(tmpdir(), 'crier-bench-zip-'));
  try {
    const js = join(dir, 'tweets.js');
    const out = createWriteStream(js);
    out.write('window.YTD.tweets.part0 = [\n');
    let i = 0;
    let bytes = 0;
    while (bytes < mb * 1024 * 1024) {
      const line = `${i ? ',\n' : ''}  ${JSON.stringify({ tweet: { id_str: String(1700000000000000000n + BigInt(i)), created_at: 'Fri Jan 06 16:00:00 +0000 2023', full_text: `Council meeting notice ${i}: agenda posted — “é” ${'·'.repeat(120)}`, entities: { urls: [], hashtags: [] } } })}`;
      bytes += Buffer.byteLength(line);
      if (!out.write(line)) await once(out, 'drain');
      i++;
    }
    out.end('\n]\n');
    await once(out, 'finish');
    const zipPath = join(dir, 'twitter.zip');
    const zip = new yazl.ZipFile();
    zip.addReadStream(createReadStream(js), 'data/tweets.js');
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(zipPath));
    console.log(`tweets.js ${(statSync(js).size / 1024 / 1024).toFixed(1)} MB, ${i.toLocaleString('en-US')} records; ZIP ${(statSync(zipPath).size / 1024 / 1024).toFixed(1)} MB; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const [mode, path] of [['file', js], ['zip', zipPath]] as const) {
      process.stdout.write(execFileSync(process.execPath, [...process.execArgv, import.meta.filename, mode, path], { encoding: 'utf8' }));
    }
    console.log(`load after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
