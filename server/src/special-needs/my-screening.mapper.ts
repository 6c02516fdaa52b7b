import { screeningWithdrawal, type MyScreeningView } from '@linyi/shared';
import type { Household } from '../places/household.entity.js';
import type { CarePlan } from './care-plan.entity.js';
import type { HouseholdScreening } from './household-screening.entity.js';
import type { ConsentTerms } from './my-screening.rules.js';
import type { ScreeningConsent } from './screening-consent.entity.js';
import { storedNeeds } from './screening-needs.rules.js';
import { consentEvidenceOf } from './screening.mapper.js';

/** Everything the resident's page shows, read in one place. */
export interface MyScreeningFacts {
  household: Pick<Household, 'id' | 'label'>;
  screening: HouseholdScreening | null;
  carePlan: CarePlan | null;
  /** The household's online consent that has not been withdrawn. */
  standingConsent: ScreeningConsent | null;
  /** The online consent the record names as its evidence (withdrawn or not), for its text version. */
  evidenceConsent: ScreeningConsent | null;
  /** Whether the consent scan's bytes are still stored. */
  scanAvailable: boolean;
  reads: { reads: number; lastReadAt: string | null };
  /** The consent text this server binds a new consent to. */
  terms: Pick<ConsentTerms, 'text' | 'version'>;
}

const iso = (at: Date | null | undefined) => (at ? at.toISOString() : null);

/** What is recorded about the resident's own household (PIPL art. 44, 45): never a staff member's name. */
export function toMyScreeningView(facts: MyScreeningFacts): MyScreeningView {
  const s = facts.screening;
  const withdrawal = screeningWithdrawal(s, facts.standingConsent ? 1 : 0);
  const plan = facts.carePlan;
  return {
    householdId: facts.household.id,
    label: facts.household.label,
    status: s?.status ?? null,
    needs: storedNeeds(s?.needs),
    note: s?.note ?? null,
    legalBasis: s?.legalBasis ?? null,
    consent: consentEvidenceOf(s, facts.scanAvailable, facts.evidenceConsent?.textVersion ?? null),
    screenedAt: iso(s?.screenedAt),
    withdrawnAt: iso(s?.withdrawnAt),
    erasedAt: iso(s?.erasedAt),
    carePlan: plan ? { measures: plan.measures, contactName: plan.contactName, contactPhone: plan.contactPhone, assistanceNote: plan.assistanceNote, updatedAt: plan.updatedAt.toISOString() } : null,
    withdrawal: withdrawal.kind === 'WITHDRAW' ? withdrawal.effect : null,
    canWithdraw: withdrawal.kind === 'WITHDRAW',
    withdrawNote: withdrawal.note,
    onlineConsentGivenAt: iso(facts.standingConsent?.givenAt),
    consentText: facts.terms.text,
    consentTextVersion: facts.terms.version,
    reads: facts.reads.reads,
    lastReadAt: facts.reads.lastReadAt,
  };
}
