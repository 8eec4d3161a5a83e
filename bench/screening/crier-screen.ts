// Stand-alone entry for the bench: `crier screen` without the rest of the CLI (which needs a
// database config). Same code path as `crier screen` once src/cli/index.ts registers it.
import { Command } from 'commander';
import { registerScreenCommand } from '../../src/cli/screen.ts';

const program = new Command().name('crier');
registerScreenCommand(program);
await program.parseAsync(process.argv);
