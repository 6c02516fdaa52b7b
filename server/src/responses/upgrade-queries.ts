/**
 * SQL conditions on an `upgrade_request` row under `alias`, as `sql()` templates. A household's
 * current request is its latest (no higher `seq`); it holds the upgraded work back while it has a
 * quote and no payment. Superseded requests keep their facts but hold nothing back.
 */
export const currentQuotedUnpaid = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM {upgrade_request} later_request WHERE later_request.{consultationId} = ${alias}.{consultationId} AND later_request.{householdId} = ${alias}.{householdId} AND later_request.{seq} > ${alias}.{seq})
   AND EXISTS (SELECT 1 FROM {upgrade_quote} quote WHERE quote.{requestId} = ${alias}.{id})
   AND NOT EXISTS (SELECT 1 FROM {upgrade_payment} payment WHERE payment.{requestId} = ${alias}.{id})`;

export const UNPAID_IN_GROUP = `SELECT COUNT(*) AS {count} FROM {upgrade_request} u
  INNER JOIN {consultation_household} ch ON ch.{consultationId} = u.{consultationId} AND ch.{householdId} = u.{householdId}
  WHERE u.{consultationId} = ? AND ch.{groupId} = ? AND ${currentQuotedUnpaid('u')}`;

export const UNPAID_BY_GROUP = `SELECT ch.{groupId} AS {groupId}, COUNT(*) AS {count} FROM {upgrade_request} u
  INNER JOIN {consultation_household} ch ON ch.{consultationId} = u.{consultationId} AND ch.{householdId} = u.{householdId}
  WHERE u.{consultationId} = ? AND ${currentQuotedUnpaid('u')}
  GROUP BY ch.{groupId}`;
