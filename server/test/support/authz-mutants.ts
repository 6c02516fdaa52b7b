import type { INestApplication } from '@nestjs/common';
import { ScopeType } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { AcceptanceService } from '../../src/acceptance/acceptance.service.js';
import { OwnerSupervisorsService } from '../../src/acceptance/owner-supervisors.service.js';
import type { Actor, StaffActor } from '../../src/auth/actor.js';
import { notFound } from '../../src/common/app.exception.js';
import type { TransactionRunner } from '../../src/database/transaction-runner.js';
import type { EvidenceStore } from '../../src/evidence/evidence.store.js';
import { Consultation } from '../../src/consultations/consultation.entity.js';
import { AccessService } from '../../src/places/access.service.js';
import { PublicityAccess, residentHouseholds } from '../../src/publicity/publicity-access.js';
import { BoardsService } from '../../src/records/boards.service.js';
import { SurveyAccess } from '../../src/surveys/survey-access.js';
import { PipelineService } from '../../src/pipeline/pipeline.service.js';
import { staffPipelineView } from '../../src/pipeline/pipeline-view.js';
import { ResponsesService } from '../../src/responses/responses.service.js';
import { Compound } from '../../src/places/compound.entity.js';
import type { Household } from '../../src/places/household.entity.js';

/**
 * Deliberately broken scope checks, switched on with AUTHZ_MUTANT=<name>, to see the matrix fail
 * for the right reason. Patched on the running app's singletons only: no source file changes, so
 * nobody else's tests see the break.
 */
export const MUTANTS: Record<string, (app: INestApplication) => void> = {
  /** AccessService.covers forgets the community: any committee covers any compound. */
  community: (app) => {
    const access = app.get(AccessService) as unknown as { covers: (a: StaffActor, c: Compound) => Promise<boolean> };
    const covers = access.covers.bind(access);
    access.covers = async (actor, compound) => actor.scopeType === ScopeType.Community || covers(actor, compound);
  },
  /** AccessService.covers forgets the street office: any street covers any compound. */
  'street-office': (app) => {
    const access = app.get(AccessService) as unknown as { covers: (a: StaffActor, c: Compound) => Promise<boolean> };
    const covers = access.covers.bind(access);
    access.covers = async (actor, compound) => actor.scopeType === ScopeType.StreetOffice || covers(actor, compound);
  },
  /** AccessService.householdFor forgets the binding: any resident sees any household. */
  binding: (app) => {
    const access = app.get(AccessService) as unknown as { householdFor: (a: Actor, id: string) => Promise<Household>; households: { findOneByOrFail: (w: object) => Promise<Household> } };
    const householdFor = access.householdFor.bind(access);
    access.householdFor = async (actor, householdId) => (actor.kind === 'resident' ? access.households.findOneByOrFail({ id: householdId }) : householdFor(actor, householdId));
  },
  /** ResponsesService forgets owners-only: a tenant may sign a plumbing application. */
  'owners-only': (app) => {
    const responses = app.get(ResponsesService) as unknown as { checkResidentRole?: unknown };
    if (typeof responses.checkResidentRole !== 'function') throw new Error('ResponsesService.checkResidentRole is gone: update this mutant');
    responses.checkResidentRole = () => undefined;
  },
  /** OwnerSupervisorsService forgets who was named: every resident supervises every compound (reads and signs any acceptance). */
  supervisor: (app) => {
    const supervisors = app.get(OwnerSupervisorsService) as unknown as { supervisesCompound: (a: Actor, compoundId: string) => Promise<unknown> };
    supervisors.supervisesCompound = async (actor, compoundId) => (actor.kind === 'resident' ? { compoundId, householdId: randomUUID(), name: '任何人' } : null);
  },
  /** The acceptance photo route forgets whose image it is: any stored image through any household the caller may read. */
  'acceptance-photo': (app) => {
    type Internals = { photo: AcceptanceService['photo']; householdForReader: (a: Actor, id: string) => Promise<Household>; evidence: EvidenceStore; transactions: TransactionRunner };
    const service = app.get(AcceptanceService) as unknown as Internals;
    service.photo = async (actor, householdId, sha256) => {
      await service.householdForReader(actor, householdId);
      const image = await service.evidence.get(service.transactions.dataSource.manager, sha256);
      if (!image) throw notFound('照片');
      return image;
    };
  },
  /** Issue 12: residents' reads of a compound's publicity, surveys and boards forget the compound: bound anywhere is enough. */
  'resident-compound': (app) => {
    const publicity = app.get(PublicityAccess);
    publicity.forResident = async (manager, actor, consultationId) => ({ consultation: await manager.findOneByOrFail(Consultation, { id: consultationId }), households: await residentHouseholds(manager, actor.id) });
    (app.get(SurveyAccess) as unknown as { bindsInCompound: () => Promise<boolean> }).bindsInCompound = async () => true;
    const boards = app.get(BoardsService) as unknown as { compoundFor: (a: Actor, id: string) => Promise<Compound>; transactions: TransactionRunner };
    const compoundFor = boards.compoundFor.bind(boards);
    boards.compoundFor = async (actor, compoundId) => (actor.kind === 'resident' ? boards.transactions.dataSource.manager.findOneByOrFail(Compound, { id: compoundId }) : compoundFor(actor, compoundId));
  },
  /** Issue 14: a resident's read of a compound's pipeline and notice forgets the binding: any compound. */
  'pipeline-compound': (app) => {
    const pipeline = app.get(PipelineService) as unknown as { compoundForResident: PipelineService['compoundForResident']; transactions: TransactionRunner };
    pipeline.compoundForResident = async (_residentId, compoundId) => pipeline.transactions.dataSource.manager.findOneByOrFail(Compound, { id: compoundId });
  },
  /** Issue 14: a resident of the compound gets the staff view (gates, history, who moved it). */
  'pipeline-view': (app) => {
    const pipeline = app.get(PipelineService) as unknown as { view: PipelineService['view']; compoundForResident: PipelineService['compoundForResident']; transactions: TransactionRunner };
    const view = pipeline.view.bind(pipeline);
    pipeline.view = async (actor, compoundId) => (actor.kind === 'resident' ? staffPipelineView(pipeline.transactions.dataSource.manager, await pipeline.compoundForResident(actor.id, compoundId)) : view(actor, compoundId));
  },
};

export function applyMutant(app: INestApplication, name: string | undefined): void {
  if (!name) return;
  const mutant = MUTANTS[name];
  if (!mutant) throw new Error(`AUTHZ_MUTANT=${name} is unknown; known: ${Object.keys(MUTANTS).join(', ')}`);
  mutant(app);
}
