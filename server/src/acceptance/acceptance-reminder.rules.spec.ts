import { AcceptanceStatus } from '@linyi/shared';
import { acceptanceFollowUpDue, acceptanceSkipReason, SKIP_ALREADY_ACCEPTED, SKIP_NOTHING_TO_ACCEPT } from './acceptance-reminder.rules.js';

const DAY = 24 * 3600 * 1000;
const passedAt = new Date('2026-12-01T02:00:00Z');
const waiting = { status: AcceptanceStatus.Pending, lastInspectionPassed: true, inspectedSinceRework: true, passedAt };

describe('acceptanceSkipReason', () => {
  it('sends while the household may accept', () => {
    expect(acceptanceSkipReason(waiting)).toBeNull();
  });

  it('skips once accepted, after a failing inspection, after a rework, and without a state row', () => {
    expect(acceptanceSkipReason({ ...waiting, status: AcceptanceStatus.Accepted })).toBe(SKIP_ALREADY_ACCEPTED);
    expect(acceptanceSkipReason({ ...waiting, lastInspectionPassed: false })).toBe(SKIP_NOTHING_TO_ACCEPT);
    expect(acceptanceSkipReason({ ...waiting, status: AcceptanceStatus.Rework, inspectedSinceRework: false })).toBe(SKIP_NOTHING_TO_ACCEPT);
    expect(acceptanceSkipReason(null)).toBe(SKIP_NOTHING_TO_ACCEPT);
  });
});

describe('acceptanceFollowUpDue', () => {
  it('is due from the configured number of days after the passing inspection', () => {
    expect(acceptanceFollowUpDue(waiting, new Date(passedAt.getTime() + 3 * DAY - 1000), 3)).toBe(false);
    expect(acceptanceFollowUpDue(waiting, new Date(passedAt.getTime() + 3 * DAY), 3)).toBe(true);
  });

  it('is not due once accepted, sent back, or with nothing passed', () => {
    const late = new Date(passedAt.getTime() + 10 * DAY);
    expect(acceptanceFollowUpDue({ ...waiting, status: AcceptanceStatus.Accepted }, late, 3)).toBe(false);
    expect(acceptanceFollowUpDue({ ...waiting, status: AcceptanceStatus.Rework, inspectedSinceRework: false }, late, 3)).toBe(false);
    expect(acceptanceFollowUpDue({ ...waiting, passedAt: null }, late, 3)).toBe(false);
  });
});
