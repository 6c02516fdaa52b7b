import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';

/** The in-app inbox: every reminder and notice lands here at once, whatever the push channel does. */
@Entity('inbox_message')
@Index('ix_inbox_resident', ['residentId', 'createdAt'])
@Index('ix_inbox_staff', ['staffId', 'createdAt'])
@Index('uq_inbox_reminder_recipient', ['reminderId', 'recipientKey'], { unique: true })
export class InboxMessage extends IdEntity {
  @Column({ type: 'varchar', length: 36, nullable: true })
  residentId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  staffId: string | null;

  @Column({ type: 'varchar', length: 36 })
  reminderId: string;

  /** 'resident:<id>' or 'staff:<id>': non-null, so the unique key really holds (NULLs never collide). */
  @Column({ type: 'varchar', length: 48 })
  recipientKey: string;

  @Column({ type: 'varchar', length: 24 })
  kind: string;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  consultationId: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;
}
