import { Inject, Injectable } from '@nestjs/common';
import { normaliseQuestions, surveyAcceptsAnswers, surveyProblem, SurveyStatus, type SurveyView } from '@linyi/shared';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor, StaffActor } from '../auth/actor.js';
import { AuditService, compoundChain } from '../audit/audit.service.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { CreateSurveyDto } from './dto/create-survey.dto.js';
import { SurveyAccess } from './survey-access.js';
import { toSurveyView } from './survey.mapper.js';
import { Survey } from './survey.entity.js';

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value), 'utf8').digest('hex');

export const SURVEY_REFUSAL_TEXT = {
  notDraft: '问卷已经发布，不能再次发布',
  pastClosing: '截止时间已过，不能发布：请新建一份问卷',
  draft: '问卷还没有发布，不能结束',
  closed: '问卷已经结束',
} as const;

/** Surveys as the committee and the street author them: draft, publish, close, list. */
@Injectable()
export class SurveysService {
  constructor(
    @Inject(SurveyAccess) private readonly access: SurveyAccess,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async create(actor: StaffActor, dto: CreateSurveyDto): Promise<SurveyView> {
    await this.access.compoundForStaff(actor, dto.compoundId);
    const now = this.clock.stamp();
    const problem = surveyProblem(dto, now);
    if (problem) throw new AppException('SURVEY_INVALID', problem);
    const survey = await this.transactions.run(async (manager) => {
      const row = manager.create(Survey, {
        id: randomUUID(),
        compoundId: dto.compoundId,
        purpose: dto.purpose,
        title: dto.title.trim(),
        intro: dto.intro.trim(),
        anonymous: dto.anonymous,
        questions: normaliseQuestions(dto.questions),
        status: SurveyStatus.Draft,
        closesAt: new Date(Math.floor(new Date(dto.closesAt).getTime() / 1000) * 1000),
        createdByStaffId: actor.id,
        createdAt: now,
        publishedAt: null,
        closedAt: null,
      });
      await manager.insert(Survey, row);
      await this.record(manager, actor, row, 'SURVEY_CREATED', { purpose: row.purpose, anonymous: row.anonymous, questionsSha256: sha256(row.questions), closesAt: row.closesAt.toISOString() }, now);
      return row;
    });
    return toSurveyView(survey, now);
  }

  async publish(actor: StaffActor, surveyId: string): Promise<SurveyView> {
    return this.transition(actor, surveyId, (survey, now) => {
      if (survey.status !== SurveyStatus.Draft) throw new AppException('SURVEY_NOT_DRAFT', SURVEY_REFUSAL_TEXT.notDraft);
      if (survey.closesAt.getTime() <= now.getTime()) throw new AppException('SURVEY_INVALID', SURVEY_REFUSAL_TEXT.pastClosing);
      return { status: SurveyStatus.Open, publishedAt: now, action: 'SURVEY_PUBLISHED' };
    });
  }

  /** Ends answering before the closing time; a survey already past it is closed already. */
  async close(actor: StaffActor, surveyId: string): Promise<SurveyView> {
    return this.transition(actor, surveyId, (survey, now) => {
      if (survey.status === SurveyStatus.Draft) throw new AppException('SURVEY_NOT_OPEN', SURVEY_REFUSAL_TEXT.draft);
      if (!surveyAcceptsAnswers(survey.status, survey.closesAt, now)) throw new AppException('SURVEY_NOT_OPEN', SURVEY_REFUSAL_TEXT.closed);
      return { status: SurveyStatus.Closed, closedAt: now, action: 'SURVEY_CLOSED' };
    });
  }

  /** A compound's surveys, newest first. */
  async forCompound(actor: StaffActor, compoundId: string): Promise<SurveyView[]> {
    await this.access.compoundForStaff(actor, compoundId);
    const surveys = await this.transactions.dataSource.manager.find(Survey, { where: { compoundId }, order: { createdAt: 'DESC', id: 'ASC' } });
    const now = this.clock.now();
    return surveys.map((survey) => toSurveyView(survey, now));
  }

  async view(actor: Actor, surveyId: string): Promise<SurveyView> {
    return toSurveyView(await this.access.forReader(this.transactions.dataSource.manager, actor, surveyId), this.clock.now());
  }

  /** One status change on the locked row, audited on the compound's chain. */
  private async transition(actor: StaffActor, surveyId: string, change: (survey: Survey, now: Date) => Partial<Survey> & { action: string }): Promise<SurveyView> {
    const now = this.clock.stamp();
    const survey = await this.transactions.run(async (manager) => {
      await this.access.forStaff(manager, actor, surveyId);
      const row = await this.transactions.forUpdate(manager.createQueryBuilder(Survey, 's').where('s.id = :id', { id: surveyId })).getOneOrFail();
      const { action, ...fields } = change(row, now);
      await manager.update(Survey, { id: row.id }, fields);
      await this.record(manager, actor, row, action, { status: fields.status }, now);
      return { ...row, ...fields } as Survey;
    });
    return toSurveyView(survey, now);
  }

  private record(manager: EntityManager, actor: StaffActor, survey: Survey, action: string, payload: Record<string, unknown>, at: Date) {
    return this.audit.append(manager, { chainKey: compoundChain(survey.compoundId), action, actor: `staff:${actor.id}`, subjectId: survey.id, payload: { surveyId: survey.id, ...payload }, at });
  }
}
