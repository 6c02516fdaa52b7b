/** Shapes of the staff console's routes (street dashboard, compound page, accounts, settings). */
import type { Answer, AnswerChannel, GroupState } from './consultation.js';
import type { StaffScope } from './api-types.js';
import type { ScopeType, StaffRole } from './roles.js';

/** GET /api/street-offices: the street offices the caller may watch (street staff: its own; admin: all). */
export interface StreetOfficeSummary {
  id: string;
  name: string;
}

/** GET /api/consultations/{id}/trend: households answering for the first time, per day in Asia/Shanghai. */
export interface ConsultationTrend {
  consultationId: string;
  timeZone: string;
  days: Array<{ date: string; answered: number; cumulative: number }>;
  householdsTotal: number;
}

/** One household of the drill-down: its answer class only, never a name or a phone. */
export interface HouseholdAnswerClass {
  householdId: string;
  label: string;
  room: string;
  floor: number;
  answer: Answer | null;
  optionId: string | null;
  finalRefusal: boolean;
}

/** GET /api/consultations/{id}/households: compound → building → unit → households, answer classes only. */
export interface ConsultationHouseholds {
  consultationId: string;
  compoundId: string;
  buildings: Array<{
    id: string;
    name: string;
    units: Array<{ id: string; name: string; groupState: GroupState | null; households: HouseholdAnswerClass[] }>;
  }>;
}

/** GET /api/compounds/{compoundId}/households?consultationId=: what the committee follows up, per household. */
export interface HouseholdState {
  householdId: string;
  label: string;
  room: string;
  floor: number;
  buildingId: string;
  unitId: string;
  ownerName: string;
  phone: string | null;
  /** Residents bound to the household through an invite code. */
  boundResidents: number;
  answer: Answer | null;
  optionId: string | null;
  channel: AnswerChannel | null;
  answeredAt: string | null;
  visits: number;
  lastVisitAt: string | null;
  finalRefusal: boolean;
  /** With a consultation: whether the household takes part in it (its units may be a subset). */
  inConsultation?: boolean;
}

export interface CompoundHouseholds {
  compoundId: string;
  consultationId: string | null;
  households: HouseholdState[];
}

/** GET / PUT /api/compounds/{compoundId}/settings */
export interface CompoundSettings {
  compoundId: string;
  name: string;
  address: string | null;
  /** The contractor's emergency line, printed in the plumbing disclosures. */
  emergencyPhone: string | null;
  timeZone: string;
}

export interface UpdateCompoundSettingsRequest {
  emergencyPhone?: string | null;
  address?: string | null;
}

/** GET /api/staff-accounts */
export interface StaffAccountView {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  scope: StaffScope;
  /** The community, compound or street office's name. */
  scopeName: string;
  disabled: boolean;
  createdAt: string;
}

export interface CreateStaffAccountRequest {
  username: string;
  displayName: string;
  role: StaffRole;
  scopeId: string;
  password: string;
}

export interface UpdateStaffAccountRequest {
  displayName?: string;
  scopeId?: string;
  disabled?: boolean;
  /** A new password; every session signed in with the old one ends (401 SESSION_ENDED). */
  password?: string;
  /** Required when callers change their own password (403 CURRENT_PASSWORD_WRONG when wrong). */
  currentPassword?: string;
}

/** PATCH /api/staff-accounts/{id}: the account as changed. */
export interface UpdateStaffAccountResponse extends StaffAccountView {
  /** Only when callers changed their own password: their new token (the one they sent has ended). */
  accessToken?: string;
}

/** GET /api/staff-accounts/scopes: where the caller may place a new account of each role. */
export interface AssignableScope {
  role: StaffRole;
  type: ScopeType;
  id: string;
  name: string;
}
