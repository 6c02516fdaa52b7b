import { householdReadiness, ScreeningStatus, type CarePlanView, type ConsentEvidence, type ScreeningView } from '@linyi/shared';
import type { CarePlan } from './care-plan.entity.js';
import type { HouseholdScreening } from './household-screening.entity.js';
import { storedNeeds } from './screening-needs.rules.js';

/** Everything a staff view of one household's screening is made of, read in one transaction. */
export interface ScreeningFacts {
  household: { id: string; label: string };
  screening: HouseholdScreening | null;
  carePlan: CarePlan | null;
  /** Display names of the staff who screened and who last saved the plan. */
  staffNames: Map<string, string>;
  /** Whether the scan's bytes are still kept (SCAN consent only). */
  scanAvailable: boolean;
  /** The text version of the online consent the screening rests on (ONLINE consent only). */
  onlineConsentTextVersion: string | null;
  /** The household's standing online consent, if any: SEPARATE_CONSENT then needs no scan. */
  standingOnlineConsent: { givenAt: Date } | null;
}

/**
 * The consent a screening rests on, as staff and the resident both see it: a scan says whether its
 * bytes are still kept, an online consent names the text version agreed to (when known).
 */
export function consentEvidenceOf(screening: HouseholdScreening | null, scanAvailable: boolean, onlineTextVersion: string | null): ConsentEvidence | null {
  const s = screening;
  if (!s?.consentKind || !s.consentSha256 || !s.consentGivenAt) return null;
  const evidence: ConsentEvidence = { kind: s.consentKind, sha256: s.consentSha256, givenAt: s.consentGivenAt.toISOString() };
  if (s.consentKind === 'SCAN') evidence.scanAvailable = scanAvailable;
  if (s.consentKind === 'ONLINE' && onlineTextVersion) evidence.textVersion = onlineTextVersion;
  return evidence;
}

function carePlanOf(plan: CarePlan | null, names: Map<string, string>): CarePlanView | null {
  if (!plan) return null;
  return {
    householdId: plan.householdId,
    measures: plan.measures,
    contactName: plan.contactName,
    contactPhone: plan.contactPhone,
    assistanceNote: plan.assistanceNote,
    updatedAt: plan.updatedAt.toISOString(),
    updatedByName: names.get(plan.updatedBy) ?? '',
  };
}

/** The staff view (committee and street only): a household never screened shows status null. */
export function toScreeningView(facts: ScreeningFacts): ScreeningView {
  const s = facts.screening;
  const status = s?.status ?? null;
  return {
    householdId: facts.household.id,
    label: facts.household.label,
    status,
    needsCare: status === ScreeningStatus.NeedsCare,
    needs: storedNeeds(s?.needs),
    note: s?.note ?? null,
    legalBasis: s?.legalBasis ?? null,
    consent: consentEvidenceOf(s, facts.scanAvailable, facts.onlineConsentTextVersion),
    screenedAt: s ? s.screenedAt.toISOString() : null,
    screenedByName: s ? (facts.staffNames.get(s.screenedBy) ?? '') : null,
    withdrawnAt: s?.withdrawnAt ? s.withdrawnAt.toISOString() : null,
    erasedAt: s?.erasedAt ? s.erasedAt.toISOString() : null,
    readiness: householdReadiness(status, facts.carePlan !== null),
    carePlan: carePlanOf(facts.carePlan, facts.staffNames),
    onlineConsentAvailable: facts.standingOnlineConsent !== null,
    onlineConsentGivenAt: facts.standingOnlineConsent ? facts.standingOnlineConsent.givenAt.toISOString() : null,
  };
}
