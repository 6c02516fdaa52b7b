import { ConsultationKind, ConsultationStatus, DecisionRule, GroupBy, type ConsultationOption, type Disclosure } from '@linyi/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';
import { Compound } from '../places/compound.entity.js';

/** Any vote, application round or pledge put to the households of a compound. */
@Entity('consultation')
@Index('ix_consultation_compound_status', ['compoundId', 'status'])
export class Consultation extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @ManyToOne(() => Compound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'compoundId', foreignKeyConstraintName: 'fk_consultation_compound' })
  compound?: Compound;

  @Column({ type: 'varchar', length: 32 })
  kind: ConsultationKind;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 24 })
  rule: DecisionRule;

  @Column({ type: 'varchar', length: 16 })
  groupBy: GroupBy;

  @Column({ type: 'simple-json' })
  options: ConsultationOption[];

  @Column({ type: 'simple-json' })
  disclosures: Disclosure[];

  /** Null: every unit of the compound. */
  @Column({ type: 'simple-json', nullable: true })
  unitIds: string[] | null;

  @Column({ type: 'datetime' })
  opensAt: Date;

  @Column({ type: 'datetime' })
  deadline: Date;

  @Column({ type: 'varchar', length: 16 })
  status: ConsultationStatus;

  @Column({ type: 'integer' })
  turnoutPercent: number;

  @Column({ type: 'boolean' })
  ownersOnly: boolean;

  @Column({ type: 'integer' })
  visitsBeforeFinal: number;

  /** Hash of what residents sign; answers bind to it (Electronic Signature Law art. 13). */
  @Column({ type: 'varchar', length: 64 })
  textSha256: string;

  @Column({ type: 'varchar', length: 36 })
  createdByStaffId: string;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;
}
