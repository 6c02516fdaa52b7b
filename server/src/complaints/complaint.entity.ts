import { ComplaintStatus, ComplaintTopic } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** A complaint or suggestion (问计) a bound resident filed for a household, and the committee's one reply. */
@Entity('complaint')
@Index('ix_complaint_compound', ['compoundId', 'status'])
@Index('ix_complaint_household', ['householdId'])
export class Complaint extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  /** Copied from the household so the committee's list and the street overview need no join. */
  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'varchar', length: 16 })
  topic: ComplaintTopic;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  /** The photo in the evidence store, by the hash of its bytes. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  photoSha256: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ComplaintStatus;

  @Column({ type: 'varchar', length: 36 })
  filedByResidentId: string;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reply: string | null;

  @Column({ type: 'datetime', nullable: true })
  repliedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  repliedByStaffId: string | null;
}
