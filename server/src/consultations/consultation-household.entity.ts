import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The electorate, frozen when the consultation is published: which households take part, in which
 * group, with which area and owner identity. Later roster edits do not move a running count.
 */
@Entity('consultation_household')
@Index('ix_electorate_group', ['consultationId', 'groupId'])
export class ConsultationHousehold {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  consultationId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  householdId: string;

  /** The consultation_group row this household counts in. */
  @Column({ type: 'varchar', length: 36 })
  groupId: string;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  /** Area in hundredths of a m², for exact threshold arithmetic. */
  @Column({ type: 'integer' })
  areaCenti: number;

  @Column({ type: 'varchar', length: 64 })
  ownerKey: string;
}
