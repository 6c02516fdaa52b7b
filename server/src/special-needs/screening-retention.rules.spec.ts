import { ScreeningStatus } from '@linyi/shared';
import { retentionDue } from './screening-retention.rules.js';

const DAY = 86_400_000;
const now = new Date('2027-06-30T00:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const policy = { afterAcceptanceDays: 90, maxAgeDays: 365 };
const needsCare = (screenedDaysAgo: number) => ({ status: ScreeningStatus.NeedsCare, screenedAt: daysAgo(screenedDaysAgo) });

describe('retentionDue', () => {
  it('erases a screening whose unit has no works once it reaches the maximum age, not a day before', () => {
    expect(retentionDue(needsCare(365), undefined, now, policy)).toBe('RETENTION_NO_WORKS');
    expect(retentionDue(needsCare(364), undefined, now, policy)).toBeNull();
    expect(retentionDue(needsCare(400), { worksPlanned: false, acceptedAt: null }, now, policy)).toBe('RETENTION_NO_WORKS');
  });

  it('erases the set number of days after the unit’s works were accepted, however young the screening', () => {
    expect(retentionDue(needsCare(10), { worksPlanned: true, acceptedAt: daysAgo(90) }, now, policy)).toBe('RETENTION_AFTER_ACCEPTANCE');
    expect(retentionDue(needsCare(10), { worksPlanned: true, acceptedAt: daysAgo(89) }, now, policy)).toBeNull();
  });

  it('keeps an old screening after acceptance until the after-acceptance period ends (acceptance decides, not age)', () => {
    expect(retentionDue(needsCare(800), { worksPlanned: true, acceptedAt: daysAgo(30) }, now, policy)).toBeNull();
  });

  it('keeps the details while works are planned but not accepted: the crew still needs the plan', () => {
    expect(retentionDue(needsCare(800), { worksPlanned: true, acceptedAt: null }, now, policy)).toBeNull();
  });

  it('has nothing to erase in a row without details', () => {
    for (const status of [ScreeningStatus.NothingNeeded, ScreeningStatus.Withdrawn, ScreeningStatus.Erased]) {
      expect(retentionDue({ status, screenedAt: daysAgo(1000) }, { worksPlanned: true, acceptedAt: daysAgo(1000) }, now, policy)).toBeNull();
    }
  });

  it('follows the configured periods', () => {
    expect(retentionDue(needsCare(30), undefined, now, { afterAcceptanceDays: 1, maxAgeDays: 30 })).toBe('RETENTION_NO_WORKS');
    expect(retentionDue(needsCare(3), { worksPlanned: true, acceptedAt: daysAgo(1) }, now, { afterAcceptanceDays: 1, maxAgeDays: 30 })).toBe('RETENTION_AFTER_ACCEPTANCE');
  });
});
