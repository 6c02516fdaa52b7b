/** One quote of an above-standard upgrade request; a later quote replaces it for payment, the old one stays. */
export interface UpgradeQuoteView {
  id: string;
  seq: number;
  amountFen: number;
  /** Null only for a quote migrated from before quotes were kept as their own records. */
  staffId: string | null;
  quotedAt: string;
}

/** The payment of a request: it names the quote that was paid. */
export interface UpgradePaymentView {
  id: string;
  quoteId: string;
  amountFen: number;
  staffId: string | null;
  paidAt: string;
}

/**
 * An above-standard upgrade request (DOMAIN rule 3) with its quotes and payment. A new description
 * from the household is a new request (`seq` + 1, `current`); earlier requests keep their quotes
 * and payments. `quotedFen`, `quotedAt`, `paidAt` and `recordedByStaffId` summarise the latest facts.
 */
export interface UpgradeView {
  id: string;
  consultationId: string;
  householdId: string;
  seq: number;
  /** Whether this is the household's latest request, the one quotes and payments now apply to. */
  current: boolean;
  description: string;
  createdAt: string;
  quotedFen: number | null;
  quotedAt: string | null;
  paidAt: string | null;
  /** Who recorded the latest fact: the payment's recorder once paid, otherwise the latest quoter. */
  recordedByStaffId: string | null;
  quotes: UpgradeQuoteView[];
  payment: UpgradePaymentView | null;
}
