/**
 * `crier screen` on its own: bin/crier.js runs this entry for the screen command so a comment
 * stream does not pay for loading the server, database and other commands (start-up counts in
 * its throughput). Same command as in src/cli/index.ts.
 */
import { Command } from 'commander';
import { registerScreenCommand } from './screen.ts';

const program = new Command().name('crier');
registerScreenCommand(program);
try {
  await program.parseAsync(process.argv);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
