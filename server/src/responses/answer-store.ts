import { AnswerChannel, type Answer, type HouseholdVote } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { chainHead, type ChainHead } from '../audit/audit.service.js';
import { execute, fromColumn, select, sql, toColumn } from '../database/sql.js';
import { HouseholdResponse } from './household-response.entity.js';
import { ResponseHistory } from './response-history.entity.js';
import { currentQuotedUnpaid } from './upgrade-queries.js';

/** The counted answer of the household, as far as the answer path needs it. */
export type CurrentAnswer = Pick<
  HouseholdResponse,
  'id' | 'householdId' | 'answer' | 'optionId' | 'version' | 'channel' | 'residentId' | 'signatureSha256' | 'paperScanSha256' | 'evidenceSha256' | 'answeredAt'
>;

/** Everything an answer needs from its group, read once under the group lock. */
export interface Ballot {
  /** Every household of the group with its counted answer: what the recount works from. */
  votes: HouseholdVote[];
  /** The answering household's counted answer, if it has one. */
  current: CurrentAnswer | null;
  /** Quoted but unpaid upgrades of the group's households. */
  unpaidUpgrades: number;
  /** The group's audit chain head. */
  head: ChainHead;
}

interface BallotRow {
  householdId: string;
  areaCenti: number | string;
  ownerKey: string;
  responseId: string | null;
  answer: Answer | null;
  optionId: string | null;
  finalRefusalAt: unknown;
  version: number | null;
  channel: AnswerChannel | null;
  residentId: string | null;
  signatureSha256: string | null;
  paperScanSha256: string | null;
  evidenceSha256: string | null;
  answeredAt: unknown;
  unpaid: number | string;
  headSeq: number | string | null;
  headHash: string | null;
}

/**
 * One read for the whole answer, made right after the group row lock (the transaction's first
 * statement), so it sees every answer, upgrade and audit link committed before: the group's
 * households with their answers (the recount), the answering household's current answer (version,
 * idempotency), the group's unpaid upgrades (the reply) and the group's audit chain head. Every
 * write to these rows for this group holds the same lock, so nothing read here can move until commit.
 */
export async function readBallot(manager: EntityManager, consultationId: string, groupRowId: string, householdId: string, chainKey: string): Promise<Ballot> {
  const rows = await select<BallotRow>(
    manager,
    sql(
      manager,
      `SELECT ch.{householdId} AS {householdId}, ch.{areaCenti} AS {areaCenti}, ch.{ownerKey} AS {ownerKey},
              r.{id} AS {responseId}, r.{answer} AS {answer}, r.{optionId} AS {optionId}, r.{finalRefusalAt} AS {finalRefusalAt},
              r.{version} AS {version}, r.{channel} AS {channel}, r.{residentId} AS {residentId}, r.{signatureSha256} AS {signatureSha256}, r.{paperScanSha256} AS {paperScanSha256},
              r.{evidenceSha256} AS {evidenceSha256}, r.{answeredAt} AS {answeredAt},
              (SELECT COUNT(*) FROM {upgrade_request} u WHERE u.{consultationId} = ch.{consultationId} AND u.{householdId} = ch.{householdId} AND ${currentQuotedUnpaid('u')}) AS {unpaid},
              h.{seq} AS {headSeq}, h.{hash} AS {headHash}
       FROM {consultation_household} ch
       LEFT JOIN {household_response} r ON r.{consultationId} = ch.{consultationId} AND r.{householdId} = ch.{householdId}
       LEFT JOIN {audit_chain_head} h ON h.{chainKey} = ?
       WHERE ch.{consultationId} = ? AND ch.{groupId} = ?`,
    ),
    [chainKey, consultationId, groupRowId],
  );
  if (!rows.length) throw new Error(`group ${groupRowId} of consultation ${consultationId} has no households`);
  let current: CurrentAnswer | null = null;
  let unpaidUpgrades = 0;
  const votes = rows.map((row): HouseholdVote => {
    unpaidUpgrades += Number(row.unpaid);
    if (row.householdId === householdId && row.responseId) {
      current = {
        id: row.responseId,
        householdId,
        answer: row.answer!,
        optionId: row.optionId ?? null,
        version: Number(row.version),
        channel: row.channel!,
        residentId: row.residentId ?? null,
        signatureSha256: row.signatureSha256 ?? null,
        paperScanSha256: row.paperScanSha256 ?? null,
        evidenceSha256: row.evidenceSha256!,
        answeredAt: fromColumn<Date>(manager, HouseholdResponse, 'answeredAt', row.answeredAt),
      };
    }
    return {
      householdId: row.householdId,
      areaCenti: Number(row.areaCenti),
      ownerKey: row.ownerKey,
      answer: row.answer ?? null,
      optionId: row.optionId ?? null,
      finalRefusal: row.finalRefusalAt !== null && row.finalRefusalAt !== undefined,
    };
  });
  return { votes, current, unpaidUpgrades, head: chainHead(chainKey, rows[0].headSeq, rows[0].headHash) };
}

