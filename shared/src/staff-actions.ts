import { StaffRole } from './roles.js';

/**
 * What each staff role may do: the one table the server's route guards and the console's buttons
 * both read, so a screen never offers what the API would refuse with 403.
 */
export enum StaffAction {
  ViewCompounds = 'VIEW_COMPOUNDS',
  ViewStreetDashboard = 'VIEW_STREET_DASHBOARD',
  ViewProgress = 'VIEW_PROGRESS',
  ViewAnswerClasses = 'VIEW_ANSWER_CLASSES',
  ViewHouseholdStates = 'VIEW_HOUSEHOLD_STATES',
  ViewResidentContacts = 'VIEW_RESIDENT_CONTACTS',
  AuthorConsultation = 'AUTHOR_CONSULTATION',
  UploadRoster = 'UPLOAD_ROSTER',
  EditCompoundSettings = 'EDIT_COMPOUND_SETTINGS',
  IssueInviteCode = 'ISSUE_INVITE_CODE',
  ViewChaseList = 'VIEW_CHASE_LIST',
  RecordVisit = 'RECORD_VISIT',
  RecordPaperAnswer = 'RECORD_PAPER_ANSWER',
  ManageReminders = 'MANAGE_REMINDERS',
  ViewUpgrades = 'VIEW_UPGRADES',
  QuoteUpgrade = 'QUOTE_UPGRADE',
  MarkUpgradePaid = 'MARK_UPGRADE_PAID',
  ManageStaffAccounts = 'MANAGE_STAFF_ACCOUNTS',
  ViewAuditCheckpoints = 'VIEW_AUDIT_CHECKPOINTS',
  ScreenHouseholds = 'SCREEN_HOUSEHOLDS',
  ExportScreening = 'EXPORT_SCREENING',
  ViewScreeningCounts = 'VIEW_SCREENING_COUNTS',
  ViewSensitiveAccessLog = 'VIEW_SENSITIVE_ACCESS_LOG',
  ViewWorks = 'VIEW_WORKS',
  ManageWorks = 'MANAGE_WORKS',
  ViewCrewList = 'VIEW_CREW_LIST',
  BookForHousehold = 'BOOK_FOR_HOUSEHOLD',
  InspectWorks = 'INSPECT_WORKS',
  RecordPaperAcceptance = 'RECORD_PAPER_ACCEPTANCE',
  NameOwnerSupervisors = 'NAME_OWNER_SUPERVISORS',
  PublishResults = 'PUBLISH_RESULTS',
  ViewObjections = 'VIEW_OBJECTIONS',
  AnswerObjections = 'ANSWER_OBJECTIONS',
  PrintRecords = 'PRINT_RECORDS',
  ViewBoards = 'VIEW_BOARDS',
  EditBoards = 'EDIT_BOARDS',
  ViewComplaints = 'VIEW_COMPLAINTS',
  ReplyComplaints = 'REPLY_COMPLAINTS',
  AuthorSurvey = 'AUTHOR_SURVEY',
  ViewSurveyResults = 'VIEW_SURVEY_RESULTS',
  ViewPipeline = 'VIEW_PIPELINE',
  ManagePipeline = 'MANAGE_PIPELINE',
}

const { Committee, Street, Contractor, Admin } = StaffRole;
const ORGANISERS = [Committee, Street, Admin];

