import { Inject, Injectable } from '@nestjs/common';
import { WorkPlanStatus } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Building } from '../places/building.entity.js';
import { Compound } from '../places/compound.entity.js';
import { Unit } from '../places/unit.entity.js';
import { unitLabel } from '../special-needs/screening-overview.rules.js';
import { NOTICE_TITLE, renderWorkNotice } from './work-notice.pdf.js';
import { WorkPlanUnit } from './work-plan-unit.entity.js';
import { WorkWindow } from './work-window.entity.js';
import { WorksAccess } from './works-access.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The printable stairwell notice of one unit of a plan (`GET /work-plans/{id}/notice.pdf?unitId=`). */
@Injectable()
export class WorkNoticeService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async notice(actor: StaffActor, planId: string, unitId: string | undefined): Promise<{ fileName: string; bytes: Buffer }> {
    if (!unitId) throw new AppException('WORK_PLAN_INVALID', '请指定要打印通知的单元（unitId）');
    const manager = this.transactions.dataSource.manager;
    const plan = await this.access.planForStaff(manager, actor, planId);
    const inPlan = UUID.test(unitId) && (await manager.existsBy(WorkPlanUnit, { workPlanId: plan.id, unitId }));
    if (!inPlan) throw new AppException('WORK_PLAN_INVALID', '该单元不在此施工计划中');
    const unit = await manager.findOneByOrFail(Unit, { id: unitId });
    const building = await manager.findOneByOrFail(Building, { id: unit.buildingId });
    const compound = await manager.findOneByOrFail(Compound, { id: plan.compoundId });
    const windows = await manager.find(WorkWindow, { where: { workPlanId: plan.id, unitId }, order: { startsAt: 'ASC', id: 'ASC' } });
    const label = unitLabel(building.name, unit.name);
    const bytes = await renderWorkNotice({
      draft: plan.status !== WorkPlanStatus.Published,
      compoundName: compound.name,
      unitLabel: label,
      planTitle: plan.title,
      windows,
      waterCut: plan.waterCut,
      temporaryWater: plan.temporaryWater,
      temporarySewage: plan.temporarySewage,
      steps: plan.steps,
      contactPhone: plan.contactPhone ?? compound.emergencyPhone,
      issuedAt: this.clock.stamp(),
    });
    return { fileName: `${NOTICE_TITLE}-${compound.name}${label}.pdf`, bytes };
  }
}
