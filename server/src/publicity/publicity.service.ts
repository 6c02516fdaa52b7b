import { Inject, Injectable } from '@nestjs/common';
import { ObjectionStatus, objectionWindowOpen, PublicityStage, type MyPublicity, type ObjectionView, type PublicityGroup, type PublicityView } from '@linyi/shared';
import { In, type EntityManager } from 'typeorm';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Household } from '../places/household.entity.js';
import { ConsultationPublicity } from './consultation-publicity.entity.js';
import { PublicityAccess, residentHouseholds } from './publicity-access.js';
import { PublicityObjection } from './publicity-objection.entity.js';
import { countNow, loadSnapshot } from './publicity-snapshot.js';
import { toObjectionView, type ObjectionAudience } from './publicity.mapper.js';

/** Reading the publicity: the published board (residents and staff), a live preview before publication (staff), objections by audience. */
@Injectable()
export class PublicityService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(PublicityAccess) private readonly access: PublicityAccess,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private get manager(): EntityManager {
    return this.transactions.dataSource.manager;
  }

  async view(actor: Actor, consultationId: string): Promise<PublicityView> {
    const consultation = actor.kind === 'staff' ? await this.access.forStaff(this.manager, actor, consultationId) : (await this.access.forResident(this.manager, actor, consultationId)).consultation;
    const publicity = await this.manager.findOneBy(ConsultationPublicity, { consultationId });
    const audience: ObjectionAudience = actor.kind === 'staff' ? { kind: 'staff' } : { kind: 'resident', residentId: actor.id };
    const objections = await this.objectionViews(this.manager, consultationId, audience);
    // Before publication residents see no counts at all; staff see what would be published.
    const groups = publicity ? await this.published(this.manager, publicity) : actor.kind === 'staff' ? (await countNow(this.manager, consultation)).groups : [];
    return toPublicityView(consultation, publicity, groups, objections, actor.kind === 'staff' && !publicity, this.clock.now());
  }

  /** The staff list of every objection, open first then oldest first. */
  async objections(actor: StaffActor, consultationId: string): Promise<ObjectionView[]> {
    await this.access.forStaff(this.manager, actor, consultationId);
    return this.objectionViews(this.manager, consultationId, { kind: 'staff' });
  }

  /** Consultations of the resident's compounds whose result is published, newest first. */
  async mine(actor: ResidentActor): Promise<MyPublicity[]> {
    const compoundIds = [...new Set((await residentHouseholds(this.manager, actor.id)).map((h) => h.compoundId))];
    if (!compoundIds.length) return [];
    const rows = await this.manager.find(ConsultationPublicity, { where: { compoundId: In(compoundIds) }, order: { preliminaryAt: 'DESC' } });
    const consultations = new Map((await this.manager.findBy(Consultation, { id: In(rows.map((r) => r.consultationId)) })).map((c) => [c.id, c]));
    const now = this.clock.now();
    return rows.map((row) => {
      const consultation = consultations.get(row.consultationId)!;
      return {
        consultationId: row.consultationId,
        title: consultation.title,
        kind: consultation.kind,
        stage: row.stage,
        objectionClosesAt: row.objectionClosesAt.toISOString(),
        windowOpen: objectionWindowOpen(row, now),
        finalAt: row.finalAt?.toISOString() ?? null,
      };
    });
  }

  /** The snapshot in force: the final one once published, else the preliminary one. */
  published(manager: EntityManager, publicity: ConsultationPublicity): Promise<PublicityGroup[]> {
    return loadSnapshot(manager, publicity.finalSha256 ?? publicity.preliminarySha256);
  }

  async objectionViews(manager: EntityManager, consultationId: string, audience: ObjectionAudience): Promise<ObjectionView[]> {
    const where = audience.kind === 'staff' ? { consultationId } : { consultationId, filedByResidentId: audience.residentId };
    const objections = (await manager.find(PublicityObjection, { where, order: { createdAt: 'ASC', id: 'ASC' } })).sort(
      (a, b) => Number(a.status !== ObjectionStatus.Open) - Number(b.status !== ObjectionStatus.Open),
    );
    const labels = await householdLabels(manager, objections.flatMap((o) => [o.householdId, o.filedByHouseholdId]));
    return objections.map((o) => toObjectionView(o, labels, audience));
  }
}

export async function householdLabels(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  return new Map((await manager.find(Household, { select: { id: true, label: true }, where: { id: In(unique) } })).map((h) => [h.id, h.label]));
}

export function toPublicityView(consultation: Consultation, publicity: ConsultationPublicity | null, groups: PublicityGroup[], objections: ObjectionView[], preview: boolean, now: Date): PublicityView {
  return {
    consultationId: consultation.id,
    compoundId: consultation.compoundId,
    kind: consultation.kind,
    title: consultation.title,
    rule: consultation.rule,
    stage: publicity?.stage ?? PublicityStage.None,
    preview,
    preliminaryAt: publicity?.preliminaryAt.toISOString() ?? null,
    objectionDays: publicity?.objectionDays ?? null,
    objectionClosesAt: publicity?.objectionClosesAt.toISOString() ?? null,
    windowOpen: publicity ? objectionWindowOpen(publicity, now) : false,
    finalAt: publicity?.finalAt?.toISOString() ?? null,
    snapshotSha256: publicity ? publicity.finalSha256 ?? publicity.preliminarySha256 : null,
    groups,
    objections,
    openObjections: objections.filter((o) => o.status === ObjectionStatus.Open).length,
  };
}
