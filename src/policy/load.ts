// A pack folder read (loader.ts) and parsed (parse.ts).
import { readPackFiles } from './loader.ts';
import { parsePack } from './parse.ts';
import type { PolicyPack } from './types.ts';

export function loadPackFromDir(dir: string): PolicyPack {
  return parsePack(readPackFiles(dir));
}
