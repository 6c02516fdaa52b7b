import { JobRegistry } from './job-registry.js';
import { JobName } from './jobs.js';
import { InProcessDriver } from './in-process.driver.js';

const noop = async () => undefined;

describe('JobRegistry (boot check)', () => {
  it('refuses to boot when a job name has no handler', () => {
    const registry = new JobRegistry();
    registry.register(JobName.HandleDomainEvent, noop);
    expect(() => registry.assertComplete()).toThrow('no handler for job(s): deliver-reminders');
  });

  it('refuses a second handler for the same job', () => {
    const registry = new JobRegistry();
    registry.register(JobName.DeliverReminders, noop);
    expect(() => registry.register(JobName.DeliverReminders, noop)).toThrow('two handlers');
  });
});

describe('InProcessDriver (the demo queue)', () => {
  it('runs a job once per job id and retries a failing one', async () => {
    const driver = new InProcessDriver();
    const seen: Array<{ ids: string[]; attempt: number }> = [];
    await driver.startWorkers(
      new Map([
        [JobName.DeliverReminders, async (payload: { reminderIds: string[] }, context: { attempt: number }) => {
          seen.push({ ids: payload.reminderIds, attempt: context.attempt });
          if (payload.reminderIds[0] === 'flaky' && context.attempt === 1) throw new Error('first try fails');
        }],
        [JobName.HandleDomainEvent, noop],
      ]) as never,
    );
    await driver.addBulk([
      { name: JobName.DeliverReminders, payload: { reminderIds: ['a'] }, jobId: 'job-a' },
      { name: JobName.DeliverReminders, payload: { reminderIds: ['a'] }, jobId: 'job-a' },
      { name: JobName.DeliverReminders, payload: { reminderIds: ['flaky'] }, jobId: 'job-flaky' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await driver.close();
    expect(seen.filter((s) => s.ids[0] === 'a')).toHaveLength(1);
    expect(seen.filter((s) => s.ids[0] === 'flaky').map((s) => s.attempt)).toEqual([1, 2]);
  });
});
