import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ConsultationStatus, GroupState, ResidentRole, type CreateConsultationRequest } from '@linyi/shared';
import { In, Repository } from 'typeorm';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { AuditService, consultationChain } from '../audit/audit.service.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { entityColumns, hydrate, select, sql, type TemplateBuilder } from '../database/sql.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainEventType } from '../events/domain-event.entity.js';
import { recordEvent } from '../events/domain-events.js';
import { AccessService } from '../places/access.service.js';
import { Building } from '../places/building.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { ConsultationGroup } from './consultation-group.entity.js';
import { ConsultationHousehold } from './consultation-household.entity.js';
import { TALLY_SHARDS, ConsultationTally } from './consultation-tally.entity.js';
import { Consultation } from './consultation.entity.js';
import { consultationProblems, consultationTextSha256, defaultsFor, publishedStatus, tallyShard } from './consultation.rules.js';
import { planElectorate } from './electorate.js';
import { GroupStateService } from './group-state.service.js';

const staffActor = (actor: StaffActor) => `staff:${actor.id}`;

const RESIDENT_ANSWER: TemplateBuilder = (manager) =>
  `SELECT ${entityColumns(manager, Consultation, 'c', 'c_')}, m.{role} AS {memberRole}, ch.{groupId} AS {voterGroupId}
   FROM {consultation} c
   LEFT JOIN {household_member} m ON m.{householdId} = ? AND m.{residentId} = ?
   LEFT JOIN {consultation_household} ch ON ch.{consultationId} = c.{id} AND ch.{householdId} = ?
   WHERE c.{id} = ?`;

