import type { BoardMaterial, BoardParty } from '@linyi/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonColumn } from '../acceptance/json-column.js';

/** A compound's publicity boards (seed 000 §五(六)): materials with their makers and test reports, the responsible parties, the complaint phone. */
@Entity('compound_board')
export class CompoundBoard {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'text', transformer: jsonColumn<BoardMaterial[]>() })
  materials: BoardMaterial[];

  @Column({ type: 'text', transformer: jsonColumn<BoardParty[]>() })
  parties: BoardParty[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  complaintPhone: string | null;

  @Column({ type: 'datetime' })
  updatedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  updatedByStaffId: string;
}
