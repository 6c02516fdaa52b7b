import { randomUUID } from 'node:crypto';
import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dateColumn, foreignKey, idColumn, index, intColumn, refColumn } from './schema-helpers.js';

const LEGACY_MONEY_COLUMNS = ['quotedFen', 'quotedAt', 'paidAt', 'recordedByStaffId'];

interface LegacyRow {
  id: string;
  quotedFen: number | string | null;
  quotedAt: unknown;
  paidAt: unknown;
  recordedByStaffId: string | null;
}

/**
 * Upgrade quotes and payments as append-only facts: a request is never changed (a new description
 * is a new request, numbered by `seq`), quotes and payments are rows of their own. Existing quotes
 * and payments move into the new tables. The request table is altered before the fact tables exist,
 * so SQLite's table rebuilds never touch a table other rows refer to.
 */
export class UpgradeFacts1764648000000 implements MigrationInterface {
  name = 'UpgradeFacts1764648000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const legacy: LegacyRow[] = await queryRunner.query('SELECT id, quotedFen, quotedAt, paidAt, recordedByStaffId FROM upgrade_request WHERE quotedFen IS NOT NULL');

    await queryRunner.dropIndex('upgrade_request', 'uq_upgrade_consultation_household');
    await queryRunner.addColumn('upgrade_request', new TableColumn(intColumn('seq', true)));
    // The old table held one request per household: each is its household's first.
    await queryRunner.query('UPDATE upgrade_request SET seq = 1');
    await queryRunner.changeColumn('upgrade_request', 'seq', new TableColumn(intColumn('seq')));
    for (const column of LEGACY_MONEY_COLUMNS) await queryRunner.dropColumn('upgrade_request', column);
    await queryRunner.createIndex('upgrade_request', index('uq_upgrade_request_seq', ['consultationId', 'householdId', 'seq'], true));

    await queryRunner.createTable(
      new Table({
        name: 'upgrade_quote',
        columns: [idColumn(), refColumn('requestId'), intColumn('seq'), intColumn('amountFen'), refColumn('staffId', true), dateColumn('quotedAt')],
        indices: [index('uq_upgrade_quote_seq', ['requestId', 'seq'], true)],
        foreignKeys: [foreignKey('fk_upgrade_quote_request', 'requestId', 'upgrade_request')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'upgrade_payment',
        columns: [idColumn(), refColumn('requestId'), refColumn('quoteId'), intColumn('amountFen'), refColumn('staffId', true), dateColumn('paidAt')],
        indices: [index('uq_upgrade_payment_request', ['requestId'], true)],
        foreignKeys: [foreignKey('fk_upgrade_payment_request', 'requestId', 'upgrade_request'), foreignKey('fk_upgrade_payment_quote', 'quoteId', 'upgrade_quote')],
      }),
    );

    for (const row of legacy) {
      const quoteId = randomUUID();
      // Once paid, recordedByStaffId named who recorded the payment, so who quoted is no longer known.
      const quotedBy = row.paidAt ? null : row.recordedByStaffId;
      await queryRunner.query('INSERT INTO upgrade_quote (id, requestId, seq, amountFen, staffId, quotedAt) VALUES (?, ?, 1, ?, ?, ?)', [
        quoteId,
        row.id,
        Number(row.quotedFen),
        quotedBy,
        row.quotedAt ?? row.paidAt,
      ]);
      if (row.paidAt) {
        await queryRunner.query('INSERT INTO upgrade_payment (id, requestId, quoteId, amountFen, staffId, paidAt) VALUES (?, ?, ?, ?, ?, ?)', [
          randomUUID(),
          row.id,
          quoteId,
          Number(row.quotedFen),
          row.recordedByStaffId,
          row.paidAt,
        ]);
      }
    }
  }

  /** Back to one request per household: the current request keeps its latest quote and its payment; superseded requests are lost. */
  async down(queryRunner: QueryRunner): Promise<void> {
    const current: Array<{ id: string; consultationId: string; householdId: string; seq: number | string }> = await queryRunner.query(
      'SELECT id, consultationId, householdId, seq FROM upgrade_request',
    );
    const quotes: Array<{ requestId: string; seq: number | string; amountFen: number | string; staffId: string | null; quotedAt: unknown }> = await queryRunner.query(
      'SELECT requestId, seq, amountFen, staffId, quotedAt FROM upgrade_quote',
    );
    const payments: Array<{ requestId: string; staffId: string | null; paidAt: unknown }> = await queryRunner.query('SELECT requestId, staffId, paidAt FROM upgrade_payment');

    const latest = new Map<string, (typeof current)[number]>();
    for (const row of current) {
      const key = `${row.consultationId}|${row.householdId}`;
      const seen = latest.get(key);
      if (!seen || Number(row.seq) > Number(seen.seq)) latest.set(key, row);
    }
    const kept = new Set([...latest.values()].map((r) => r.id));
    const latestQuote = new Map<string, (typeof quotes)[number]>();
    for (const quote of quotes) {
      const seen = latestQuote.get(quote.requestId);
      if (!seen || Number(quote.seq) > Number(seen.seq)) latestQuote.set(quote.requestId, quote);
    }
    const paymentOf = new Map(payments.map((p) => [p.requestId, p]));

    await queryRunner.dropTable('upgrade_payment');
    await queryRunner.dropTable('upgrade_quote');
    for (const row of current) if (!kept.has(row.id)) await queryRunner.query('DELETE FROM upgrade_request WHERE id = ?', [row.id]);
    await queryRunner.dropIndex('upgrade_request', 'uq_upgrade_request_seq');
    await queryRunner.dropColumn('upgrade_request', 'seq');
    await queryRunner.addColumns('upgrade_request', [
      new TableColumn(intColumn('quotedFen', true)),
      new TableColumn(dateColumn('quotedAt', true)),
      new TableColumn(dateColumn('paidAt', true)),
      new TableColumn(refColumn('recordedByStaffId', true)),
    ]);
    await queryRunner.createIndex('upgrade_request', index('uq_upgrade_consultation_household', ['consultationId', 'householdId'], true));
    for (const id of kept) {
      const quote = latestQuote.get(id);
      if (!quote) continue;
      const payment = paymentOf.get(id);
      await queryRunner.query('UPDATE upgrade_request SET quotedFen = ?, quotedAt = ?, paidAt = ?, recordedByStaffId = ? WHERE id = ?', [
        Number(quote.amountFen),
        quote.quotedAt,
        payment?.paidAt ?? null,
        payment ? payment.staffId : quote.staffId,
        id,
      ]);
    }
  }
}
