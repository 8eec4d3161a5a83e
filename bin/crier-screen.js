// `crier screen` from one cached JavaScript bundle of src/cli/screen-main.ts (esbuild, which tsx
// brings), rebuilt when any source file in it changes. Loading ~60 TypeScript modules through the
// tsx loader costs about half a second of CPU at every start, and start-up is part of a comment
// stream's throughput. Without esbuild, or if the build fails, it runs through tsx as before.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/cli/screen-main.ts');
const cacheDir = join(root, 'node_modules/.cache/crier');
const bundle = join(cacheDir, 'screen.mjs');
const manifest = join(cacheDir, 'screen.inputs.json');

function fresh() {
  try {
    const inputs = JSON.parse(readFileSync(manifest, 'utf8'));
    statSync(bundle);
    return inputs.every(([file, mtime, size]) => {
      const s = statSync(join(root, file));
      return s.mtimeMs === mtime && s.size === size;
    });
  } catch {
    return false;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp`;
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: tmp,
    metafile: true,
    logLevel: 'silent',
    // the only import.meta.url on this path is the policy loader's (the bundled pack folder)
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'src/policy/loader.ts')).href) },
    absWorkingDir: root,
  });
  const inputs = Object.keys(result.metafile.inputs).map((f) => {
    const s = statSync(join(root, f));
    return [f, s.mtimeMs, s.size];
  });
  const { renameSync } = await import('node:fs');
  renameSync(tmp, bundle); // atomic: a concurrent start never sees half a file
  writeFileSync(manifest, JSON.stringify(inputs));
}

export async function runScreen() {
  if (!fresh()) {
    try {
      await build();
    } catch {
      const { register } = await import('tsx/esm/api');
      register();
      await import(pathToFileURL(entry).href);
      return;
    }
  }
  await import(pathToFileURL(bundle).href);
}
