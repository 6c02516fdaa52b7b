import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type RepairCreated, type RepairStatus, type RepairView } from '@linyi/shared';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentOnly, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { RepairAcceptanceDto } from './dto/repair-acceptance.dto.js';
import { RepairDoneDto } from './dto/repair-done.dto.js';
import { RepairDto } from './dto/repair.dto.js';
import { RepairsService } from './repairs.service.js';

/** Repairs under warranty: the bound resident reports and confirms, the compound's contractor repairs. */
@ApiTags('acceptance')
@ApiBearerAuth()
@Controller()
export class RepairsController {
  constructor(@Inject(RepairsService) private readonly repairs: RepairsService) {}

  @Post('households/:householdId/repairs')
  @ResidentOnly()
  report(@CurrentActor() actor: ResidentActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: RepairDto): Promise<RepairCreated> {
    return this.repairs.report(actor, householdId, dto);
  }

  @Get('households/:householdId/repairs')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewWorks))
  forHousehold(@CurrentActor() actor: Actor, @Param('householdId', uuidParam('房屋')) householdId: string): Promise<RepairView[]> {
    return this.repairs.forHousehold(actor, householdId);
  }

  @Get('work-plans/:workPlanId/repairs')
  @StaffOnly(...rolesFor(StaffAction.ViewWorks))
  forPlan(@CurrentActor() actor: StaffActor, @Param('workPlanId', uuidParam('施工计划')) workPlanId: string): Promise<RepairView[]> {
    return this.repairs.forPlan(actor, workPlanId);
  }

  @Post('households/:householdId/repairs/:repairId/done')
  @HttpCode(200)
  @StaffOnly(...rolesFor(StaffAction.InspectWorks))
  done(
    @CurrentActor() actor: StaffActor,
    @Param('householdId', uuidParam('房屋')) householdId: string,
    @Param('repairId', uuidParam('报修记录')) repairId: string,
    @Body() dto: RepairDoneDto,
  ): Promise<{ status: RepairStatus; passed: boolean }> {
    return this.repairs.done(actor, householdId, repairId, dto);
  }

  @Put('households/:householdId/repairs/:repairId/acceptance')
  @ResidentOnly()
  decide(
    @CurrentActor() actor: ResidentActor,
    @Param('householdId', uuidParam('房屋')) householdId: string,
    @Param('repairId', uuidParam('报修记录')) repairId: string,
    @Body() dto: RepairAcceptanceDto,
  ): Promise<{ status: RepairStatus }> {
    return this.repairs.decide(actor, householdId, repairId, dto);
  }
}
