import { checkAnswers, QuestionKind, resultsWithheld, surveyAcceptsAnswers, surveyProblem, surveyStatusAt, SurveyStatus, tallySurvey, type SurveyQuestion } from './surveys.js';

const now = new Date('2026-12-01T02:00:00Z');
const later = '2026-12-20T10:00:00+08:00';
const QUESTIONS: SurveyQuestion[] = [
  { id: 'need', kind: QuestionKind.Single, title: '最想改造什么？', required: true, choices: [{ id: 'pipes', title: '上下水' }, { id: 'lift', title: '加装电梯' }, { id: 'roof', title: '屋面防水' }] },
  { id: 'also', kind: QuestionKind.Multiple, title: '还有哪些？', required: false, choices: [{ id: 'light', title: '楼道灯' }, { id: 'park', title: '停车' }, { id: 'bike', title: '充电桩' }] },
  { id: 'score', kind: QuestionKind.Rating, title: '对施工打分', required: true },
  { id: 'say', kind: QuestionKind.Text, title: '其他意见', required: false },
];

describe('survey rules', () => {
  it('takes a well-formed survey', () => {
    expect(surveyProblem({ questions: QUESTIONS, closesAt: later }, now)).toBeNull();
  });

  it('names the question that is wrong', () => {
    const single = QUESTIONS[0];
    const cases: Array<[SurveyQuestion[], string, RegExp]> = [
      [[], later, /至少要有一道题/],
      [QUESTIONS, '2026-12-01T09:59:00+08:00', /截止时间应晚于现在/],
      [[single, { ...QUESTIONS[1], id: 'need' }], later, /第 2 题的编号与前面的题重复/],
      [[single, { ...QUESTIONS[2], title: '  ' }], later, /第 2 题没有题目/],
      [[{ ...single, choices: [{ id: 'a', title: '一' }] }], later, /第 1 题是单选题，至少要有两个选项/],
      [[{ ...single, choices: undefined }], later, /至少要有两个选项/],
      [[{ ...single, choices: [{ id: 'a', title: '一' }, { id: 'a', title: '二' }] }], later, /重复的选项编号/],
      [[{ ...single, choices: [{ id: 'a', title: '一' }, { id: 'b', title: ' 一 ' }] }], later, /两个相同的选项/],
      [[{ ...single, choices: [{ id: 'a', title: '一' }, { id: 'b', title: ' ' }] }], later, /空白的选项/],
      [[single, { ...QUESTIONS[2], choices: [{ id: 'a', title: '一' }] }], later, /第 2 题是打分（1–5）题，不需要选项/],
    ];
    for (const [questions, closesAt, message] of cases) expect(surveyProblem({ questions, closesAt }, now)).toMatch(message);
  });

  it('returns answers in question order, trimmed, with choices in the survey order', () => {
    const checked = checkAnswers(QUESTIONS, [
      { questionId: 'say', text: '  楼道太暗  ' },
      { questionId: 'score', rating: 4 },
      { questionId: 'also', choiceIds: ['bike', 'light'] },
      { questionId: 'need', choiceIds: ['lift'] },
    ]);
    expect(checked).toEqual({
      answers: [
        { questionId: 'need', choiceIds: ['lift'] },
        { questionId: 'also', choiceIds: ['light', 'bike'] },
        { questionId: 'score', rating: 4 },
        { questionId: 'say', text: '楼道太暗' },
      ],
    });
  });

  it('treats a blank text or no choice as no answer, refused only for a required question', () => {
    expect(checkAnswers(QUESTIONS, [{ questionId: 'need', choiceIds: ['pipes'] }, { questionId: 'score', rating: 5 }, { questionId: 'say', text: '   ' }, { questionId: 'also', choiceIds: [] }])).toEqual({
      answers: [{ questionId: 'need', choiceIds: ['pipes'] }, { questionId: 'score', rating: 5 }],
    });
    expect(checkAnswers(QUESTIONS, [{ questionId: 'need', choiceIds: [] }, { questionId: 'score', rating: 5 }])).toEqual({ problem: '请回答第 1 题：最想改造什么？' });
  });

  it('refuses answers that do not fit the question', () => {
    const ok = [{ questionId: 'need', choiceIds: ['pipes'] }, { questionId: 'score', rating: 3 }];
    const cases: Array<[object[], RegExp]> = [
      [[ok[0]], /请回答第 3 题/],
      [[...ok, { questionId: 'nope', text: 'x' }], /没有编号为 nope 的题/],
      [[...ok, { questionId: 'score', rating: 4 }], /第 3 题回答了两次/],
      [[{ questionId: 'need', choiceIds: ['pipes', 'lift'] }, ok[1]], /单选题，只能选一项/],
      [[{ questionId: 'need', choiceIds: ['moon'] }, ok[1]], /第 1 题选了不存在的选项/],
      [[ok[0], ok[1], { questionId: 'also', choiceIds: ['park', 'park'] }], /同一个选项选了两次/],
      [[ok[0], { questionId: 'score', rating: 6 }], /请打 1 到 5 分/],
      [[ok[0], { questionId: 'score', rating: 2.5 }], /请打 1 到 5 分/],
      [[ok[0], { questionId: 'score', rating: 0 }], /请打 1 到 5 分/],
      [[ok[0], { questionId: 'score', text: '5' }], /第 3 题是打分（1–5）题，答案的格式不对/],
      [[{ questionId: 'need', choiceIds: ['pipes'], rating: 1 }, ok[1]], /第 1 题是单选题，答案的格式不对/],
      [[...ok, { questionId: 'say', text: '长'.repeat(501) }], /最多 500 个字/],
    ];
    for (const [answers, message] of cases) expect(checkAnswers(QUESTIONS, answers as never)).toEqual({ problem: expect.stringMatching(message) });
  });

  it('takes answers only while open and before the closing time', () => {
    expect(surveyAcceptsAnswers(SurveyStatus.Open, later, now)).toBe(true);
    expect(surveyAcceptsAnswers(SurveyStatus.Open, now.toISOString(), now)).toBe(false);
    expect(surveyAcceptsAnswers(SurveyStatus.Draft, later, now)).toBe(false);
    expect(surveyAcceptsAnswers(SurveyStatus.Closed, later, now)).toBe(false);
    expect(surveyStatusAt(SurveyStatus.Open, now.toISOString(), now)).toBe(SurveyStatus.Closed);
    expect(surveyStatusAt(SurveyStatus.Open, later, now)).toBe(SurveyStatus.Open);
    expect(surveyStatusAt(SurveyStatus.Draft, now.toISOString(), now)).toBe(SurveyStatus.Draft);
  });

  it('tallies per question, sorts texts by content and labels them only on a named survey', () => {
    const stored = [
      { householdLabel: '1-101', answers: [{ questionId: 'need', choiceIds: ['lift'] }, { questionId: 'also', choiceIds: ['light', 'park'] }, { questionId: 'score', rating: 5 }, { questionId: 'say', text: '装电梯' }] },
      { householdLabel: '1-102', answers: [{ questionId: 'need', choiceIds: ['pipes'] }, { questionId: 'score', rating: 4 }, { questionId: 'say', text: '停车难' }] },
      { householdLabel: '1-201', answers: [{ questionId: 'need', choiceIds: ['lift'] }, { questionId: 'also', choiceIds: ['park'] }, { questionId: 'score', rating: 4 }] },
    ];
    const named = tallySurvey({ id: 's', anonymous: false, questions: QUESTIONS, status: SurveyStatus.Open }, stored, 12);
    expect(named).toMatchObject({ surveyId: 's', anonymous: false, households: 12, respondents: 3 });
    expect(named.withheld).toBeUndefined();
    const [need, also, score, say] = named.questions;
    expect(need).toEqual({ questionId: 'need', kind: 'SINGLE', title: '最想改造什么？', answered: 3, choices: [{ choiceId: 'pipes', title: '上下水', count: 1 }, { choiceId: 'lift', title: '加装电梯', count: 2 }, { choiceId: 'roof', title: '屋面防水', count: 0 }] });
    expect(also.answered).toBe(2);
    expect(also.choices!.map((c) => c.count)).toEqual([1, 2, 0]);
    expect(score).toMatchObject({ answered: 3, average: 4.33, ratings: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: rating === 4 ? 2 : rating === 5 ? 1 : 0 })) });
    expect(say.texts).toEqual([...say.texts!].sort((a, b) => (a.text < b.text ? -1 : 1)));
    expect(say.texts!.map((t) => [t.text, t.householdLabel]).sort()).toEqual([['停车难', '1-102'], ['装电梯', '1-101']]);

    const closedAnonymous = tallySurvey({ id: 's', anonymous: true, questions: QUESTIONS, status: SurveyStatus.Closed }, stored, 12);
    expect(closedAnonymous.questions[3].texts!.every((t) => t.householdLabel === null)).toBe(true);
    expect(closedAnonymous.questions[2].average).toBe(4.33);
  });

  it('keeps an open anonymous survey\'s tallies back until it closes, and gives an empty survey no average', () => {
    expect(resultsWithheld(true, SurveyStatus.Open)).toBe(true);
    expect(resultsWithheld(true, SurveyStatus.Closed)).toBe(false);
    expect(resultsWithheld(false, SurveyStatus.Open)).toBe(false);
    const open = tallySurvey({ id: 's', anonymous: true, questions: QUESTIONS, status: SurveyStatus.Open }, [{ householdLabel: null, answers: [{ questionId: 'score', rating: 1 }] }], 5);
    expect(open).toEqual({ surveyId: 's', anonymous: true, households: 5, respondents: 1, questions: [], withheld: true });
    const empty = tallySurvey({ id: 's', anonymous: false, questions: QUESTIONS, status: SurveyStatus.Closed }, [], 5);
    expect(empty.questions[2]).toMatchObject({ answered: 0, average: null });
    expect(empty.questions[3].texts).toEqual([]);
  });
});
