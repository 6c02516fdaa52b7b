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
  channel: 'ONLINE',
  residentId: 'r1',
  staffId: null,
  recomputedEvidenceSha256: 'ev2',
  ...over,
});
const recorded = (seq: number, payload: Record<string, unknown>, householdId = 'h1', action = 'ANSWER_RECORDED', actor = 'resident:r1'): AnswerEvent => ({ seq, action, actor, householdId, payload: JSON.stringify(payload) });
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

  it('names an answer whose signer or channel is not the one audited, even when its evidence hash still holds', () => {
    // A row hashed in the first form (no signer bound) keeps a valid hash when only residentId changes: the actor check names it.
    expect(answerProblems([answer({ residentId: 'r2' })], events)).toEqual([{ householdId: 'h1', problem: expect.stringContaining('signer is resident:r2 but resident:r1 was audited') }]);
    expect(answerProblems([answer({ residentId: null, staffId: 's1' })], events)[0].problem).toContain('signer is staff:s1 but resident:r1 was audited');
    expect(answerProblems([answer({ staffId: 's1' })], events)[0].problem).toContain('names both resident r1 and staff s1');
    expect(answerProblems([answer({ channel: 'PAPER' })], events)).toEqual([{ householdId: 'h1', problem: expect.stringContaining('channel is PAPER but ANSWER_RECORDED was audited') }]);
    // A paper answer goes with PAPER_ANSWER_RECORDED by the staff member who entered it.
    const paper = recorded(4, { answer: 'AGREE', optionId: null, version: 3, evidenceSha256: 'ev3', signatureSha256: null, paperScanSha256: 'p3' }, 'h1', 'PAPER_ANSWER_RECORDED', 'staff:s1');
    const paperRow = answer({ answer: 'AGREE', version: 3, evidenceSha256: 'ev3', recomputedEvidenceSha256: 'ev3', signatureSha256: null, paperScanSha256: 'p3', channel: 'PAPER', residentId: null, staffId: 's1' });
    expect(answerProblems([paperRow], [...events, paper])).toEqual([]);
    expect(answerProblems([{ ...paperRow, channel: 'ONLINE' }], [...events, paper])[0].problem).toContain('channel is ONLINE but PAPER_ANSWER_RECORDED was audited');
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
    expect(answerProblems([answer()], [{ seq: 9, action: 'PAPER_ANSWER_RECORDED', actor: 'staff:s1', householdId: 'h1', payload: '{oops' }])[0].problem).toContain('does not match');
  });
});
