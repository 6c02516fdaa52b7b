import { ConsultationKind, ConsultationStatus, DecisionRule, GroupBy, PLUMBING_DISCLOSURES, type CreateConsultationRequest } from '@linyi/shared';
import { answerWindow, consultationProblems, consultationTextSha256, defaultsFor, MIN_CONSULTATION_MS, ownerKey, publishedStatus, tallyShard } from './consultation.rules.js';

const now = new Date('2026-03-01T02:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
const HOUR = 3600 * 1000;

const general: CreateConsultationRequest = {
  compoundId: 'c',
  kind: ConsultationKind.General,
  title: '公共区域改造意见',
  body: '正文',
  rule: DecisionRule.CivilCodeOrdinary,
  groupBy: GroupBy.Building,
  opensAt: at(0),
  deadline: at(MIN_CONSULTATION_MS),
};
const plumbing: CreateConsultationRequest = { ...general, kind: ConsultationKind.PlumbingApplication, rule: DecisionRule.Unanimous, groupBy: GroupBy.Unit };

describe('problems with a new consultation', () => {
  it('has none for a well-formed consultation of exactly one day', () => {
    expect(consultationProblems(general, now)).toEqual([]);
    expect(consultationProblems(plumbing, now)).toEqual([]);
  });

  it('wants at least a day between opening and deadline, to the millisecond', () => {
    expect(consultationProblems({ ...general, deadline: at(MIN_CONSULTATION_MS - 1) }, now)).toEqual(['截止时间至少要在开始时间一天之后，给居民留出协商时间']);
  });

  it('refuses a deadline already past, and one exactly now', () => {
    const past = { ...general, opensAt: at(-3 * MIN_CONSULTATION_MS), deadline: at(-1) };
    expect(consultationProblems(past, now)).toEqual(['截止时间已经过去']);
    expect(consultationProblems({ ...past, deadline: at(0) }, now)).toContain('截止时间已经过去');
    expect(consultationProblems({ ...past, deadline: at(1) }, now)).toEqual([]);
  });

  it('holds a plumbing application to unanimity per unit, naming both problems at once', () => {
    expect(consultationProblems({ ...plumbing, rule: DecisionRule.CivilCodeMajor, groupBy: GroupBy.Building }, now)).toEqual([
      '楼内上下水管线改造申请必须采用“全体同意”（UNANIMOUS）规则',
      '楼内上下水管线改造申请必须按单元（UNIT）统计',
    ]);
  });

  it('counts window guard consents per building', () => {
    const guards = { ...general, kind: ConsultationKind.WindowGuardConsent };
    expect(consultationProblems(guards, now)).toEqual([]);
    expect(consultationProblems({ ...guards, groupBy: GroupBy.Unit }, now)).toEqual(['拆除外窗护栏征询应按楼栋（BUILDING）统计']);
  });

  it('wants two options or more for a design vote, and options only there, each id once', () => {
    const vote = { ...general, kind: ConsultationKind.DesignVote, rule: DecisionRule.Plurality, groupBy: GroupBy.Compound };
    const option = (id: string) => ({ id, title: id, description: '' });
    expect(consultationProblems({ ...vote, options: [option('a')] }, now)).toEqual(['方案投票至少需要两个方案']);
    expect(consultationProblems(vote, now)).toEqual(['方案投票至少需要两个方案']);
    expect(consultationProblems({ ...vote, options: [option('a'), option('b')] }, now)).toEqual([]);
    expect(consultationProblems({ ...vote, options: [option('a'), option('a')] }, now)).toEqual(['方案编号不能重复']);
    expect(consultationProblems({ ...general, options: [option('a'), option('b')] }, now)).toEqual(['只有方案投票（PLURALITY）可以设置方案']);
  });

  it('refuses two disclosures with the same id', () => {
    const disclosures = [
      { id: 'x', text: '一' },
      { id: 'x', text: '二' },
    ];
    expect(consultationProblems({ ...general, disclosures }, now)).toEqual(['告知事项编号不能重复']);
  });
});

describe('defaults', () => {
  it('gives a plumbing application the six disclosures, owners only, turnout 50 and three visits', () => {
    expect(defaultsFor(plumbing, null)).toEqual({ disclosures: PLUMBING_DISCLOSURES, ownersOnly: true, turnoutPercent: 50, visitsBeforeFinal: 3 });
  });

  it('names the compound’s emergency line in the default emergency disclosure', () => {
    const emergency = defaultsFor(plumbing, '010-64001234').disclosures.find((d) => d.id === 'emergency')!;
    expect(emergency.text).toContain('应急电话 010-64001234');
    expect(defaultsFor(plumbing, '010-64001234').disclosures.map((d) => d.id)).toEqual(PLUMBING_DISCLOSURES.map((d) => d.id));
  });

  it('opens general consultations and surveys to tenants, and nothing else', () => {
    expect(defaultsFor(general, null).ownersOnly).toBe(false);
    expect(defaultsFor({ ...general, kind: ConsultationKind.SatisfactionSurvey }, null).ownersOnly).toBe(false);
    for (const kind of [ConsultationKind.DesignVote, ConsultationKind.WindowGuardConsent, ConsultationKind.PropertyServiceAgreement, ConsultationKind.FundPledge]) {
      expect(defaultsFor({ ...general, kind }, null).ownersOnly).toBe(true);
    }
  });

  it('keeps what the committee chose, including an explicit empty list and zeros', () => {
    expect(defaultsFor({ ...plumbing, disclosures: [], ownersOnly: false, turnoutPercent: 0, visitsBeforeFinal: 0 }, '010-64001234')).toEqual({ disclosures: [], ownersOnly: false, turnoutPercent: 0, visitsBeforeFinal: 0 });
    expect(defaultsFor(general, null).disclosures).toEqual([]);
  });
});

describe('the text hash residents sign', () => {
  const text: Parameters<typeof consultationTextSha256>[0] = { title: '标题', body: '正文', rule: 'UNANIMOUS', groupBy: 'UNIT', options: [], disclosures: PLUMBING_DISCLOSURES, deadline: new Date('2026-03-15T10:00:00.000Z') };

  it('is stable for the same text', () => {
    expect(consultationTextSha256({ ...text, deadline: new Date(text.deadline.getTime()) })).toBe(consultationTextSha256(text));
  });

  it.each<[string, Partial<typeof text>]>([
    ['title', { title: '标题 ' }],
    ['body', { body: '正文。' }],
    ['rule', { rule: 'CIVIL_CODE_MAJOR' }],
    ['grouping', { groupBy: 'BUILDING' }],
    ['options', { options: [{ id: 'a' }] }],
    ['disclosures', { disclosures: PLUMBING_DISCLOSURES.slice(1) }],
    ['deadline', { deadline: new Date('2026-03-15T10:00:01.000Z') }],
  ])('changes with the %s', (_what, change) => {
    expect(consultationTextSha256({ ...text, ...change })).not.toBe(consultationTextSha256(text));
  });

  it('does not let text move from the title into the body unseen', () => {
    expect(consultationTextSha256({ ...text, title: '标题正', body: '文' })).not.toBe(consultationTextSha256({ ...text, title: '标题', body: '正文' }));
  });
});

describe('the answer window', () => {
  const open = { status: ConsultationStatus.Open, opensAt: new Date(now.getTime() - HOUR), deadline: new Date(now.getTime() + HOUR) };

  it('is open between opening and deadline', () => {
    expect(answerWindow(open, now)).toBe('OPEN');
    expect(answerWindow({ ...open, opensAt: now }, now)).toBe('OPEN');
  });

  it('closes at the deadline itself, before the sweep has marked the consultation closed', () => {
    expect(answerWindow({ ...open, deadline: now }, now)).toBe('CLOSED');
    expect(answerWindow({ ...open, deadline: new Date(now.getTime() + 1) }, now)).toBe('OPEN');
    expect(answerWindow({ ...open, status: ConsultationStatus.Closed }, now)).toBe('CLOSED');
  });

  it('is not open before opening, even when the status already says open', () => {
    expect(answerWindow({ ...open, status: ConsultationStatus.Scheduled, opensAt: new Date(now.getTime() + 1) }, now)).toBe('NOT_OPEN_YET');
    expect(answerWindow({ ...open, opensAt: new Date(now.getTime() + 1) }, now)).toBe('NOT_OPEN_YET');
  });

  it('is never open for a draft, whatever the dates', () => {
    expect(answerWindow({ ...open, status: ConsultationStatus.Draft }, now)).toBe('NOT_PUBLISHED');
    expect(answerWindow({ ...open, status: ConsultationStatus.Draft, deadline: new Date(0) }, now)).toBe('NOT_PUBLISHED');
  });
});

describe('status on publication', () => {
  it('is scheduled until the opening time and open from it', () => {
    expect(publishedStatus(new Date(now.getTime() + 1), now)).toBe(ConsultationStatus.Scheduled);
    expect(publishedStatus(now, now)).toBe(ConsultationStatus.Open);
    expect(publishedStatus(new Date(now.getTime() - 1), now)).toBe(ConsultationStatus.Open);
  });
});

describe('owner key', () => {
  it('counts one person once across flats, whatever the spacing of the name', () => {
    expect(ownerKey('张 三', '13800000000', 'h1')).toBe(ownerKey('张三', '13800000000', 'h2'));
    expect(ownerKey('张三\t', null, 'h1')).toBe(ownerKey(' 张三', null, 'h2'));
    expect(ownerKey('张三', '13800000000', 'h1')).toHaveLength(40);
  });

  it('tells apart namesakes with different phones, and a phone from none', () => {
    expect(ownerKey('张三', '13800000000', 'h1')).not.toBe(ownerKey('张三', '13900000000', 'h1'));
    expect(ownerKey('张三', '13800000000', 'h1')).not.toBe(ownerKey('张三', null, 'h1'));
  });

  it('keeps households without an owner name apart', () => {
    expect(ownerKey('', '13800000000', 'h1')).toBe('household:h1');
    expect(ownerKey('  ', null, 'h2')).toBe('household:h2');
    expect(ownerKey('', null, 'h1')).not.toBe(ownerKey('', null, 'h2'));
  });
});

describe('tally shard', () => {
  it('reads the first 32 bits of the id, so every shard is used and each id stays in one', () => {
    expect(tallyShard('00000000-0000-4000-8000-000000000000', 8)).toBe(0);
    expect(tallyShard('00000007-ffff-4000-8000-000000000000', 8)).toBe(7);
    expect(tallyShard('ffffffff-0000-4000-8000-000000000000', 8)).toBe(0xffffffff % 8);
    expect(tallyShard('0000000a-0000-4000-8000-000000000000', 8)).toBe(2);
    const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    expect(tallyShard(id, 8)).toBe(tallyShard(id, 8));
    const shards = new Set(Array.from({ length: 64 }, (_, i) => tallyShard(`${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`, 8)));
    expect([...shards].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