const ONLINE_VERSION = `SELECT 1 AS {found} FROM {household_response_history} WHERE {consultationId} = ? AND {householdId} = ? AND {channel} = ? LIMIT 1`;

/** Whether any version of the household's answer was given online; read under the group lock, which every answer write holds. */
export async function everAnsweredOnline(manager: EntityManager, consultationId: string, householdId: string): Promise<boolean> {
  const rows = await select<{ found: number }>(manager, sql(manager, ONLINE_VERSION), [consultationId, householdId, AnswerChannel.Online]);
  return rows.length > 0;
}

/** A new version of a household's answer, as it is stored in the history and as the counted answer. */
export interface AnswerVersion {
  consultationId: string;
  householdId: string;
  answer: Answer;
  optionId: string | null;
  version: number;
  channel: AnswerChannel;
  residentId: string | null;
  staffId: string | null;
  acknowledgedDisclosureIds: string[];
  signatureSha256: string | null;
  paperScanSha256: string | null;
  evidenceSha256: string;
  answeredAt: Date;
}

const VERSION_COLUMNS = [
  'consultationId',
  'householdId',
  'answer',
  'optionId',
  'version',
  'channel',
  'residentId',
  'staffId',
  'acknowledgedDisclosureIds',
  'signatureSha256',
  'paperScanSha256',
  'evidenceSha256',
  'answeredAt',
] as const;

const columnList = VERSION_COLUMNS.map((c) => `{${c}}`).join(', ');
const placeholders = VERSION_COLUMNS.map(() => '?').join(', ');
const INSERT_HISTORY = `INSERT INTO {household_response_history} ({id}, ${columnList}) VALUES (?, ${placeholders})`;
const UPDATE_CURRENT = `UPDATE {household_response} SET ${VERSION_COLUMNS.map((c) => `{${c}} = ?`).join(', ')}, {finalRefusalAt} = NULL WHERE {id} = ?`;
const INSERT_CURRENT = `INSERT INTO {household_response} ({id}, ${columnList}, {finalRefusalAt}) VALUES (?, ${placeholders}, NULL)`;

/**
 * Appends the version to the history and makes it the counted answer: an UPDATE of the row the
 * ballot read (lifting any final refusal: the household changed its mind), or an INSERT for a
 * first answer. Returns the counted answer's id.
 */
export async function storeAnswer(manager: EntityManager, currentId: string | null, version: AnswerVersion): Promise<string> {
  const values = (entity: typeof ResponseHistory | typeof HouseholdResponse) => VERSION_COLUMNS.map((c) => toColumn(manager, entity, c, version[c]));
  await execute(manager, sql(manager, INSERT_HISTORY), [randomUUID(), ...values(ResponseHistory)]);
  if (currentId) {
    const updated = await execute(
      manager,
      sql(manager, UPDATE_CURRENT),
      [...values(HouseholdResponse), currentId],
    );
    if (updated.affected !== 1) throw new Error(`household response ${currentId} vanished under the group lock`);
    return currentId;
  }
  const id = randomUUID();
  await execute(manager, sql(manager, INSERT_CURRENT), [id, ...values(HouseholdResponse)]);
  return id;
}
