import { Inject, Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor.js';
import { AuditService, compoundChain } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { Compound } from '../places/compound.entity.js';
import { settingsChanges, type SettingsState } from './compound-settings.rules.js';

@Injectable()
export class CompoundSettingsService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  get(actor: StaffActor, compoundId: string): Promise<Compound> {
    return this.access.compoundForStaff(actor, compoundId);
  }

  /** Changes what was sent, on the locked row, so the audit's "from" is what the change replaced. */
  async update(actor: StaffActor, compoundId: string, request: Partial<SettingsState>): Promise<Compound> {
    await this.access.compoundForStaff(actor, compoundId);
    return this.transactions.run(async (manager) => {
      const compound = await this.transactions.forUpdate(manager.getRepository(Compound).createQueryBuilder('c').where('c.id = :id', { id: compoundId })).getOneOrFail();
      const changes = settingsChanges(compound, request);
      if (!Object.keys(changes).length) return compound;
      const values = Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.to]));
      await manager.update(Compound, { id: compoundId }, values);
      await this.audit.append(manager, {
        chainKey: compoundChain(compoundId),
        action: 'COMPOUND_SETTINGS_CHANGED',
        actor: `staff:${actor.id}`,
        subjectId: compoundId,
        payload: { ...changes },
        at: this.clock.now(),
      });
      return Object.assign(compound, values);
    });
  }
}
