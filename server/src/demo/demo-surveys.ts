import type { INestApplicationContext } from '@nestjs/common';
import { QuestionKind, SurveyPurpose, type CreateSurveyRequest, type SurveyAnswerItem } from '@linyi/shared';
import { DataSource } from 'typeorm';
import { SurveyAnswersService } from '../surveys/survey-answers.service.js';
import { SurveysService } from '../surveys/surveys.service.js';
import { demoPlacesOf, demoResidentByOpenid, demoStaffActor } from './demo-actors.js';
import { DemoClock, onDemoClock } from './demo-on-clock.js';

/** 问需 before the works: named, answered by 16 households, closed a month ago. */
export const DEMO_NEEDS_SURVEY: Omit<CreateSurveyRequest, 'compoundId' | 'closesAt'> = {
  purpose: SurveyPurpose.Needs,
  title: '光明里小区改造需求调查',
  intro: '小区已纳入老旧小区综合整治项目储备库。为把钱花在大家最需要的地方，请每户填写一份，居委会汇总后据此编制改造方案。',
  anonymous: false,
  questions: [
    {
      id: 'first',
      kind: QuestionKind.Single,
      title: '您家最希望优先改造的是？',
      choices: [
        { id: 'pipes', title: '楼内上下水管线' },
        { id: 'walls', title: '外墙保温' },
        { id: 'lift', title: '加装电梯' },
        { id: 'stairs', title: '楼道照明与粉刷' },
      ],
      required: true,
    },
    {
      id: 'public',
      kind: QuestionKind.Multiple,
      title: '小区公共区域，您认为最需要改善的有（可多选）',
      choices: [
        { id: 'parking', title: '停车' },
        { id: 'green', title: '绿化' },
        { id: 'ramps', title: '无障碍坡道和扶手' },
        { id: 'charging', title: '电动自行车充电' },
        { id: 'waste', title: '垃圾分类站' },
      ],
      required: true,
    },
    { id: 'pipes-now', kind: QuestionKind.Rating, title: '您家现在的上下水管道情况打几分？（1 分很差，5 分很好）', required: true },
    { id: 'other', kind: QuestionKind.Text, title: '其他意见和建议', required: false },
  ],
};

/** 问效 after the works of 1号楼2单元: anonymous, open two more weeks, five answers so far. */
export const DEMO_SATISFACTION_SURVEY: Omit<CreateSurveyRequest, 'compoundId' | 'closesAt'> = {
  purpose: SurveyPurpose.Satisfaction,
  title: '1号楼2单元上下水立管更换满意度调查',
  intro: '1号楼2单元的立管更换已基本完成。本问卷为匿名问卷：居委会只能看到哪些户已填写，看不到每户填了什么。',
  anonymous: true,
  questions: [
    { id: 'quality', kind: QuestionKind.Rating, title: '您对施工质量满意吗？（1 分很不满意，5 分很满意）', required: true },
    { id: 'conduct', kind: QuestionKind.Rating, title: '您对施工队文明施工（噪音、清洁、准时）满意吗？', required: true },
    {
      id: 'notice',
      kind: QuestionKind.Single,
      title: '入户施工前，您是否提前收到了通知？',
      choices: [
        { id: 'early', title: '收到了，提前三天以上' },
        { id: 'late', title: '收到了，但太晚' },
        { id: 'none', title: '没有收到' },
      ],
      required: true,
    },
    { id: 'other', kind: QuestionKind.Text, title: '还有什么意见和建议？', required: false },
  ],
};

