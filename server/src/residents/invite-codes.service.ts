import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ResidentRole, type BindHouseholdResponse, type InviteCodeResponse } from '@linyi/shared';
import { IsNull, Repository } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { AttemptLimiter } from '../auth/login-limiter.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { backfillInbox } from '../inbox/inbox-backfill.js';
import { AccessService } from '../places/access.service.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from './household-member.entity.js';
import { InviteCode } from './invite-code.entity.js';
import { INVITE_TTL_MS, inviteState, newInviteCode, normalizeInviteCode } from './invite-code.rules.js';
import { toMyHousehold } from './residents.mapper.js';

@Injectable()
export class InviteCodesService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(Clock) private readonly clock: Clock,
    @InjectRepository(InviteCode) private readonly invites: Repository<InviteCode>,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AttemptLimiter) private readonly limiter: AttemptLimiter,
  ) {}

  async issue(actor: StaffActor, householdId: string, role = ResidentRole.Owner): Promise<InviteCodeResponse> {
    await this.access.householdFor(actor as Actor, householdId);
    const expiresAt = new Date(this.clock.stamp().getTime() + INVITE_TTL_MS);
    const invite = this.invites.create({ code: newInviteCode(), householdId, role, createdByStaffId: actor.id, expiresAt, usedAt: null, usedByResidentId: null });
    await this.invites.save(invite);
    return { code: invite.code, expiresAt: expiresAt.toISOString() };
  }

  /** Spends the code and binds the resident, atomically: two residents racing for one code → one wins. */
  async redeem(actor: ResidentActor, typedCode: string, clientIp: string): Promise<BindHouseholdResponse> {
    // Counted per resident and per address before the code is looked at: guessing codes is limited.
    const attempt = await this.limiter.attempt('inviteRedemption', actor.id, clientIp);
    const bound = await this.spend(actor, normalizeInviteCode(typedCode));
    await attempt.succeeded();
    return bound;
  }

  private spend(actor: ResidentActor, code: string): Promise<BindHouseholdResponse> {
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const invite = await manager.findOneBy(InviteCode, { code });
      if (!invite) throw new AppException('INVITE_CODE_INVALID', '邀请码不正确，请核对后重新输入');
      const state = inviteState(invite, now);
      if (state === 'EXPIRED') throw new AppException('INVITE_CODE_EXPIRED', '邀请码已过期，请联系社区工作人员重新获取');
      if (state === 'USED') throw new AppException('INVITE_CODE_USED', '邀请码已被使用，每个邀请码只能使用一次');
      const spent = await manager.update(InviteCode, { id: invite.id, usedAt: IsNull() }, { usedAt: now, usedByResidentId: actor.id });
      if (!spent.affected) throw new AppException('INVITE_CODE_USED', '邀请码已被使用，每个邀请码只能使用一次');
      let member = await manager.findOneBy(HouseholdMember, { householdId: invite.householdId, residentId: actor.id });
      if (!member) {
        member = await manager.save(manager.create(HouseholdMember, { householdId: invite.householdId, residentId: actor.id, role: invite.role }));
        // What the household was told before this resident bound (the plan notice above all) is theirs to read too.
        await backfillInbox(manager, invite.householdId, actor.id);
      }
      const household = await manager.findOneByOrFail(Household, { id: invite.householdId });
      const compound = await manager.findOneByOrFail(Compound, { id: household.compoundId });
      return { household: toMyHousehold(member, household, compound) };
    });
  }
}