export const ROLES_FOR: Record<StaffAction, readonly StaffRole[]> = {
  [StaffAction.ViewCompounds]: [Committee, Street, Contractor, Admin],
  [StaffAction.ViewStreetDashboard]: [Street, Admin],
  [StaffAction.ViewProgress]: [Committee, Street, Contractor, Admin],
  [StaffAction.ViewAnswerClasses]: ORGANISERS,
  [StaffAction.ViewHouseholdStates]: ORGANISERS,
  // Owners' names and phones in the roster are for the committee that keeps it; others see them masked.
  [StaffAction.ViewResidentContacts]: [Committee],
  [StaffAction.AuthorConsultation]: ORGANISERS,
  [StaffAction.UploadRoster]: ORGANISERS,
  [StaffAction.EditCompoundSettings]: ORGANISERS,
  [StaffAction.IssueInviteCode]: ORGANISERS,
  [StaffAction.ViewChaseList]: ORGANISERS,
  [StaffAction.RecordVisit]: ORGANISERS,
  [StaffAction.RecordPaperAnswer]: ORGANISERS,
  [StaffAction.ManageReminders]: ORGANISERS,
  [StaffAction.ViewUpgrades]: [Committee, Street, Contractor, Admin],
  [StaffAction.QuoteUpgrade]: [Committee, Street, Contractor, Admin],
  [StaffAction.MarkUpgradePaid]: ORGANISERS,
  [StaffAction.ManageStaffAccounts]: [Street, Admin],
  [StaffAction.ViewAuditCheckpoints]: [Street, Admin],
  // Health and disability (PIPL art. 28): the committee and the street office that screen, nobody else.
  [StaffAction.ScreenHouseholds]: [Committee, Street],
  // The XLSX is for the committee's own use (minimum necessary, PIPL art. 6).
  [StaffAction.ExportScreening]: [Committee],
  // Counts per unit carry no personal details: the contractor plans its crew with them.
  [StaffAction.ViewScreeningCounts]: [Committee, Street, Contractor, Admin],
  [StaffAction.ViewSensitiveAccessLog]: [Street],
  // Plans, windows and the stairwell notice carry no personal details.
  [StaffAction.ViewWorks]: [Committee, Street, Contractor, Admin],
  // The compound's contractor plans the works; the committee may do it for them (API.md).
  [StaffAction.ManageWorks]: [Contractor, Committee],
  // Who is home when, their phone and the crew's line of the care plan: the crew and the committee that mobilises.
  [StaffAction.ViewCrewList]: [Contractor, Committee],
  // For a household that cannot use a phone: the committee that knows it, nobody else.
  [StaffAction.BookForHousehold]: [Committee],
  // The tests in the flat and repairs under warranty are the contractor's to record, and theirs alone (API.md).
  [StaffAction.InspectWorks]: [Contractor],
  // A paper acceptance form signed by a resident without a phone, entered with its scan by the committee that collected it.
  [StaffAction.RecordPaperAcceptance]: [Committee],
  // The two owners chosen as supervisors (seed 002 §五(五)3) are named by the committee.
  [StaffAction.NameOwnerSupervisors]: [Committee],
  // The preliminary and the final result are published by the committee or the street office (API.md).
  [StaffAction.PublishResults]: [Committee, Street],
  // Street staff see the open objections of their compounds; answering them is the committee's.
  [StaffAction.ViewObjections]: [Committee, Street],
  [StaffAction.AnswerObjections]: [Committee],
  // Signed applications and refusal notices carry signatures: the committee and the street office only.
  [StaffAction.PrintRecords]: [Committee, Street],
  [StaffAction.ViewBoards]: [Committee, Street, Contractor, Admin],
  // Materials and responsible parties are the contractor's to post; the committee may do it for them.
  [StaffAction.EditBoards]: [Committee, Contractor],
  // A complaint names the household: the committee that answers and the street office that watches.
  [StaffAction.ViewComplaints]: [Committee, Street],
  [StaffAction.ReplyComplaints]: [Committee],
  [StaffAction.AuthorSurvey]: [Committee, Street],
  [StaffAction.ViewSurveyResults]: [Committee, Street],
  // Stage and gates carry no personal details: whoever works on the compound may see them.
  [StaffAction.ViewPipeline]: [Committee, Street, Contractor, Admin],
  // The street office is the accountable party (seed 000 §三(九)): it moves stages and records the gates.
  [StaffAction.ManagePipeline]: [Street],
};

/** The committee's own work: street and admin staff may do it as supervisors, and the console says so. */
const COMMITTEE_WORK: ReadonlySet<StaffAction> = new Set([
  StaffAction.AuthorConsultation,
  StaffAction.UploadRoster,
  StaffAction.EditCompoundSettings,
  StaffAction.IssueInviteCode,
  StaffAction.RecordVisit,
  StaffAction.RecordPaperAnswer,
  StaffAction.ManageReminders,
  StaffAction.MarkUpgradePaid,
]);

export function can(role: StaffRole, action: StaffAction): boolean {
  return ROLES_FOR[action].includes(role);
}

/** True when `role` may do the committee's `action` on its behalf (the button is labelled 代居委会). */
export function actsForCommittee(role: StaffRole, action: StaffAction): boolean {
  return role !== Committee && COMMITTEE_WORK.has(action) && can(role, action);
}

/** Spread into a route guard: `@StaffOnly(...rolesFor(StaffAction.RecordVisit))`. */
export function rolesFor(action: StaffAction): StaffRole[] {
  return [...ROLES_FOR[action]];
}
