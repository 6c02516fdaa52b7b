import { answerProblems, type AnswerEvent, type StoredAnswer } from './answer-audit.rules.js';

const answer = (over: Partial<StoredAnswer> = {}): StoredAnswer => ({
  householdId: 'h1',
  answer: 'REFUSE',
  optionId: null,
  version: 2,
  signatureSha256: 's2',
  paperScanSha256: null,
  evidenceSha256: 'ev2',
  finalRefusal: false,
  recomputedEvidenceSha256: 'ev2',
  ...over,
});
const recorded = (seq: number, payload: Record<string, unknown>, householdId = 'h1', action = 'ANSWER_RECORDED'): AnswerEvent => ({ seq, action, householdId, payload: JSON.stringify(payload) });
const events = [
  recorded(1, { answer: 'AGREE', optionId: null, version: 1, evidenceSha256: 'ev1', signatureSha256: 's1', paperScanSha256: null }),
  recorded(2, { outcome: 'REFUSED' }, 'h1', 'HOME_VISIT_RECORDED'),
  recorded(3, { answer: 'REFUSE', optionId: null, version: 2, evidenceSha256: 'ev2', signatureSha256: 's2', paperScanSha256: null }),
];

describe('answerProblems', () => {
  it('accepts answers that are their latest audited version', () => {
    expect(answerProblems([answer()], events)).toEqual([]);
  });

  it('names an answer changed by a direct UPDATE, field by field', () => {
    expect(answerProblems([answer({ answer: 'AGREE' })], events)).toEqual([{ householdId: 'h1', problem: expect.stringContaining('answer is AGREE but REFUSE was audited') }]);
    // Rolled back to an earlier version, with that version's own (valid) evidence hash: still not the latest.
    const rolledBack = answer({ answer: 'AGREE', version: 1, evidenceSha256: 'ev1', recomputedEvidenceSha256: 'ev1', signatureSha256: 's1' });
    expect(answerProblems([rolledBack], events)[0].problem).toMatch(/answer is AGREE.*version is 1.*evidenceSha256 is ev1/);
  });

  it('names a row whose evidence hash does not follow from its fields', () => {
    expect(answerProblems([answer({ recomputedEvidenceSha256: 'other' })], events)).toEqual([{ householdId: 'h1', problem: expect.stringContaining('does not follow from its own fields') }]);
  });

  it('names answers written or deleted outside the application', () => {
    expect(answerProblems([answer(), answer({ householdId: 'h2' })], events)).toEqual([{ householdId: 'h2', problem: expect.stringContaining('no answer entry') }]);
    expect(answerProblems([], events)).toEqual([{ householdId: 'h1', problem: expect.stringContaining('the answer is gone') }]);
  });

  it('checks a final refusal against the audit trail, and that a later answer lifts it', () => {
    const final = recorded(4, { visits: 2 }, 'h1', 'REFUSAL_MARKED_FINAL');
    expect(answerProblems([answer({ finalRefusal: true })], [...events, final])).toEqual([]);
    expect(answerProblems([answer({ finalRefusal: true })], events)).toEqual([{ householdId: 'h1', problem: expect.stringContaining('final refusal that the audit trail does not show') }]);
    expect(answerProblems([answer()], [...events, final])).toEqual([{ householdId: 'h1', problem: expect.stringContaining('marks its refusal final') }]);
    const changedMind = recorded(5, { answer: 'AGREE', optionId: null, version: 3, evidenceSha256: 'ev3', signatureSha256: 's3', paperScanSha256: null });
    expect(answerProblems([answer({ answer: 'AGREE', version: 3, evidenceSha256: 'ev3', recomputedEvidenceSha256: 'ev3', signatureSha256: 's3' })], [...events, final, changedMind])).toEqual([]);
  });

  it('survives an audit payload that is not JSON (the chain check names that entry)', () => {
    expect(answerProblems([answer()], [{ seq: 9, action: 'PAPER_ANSWER_RECORDED', householdId: 'h1', payload: '{oops' }])[0].problem).toContain('does not match');
  });
});
