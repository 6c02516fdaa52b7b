import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAtColumn, dateColumn, idColumn, index, longTextColumn, refColumn, textColumn } from './schema-helpers.js';

const flag = (name: string) => ({ name, type: 'boolean' });

/** Reminder policies, reminders with their delivery attempts, the in-app inbox and WeChat subscription grants. */
export class Reminders1764302400000 implements MigrationInterface {
  name = 'Reminders1764302400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'reminder_policy',
        columns: [
          { ...refColumn('consultationId'), isPrimary: true },
          flag('onOpen'),
          longTextColumn('daysBefore'),
          flag('dailyDigest'),
          flag('notifyOnReached'),
          textColumn('quietStart', 5),
          textColumn('quietEnd', 5),
          flag('paused'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminder',
        columns: [
          idColumn(),
          textColumn('dedupeKey', 160),
          textColumn('kind', 24),
          refColumn('consultationId'),
          refColumn('householdId', true),
          refColumn('staffId', true),
          textColumn('title', 60),
          longTextColumn('body'),
          textColumn('status', 16),
          dateColumn('sendAfter'),
          dateColumn('enqueuedAt', true),
          { name: 'generation', type: 'integer' },
          { name: 'attempts', type: 'integer' },
          refColumn('claimToken', true),
          dateColumn('claimedAt', true),
          textColumn('channel', 16, true),
          dateColumn('sentAt', true),
          textColumn('lastError', 300, true),
          refColumn('createdByStaffId', true),
          createdAtColumn(),
        ],
        indices: [
          index('uq_reminder_dedupe', ['dedupeKey'], true),
          index('ix_reminder_consultation', ['consultationId', 'status']),
          index('ix_reminder_due', ['status', 'enqueuedAt', 'sendAfter']),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminder_daily_cap',
        columns: [{ ...refColumn('consultationId'), isPrimary: true }, { ...refColumn('householdId'), isPrimary: true }, { ...textColumn('day', 10), isPrimary: true }, refColumn('reminderId')],
        indices: [index('ix_cap_reminder', ['reminderId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminder_delivery',
        columns: [idColumn(), refColumn('reminderId'), textColumn('channel', 16), textColumn('result', 16), textColumn('detail', 300), refColumn('sentKey', true), dateColumn('at')],
        indices: [index('ix_delivery_reminder', ['reminderId']), index('uq_delivery_sent', ['sentKey'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inbox_message',
        columns: [
          idColumn(),
          refColumn('residentId', true),
          refColumn('staffId', true),
          refColumn('reminderId'),
          textColumn('recipientKey', 48),
          textColumn('kind', 24),
          textColumn('title', 60),
          longTextColumn('body'),
          refColumn('consultationId', true),
          createdAtColumn(),
          dateColumn('readAt', true),
        ],
        indices: [
          index('ix_inbox_resident', ['residentId', 'createdAt']),
          index('ix_inbox_staff', ['staffId', 'createdAt']),
          index('uq_inbox_reminder_recipient', ['reminderId', 'recipientKey'], true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'subscription_grant',
        columns: [idColumn(), refColumn('residentId'), textColumn('templateId', 64), dateColumn('grantedAt'), dateColumn('usedAt', true), refColumn('usedByReminderId', true)],
        indices: [index('ix_grant_resident', ['residentId', 'templateId', 'usedAt'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['subscription_grant', 'inbox_message', 'reminder_delivery', 'reminder_daily_cap', 'reminder', 'reminder_policy']) await queryRunner.dropTable(table);
  }
}
