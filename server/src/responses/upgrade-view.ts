import type { UpgradeView } from '@linyi/shared';
import type { UpgradePayment } from './upgrade-payment.entity.js';
import type { UpgradeQuote } from './upgrade-quote.entity.js';
import type { UpgradeRequest } from './upgrade-request.entity.js';

/** A request with its facts; quotes oldest first. The summary fields are those the routes answered before facts were kept apart. */
export function toUpgradeView(request: UpgradeRequest, current: boolean, quotes: UpgradeQuote[], payment: UpgradePayment | null): UpgradeView {
  const latest = quotes.at(-1) ?? null;
  return {
    id: request.id,
    consultationId: request.consultationId,
    householdId: request.householdId,
    seq: request.seq,
    current,
    description: request.description,
    createdAt: request.createdAt.toISOString(),
    quotedFen: payment?.amountFen ?? latest?.amountFen ?? null,
    quotedAt: latest?.quotedAt.toISOString() ?? null,
    paidAt: payment?.paidAt.toISOString() ?? null,
    recordedByStaffId: payment ? payment.staffId : (latest?.staffId ?? null),
    quotes: quotes.map((q) => ({ id: q.id, seq: q.seq, amountFen: q.amountFen, staffId: q.staffId, quotedAt: q.quotedAt.toISOString() })),
    payment: payment && { id: payment.id, quoteId: payment.quoteId, amountFen: payment.amountFen, staffId: payment.staffId, paidAt: payment.paidAt.toISOString() },
  };
}
