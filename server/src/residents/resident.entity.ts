import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';

/** A person signed in through WeChat; bound to households through memberships. */
@Entity('resident')
export class Resident extends IdEntity {
  @Column({ type: 'varchar', length: 64 })
  @Index('uq_resident_openid', { unique: true })
  openid: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  /** WeChat session_key: kept for decrypting WeChat data later, never sent to any client or log. */
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  wechatSessionKey: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  name: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
