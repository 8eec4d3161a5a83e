// Worker threads do not inherit the tsx loader of the thread that starts them: register it here,
// then load the TypeScript worker (as src/modules/screening/comment-worker.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
