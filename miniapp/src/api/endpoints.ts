import type {
  AcceptanceProgressView,
  AcceptanceRequest,
  AcceptanceResult,
  HouseholdAcceptanceView,
  InspectionCreated,
  InspectionRequest,
  OwnerSupervisorView,
  OwnerSupervisorsRequest,
  RepairAcceptanceRequest,
  RepairCreated,
  RepairDoneRequest,
  RepairRequest,
  RepairStatus,
  RepairView,
  SignOffRequest,
  SupervisionPlan,
  SupervisorSignOffView,
  WarrantyView,
} from '@linyi/shared'
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
import type {
  InboxMessage,
  MarkReadResult,
  NudgeResult,
  ReminderOverview,
  ReminderPolicy,
  ReminderPolicyChanges,
  RetryResult,
  SubscribeResults,
  SubscriptionTemplates,
  SubscriptionsRecorded,
  UnreadCount,
} from './reminder-types'
import type {
  AnswerHistory,
  AssignableScope,
  CompoundHouseholds,
  CompoundSettings,
  ConsultationHouseholds,
  ConsultationTrend,
  CreateConsultationRequest,
  CreateStaffAccountRequest,
  StaffAccountView,
  StaffView,
  StreetOfficeSummary,
  StreetStatus,
  UpdateCompoundSettingsRequest,
  UpdateStaffAccountRequest,
  UpdateStaffAccountResponse,
  UpgradeView,
} from '@linyi/shared'
import type {
  CarePlanRequest,
  MyScreeningView,
  ScreeningConsentRequest,
  ScreeningRequest,
  ScreeningView,
  SensitiveAccessEntry,
  UnitScreeningList,
  UnitScreeningSummary,
} from '@linyi/shared'
import type {
  BookingRequest,
  BookingView,
  CreateWorkPlanRequest,
  CreateWorkWindowRequest,
  CrewList,
  MyWorkPlan,
  UpdateWorkPlanRequest,
  WorkPlanSummary,
  WorkPlanView,
  WorkWindowView,
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

export function endpoint<Res, Body = undefined>(method: HttpMethod, path: string, auth: AuthKind): Endpoint<Res, Body> {
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

  // Inbox and subscribe messages (resident)
  myInbox: endpoint<InboxMessage[]>('GET', '/me/inbox', 'resident'),
  myUnreadCount: endpoint<UnreadCount>('GET', '/me/inbox/unread-count', 'resident'),
  markInboxRead: endpoint<MarkReadResult>('POST', '/inbox/:messageId/read', 'resident'),
  subscriptionTemplates: endpoint<SubscriptionTemplates>('GET', '/me/subscriptions/templates', 'resident'),
  recordSubscriptions: endpoint<SubscriptionsRecorded, { results: SubscribeResults }>('POST', '/me/subscriptions', 'resident'),

  // Reminders (committee staff)
  reminders: endpoint<ReminderOverview>('GET', '/consultations/:consultationId/reminders', 'staff'),
  updateReminderPolicy: endpoint<ReminderPolicy, ReminderPolicyChanges>('PUT', '/consultations/:consultationId/reminder-policy', 'staff'),
  pauseReminders: endpoint<ReminderPolicy>('POST', '/consultations/:consultationId/reminders/pause', 'staff'),
  resumeReminders: endpoint<ReminderPolicy>('POST', '/consultations/:consultationId/reminders/resume', 'staff'),
  retryReminder: endpoint<RetryResult>('POST', '/consultations/:consultationId/reminders/:reminderId/retry', 'staff'),
  nudgeHousehold: endpoint<NudgeResult, { consultationId: string }>('POST', '/households/:householdId/nudge', 'staff'),
  staffInbox: endpoint<InboxMessage[]>('GET', '/staff/inbox', 'staff'),

  // Staff console (issue 8)
  staffMe: endpoint<StaffView>('GET', '/staff/me', 'staff'),
  streetOffices: endpoint<StreetOfficeSummary[]>('GET', '/street-offices', 'staff'),
  streetStatus: endpoint<StreetStatus>('GET', '/street-offices/:streetOfficeId/status', 'staff'),
  consultationTrend: endpoint<ConsultationTrend>('GET', '/consultations/:consultationId/trend', 'staff'),
  consultationHouseholds: endpoint<ConsultationHouseholds>('GET', '/consultations/:consultationId/households', 'staff'),
  compoundHouseholds: endpoint<CompoundHouseholds>('GET', '/compounds/:compoundId/households', 'staff'),
  compoundSettings: endpoint<CompoundSettings>('GET', '/compounds/:compoundId/settings', 'staff'),
  updateCompoundSettings: endpoint<CompoundSettings, UpdateCompoundSettingsRequest>('PUT', '/compounds/:compoundId/settings', 'staff'),
  createConsultation: endpoint<ConsultationView, CreateConsultationRequest>('POST', '/consultations', 'staff'),
  publishConsultation: endpoint<ConsultationView>('POST', '/consultations/:consultationId/publish', 'staff'),
  householdVisits: endpoint<HomeVisitView[]>('GET', '/households/:householdId/visits', 'staff'),
  staffAnswerHistory: endpoint<AnswerHistory>('GET', '/consultations/:consultationId/responses/:householdId', 'staff'),
  myAnswerHistory: endpoint<AnswerHistory>('GET', '/consultations/:consultationId/responses/:householdId', 'resident'),
  upgrades: endpoint<UpgradeView[]>('GET', '/consultations/:consultationId/upgrades', 'staff'),
  staffAccounts: endpoint<StaffAccountView[]>('GET', '/staff-accounts', 'staff'),
  assignableScopes: endpoint<AssignableScope[]>('GET', '/staff-accounts/scopes', 'staff'),
  createStaffAccount: endpoint<StaffAccountView, CreateStaffAccountRequest>('POST', '/staff-accounts', 'staff'),
  updateStaffAccount: endpoint<UpdateStaffAccountResponse, UpdateStaffAccountRequest>('PATCH', '/staff-accounts/:accountId', 'staff'),

  // Special needs and care plans (issue 9): staff
  compoundScreening: endpoint<UnitScreeningSummary[]>('GET', '/compounds/:compoundId/screening', 'staff'),
  unitScreening: endpoint<UnitScreeningList>('GET', '/units/:unitId/screening', 'staff'),
  householdScreening: endpoint<ScreeningView>('GET', '/households/:householdId/screening', 'staff'),
  recordScreening: endpoint<ScreeningView, ScreeningRequest>('PUT', '/households/:householdId/screening', 'staff'),
  saveCarePlan: endpoint<ScreeningView, CarePlanRequest>('PUT', '/households/:householdId/care-plan', 'staff'),
  sensitiveAccessLog: endpoint<SensitiveAccessEntry[]>('GET', '/street-offices/:streetOfficeId/sensitive-access-log', 'staff'),
  // Special needs: the resident's own household
  myScreening: endpoint<MyScreeningView>('GET', '/me/households/:householdId/screening', 'resident'),
  giveScreeningConsent: endpoint<MyScreeningView, ScreeningConsentRequest>('POST', '/me/households/:householdId/screening/consent', 'resident'),
  withdrawScreening: endpoint<MyScreeningView>('DELETE', '/me/households/:householdId/screening', 'resident'),

  // In-home works and booking (issue 10): contractor and committee
  workPlans: endpoint<WorkPlanSummary[]>('GET', '/work-plans', 'staff'),
  createWorkPlan: endpoint<WorkPlanView, CreateWorkPlanRequest>('POST', '/work-plans', 'staff'),
  workPlan: endpoint<WorkPlanView>('GET', '/work-plans/:workPlanId', 'staff'),
  updateWorkPlan: endpoint<WorkPlanView, UpdateWorkPlanRequest>('PATCH', '/work-plans/:workPlanId', 'staff'),
  discardWorkPlan: endpoint<{ deleted: true }>('DELETE', '/work-plans/:workPlanId', 'staff'),
  addWorkWindow: endpoint<WorkWindowView, CreateWorkWindowRequest>('POST', '/work-plans/:workPlanId/windows', 'staff'),
  removeWorkWindow: endpoint<{ deleted: true }>('DELETE', '/work-plans/:workPlanId/windows/:windowId', 'staff'),
  publishWorkPlan: endpoint<WorkPlanView>('POST', '/work-plans/:workPlanId/publish', 'staff'),
  crewList: endpoint<CrewList>('GET', '/work-plans/:workPlanId/bookings', 'staff'),
  // Booking: the bound resident, or committee staff for the household
  myWorkWindows: endpoint<MyWorkPlan[]>('GET', '/me/work-windows', 'resident'),
  bookWindow: endpoint<BookingView, BookingRequest>('PUT', '/households/:householdId/booking', 'resident'),
  cancelBooking: endpoint<{ cancelled: true }>('DELETE', '/households/:householdId/booking', 'resident'),
  staffBookWindow: endpoint<BookingView, BookingRequest>('PUT', '/households/:householdId/booking', 'staff'),
  staffCancelBooking: endpoint<{ cancelled: true }>('DELETE', '/households/:householdId/booking', 'staff'),
  // Acceptance and warranty (issue 11)
  recordInspection: endpoint<InspectionCreated, InspectionRequest>('POST', '/households/:householdId/inspections', 'staff'),
  staffAcceptance: endpoint<HouseholdAcceptanceView>('GET', '/households/:householdId/acceptance', 'staff'),
  paperAcceptance: endpoint<AcceptanceResult, AcceptanceRequest>('PUT', '/households/:householdId/acceptance', 'staff'),
  acceptanceProgress: endpoint<AcceptanceProgressView>('GET', '/work-plans/:workPlanId/acceptance', 'staff'),
  ownerSupervisors: endpoint<OwnerSupervisorView[]>('GET', '/compounds/:compoundId/owner-supervisors', 'staff'),
  setOwnerSupervisors: endpoint<OwnerSupervisorView[], OwnerSupervisorsRequest>('PUT', '/compounds/:compoundId/owner-supervisors', 'staff'),
  planRepairs: endpoint<RepairView[]>('GET', '/work-plans/:workPlanId/repairs', 'staff'),
  staffHouseholdRepairs: endpoint<RepairView[]>('GET', '/households/:householdId/repairs', 'staff'),
  repairDone: endpoint<{ status: RepairStatus; passed: boolean }, RepairDoneRequest>('POST', '/households/:householdId/repairs/:repairId/done', 'staff'),
  staffWarranty: endpoint<WarrantyView>('GET', '/households/:householdId/warranty', 'staff'),
  myAcceptance: endpoint<HouseholdAcceptanceView>('GET', '/households/:householdId/acceptance', 'resident'),
  acceptWorks: endpoint<AcceptanceResult, AcceptanceRequest>('PUT', '/households/:householdId/acceptance', 'resident'),
  myWarranty: endpoint<WarrantyView>('GET', '/households/:householdId/warranty', 'resident'),
  myRepairs: endpoint<RepairView[]>('GET', '/households/:householdId/repairs', 'resident'),
  reportRepair: endpoint<RepairCreated, RepairRequest>('POST', '/households/:householdId/repairs', 'resident'),
  acceptRepair: endpoint<{ status: RepairStatus }, RepairAcceptanceRequest>('PUT', '/households/:householdId/repairs/:repairId/acceptance', 'resident'),
  mySupervision: endpoint<SupervisionPlan[]>('GET', '/me/supervision', 'resident'),
  signOff: endpoint<SupervisorSignOffView, SignOffRequest>('POST', '/households/:householdId/acceptance/sign-offs', 'resident'),
}
