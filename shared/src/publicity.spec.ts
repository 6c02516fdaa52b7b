import { Answer, GroupState } from './consultation.js';
import {
  AnswerClass,
  answerClassOf,
  finalResultRefusals,
  objectionClosesAt,
  objectionDaysLeft,
  objectionWindowOpen,
  PublicityStage,
  publicityGroup,
  publicitySnapshotText,
  type CountedHousehold,
} from './publicity.js';

const DAY = 24 * 3600 * 1000;
const at = new Date('2026-03-02T02:00:00Z');
const time = (d: Date) => d.toISOString();
const household = (label: string, answerClass: AnswerClass, areaCenti = 6000, optionId: string | null = null): CountedHousehold => ({ householdId: `h-${label}`, label, areaCenti, answerClass, optionId });

describe('answerClassOf', () => {
  it('maps each answer to its class, and no answer (or an option vote without an option) to NO_ANSWER', () => {
    expect(answerClassOf(Answer.Agree)).toBe(AnswerClass.Agreed);
    expect(answerClassOf(Answer.Refuse)).toBe(AnswerClass.Refused);
    expect(answerClassOf(Answer.Abstain)).toBe(AnswerClass.Abstained);
    expect(answerClassOf(Answer.Option, 'A')).toBe(AnswerClass.Option);
    expect(answerClassOf(Answer.Option, null)).toBe(AnswerClass.NoAnswer);
    expect(answerClassOf(null)).toBe(AnswerClass.NoAnswer);
  });
});

describe('publicityGroup', () => {
  it('counts households and area (exact, from hundredths of a m²) per answer class', () => {
    const group = publicityGroup({ groupId: 'g', label: '1号楼1单元', state: GroupState.Failed, plurality: false }, [
      household('101', AnswerClass.Agreed, 6010),
      household('102', AnswerClass.Agreed, 5005),
      household('201', AnswerClass.Refused, 7333),
      household('202', AnswerClass.Abstained, 4000),
      household('301', AnswerClass.NoAnswer, 8001),
    ]);
    expect(group).toMatchObject({ households: 5, agreed: 2, refused: 1, abstained: 1, noAnswer: 1, state: GroupState.Failed });
    expect(group.areaM2).toEqual({ total: 303.49, agreed: 110.15, refused: 73.33, abstained: 40, noAnswer: 80.01 });
    expect(group.optionVotes).toBeUndefined();
  });

  it('counts option votes per option on a plurality vote, outside agreed/refused', () => {
    const group = publicityGroup({ groupId: 'g', label: '小区', state: GroupState.Reached, plurality: true }, [
      household('101', AnswerClass.Option, 6000, 'B'),
      household('102', AnswerClass.Option, 6000, 'A'),
      household('103', AnswerClass.Option, 6000, 'B'),
      household('104', AnswerClass.NoAnswer),
    ]);
    expect(group).toMatchObject({ households: 4, agreed: 0, refused: 0, abstained: 0, noAnswer: 1, optionVotes: [{ optionId: 'A', votes: 1 }, { optionId: 'B', votes: 2 }] });
    expect(group.areaM2.total).toBe(240);
  });

  it('lists entries by label in natural order, with the option only on an option vote', () => {
    const group = publicityGroup({ groupId: 'g', label: '小区', state: GroupState.Pending, plurality: false }, [
      household('10号楼101', AnswerClass.Agreed, 1, 'stale'),
      household('2号楼101', AnswerClass.NoAnswer),
    ]);
    expect(group.entries.map((e) => [e.label, e.optionId])).toEqual([['2号楼101', null], ['10号楼101', null]]);
  });
});

describe('publicitySnapshotText', () => {
  const g = (label: string, entries: CountedHousehold[]) => publicityGroup({ groupId: `g-${label}`, label, state: GroupState.Reached, plurality: false }, entries);

  it('is the same text whatever order the groups come in, and changes with any entry', () => {
    const a = g('1号楼', [household('101', AnswerClass.Agreed)]);
    const b = g('2号楼', [household('201', AnswerClass.Refused)]);
    expect(publicitySnapshotText([b, a])).toBe(publicitySnapshotText([a, b]));
    const changed = g('2号楼', [household('201', AnswerClass.Agreed)]);
    expect(publicitySnapshotText([a, changed])).not.toBe(publicitySnapshotText([a, b]));
  });

  it('carries labels and classes only (what the board shows)', () => {
    const text = publicitySnapshotText([g('1号楼', [household('101', AnswerClass.Agreed)])]);
    expect(Object.keys(JSON.parse(text)[0].entries[0])).toEqual(['householdId', 'label', 'answerClass', 'optionId']);
  });
});

describe('objection window', () => {
  const closes = objectionClosesAt(at, 7);
  const preliminary = { stage: PublicityStage.Preliminary, objectionClosesAt: closes };

  it('closes exactly days × 24 h after publication', () => {
    expect(closes.getTime() - at.getTime()).toBe(7 * DAY);
  });

  it('is open until the closing instant, closed from it on, and never outside the preliminary stage', () => {
    expect(objectionWindowOpen(preliminary, new Date(closes.getTime() - 1))).toBe(true);
    expect(objectionWindowOpen(preliminary, closes)).toBe(false);
    expect(objectionWindowOpen({ ...preliminary, stage: PublicityStage.Final }, at)).toBe(false);
    expect(objectionWindowOpen({ stage: PublicityStage.None, objectionClosesAt: null }, at)).toBe(false);
  });

  it('counts the days left rounded up', () => {
    expect(objectionDaysLeft(preliminary, at)).toBe(7);
    expect(objectionDaysLeft(preliminary, new Date(closes.getTime() - 1000))).toBe(1);
    expect(objectionDaysLeft(preliminary, closes)).toBe(0);
  });
});

describe('finalResultRefusals', () => {
  const closes = objectionClosesAt(at, 7);
  const facts = { stage: PublicityStage.Preliminary, objectionClosesAt: closes, openObjections: 0 };
  const after = new Date(closes.getTime() + 1);

  it('allows the final result once the window has closed with every objection answered', () => {
    expect(finalResultRefusals(facts, after, time)).toEqual([]);
  });

  it('refuses while the window is open, naming the closing time', () => {
    expect(finalResultRefusals(facts, at, time)).toEqual([{ code: 'OBJECTION_WINDOW_OPEN', message: expect.stringContaining(closes.toISOString()) }]);
  });

  it('refuses while an objection is unanswered, with the count; both reasons at once when both hold', () => {
    expect(finalResultRefusals({ ...facts, openObjections: 2 }, after, time)).toEqual([{ code: 'OBJECTIONS_UNRESOLVED', message: expect.stringContaining('2 条') }]);
    expect(finalResultRefusals({ ...facts, openObjections: 1 }, at, time).map((r) => r.code)).toEqual(['OBJECTION_WINDOW_OPEN', 'OBJECTIONS_UNRESOLVED']);
  });

  it('refuses before a preliminary result and after the final one', () => {
    expect(finalResultRefusals({ stage: PublicityStage.None, objectionClosesAt: null, openObjections: 0 }, after, time).map((r) => r.code)).toEqual(['PRELIMINARY_NOT_PUBLISHED']);
    expect(finalResultRefusals({ ...facts, stage: PublicityStage.Final }, after, time).map((r) => r.code)).toEqual(['RESULT_ALREADY_FINAL']);
  });
});
