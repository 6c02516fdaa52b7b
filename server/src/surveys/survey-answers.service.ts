import { Inject, Injectable } from '@nestjs/common';
import { checkAnswers, surveyAcceptsAnswers, surveyStatusAt, SurveyStatus, tallySurvey, type MySurvey, type SurveyAnswerReceipt, type SurveyResults } from '@linyi/shared';
import { createHash, randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { ResidentActor, StaffActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { appendHouseholdEntry } from '../audit/household-chain.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { isUniqueViolation, type UniqueIndex } from '../database/unique-violation.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import type { SurveyAnswerDto } from './dto/survey-answer.dto.js';
import { SurveyAccess } from './survey-access.js';
import { SurveyAnswer } from './survey-answer.entity.js';
import { SurveyParticipation } from './survey-participation.entity.js';
import { toSurveyView } from './survey.mapper.js';
import { Survey } from './survey.entity.js';

const PARTICIPATION_INDEX: UniqueIndex = { name: 'uq_survey_participation', columns: 'survey_participation.surveyId, survey_participation.householdId' };
export const ALREADY_ANSWERED_TEXT = '这户已经填过这份问卷了，每户只能填一次';
export const NOT_OPEN_TEXT = '问卷已经结束，不能再填写';

/** Households answer once; an anonymous survey's answer is written with nothing that leads back to the household. */
@Injectable()
export class SurveyAnswersService {
  constructor(
    @Inject(SurveyAccess) private readonly access: SurveyAccess,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async answer(actor: ResidentActor, surveyId: string, dto: SurveyAnswerDto): Promise<SurveyAnswerReceipt> {
    const manager = this.transactions.dataSource.manager;
    const survey = await this.access.forReader(manager, actor, surveyId);
    const household = await this.access.householdForAnswer(actor, survey, dto.householdId);
    const now = this.clock.stamp();
    if (!surveyAcceptsAnswers(survey.status, survey.closesAt, now)) throw new AppException('SURVEY_NOT_OPEN', NOT_OPEN_TEXT);
    const checked = checkAnswers(survey.questions, dto.answers);
    if ('problem' in checked) throw new AppException('SURVEY_ANSWER_INVALID', checked.problem);
    try {
      await this.transactions.run(async (tx) => {
        // The unique key on (survey, household) is what makes it once: two residents of one flat answering together get one 201.
        await tx.insert(SurveyParticipation, { id: randomUUID(), surveyId, householdId: household.id, residentId: actor.id, answeredAt: now });
        await tx.insert(SurveyAnswer, { id: randomUUID(), surveyId, answers: checked.answers, householdId: survey.anonymous ? null : household.id });
        // Anonymous: that the household took part, never what it said (a hash of a few ticked boxes is easily guessed).
        const content = survey.anonymous ? {} : { answersSha256: createHash('sha256').update(JSON.stringify(checked.answers), 'utf8').digest('hex') };
        await appendHouseholdEntry(this.audit, tx, { actor, householdId: household.id, action: 'SURVEY_ANSWERED', payload: { surveyId, anonymous: survey.anonymous, ...content }, at: now });
      });
    } catch (error) {
      if (isUniqueViolation(error, PARTICIPATION_INDEX)) throw new AppException('SURVEY_ALREADY_ANSWERED', ALREADY_ANSWERED_TEXT);
      throw error;
    }
    return { surveyId, householdId: household.id, answeredAt: now.toISOString() };
  }

  /** Published surveys of the compounds of every household the resident is bound to, one line per household; open ones first. */
  async mine(actor: ResidentActor): Promise<MySurvey[]> {
    const manager = this.transactions.dataSource.manager;
    const householdIds = (await manager.find(HouseholdMember, { select: { householdId: true }, where: { residentId: actor.id } })).map((m) => m.householdId);
    if (!householdIds.length) return [];
    const households = await manager.find(Household, { select: { id: true, label: true, compoundId: true }, where: { id: In(householdIds) }, order: { label: 'ASC' } });
    const surveys = await manager.find(Survey, { where: { compoundId: In([...new Set(households.map((h) => h.compoundId))]), status: In([SurveyStatus.Open, SurveyStatus.Closed]) } });
    if (!surveys.length) return [];
    const answered = await manager.find(SurveyParticipation, { select: { surveyId: true, householdId: true }, where: { surveyId: In(surveys.map((s) => s.id)), householdId: In(householdIds) } });
    const done = new Set(answered.map((p) => `${p.surveyId}/${p.householdId}`));
    const now = this.clock.now();
    const open = (s: Survey) => surveyStatusAt(s.status, s.closesAt, now) === SurveyStatus.Open;
    const ordered = [...surveys].sort((a, b) => Number(open(b)) - Number(open(a)) || (open(a) ? a.closesAt.getTime() - b.closesAt.getTime() : b.closesAt.getTime() - a.closesAt.getTime()) || a.id.localeCompare(b.id));
    return ordered.flatMap((survey) =>
      households.filter((h) => h.compoundId === survey.compoundId).map((h) => ({ survey: toSurveyView(survey, now), householdId: h.id, householdLabel: h.label, answered: done.has(`${survey.id}/${h.id}`) })),
    );
  }

  /** Results per question; household labels on named surveys only, and an open anonymous survey's tallies wait for its close. */
  async results(actor: StaffActor, surveyId: string): Promise<SurveyResults> {
    const manager = this.transactions.dataSource.manager;
    const survey = await this.access.forStaff(manager, actor, surveyId);
    if (survey.status === SurveyStatus.Draft) throw notFound('问卷结果');
    const stored = await manager.find(SurveyAnswer, { where: { surveyId } });
    const named = survey.anonymous ? [] : [...new Set(stored.map((a) => a.householdId).filter((id): id is string => id !== null))];
    const labels = new Map((named.length ? await manager.find(Household, { select: { id: true, label: true }, where: { id: In(named) } }) : []).map((h) => [h.id, h.label]));
    const households = await manager.count(Household, { where: { compoundId: survey.compoundId } });
    const status = surveyStatusAt(survey.status, survey.closesAt, this.clock.now());
    return tallySurvey(
      { id: survey.id, anonymous: survey.anonymous, questions: survey.questions, status },
      stored.map((a) => ({ answers: a.answers, householdLabel: a.householdId ? (labels.get(a.householdId) ?? null) : null })),
      households,
    );
  }
}