@Injectable()
export class ConsultationsService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(GroupStateService) private readonly groupState: GroupStateService,
    @InjectRepository(Consultation) private readonly consultations: Repository<Consultation>,
    @InjectRepository(ConsultationGroup) private readonly groups: Repository<ConsultationGroup>,
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
  ) {}

  async create(actor: StaffActor, request: CreateConsultationRequest): Promise<Consultation> {
    const compound = await this.access.compoundForStaff(actor, request.compoundId);
    const problems = consultationProblems(request, this.clock.now());
    if (request.unitIds?.length) {
      const found = await this.units.countBy({ id: In(request.unitIds), compoundId: compound.id });
      if (found !== new Set(request.unitIds).size) problems.push('所选单元中有不属于该小区的单元');
    }
    if (problems.length) throw new AppException('CONSULTATION_INVALID', problems.join('；'));
    const defaults = defaultsFor(request, compound.emergencyPhone);
    const deadline = new Date(request.deadline);
    const consultation = this.consultations.create({
      compoundId: compound.id,
      kind: request.kind,
      title: request.title.trim(),
      body: request.body,
      rule: request.rule,
      groupBy: request.groupBy,
      options: request.options ?? [],
      disclosures: defaults.disclosures,
      unitIds: request.unitIds?.length ? [...new Set(request.unitIds)] : null,
      opensAt: new Date(request.opensAt),
      deadline,
      status: ConsultationStatus.Draft,
      turnoutPercent: defaults.turnoutPercent,
      ownersOnly: defaults.ownersOnly,
      visitsBeforeFinal: defaults.visitsBeforeFinal,
      createdByStaffId: actor.id,
      publishedAt: null,
      closedAt: null,
    });
    consultation.textSha256 = consultationTextSha256(consultation);
    return this.transactions.run(async (manager) => {
      await manager.save(consultation);
      await this.audit.append(manager, {
        chainKey: consultationChain(consultation.id),
        action: 'CONSULTATION_CREATED',
        actor: staffActor(actor),
        subjectId: consultation.id,
        payload: { textSha256: consultation.textSha256, kind: consultation.kind, rule: consultation.rule },
        at: this.clock.now(),
      });
      return consultation;
    });
  }

  /** Freezes the electorate, creates the groups and counters, and opens (or schedules) the consultation. */
  async publish(actor: StaffActor, consultationId: string): Promise<Consultation> {
    const consultation = await this.forStaff(actor, consultationId);
    if (consultation.status !== ConsultationStatus.Draft) throw new AppException('CONSULTATION_NOT_DRAFT', '该征询已经发布，不能重复发布');
    const now = this.clock.stamp();
    if (consultation.deadline.getTime() <= now.getTime()) throw new AppException('CONSULTATION_INVALID', '截止时间已经过去，请新建征询');
    return this.transactions.run(async (manager) => {
      const claimed = await manager.update(Consultation, { id: consultation.id, status: ConsultationStatus.Draft }, { status: publishedStatus(consultation.opensAt, now), publishedAt: now });
      if (!claimed.affected) throw new AppException('CONSULTATION_NOT_DRAFT', '该征询已经发布，不能重复发布');
      const compoundId = consultation.compoundId;
      const [compound, buildings, units] = await Promise.all([
        this.access.compoundForStaff(actor, compoundId),
        manager.findBy(Building, { compoundId }),
        manager.findBy(Unit, { compoundId }),
      ]);
      const households = await manager.findBy(Household, consultation.unitIds ? { compoundId, unitId: In(consultation.unitIds) } : { compoundId });
      if (!households.length) throw new AppException('CONSULTATION_INVALID', '所选范围内没有住户，请先导入住户名单');
      const plan = planElectorate(consultation.groupBy, compound, buildings, units, households);
      const groupRows = plan.groups.map((g) =>
        manager.create(ConsultationGroup, {
          id: g.id,
          consultationId: consultation.id,
          groupType: consultation.groupBy,
          placeId: g.placeId,
          label: g.label,
          households: g.householdIds.length,
          responded: 0,
          agreed: 0,
          refused: 0,
          abstained: 0,
          missing: g.householdIds.length,
          state: GroupState.Pending,
          reason: '尚无住户答复',
          leadingOptionId: null,
          revision: 0,
        }),
      );
      await manager.insert(ConsultationGroup, groupRows);
      for (let i = 0; i < plan.rows.length; i += 500) {
        await manager.insert(ConsultationHousehold, plan.rows.slice(i, i + 500).map((row) => ({ ...row, consultationId: consultation.id })));
      }
      await manager.insert(ConsultationTally, this.initialTally(consultation.id, groupRows));
      Object.assign(consultation, { status: publishedStatus(consultation.opensAt, now), publishedAt: now });
      // Groups start PENDING; evaluating them once settles rules whose empty state differs.
      for (const group of groupRows) await this.groupState.recount(manager, consultation, group, now);
      if (consultation.status === ConsultationStatus.Open) {
        await recordEvent(manager, DomainEventType.ConsultationOpened, consultation.id, { consultationId: consultation.id, compoundId }, now);
      }
      await this.audit.append(manager, {
        chainKey: consultationChain(consultation.id),
        action: 'CONSULTATION_PUBLISHED',
        actor: staffActor(actor),
        subjectId: consultation.id,
        payload: { status: consultation.status, households: plan.rows.length, groups: groupRows.length, textSha256: consultation.textSha256 },
        at: now,
      });
      return consultation;
    });
  }

  private initialTally(consultationId: string, groups: ConsultationGroup[]): ConsultationTally[] {
    const shards = Array.from({ length: TALLY_SHARDS }, (_, shard) => ({ consultationId, shard, householdsTotal: 0, householdsAnswered: 0, groupsTotal: 0, groupsReached: 0, groupsFailed: 0 }));
    for (const group of groups) {
      const shard = shards[tallyShard(group.id, TALLY_SHARDS)];
      shard.householdsTotal += group.households;
      shard.groupsTotal += 1;
    }
    return shards as ConsultationTally[];
  }

  async listForCompound(actor: StaffActor, compoundId: string): Promise<Consultation[]> {
    await this.access.compoundForStaff(actor, compoundId);
    return this.consultations.find({ where: { compoundId }, order: { createdAt: 'DESC' } });
  }

  /** A consultation as staff in scope see it. */
  async forStaff(actor: StaffActor, consultationId: string): Promise<Consultation> {
    const consultation = await this.consultations.findOneBy({ id: consultationId });
    if (!consultation) throw notFound('征询事项');
    await this.access.compoundForStaff(actor, consultation.compoundId).catch(() => {
      throw notFound('征询事项');
    });
    return consultation;
  }

  /** Staff in scope, or a resident with a household taking part (drafts are staff-only). */
  async forActor(actor: Actor, consultationId: string): Promise<Consultation> {
    if (actor.kind === 'staff') return this.forStaff(actor, consultationId);
    const consultation = await this.consultations.findOneBy({ id: consultationId });
    if (!consultation || consultation.status === ConsultationStatus.Draft) throw notFound('征询事项');
    const householdIds = (await this.members.findBy({ residentId: actor.id })).map((m) => m.householdId);
    const takesPart = householdIds.length > 0 && (await this.consultations.manager.existsBy(ConsultationHousehold, { consultationId, householdId: In(householdIds) }));
    if (!takesPart) throw notFound('征询事项');
    return consultation;
  }

  /**
   * For a resident answering for one household, in one query: the consultation (not a draft), the
   * resident's role in that household and the household's group in the electorate. Null when any of
   * them is missing: the caller then takes the step-by-step checks, which name the exact problem.
   */
  async forResidentAnswer(actor: ResidentActor, consultationId: string, householdId: string): Promise<{ consultation: Consultation; memberRole: ResidentRole; groupId: string } | null> {
    const manager = this.consultations.manager;
    const [row] = await select<{ memberRole: ResidentRole | null; voterGroupId: string | null }>(manager, sql(manager, RESIDENT_ANSWER), [householdId, actor.id, householdId, consultationId]);
    if (!row?.memberRole || !row.voterGroupId) return null;
    const consultation = hydrate(manager, Consultation, row, 'c_');
    if (consultation.status === ConsultationStatus.Draft) return null;
    return { consultation, memberRole: row.memberRole, groupId: row.voterGroupId };
  }

  /** The consultation, as staff in scope see it, with its groups in label order (2号楼 before 10号楼). */
  async withGroups(actor: StaffActor, consultationId: string): Promise<{ consultation: Consultation; groups: ConsultationGroup[] }> {
    const consultation = await this.forStaff(actor, consultationId);
    const groups = await this.groups.findBy({ consultationId });
    return { consultation, groups: groups.sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN', { numeric: true })) };
  }
}
