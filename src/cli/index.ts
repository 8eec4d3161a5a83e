import { Command } from 'commander';
import { registerServeCommands } from './serve.ts';
import { registerAuditCommands } from './audit.ts';
import { registerArchiveCommands } from './archive.ts';
import { registerArchiveImportCommand } from './archive-import.ts';
import { registerAdminCommands } from './admin.ts';
import { registerVaultCommands } from './vault.ts';
import { registerScreenCommand } from './screen.ts';
import { registerCommentsCommands } from './comments.ts';
import { registerExportCommands } from './export.ts';

const program = new Command();
program.name('crier').description("Run a city's official social media under its own council-adopted policy.").showHelpAfterError();

registerServeCommands(program);
registerAuditCommands(program);
registerArchiveCommands(program);
registerArchiveImportCommand(program);
registerAdminCommands(program);
registerVaultCommands(program);
registerScreenCommand(program);
registerCommentsCommands(program);
registerExportCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
