import { Inject, Injectable } from '@nestjs/common';
import { REFUSAL_NOTICE_TITLE } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { appendHouseholdEntry } from '../audit/household-chain.js';
import { ReminderPlanner } from '../reminders/reminder-planner.js';
import { policyOf } from '../reminders/reminder-policies.js';
import { ReminderKind } from '../reminders/reminder.entity.js';
import { RefusalNotice } from './refusal-notice.entity.js';
import { refusalNoticeKey, sha256Hex } from './records.rules.js';

export interface RefusalNoticeInput {
  actor: StaffActor;
  consultationId: string;
  householdId: string;
  text: string;
  visits: number;
  at: Date;
}

/**
 * Issues the written notice of a final refusal inside the caller's transaction (markFinal, group row
 * locked, so two calls at once are one after the other): stored, audited on the household's chain,
 * and in every bound resident's inbox. A notice once issued is the one kept: asked again, it is returned.
 */
@Injectable()
export class RefusalNoticeIssuer {
  constructor(
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
  ) {}

  async issue(manager: EntityManager, input: RefusalNoticeInput): Promise<RefusalNotice> {
    const { consultationId, householdId } = input;
    const issued = await manager.findOneBy(RefusalNotice, { consultationId, householdId });
    if (issued) return issued;
    const notice = manager.create(RefusalNotice, { id: randomUUID(), consultationId, householdId, text: input.text, textSha256: sha256Hex(input.text), visits: input.visits, issuedAt: input.at, issuedByStaffId: input.actor.id });
    await manager.insert(RefusalNotice, notice);
    await appendHouseholdEntry(this.audit, manager, {
      actor: input.actor,
      householdId,
      action: 'REFUSAL_NOTICE_ISSUED',
      payload: { consultationId, noticeId: notice.id, textSha256: notice.textSha256, visits: notice.visits },
      at: input.at,
    });
    await this.planner.plan(
      manager,
      [{ kind: ReminderKind.RefusalNotice, consultationId, householdId, dedupeKey: refusalNoticeKey(notice.id, householdId), title: REFUSAL_NOTICE_TITLE, body: notice.text, capped: false, createdByStaffId: input.actor.id }],
      input.at,
      await policyOf(manager, consultationId),
    );
    return notice;
  }
}
