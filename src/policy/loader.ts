// The one place in src/policy that touches the file system: read a pack folder (load.ts parses
// it). It imports neither the parser nor the schemas, so `crier screen`, whose configuration
// cache usually hits, reads the pack without loading YAML and zod.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolicyPackError } from './errors.ts';
import type { PackFiles } from './parse.ts';

/** The default pack that ships with Crier: City of Carson Council Policy 01.01.04. */
export function defaultPackDir(): string {
  return fileURLToPath(new URL('./packs/carson/', import.meta.url));
}

/** pack.yaml, clauses.yaml and texts/*.md of a pack folder, keyed by pack-relative path. */
export function readPackFiles(dir: string): PackFiles {
  if (!existsSync(dir)) throw new PolicyPackError([{ file: dir, path: '', message: 'policy pack folder not found' }]);
  const files: PackFiles = {};
  for (const name of ['pack.yaml', 'clauses.yaml']) {
    const p = join(dir, name);
    if (existsSync(p)) files[name] = readFileSync(p, 'utf8');
  }
  const textsDir = join(dir, 'texts');
  if (existsSync(textsDir)) {
    for (const name of readdirSync(textsDir)) {
      if (name.endsWith('.md')) files[`texts/${name}`] = readFileSync(join(textsDir, name), 'utf8');
    }
  }
  return files;
}
