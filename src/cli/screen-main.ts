/**
 * `crier screen` on its own: bin/crier.js runs this entry for the screen command so a comment
 * stream does not pay for loading the server, database and other commands (start-up counts in
 * its throughput). Same command as in src/cli/index.ts.
 *
 * The usual invocation — `screen` followed by its options, each given once as `--name value` —
 * is read here directly: loading commander (and node:child_process, which it requires) was ~10 ms
 * of every start. Anything else (help, `--name=value`, a repeated or unknown option, a value that
 * starts with '-', no `screen`) goes to commander as before.
 */
import { runScreen, type CliOptions } from './screen.ts';

/** The options of `screen …` when given in the plain form, else null (commander reads them). */
function plainScreenOptions(args: readonly string[]): CliOptions | null {
  if (args[0] !== 'screen') return null;
  const o: CliOptions = { kind: 'comment', language: true };
  const seen = new Set<string>();
  for (let i = 1; i < args.length; i++) {
    const name = args[i]!;
    if (seen.has(name)) return null;
    seen.add(name);
    if (name === '--no-language') {
      o.language = false;
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith('-')) return null;
    i++;
    if (name === '--kind') o.kind = value;
    else if (name === '--platform') o.platform = value;
    else if (name === '--text') o.text = value;
    else if (name === '--context') o.context = value;
    else if (name === '--config') o.config = value;
    else if (name === '--policy') o.policy = value;
    else return null;
  }
  return o;
}

try {
  const plain = plainScreenOptions(process.argv.slice(2));
  if (plain) await runScreen(plain);
  else {
    const [{ Command }, { registerScreenCommand }] = await Promise.all([import('commander'), import('./screen.ts')]);
    const program = new Command().name('crier');
    registerScreenCommand(program);
    await program.parseAsync(process.argv);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
