import { WorkKind, WorkPlanStatus, type WorkStep } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** A contractor's plan for in-home works in some units of a compound, following one plumbing application. */
@Entity('work_plan')
@Index('ix_work_plan_compound', ['compoundId'])
export class WorkPlan extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  /** The plumbing application whose per-unit unanimity the works depend on. */
  @Column({ type: 'varchar', length: 36 })
  consultationId: string;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  /** JSON array of {title, description}, in the order the work goes. */
  @Column({ type: 'text', transformer: { to: (value: WorkStep[]) => JSON.stringify(value), from: (value: string) => JSON.parse(value) as WorkStep[] } })
  steps: WorkStep[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  waterCut: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  temporaryWater: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  temporarySewage: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  /** Picks the inspection template and the warranty parts (issue 11). */
  @Column({ type: 'varchar', length: 16, default: WorkKind.Plumbing })
  kind: WorkKind;

  @Column({ type: 'varchar', length: 16 })
  status: WorkPlanStatus;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  publishedBy: string | null;
}
