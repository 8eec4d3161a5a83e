import type { ArchiveState } from './types.ts';

/** What the tag files say about one production. */
export interface CustodyFacts {
  productionId: string;
  cityName: string;
  exportedBy: string;
  exportedAt: string;
  /** The City date of the export (Bagging-Date). */
  baggingDate: string;
  filterLines: string[];
  items: number;
  media: number;
  payloadBytes: number;
  payloadFiles: number;
  firstBates: string | null;
  lastBates: string | null;
  archive: ArchiveState;
  manifestSha256: string;
  /** Items the export had to flag (a media file missing from storage). */
  flags: string[];
  software: string;
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

export const bagitTxt = (): string => 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** bag-info.txt (RFC 8493 §2.2.2): reserved labels first, then Crier's own. */
export function bagInfoTxt(f: CustodyFacts): string {
  const seal = f.archive.lastSeal;
  const lines: [string, string][] = [
    ['Source-Organization', f.cityName],
    ['External-Description', `Production of archived social media records from Crier (Policy IV.A.12): native JSON, HTML renderings with Bates numbers, media, a CSV load file, a chain-of-custody log and an FRE 902(14) certification template.`],
    ['External-Identifier', f.productionId],
    ['Bagging-Date', f.baggingDate],
    ['Payload-Oxum', `${f.payloadBytes}.${f.payloadFiles}`],
    ['Bag-Size', humanSize(f.payloadBytes)],
    ['Internal-Sender-Identifier', f.productionId],
    ['Internal-Sender-Description', `Exported by ${f.exportedBy} at ${f.exportedAt}`],
    ['Crier-Items', String(f.items)],
    ['Crier-Media-Files', String(f.media)],
    ['Crier-Bates-Range', f.firstBates ? `${f.firstBates} to ${f.lastBates}` : 'none'],
    ['Crier-Archive-Head', `#${f.archive.headSeq} ${f.archive.headHash}`],
    ['Crier-Archive-Last-Seal', seal ? `${seal.date} (through #${seal.lastSeq}) ${seal.sealHash}` : 'none yet'],
    ...f.filterLines.map((l): [string, string] => ['Crier-Filter', l]),
  ];
  return lines.map(([k, v]) => `${k}: ${oneLine(v)}\n`).join('');
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/** Who made this copy, when, from what, and how it can be checked (a bag, or a WARC file when `warc`). */
export function custodyLog(f: CustodyFacts, warc = false): string {
  const seal = f.archive.lastSeal;
  return [
    `CHAIN OF CUSTODY: production ${f.productionId}`,
    ``,
    `Custodian of the records: ${f.cityName}`,
    `Exported by: ${oneLine(f.exportedBy)}`,
    `Exported at: ${f.exportedAt} (UTC)`,
    `Software: ${f.software}`,
    ``,
    `Selection (filters):`,
    ...f.filterLines.map((l) => `  - ${oneLine(l)}`),
    ``,
    `Counts:`,
    `  archived items produced: ${f.items}`,
    ...(warc ? [] : [`  media files produced: ${f.media}`, `  payload files: ${f.payloadFiles}, payload bytes: ${f.payloadBytes}`]),
    `  Bates numbers: ${f.firstBates ? `${f.firstBates} to ${f.lastBates}, consecutive` : 'none'}`,
    ``,
    `State of the archive at export:`,
    `  chain head: item #${f.archive.headSeq}, hash ${f.archive.headHash}`,
    `  last daily seal: ${seal ? `${seal.date}, through item #${seal.lastSeq}, sealed ${seal.sealedAt}, seal hash ${seal.sealHash}` : 'none yet'}`,
    ``,
    `Verification performed at export:`,
    `  each item's native payload was hashed (SHA-256) and compared with the hash recorded at capture,`,
    `  and each item's stored fields with its hash in the archive chain; an item that did not match`,
    ...(warc
      ? [
          `  would have stopped the export. Items marked disposed under the retention schedule are not included.`,
          `  Each WARC record carries the SHA-256 of its HTML rendering (WARC-Block-Digest) and the item's`,
          `  content hash at capture (WARC-Crier-Content-SHA256). The WARC file's own SHA-256 is`,
          `  ${f.manifestSha256} (${f.payloadBytes} bytes)`,
        ]
      : [
          `  would have stopped the export. Each media file was hashed and compared with the hash recorded`,
          `  when it was stored. Items marked disposed under the retention schedule are not included.`,
          `  manifest-sha256.txt lists the SHA-256 of every payload file; its own SHA-256 is`,
          `  ${f.manifestSha256}`,
        ]),
    ``,
    `Flags:`,
    ...(f.flags.length ? f.flags.map((l) => `  - ${oneLine(l)}`) : ['  none']),
    ``,
    `Transfers after export (each recipient adds a line: date, from, to, medium, purpose, signature):`,
    ``,
  ].join('\n');
}

/** A template for a qualified person's certification under Federal Rule of Evidence 902(14). */
export function certificationTemplate(f: CustodyFacts): string {
  return [
    `CERTIFICATION OF DATA COPIED FROM AN ELECTRONIC DEVICE, STORAGE MEDIUM, OR FILE`,
    `(Federal Rule of Evidence 902(14))`,
    ``,
    `Production: ${f.productionId}    Bates range: ${f.firstBates ? `${f.firstBates} to ${f.lastBates}` : 'none'}`,
    ``,
    `I, ______________________________ [name], declare:`,
    ``,
    `1. I am employed by the ${f.cityName} as ______________________________ [title]. By my training and`,
    `   experience I am qualified to make this certification, and I am familiar with the City's records`,
    `   archive (Crier), in which the City's social media records are captured as they are made and`,
    `   kept in an append-only, hash-chained archive that is sealed daily.`,
    ``,
    `2. On ${f.exportedAt} the records in this production were copied from that archive by`,
    `   ${oneLine(f.exportedBy)}. Each record was identified by its SHA-256 hash value, and that value was`,
    `   compared with the hash value recorded when the record was captured; they matched.`,
    ``,
    `3. The file manifest-sha256.txt in this production lists the SHA-256 hash value of every file in`,
    `   it. The SHA-256 hash value of manifest-sha256.txt is`,
    `   ${f.manifestSha256}.`,
    `   At the time of the copy the archive's chain head was item #${f.archive.headSeq} with hash`,
    `   ${f.archive.headHash}.`,
    ``,
    `4. I have verified, by recomputing the hash values listed in manifest-sha256.txt, that the copies in`,
    `   this production are true and accurate copies of the records in the archive. [ ] Yes  [ ] No`,
    ``,
    `I declare under penalty of perjury under the laws of the United States of America that the`,
    `foregoing is true and correct.`,
    ``,
    `Executed on ____________ [date] at ______________________________ [place].`,
    ``,
    `______________________________ [signature]`,
    ``,
  ].join('\n');
}

/** BagIt manifests percent-encode CR, LF and % in file paths (RFC 8493 §2.1.3). */
export const manifestPath = (p: string): string => p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
