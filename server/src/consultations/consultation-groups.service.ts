import { Inject, Injectable } from '@nestjs/common';
import { DecisionRule, type GroupView } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { UpgradesService } from '../responses/upgrades.service.js';
import type { ConsultationGroup } from './consultation-group.entity.js';
import { optionTally } from './consultations.mapper.js';
import { ConsultationsService } from './consultations.service.js';
import { optionVotesByGroup } from './option-votes.js';

export interface GroupTallies {
  group: ConsultationGroup;
  unpaidUpgrades: number;
  /** A design vote's current votes per option, in the option order; other rules have no options. */
  optionVotes?: GroupView['optionVotes'];
}

/** The progress page's groups with what each one still needs: unpaid upgrades and, for a vote, the tally per option. */
@Injectable()
export class ConsultationGroupsService {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(UpgradesService) private readonly upgrades: UpgradesService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  async withTallies(actor: StaffActor, consultationId: string): Promise<GroupTallies[]> {
    const { consultation, groups } = await this.consultations.withGroups(actor, consultationId);
    const [unpaid, votes] = await Promise.all([
      this.upgrades.unpaidByGroup(consultationId),
      consultation.rule === DecisionRule.Plurality ? optionVotesByGroup(this.transactions.dataSource.manager, consultationId) : null,
    ]);
    return groups.map((group) => ({
      group,
      unpaidUpgrades: unpaid.get(group.id) ?? 0,
      ...(votes ? { optionVotes: optionTally(consultation.options, votes.get(group.id)) } : {}),
    }));
  }
}