const NEEDS_ANSWERS: Array<[first: string, areas: string[], rating: number, text?: string]> = [
  ['pipes', ['parking', 'ramps'], 2, '卫生间下水经常返味，希望先换管子'],
  ['pipes', ['parking'], 1],
  ['lift', ['ramps', 'green'], 3, '家里老人上六楼太难了'],
  ['pipes', ['charging', 'parking'], 2],
  ['walls', ['green'], 3, '冬天北面墙上结露'],
  ['pipes', ['waste', 'parking'], 2],
  ['stairs', ['parking', 'ramps', 'charging'], 4],
  ['pipes', ['parking'], 1, '楼上漏水把我家天花板泡坏了两次'],
  ['lift', ['ramps'], 3],
  ['pipes', ['green', 'waste'], 2],
  ['walls', ['parking', 'green'], 4],
  ['pipes', ['charging'], 2, '电动车在楼道里充电太危险，希望有集中充电棚'],
  ['pipes', ['parking', 'waste'], 1],
  ['stairs', ['ramps'], 3],
  ['pipes', ['parking', 'ramps'], 2],
  ['lift', ['parking'], 3],
];

const SATISFACTION_ANSWERS: Array<[quality: number, conduct: number, notice: string, text?: string]> = [
  [5, 4, 'early', '施工队干活利索，当天就恢复了供水'],
  [4, 3, 'early', '拆管子那天楼道里灰太大'],
  [5, 5, 'early'],
  [3, 2, 'late', '墙面恢复的地方有裂缝，已经报修'],
  [4, 4, 'early'],
];

/** Both surveys of 光明里小区, through the real services on the seeder's clock; answered by owners bound in demo-consultations.ts. */
export async function seedDemoSurveys(app: INestApplicationContext, now: Date): Promise<void> {
  const dataSource = app.get(DataSource);
  const clock = new DemoClock(now);
  const surveys = onDemoClock(app, SurveysService, clock);
  const answers = onDemoClock(app, SurveyAnswersService, clock);
  const committee = await demoStaffActor(dataSource, 'committee-demo');
  const place = await demoPlacesOf(dataSource, '光明里小区');
  const iso = (daysAgo: number) => new Date(now.getTime() - daysAgo * 24 * 3600 * 1000).toISOString();
  const answerAs = async (surveyId: string, householdId: string, items: SurveyAnswerItem[]) =>
    answers.answer(await demoResidentByOpenid(dataSource, `demo-owner-${householdId}`), surveyId, { householdId, answers: items });

  clock.at(45);
  const needs = await surveys.create(committee, { ...DEMO_NEEDS_SURVEY, compoundId: place.compoundId, closesAt: iso(30) });
  await surveys.publish(committee, needs.id);
  // 1号楼1单元 101–502 and 2号楼1单元 101–302: households that answered the plumbing application later.
  const needsRooms = [...['101', '102', '201', '202', '301', '302', '401', '402', '501', '502'].map((room) => place.household('1号楼', '1单元', room)), ...['101', '102', '201', '202', '301', '302'].map((room) => place.household('2号楼', '1单元', room))];
  for (const [i, [first, publicAreas, rating, text]] of NEEDS_ANSWERS.entries()) {
    clock.at(44 - i * 0.5);
    await answerAs(needs.id, needsRooms[i], [
      { questionId: 'first', choiceIds: [first] },
      { questionId: 'public', choiceIds: publicAreas },
      { questionId: 'pipes-now', rating },
      ...(text ? [{ questionId: 'other', text }] : []),
    ]);
  }
  clock.at(31);
  await surveys.close(committee, needs.id);

  clock.at(2);
  const satisfaction = await surveys.create(committee, { ...DEMO_SATISFACTION_SURVEY, compoundId: place.compoundId, closesAt: iso(-14) });
  await surveys.publish(committee, satisfaction.id);
  // 302 (demo-acceptance), 301 (demo-care-water) and 602 (demo-works-booker) are left to answer it.
  const satisfiedRooms = ['101', '102', '401', '402', '502'].map((room) => place.household('1号楼', '2单元', room));
  for (const [i, [quality, conduct, notice, text]] of SATISFACTION_ANSWERS.entries()) {
    clock.at(1.8 - i * 0.3);
    await answerAs(satisfaction.id, satisfiedRooms[i], [
      { questionId: 'quality', rating: quality },
      { questionId: 'conduct', rating: conduct },
      { questionId: 'notice', choiceIds: [notice] },
      ...(text ? [{ questionId: 'other', text }] : []),
    ]);
  }
}
