import { Inject, Injectable } from '@nestjs/common';
import { ConsultationStatus, PipelineStage, type StreetOfficeSummary, type StreetStatus, type StreetStatusConsultation } from '@linyi/shared';
import { In } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { ConsultationTally } from '../consultations/consultation-tally.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { pipelineFacts } from '../pipeline/pipeline-facts.js';

interface TallySum {
  consultationId: string;
  householdsTotal: number;
  householdsAnswered: number;
  groupsTotal: number;
  groupsReached: number;
  groupsFailed: number;
}

/**
 * The street office's view of every open consultation. Reads the maintained tallies (a fixed number
 * of rows per consultation), never the answers, so its cost does not grow with households.
 */
@Injectable()
export class StreetStatusService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /** The offices the caller may watch: street staff their own, admin every one (the console needs an id either way). */
  async offices(actor: StaffActor): Promise<StreetOfficeSummary[]> {
    return (await this.access.streetOfficesInScope(actor)).map(({ id, name }) => ({ id, name }));
  }

  async status(actor: StaffActor, streetOfficeId: string): Promise<StreetStatus> {
    const street = await this.access.streetOfficeForStaff(actor, streetOfficeId);
    const manager = this.transactions.dataSource.manager;
    const communities = await manager.find(Community, { where: { streetOfficeId }, order: { name: 'ASC' } });
    const compounds = communities.length ? await manager.find(Compound, { where: { communityId: In(communities.map((c) => c.id)) }, order: { name: 'ASC' } }) : [];
    const consultations = compounds.length
      ? await manager.find(Consultation, {
          select: { id: true, compoundId: true, title: true, kind: true, rule: true, groupBy: true, status: true, deadline: true },
          where: { compoundId: In(compounds.map((c) => c.id)), status: ConsultationStatus.Open },
          order: { deadline: 'ASC' },
        })
      : [];
    const tallies = await this.tallies(consultations.map((c) => c.id));
    const byCompound = new Map<string, StreetStatusConsultation[]>();
    for (const c of consultations) {
      const t = tallies.get(c.id);
      const total = t?.groupsTotal ?? 0;
      const reached = t?.groupsReached ?? 0;
      const failed = t?.groupsFailed ?? 0;
      const list = byCompound.get(c.compoundId) ?? [];
      list.push({
        id: c.id,
        title: c.title,
        kind: c.kind,
        rule: c.rule,
        groupBy: c.groupBy,
        status: c.status,
        deadline: c.deadline.toISOString(),
        groups: { total, reached, failed, pending: total - reached - failed },
        households: { answered: t?.householdsAnswered ?? 0, total: t?.householdsTotal ?? 0 },
      });
      byCompound.set(c.compoundId, list);
    }
    // Each compound's stage and gates, in a fixed number of queries for the whole street.
    const pipelines = await pipelineFacts(manager, compounds.map((c) => c.id));
    const pipelineOf = (compoundId: string) => {
      const facts = pipelines.get(compoundId)!;
      return { stage: facts.row?.stage ?? PipelineStage.None, since: facts.row?.since?.toISOString() ?? null, gates: facts.gates, excludedBuildings: facts.excluded };
    };
    return {
      streetOfficeId: street.id,
      name: street.name,
      communities: communities.map((community) => ({
        id: community.id,
        name: community.name,
        compounds: compounds
          .filter((compound) => compound.communityId === community.id)
          .map((compound) => ({ id: compound.id, name: compound.name, consultations: byCompound.get(compound.id) ?? [], pipeline: pipelineOf(compound.id) })),
      })),
    };
  }

  private async tallies(consultationIds: string[]): Promise<Map<string, TallySum>> {
    if (!consultationIds.length) return new Map();
    const rows = await this.transactions.dataSource.manager
      .createQueryBuilder(ConsultationTally, 't')
      .select('t.consultationId', 'consultationId')
      .addSelect(['SUM(t.householdsTotal) AS householdsTotal', 'SUM(t.householdsAnswered) AS householdsAnswered', 'SUM(t.groupsTotal) AS groupsTotal'])
      .addSelect(['SUM(t.groupsReached) AS groupsReached', 'SUM(t.groupsFailed) AS groupsFailed'])
      .where('t.consultationId IN (:...consultationIds)', { consultationIds })
      .groupBy('t.consultationId')
      .getRawMany<Record<keyof TallySum, string | number>>();
    return new Map(
      rows.map((row) => [
        String(row.consultationId),
        {
          consultationId: String(row.consultationId),
          householdsTotal: Number(row.householdsTotal),
          householdsAnswered: Number(row.householdsAnswered),
          groupsTotal: Number(row.groupsTotal),
          groupsReached: Number(row.groupsReached),
          groupsFailed: Number(row.groupsFailed),
        },
      ]),
    );
  }
}
