import { Injectable } from '@nestjs/common';
import { ConsultationStatus, ScopeType, shanghaiParts, StaffRole } from '@linyi/shared';
import { In, type EntityManager } from 'typeorm';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { policyOf } from './reminder-policies.js';
import { ReminderKind } from './reminder.entity.js';
import { ReminderSweepTask } from './reminder-sweep-task.js';
import { dueOffsets, localDay } from './reminder.rules.js';
import { reminderTexts } from './reminder-texts.js';

const DIGEST_HOUR = 9;
const SWEEP_BATCH = 1000;

/** Plans deadline reminders for households that have not answered, and the committees' daily digest. */
@Injectable()
export class ReminderSweep extends ReminderSweepTask {
  protected readonly log = { context: 'reminders', failure: 'reminder sweep failed' };

  protected intervalMs() {
    return this.config.reminderSweepMs;
  }

  async run(): Promise<{ planned: number }> {
    const consultations = await this.transactions.dataSource.getRepository(Consultation).findBy({ status: ConsultationStatus.Open });
    let planned = 0;
    for (const consultation of consultations) planned += await this.sweepOne(consultation);
    return { planned };
  }

  private async sweepOne(consultation: Consultation): Promise<number> {
    const now = this.clock.now();
    const policy = await policyOf(this.transactions.dataSource.manager, consultation.id);
    if (policy.paused) return 0;
    const due = dueOffsets(consultation.deadline, now, policy.daysBefore);
    const missing = due.length || policy.dailyDigest ? await this.missingHouseholds(consultation) : [];
    let planned = 0;
    if (due.length && missing.length) {
      // Only the most urgent reminder that is due: two on the same day would break the daily cap anyway.
      const days = due[0];
      const text = reminderTexts.deadline(consultation, days);
      // One transaction per batch: delivery starts while a large sweep is still planning; dedupe keys make re-runs safe.
      for (let i = 0; i < missing.length; i += SWEEP_BATCH) {
        const batch = missing.slice(i, i + SWEEP_BATCH);
        const created = await this.transactions.run((manager) =>
          this.planner.plan(
            manager,
            batch.map((householdId) => ({ kind: ReminderKind.DeadlineReminder, consultationId: consultation.id, householdId, dedupeKey: `deadline:${consultation.id}:${householdId}:d${days}`, capped: true, ...text })),
            now,
            policy,
          ),
        );
        planned += created.length;
      }
    }
    if (policy.dailyDigest && missing.length && shanghaiParts(now).hour >= DIGEST_HOUR) {
      planned += await this.transactions.run((manager) => this.digest(manager, consultation, missing, now));
    }
    return planned;
  }

  /** Not answered at all (a refusal is an answer; the chase list, not a reminder, follows it up). */
  private async missingHouseholds(consultation: Consultation): Promise<string[]> {
    const rows = await this.transactions.dataSource.manager
      .createQueryBuilder(ConsultationHousehold, 'ch')
      .leftJoin(HouseholdResponse, 'r', 'r.consultationId = ch.consultationId AND r.householdId = ch.householdId')
      .select('ch.householdId', 'householdId')
      .where('ch.consultationId = :id AND r.id IS NULL', { id: consultation.id })
      .getRawMany<{ householdId: string }>();
    return rows.map((row) => row.householdId);
  }

  private async digest(manager: EntityManager, consultation: Consultation, missing: string[], now: Date): Promise<number> {
    const compound = await manager.findOneByOrFail(Compound, { id: consultation.compoundId });
    const staff = await manager.findBy(StaffAccount, { role: StaffRole.Committee, scopeType: ScopeType.Community, scopeId: compound.communityId });
    if (!staff.length) return 0;
    const households = await manager.find(Household, { select: { id: true, room: true, label: true }, where: { id: In(missing.slice(0, 2000)) } });
    const byUnit = new Map<string, string[]>();
    for (const h of households) {
      const unit = h.label.slice(0, h.label.length - h.room.length);
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), h.room]);
    }
    const lines = [...byUnit.entries()].sort((a, b) => a[1].length - b[1].length).slice(0, 40).map(([unit, rooms]) => `${unit}：${rooms.length}户（${rooms.slice(0, 12).join('、')}${rooms.length > 12 ? '…' : ''}）`);
    const text = reminderTexts.digest(consultation, lines, missing.length);
    const created = await this.planner.plan(
      manager,
      staff.map((s) => ({ kind: ReminderKind.DailyDigest, consultationId: consultation.id, staffId: s.id, dedupeKey: `digest:${consultation.id}:${s.id}:${localDay(now)}`, capped: false, ...text })),
      now,
      // Staff digests are inbox-only, so quiet hours do not apply.
      { quietStart: '00:00', quietEnd: '00:00' },
    );
    return created.length;
  }
}
