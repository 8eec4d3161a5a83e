import { it } from 'vitest';
import { describeE2E } from '../support/e2e.ts';

describeE2E('platform lifecycle in the browser', () => {
  it.todo('[IV.C.14] a department requests a platform');
  it.todo('[IV.A.3] the IT Manager reviews it and the City Manager records the council approval (date, agenda item)');
  it.todo('[IV.A.3] the City Manager activates it once the profile checklist passes');
});
