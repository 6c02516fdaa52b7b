/** Consultation vocabulary shared by server and mini-program (API.md, Consultations). */
export enum ConsultationKind {
  DesignVote = 'DESIGN_VOTE',
  PlumbingApplication = 'PLUMBING_APPLICATION',
  WindowGuardConsent = 'WINDOW_GUARD_CONSENT',
  PropertyServiceAgreement = 'PROPERTY_SERVICE_AGREEMENT',
  FundPledge = 'FUND_PLEDGE',
  SatisfactionSurvey = 'SATISFACTION_SURVEY',
  General = 'GENERAL',
}

export enum DecisionRule {
  Unanimous = 'UNANIMOUS',
  CivilCodeMajor = 'CIVIL_CODE_MAJOR',
  CivilCodeOrdinary = 'CIVIL_CODE_ORDINARY',
  Plurality = 'PLURALITY',
}

export enum GroupBy {
  Unit = 'UNIT',
  Building = 'BUILDING',
  Compound = 'COMPOUND',
}

export enum ConsultationStatus {
  Draft = 'DRAFT',
  Scheduled = 'SCHEDULED',
  Open = 'OPEN',
  Closed = 'CLOSED',
}

export enum GroupState {
  Pending = 'PENDING',
  Reached = 'REACHED',
  Failed = 'FAILED',
}

export enum Answer {
  Agree = 'AGREE',
  Refuse = 'REFUSE',
  Abstain = 'ABSTAIN',
  Option = 'OPTION',
}

export enum AnswerChannel {
  Online = 'ONLINE',
  Paper = 'PAPER',
}
