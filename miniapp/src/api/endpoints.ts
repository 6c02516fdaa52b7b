import type {
  ConsultationView,
  GroupView,
  HomeVisitRequest,
  HomeVisitView,
  MyConsultation,
  OutstandingUnit,
  SubmitResponseRequest,
  SubmitResponseResult,
  CompoundStructure,
  CompoundSummary,
  InviteCodeResponse,
  MeResponse,
  BindHouseholdResponse,
  ResidentLoginResponse,
  ResidentRole,
  StaffLoginResponse,
} from '@linyi/shared'
import type { AuthKind } from './session'
import type { HttpMethod } from './transport'

/** A route of the HTTP contract (shared API.md); Res and Body exist only for typing. */
export interface Endpoint<Res, Body = undefined> {
  method: HttpMethod
  /** Path under /api, with `:name` placeholders. */
  path: string
  auth: AuthKind
  /** Phantom fields: never set, they carry the types. */
  readonly response?: Res
  readonly body?: Body
}

function endpoint<Res, Body = undefined>(method: HttpMethod, path: string, auth: AuthKind): Endpoint<Res, Body> {
  return { method, path, auth }
}

export const endpoints = {
  devLogin: endpoint<ResidentLoginResponse, { openid: string }>('POST', '/auth/dev/login', 'none'),
  wechatLogin: endpoint<ResidentLoginResponse, { code: string }>('POST', '/auth/wechat/login', 'none'),
  staffLogin: endpoint<StaffLoginResponse, { username: string; password: string }>('POST', '/auth/staff/login', 'none'),
  me: endpoint<MeResponse>('GET', '/me', 'resident'),
  bindHousehold: endpoint<BindHouseholdResponse, { inviteCode: string }>('POST', '/me/bindings', 'resident'),
  compounds: endpoint<CompoundSummary[]>('GET', '/compounds', 'staff'),
  compoundStructure: endpoint<CompoundStructure>('GET', '/compounds/:compoundId/structure', 'staff'),
  issueInviteCode: endpoint<InviteCodeResponse, { role?: ResidentRole }>('POST', '/households/:householdId/invite-codes', 'staff'),

  // Consultations (API.md, Consultations)
  myConsultations: endpoint<MyConsultation[]>('GET', '/me/consultations', 'resident'),
  consultation: endpoint<ConsultationView>('GET', '/consultations/:consultationId', 'resident'),
  submitResponse: endpoint<SubmitResponseResult, SubmitResponseRequest>('PUT', '/consultations/:consultationId/responses/:householdId', 'resident'),
  staffConsultation: endpoint<ConsultationView>('GET', '/consultations/:consultationId', 'staff'),
  compoundConsultations: endpoint<ConsultationView[]>('GET', '/consultations', 'staff'),
  consultationGroups: endpoint<GroupView[]>('GET', '/consultations/:consultationId/groups', 'staff'),
  outstanding: endpoint<OutstandingUnit[]>('GET', '/consultations/:consultationId/outstanding', 'staff'),
  recordVisit: endpoint<HomeVisitView, HomeVisitRequest>('POST', '/households/:householdId/visits', 'staff'),
  recordPaperResponse: endpoint<SubmitResponseResult, SubmitResponseRequest>('PUT', '/consultations/:consultationId/responses/:householdId', 'staff'),
}
