import { it } from 'vitest';
import { describeE2E } from '../support/e2e.ts';

describeE2E('employee authorization in the browser', () => {
  it.todo('[IV.C.5] a department head designates an employee for a platform');
  it.todo('[Att.A] the employee signs the acknowledgement with the Attachment A form');
  it.todo('[IV.C.6] training is recorded and the person page shows the employee authorized');
});
