// Shared by the policy tests: load the shipped and fixture packs, and edit pack files in memory.
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { defaultPackDir, readPackFiles } from './loader.ts';
import type { PackFiles } from './parse.ts';

export const springfieldDir = fileURLToPath(new URL('../../test/fixtures/packs/springfield/', import.meta.url));

export function carsonFiles(): PackFiles {
  return readPackFiles(defaultPackDir());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary YAML shapes
export type YamlDoc = any;

/** Parse a YAML file of the pack, let `edit` change it, write it back. */
export function editYaml(files: PackFiles, name: string, edit: (doc: YamlDoc) => void): PackFiles {
  const doc = parse(files[name] ?? '');
  edit(doc);
  return { ...files, [name]: stringify(doc, { lineWidth: 0 }) };
}
