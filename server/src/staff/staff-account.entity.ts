import { ScopeType, StaffRole } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';

/** A committee, street-office, contractor or admin account with one scope. */
@Entity('staff_account')
export class StaffAccount extends IdEntity {
  @Column({ type: 'varchar', length: 64 })
  @Index('uq_staff_username', { unique: true })
  username: string;

  @Column({ type: 'varchar', length: 60 })
  displayName: string;

  @Column({ type: 'varchar', length: 100, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: StaffRole;

  @Column({ type: 'varchar', length: 16 })
  scopeType: ScopeType;

  /** Null only for ADMIN (scope ALL). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  scopeId: string | null;

  /** A disabled account cannot sign in, and its tokens answer 401 from the next request on. */
  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Raised by every password change; a token carrying an older value answers 401, so a reset ends every session. */
  @Column({ type: 'integer', default: 0 })
  credentialsVersion: number;

  @CreatedAtColumn()
  createdAt: Date;
}
