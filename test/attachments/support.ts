import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { DialectName } from '../../src/db/index.ts';
import { systemActor, type PersonActor } from '../../src/kernel/actor.ts';
import { appWithPersonas, as, persona } from '../api/personas.ts';
import { createTestContext, type TestContext } from '../context.ts';

export const MB = 1024 * 1024;

export interface AttachmentsWorld {
  ctx: TestContext;
  app: FastifyInstance;
  dataDir: string;
  people: Record<'author' | 'head' | 'otherAuthor' | 'cm' | 'it' | 'employee', PersonActor>;
  close(): Promise<void>;
}

/** A full context with clamd wired in, files under a temporary data dir, and small limits. */
export async function attachmentsWorld(dialect: DialectName, socket: string | null): Promise<AttachmentsWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crier-att-'));
  const ctx = await createTestContext(dialect, {
    config: { dataDir, attachments: { clamd: socket ? { socket } : null, maxBytes: { image: 2 * MB, video: 4 * MB, pdf: 2 * MB } } },
  });
  const pw = (await ctx.people.createDepartment(systemActor('test'), { name: 'Public Works', code: 'PWX', kind: 'department' })).id;
  const rec = (await ctx.people.createDepartment(systemActor('test'), { name: 'Recreation', code: 'RECX', kind: 'department' })).id;
  const people = {
    author: persona('p-author', 'Ana Author', [{ role: 'authorized_employee', departmentId: pw }]),
    otherAuthor: persona('p-other', 'Otto Other', [{ role: 'authorized_employee', departmentId: rec }]),
    head: persona('p-head', 'Hana Head', [{ role: 'department_head', departmentId: pw }]),
    cm: persona('p-cm', 'Cora Manager', [{ role: 'city_manager' }]),
    it: persona('p-it', 'Ivan IT', [{ role: 'it_manager' }]),
    employee: persona('p-emp', 'Eve Employee', [{ role: 'employee', departmentId: pw }]),
  };
  const app = await appWithPersonas(ctx, new Map(Object.entries(people)));
  return {
    ctx,
    app,
    dataDir,
    people,
    async close() {
      await app.close();
      await ctx.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function upload(w: AttachmentsWorld, who: string, filename: string, body: Buffer | NodeJS.ReadableStream, headers: Record<string, string> = {}) {
  return w.app.inject({ method: 'POST', url: `/api/attachments?filename=${encodeURIComponent(filename)}`, headers: { ...as(who), 'content-type': 'application/octet-stream', ...headers }, payload: body as Buffer });
}

/** A JPEG from a camera: EXIF with a maker, an owner and GPS coordinates (Carson City Hall). */
export async function cameraJpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'CrierCam', Copyright: 'Jane Photographer' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '33/1 49/1 53/1', GPSLongitudeRef: 'W', GPSLongitude: '118/1 16/1 52/1' } })
    .toBuffer();
}

export const png = () => sharp({ create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer();

/** The smallest thing file-type calls an MP4 video: an ftyp box and an empty mdat. */
export function mp4(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2')]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from('mdat'), Buffer.alloc(64)]);
}

export function pdf(extra = ''): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n${extra}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A ZIP archive (stored, one file), built by hand: local header, central directory, end record. */
export function zip(name: string, content: Buffer): Buffer {
  const n = Buffer.from(name);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(n.length, 28);
  const localPart = Buffer.concat([local, n, content]);
  const centralPart = Buffer.concat([central, n]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}
