/** Response shapes of the public HTTP contract (shared/API.md), used by server mappers and the mini-program. */
import type { ResidentRole, ScopeType, StaffRole } from './roles.js';

export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  correlationId?: string;
}

export interface StaffScope {
  type: ScopeType;
  id: string | null;
}

export interface StaffView {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  scope: StaffScope;
}

export interface StaffLoginResponse {
  accessToken: string;
  staff: StaffView;
}

export interface ResidentView {
  id: string;
  openid: string;
  name: string | null;
}

export interface ResidentLoginResponse {
  accessToken: string;
  resident: ResidentView;
}

export interface MyHousehold {
  id: string;
  label: string;
  compoundId: string;
  compoundName: string;
  unitId: string;
  role: ResidentRole;
}

export interface MeResponse {
  resident: ResidentView;
  households: MyHousehold[];
}

export interface CompoundSummary {
  id: string;
  name: string;
  communityId: string;
}

export interface HouseholdNode {
  id: string;
  label: string;
  room: string;
  floor: number;
  areaM2: number;
}

export interface UnitNode {
  id: string;
  name: string;
  households: HouseholdNode[];
}

export interface BuildingNode {
  id: string;
  name: string;
  units: UnitNode[];
}

export interface CompoundStructure {
  id: string;
  name: string;
  buildings: BuildingNode[];
}

export interface InviteCodeResponse {
  code: string;
  expiresAt: string;
}

export interface RosterRowError {
  row: number;
  message: string;
}

export interface RosterImportResult {
  created: number;
  updated: number;
  errors: RosterRowError[];
}

export interface BindHouseholdResponse {
  household: MyHousehold;
}
