import { Inject, Injectable } from '@nestjs/common';
import { PipelineGate, shanghaiDate, type GateRecordRequest, type OwnersOrganisationRequest, type PipelineView, type ResidentPipelineView } from '@linyi/shared';
import type { Actor, StaffActor } from '../auth/actor.js';
import { AuditService, compoundChain } from '../audit/audit.service.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { Compound } from '../places/compound.entity.js';
import { residentHouseholds } from '../publicity/publicity-access.js';
import { CompoundPipeline } from './compound-pipeline.entity.js';
import { lockPipeline, pipelineChainAction } from './pipeline-row.js';
import { residentPipelineView, staffPipelineView } from './pipeline-view.js';

const byHand = (message: string) => new AppException('GATE_NOT_RECORDED_BY_HAND', message);

/** Reading a compound's pipeline, and the gates street staff record by hand (each change audited). */
@Injectable()
export class PipelineService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Staff of the place see everything; a resident bound in the compound the stage and the notice; anyone else 404. */
  async view(actor: Actor, compoundId: string): Promise<PipelineView | ResidentPipelineView> {
    const manager = this.transactions.dataSource.manager;
    if (actor.kind === 'resident') return residentPipelineView(manager, await this.compoundForResident(actor.id, compoundId));
    return staffPipelineView(manager, await this.access.compoundForStaff(actor, compoundId));
  }

  async compoundForResident(residentId: string, compoundId: string): Promise<Compound> {
    const manager = this.transactions.dataSource.manager;
    const compound = await manager.findOneBy(Compound, { id: compoundId });
    if (!compound || !(await residentHouseholds(manager, residentId, compoundId)).length) throw notFound('小区');
    return compound;
  }

  async recordOwnersOrganisation(actor: StaffActor, compoundId: string, request: OwnersOrganisationRequest): Promise<PipelineView> {
    const compound = await this.access.compoundForStaff(actor, compoundId);
    if (request.formedOn > shanghaiDate(this.clock.now())) throw new AppException('VALIDATION_FAILED', '成立日期不能晚于今天');
    const values = { ownersOrganisationKind: request.kind, ownersOrganisationName: request.name.trim(), ownersOrganisationFormedOn: request.formedOn };
    return this.change(actor, compound, pipelineChainAction.organisation, values, { gate: PipelineGate.OwnersOrganisation, ...values });
  }

  /** ILLEGAL_STRUCTURES_CLEARED takes `met`; FUND_PLEDGE takes `required`; the other gates follow their records. */
  async recordGate(actor: StaffActor, compoundId: string, gate: PipelineGate, request: GateRecordRequest): Promise<PipelineView> {
    // Scope first: outside it, what the gate accepts is nobody's business (404, never 400).
    const compound = await this.access.compoundForStaff(actor, compoundId);
    const note = request.note.trim();
    if (gate === PipelineGate.IllegalStructuresCleared) {
      if (request.met === undefined || request.required !== undefined) throw byHand('违法建设清理情况请用 met（true 已清理 / false 未清理）记录');
      const values = { illegalStructuresCleared: request.met, illegalStructuresNote: note, illegalStructuresRecordedBy: actor.id, illegalStructuresRecordedAt: this.clock.stamp() };
      return this.change(actor, compound, pipelineChainAction.gate, values, { gate, met: request.met, note });
    }
    if (gate === PipelineGate.FundPledge) {
      if (request.required === undefined || request.met !== undefined) throw byHand('维修资金承诺是否满足由“维修资金续筹承诺”征询的结果决定；这里只能用 required 记录街道是否要求');
      return this.change(actor, compound, pipelineChainAction.gate, { fundPledgeRequired: request.required }, { gate, required: request.required, note });
    }
    throw byHand(gate === PipelineGate.OwnersOrganisation ? '业主组织请在“业主组织”一栏登记名称和成立日期' : '物业服务协议是否通过由“物业服务标准及收费”征询的结果决定，不能手工记录');
  }

  private async change(actor: StaffActor, compound: Compound, action: string, values: Partial<CompoundPipeline>, payload: Record<string, unknown>): Promise<PipelineView> {
    const compoundId = compound.id;
    return this.transactions.run(async (manager) => {
      const at = this.clock.stamp();
      await lockPipeline(manager, this.transactions, compoundId, at);
      await manager.update(CompoundPipeline, { compoundId }, { ...values, updatedAt: at });
      await this.audit.append(manager, { chainKey: compoundChain(compoundId), action, actor: `staff:${actor.id}`, subjectId: compoundId, payload, at });
      return staffPipelineView(manager, compound);
    });
  }
}
