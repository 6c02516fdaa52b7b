import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** One tap on WeChat's subscribe dialog = one message we may send (one-time subscription). */
@Entity('subscription_grant')
@Index('ix_grant_resident', ['residentId', 'templateId', 'usedAt'])
export class SubscriptionGrant extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  residentId: string;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'datetime' })
  grantedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  usedByReminderId: string | null;
}
