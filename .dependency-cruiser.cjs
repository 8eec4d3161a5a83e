/**
 * The import arrows of DESIGN.md ("what may import what"), checked in `npm run lint`:
 *   depcruise src --config .dependency-cruiser.cjs
 * Every rule is an error; a violation names the rule, the importing file and the imported one.
 * Type-only imports count too: an arrow is about knowledge, not only about runtime code.
 */

/** Node core modules that do I/O. policy/ and screening/ are pure and must not use them. */
const IO_CORE = '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|dns/promises|tls|cluster|worker_threads|readline)$';

/** Files that are not part of the shipped code: tests beside the code may wire things up. */
const TEST_FILE = '\\.test\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'kernel-is-a-leaf',
      comment: 'kernel imports nothing internal (DESIGN.md, Arrows).',
      severity: 'error',
      from: { path: '^src/kernel/', pathNot: TEST_FILE },
      to: { path: '^(src|test|web)/', pathNot: '^src/kernel/' },
    },
    {
      name: 'db-imports-only-kernel',
      comment: 'db imports only kernel (DESIGN.md, Arrows).',
      severity: 'error',
      from: { path: '^src/db/', pathNot: TEST_FILE },
      to: { path: '^(src|web)/', pathNot: '^src/(db|kernel)/' },
    },
    {
      name: 'policy-and-screening-are-pure',
      comment: 'policy and screening do no I/O: no database, HTTP, modules, adapters, jobs or CLI (DESIGN.md, Arrows).',
      severity: 'error',
      from: { path: '^src/(policy|screening)/', pathNot: TEST_FILE },
      to: { path: '^src/(db|http|modules|adapters|jobs|cli|config)/|^src/(main|context)\\.ts$|^web/' },
    },
    {
      name: 'policy-and-screening-do-no-io',
      comment:
        'policy and screening are pure: no fs/net/http. The one exception is the policy pack loader (src/policy/loader.ts), which reads the pack files from disk.',
      severity: 'error',
      from: { path: '^src/(policy|screening)/', pathNot: [TEST_FILE, '^src/policy/loader\\.ts$'] },
      to: { dependencyTypes: ['core'], path: IO_CORE },
    },
    {
      name: 'modules-import-only-their-layers',
      comment:
        'modules import kernel, db, authz, policy, screening and ports only — never http, adapters, jobs, cli, main/context or web (DESIGN.md, Arrows).',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: TEST_FILE },
      to: { path: '^(src|web)/', pathNot: '^src/(kernel|db|authz|policy|screening|ports|modules|config)/' },
    },
    {
      name: 'modules-get-config-passed-in',
      comment:
        'modules receive their settings from main.ts: they may name the Config types (import type) but never call into config/ (the reader of process.env).',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: TEST_FILE },
      to: { path: '^src/config/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modules-meet-through-index',
      comment: 'a module reaches another module only through its index.ts (its public surface).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TEST_FILE },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'modules-are-reached-through-index',
      comment: 'http, jobs, the CLI, the seed and main.ts call a module through its index.ts (DESIGN.md: http/jobs → modules/<context>/index.ts).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/modules/', TEST_FILE] },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'only-http-knows-http',
      comment: 'nothing outside http imports http, except the composition root (main.ts) and the CLI.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/http/', '^src/main\\.ts$', '^src/cli/', TEST_FILE] },
      to: { path: '^src/http/' },
    },
    {
      name: 'only-main-wires-adapters',
      comment: 'only main.ts (and the CLI and tests) import adapters; everything else goes through ports.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/adapters/', '^src/main\\.ts$', '^src/cli/', TEST_FILE] },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'server-does-not-import-web',
      comment: 'web talks to the server only through the HTTP API; src never imports web/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(web/dist|data|coverage|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
