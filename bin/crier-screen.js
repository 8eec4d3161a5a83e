// `crier screen` from one cached JavaScript bundle of src/cli/screen-main.ts (esbuild, which tsx
// brings), rebuilt when any source file in it changes. Start-up is part of a comment stream's
// throughput, so the bundle:
// * holds the npm packages of the comment path too (resolving and loading them one file at a
//   time through Node's loaders cost more than screening thousands of comments);
// * splits what is imported lazily into chunks: the spelling and grammar pass (retext and the
//   dictionary, left outside the bundle: dictionary-en finds its files from import.meta.url) loads
//   only for posts.
// Each build goes to its own folder named in the manifest, so a running command never sees a
// half-written one. Without esbuild, or if the build fails, it runs through tsx as before.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/cli/screen-main.ts');
const cacheDir = join(root, 'node_modules/.cache/crier');
const manifest = join(cacheDir, 'screen.manifest.json');
/** Packages left outside the bundle (the post language pass; dictionary-en needs its own import.meta.url). */
const EXTERNAL = ['dictionary-en', 'retext-*', 'unified'];
/** Packages are checked through the lock file rather than file by file. */
const LOCK = 'package-lock.json';

/** The bundle's entry file if the manifest's sources are unchanged, else null. */
function fresh() {
  try {
    const { dir, inputs } = JSON.parse(readFileSync(manifest, 'utf8'));
    const main = join(cacheDir, dir, 'screen-main.mjs');
    statSync(main);
    const same = inputs.every(([file, mtime, size]) => {
      const s = statSync(join(root, file));
      return s.mtimeMs === mtime && s.size === size;
    });
    return same ? main : null;
  } catch {
    return null;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const dir = `screen-${Date.now().toString(36)}-${process.pid}`;
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    outdir: join(cacheDir, dir),
    // .mjs: no package.json above node_modules/.cache says "module", and for a .js file Node
    // would compile the 2.6 MB bundle as CommonJS first to detect its format (~20-40 ms a start)
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
    // bundled CommonJS packages require Node's own modules
    banner: { js: "import { createRequire as __crierRequire } from 'node:module'; const require = __crierRequire(import.meta.url);" },
    // the only import.meta.url on this path is the policy loader's (the bundled pack folder); no
    // bundled package uses import.meta
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'src/policy/loader.ts')).href) },
    absWorkingDir: root,
  });
  // this file too: a change to the build options builds again
  const files = [LOCK, 'bin/crier-screen.js', ...Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'))];
  const inputs = files.map((f) => {
    const s = statSync(join(root, f));
    return [f, s.mtimeMs, s.size];
  });
  writeFileSync(`${manifest}.${process.pid}`, JSON.stringify({ dir, inputs }));
  renameSync(`${manifest}.${process.pid}`, manifest); // atomic: a concurrent start reads the old or the new
  // earlier builds: kept for an hour (a command started from one may still load a chunk)
  for (const name of readdirSync(cacheDir)) {
    if (!name.startsWith('screen-') || name === dir) continue;
    try {
      if (Date.now() - statSync(join(cacheDir, name)).mtimeMs > 3_600_000) rmSync(join(cacheDir, name), { recursive: true, force: true });
    } catch {
      /* removed by another start */
    }
  }
  return join(cacheDir, dir, 'screen-main.mjs');
}

/**
 * Less inlining in V8's optimising compiler (default cumulative budget 920 bytes of bytecode per
 * optimised function). A comment stream is a run of seconds in which Turbofan's own work is a
 * large share of all CPU: under callgrind, 60,000 lines, ~22 % of all instructions, mostly for the
 * rules' large check functions, compiled again after each deoptimisation. It runs on a background
 * thread, so on one core it takes time from screening. At 230 the compiler does about a third
 * less and the whole run 6-8 % less, for ~3 % more in the compiled code (115: about the same;
 * no inlining: the compiled code +20 %); bench/screening/SPEED.md has the runs.
 *
 * Regular expressions compiled once, to machine code: by default V8 compiles each one first to
 * bytecode for its interpreter and again to machine code after its first run ("tier-up"). The
 * rules hold a few hundred expressions and a stream runs most of them again and again, so the
 * bytecode step was mostly wasted: without it, 5-6 % fewer instructions on 10,000 comments, and
 * no more for a single comment (same matches either way; SPEED.md, session 8).
 *
 * Large functions optimised later: V8 asks a function for 3 + (its bytecode bytes / 150) budget
 * ticks before optimising it; at / 20 the grammar's big readers (V.2's analyse, groupAt, the rules'
 * check functions) have met their rare branches first, so fewer are optimised and thrown away
 * ("insufficient type feedback") and compiled again: 61 deoptimisations and ~0.6 s of the
 * compiler's thread were recompiling on the 60,000 bench lines. Under callgrind, 7.4 % fewer
 * instructions on 10,000 lines and 2.5 % on 60,000 (same output); 10 and 300 were worse, 15-25 the
 * same (SPEED.md, session 18).
 *
 * All set at run time (read per compilation), before the bundle loads; a value given to node wins.
 */
export function tuneCompiler() {
  const given = (name) => [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes(name));
  if (!given('max-inlined-bytecode-size')) setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');
  if (!given('regexp-tier-up')) setFlagsFromString('--no-regexp-tier-up');
  if (!given('bytecode-size-allowance-per-tick')) setFlagsFromString('--bytecode-size-allowance-per-tick=20');
}

/** The screen bundle's entry file, built first if any of its sources changed (throws if the build fails). */
export async function bundleEntry() {
  return fresh() ?? (await build());
}

export async function runScreen() {
  tuneCompiler();
  let main;
  try {
    main = await bundleEntry();
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(entry).href);
    return;
  }
  await import(pathToFileURL(main).href);
}
