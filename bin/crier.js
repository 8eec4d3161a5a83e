#!/usr/bin/env node
// The crier command. Runs the TypeScript sources through tsx (no build step for the server).
if (process.argv[2] === 'screen') {
  // a comment stream's throughput includes start-up: load only the screen command (bin/crier-screen.js)
  await (await import('./crier-screen.js')).runScreen();
} else {
  const { register } = await import('tsx/esm/api'); // not for screen: loading tsx alone costs ~0.1 s
  register();
  await import('../src/cli/index.ts');
}
