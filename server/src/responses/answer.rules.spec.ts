import { Answer, AnswerChannel, ConsultationKind, DecisionRule, PLUMBING_DISCLOSURES } from '@linyi/shared';
import { AppException } from '../common/app.exception.js';
import { checkAnswer, checkOnlineReplacement, checkPaperAllowed, evidenceOfStoredAnswer, evidenceSha256, legacyEvidenceSha256, type EvidenceInput } from './answer.rules.js';

const RESIDENT = '9d3b1a2c-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const STAFF = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e';

const online: EvidenceInput = {
  consultationId: '6f1c2a9e-3b7d-4c1e-9a55-1d2e3f405162',
  textSha256: 'a'.repeat(64),
  householdId: '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b',
  answer: Answer.Agree,
  optionId: null,
  version: 2,
  channel: AnswerChannel.Online,
  residentId: RESIDENT,
  staffId: null,
  signatureSha256: 'b'.repeat(64),
  paperScanSha256: null,
  acknowledgedDisclosureIds: ['duties', 'content'],
  answeredAt: new Date('2025-11-20T08:30:00.000Z'),
};

/** The hash the first canonical form (before the signer was bound) gave `online`, computed by the code as it was at the time. */
const V1_HASH_OF_ONLINE = 'adfa5481f05df33db7a5fea6deec892432aad7905230c72180443d23b1adb7d9';

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof AppException) return error.code;
    throw error;
  }
}

describe('evidence hash', () => {
  const base = evidenceSha256(online);

  it('is the same for the same input, whatever the order the disclosures were acknowledged in', () => {
    expect(evidenceSha256({ ...online })).toBe(base);
    expect(evidenceSha256({ ...online, acknowledgedDisclosureIds: ['content', 'duties'], answeredAt: new Date(online.answeredAt.getTime()) })).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<EvidenceInput>]>([
    ['the signer (another resident)', { residentId: '2b3c4d5e-6f70-4a8b-9cad-bec0d1e2f3a4' }],
    ['the signer (staff instead of the resident)', { residentId: null, staffId: STAFF }],
    ['the signer (staff beside the resident)', { staffId: STAFF }],
    ['the channel', { channel: AnswerChannel.Paper }],
    ['the consultation text', { textSha256: 'c'.repeat(64) }],
    ['the consultation', { consultationId: '7f1c2a9e-3b7d-4c1e-9a55-1d2e3f405162' }],
    ['the household', { householdId: '1b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b' }],
    ['the answer', { answer: Answer.Refuse }],
    ['the option', { answer: Answer.Option, optionId: 'a' }],
    ['the version', { version: 3 }],
    ['the signature image', { signatureSha256: 'd'.repeat(64) }],
    ['a signature removed', { signatureSha256: null }],
    ['the paper scan image', { paperScanSha256: 'e'.repeat(64) }],
    ['the acknowledged disclosures', { acknowledgedDisclosureIds: ['content'] }],
    ['the time, by one second', { answeredAt: new Date('2025-11-20T08:30:01.000Z') }],
  ])('changes with %s', (_what, change) => {
    expect(evidenceSha256({ ...online, ...change })).not.toBe(base);
  });

  it('does not let one field stand in for another (a resident id moved into the staff id)', () => {
    expect(evidenceSha256({ ...online, residentId: null, staffId: RESIDENT })).not.toBe(base);
  });

  it('keeps the first canonical form for rows stored before the signer was bound', () => {
    expect(legacyEvidenceSha256(online)).toBe(V1_HASH_OF_ONLINE);
    expect(base).not.toBe(V1_HASH_OF_ONLINE);
  });
});

describe('evidence of a stored answer', () => {
  const { textSha256, ...fields } = online;
  const v2Row = { ...fields, evidenceSha256: evidenceSha256(online) };
  const v1Row = { ...fields, evidenceSha256: V1_HASH_OF_ONLINE };

  it('recomputes the hash of a new row and of an old-format row', () => {
    expect(evidenceOfStoredAnswer(v2Row, textSha256)).toBe(v2Row.evidenceSha256);
    expect(evidenceOfStoredAnswer(v1Row, textSha256)).toBe(V1_HASH_OF_ONLINE);
  });

  it.each<[string, Partial<typeof v2Row>]>([
    ['answer', { answer: Answer.Refuse }],
    ['channel', { channel: AnswerChannel.Paper }],
    ['signer', { residentId: null, staffId: STAFF }],
    ['time', { answeredAt: new Date('2025-11-20T08:31:00.000Z') }],
  ])('does not match a new row whose %s was changed', (_what, change) => {
    const tampered = { ...v2Row, ...change };
    expect(evidenceOfStoredAnswer(tampered, textSha256)).not.toBe(tampered.evidenceSha256);
  });

  it('does not match an old-format row whose answer was changed, nor under another consultation text', () => {
    const tampered = { ...v1Row, answer: Answer.Refuse };
    expect(evidenceOfStoredAnswer(tampered, textSha256)).not.toBe(tampered.evidenceSha256);
    expect(evidenceOfStoredAnswer(v1Row, 'f'.repeat(64))).not.toBe(v1Row.evidenceSha256);
    expect(evidenceOfStoredAnswer(v2Row, 'f'.repeat(64))).not.toBe(v2Row.evidenceSha256);
  });
});

describe('staff paper answers against online answers', () => {
  it('lets staff record paper where the household never answered online', () => {
    expect(codeOf(() => checkPaperAllowed(AnswerChannel.Paper, { currentChannel: null, everOnline: false }))).toBeNull();
    expect(codeOf(() => checkPaperAllowed(AnswerChannel.Paper, { currentChannel: AnswerChannel.Paper, everOnline: false }))).toBeNull();
  });

  it('refuses paper over a current online answer', () => {
    expect(codeOf(() => checkPaperAllowed(AnswerChannel.Paper, { currentChannel: AnswerChannel.Online, everOnline: true }))).toBe('ONLINE_ANSWER_EXISTS');
  });

  it('refuses paper once any earlier version was online, even if a paper answer is current now', () => {
    expect(codeOf(() => checkPaperAllowed(AnswerChannel.Paper, { currentChannel: AnswerChannel.Paper, everOnline: true }))).toBe('ONLINE_ANSWER_EXISTS');
  });

  it('always lets the resident answer online, over paper or online', () => {
    for (const currentChannel of [null, AnswerChannel.Paper, AnswerChannel.Online]) {
      expect(codeOf(() => checkPaperAllowed(AnswerChannel.Online, { currentChannel, everOnline: currentChannel === AnswerChannel.Online }))).toBeNull();
    }
  });

  it('lets only the signer replace an online answer; anyone may answer over paper or nothing', () => {
    const OTHER = '7c6b5a4d-3e2f-4a1b-8c9d-0e1f2a3b4c5f';
    expect(codeOf(() => checkOnlineReplacement(null, OTHER))).toBeNull();
    expect(codeOf(() => checkOnlineReplacement({ channel: AnswerChannel.Paper, residentId: null }, OTHER))).toBeNull();
    expect(codeOf(() => checkOnlineReplacement({ channel: AnswerChannel.Online, residentId: RESIDENT }, RESIDENT))).toBeNull();
    expect(codeOf(() => checkOnlineReplacement({ channel: AnswerChannel.Online, residentId: RESIDENT }, OTHER))).toBe('ONLINE_ANSWER_EXISTS');
  });

  it('says in Chinese what to do instead', () => {
    try {
      checkPaperAllowed(AnswerChannel.Paper, { currentChannel: AnswerChannel.Online, everOnline: true });
      throw new Error('not refused');
    } catch (error) {
      expect((error as AppException).message).toContain('住户本人');
    }
  });
});

describe('checking an answer', () => {
  const plumbing = { kind: ConsultationKind.PlumbingApplication, rule: DecisionRule.Unanimous, options: [], disclosures: PLUMBING_DISCLOSURES };
  const vote = {
    kind: ConsultationKind.DesignVote,
    rule: DecisionRule.Plurality,
    options: [
      { id: 'a', title: '方案一', description: '' },
      { id: 'b', title: '方案二', description: '' },
    ],
    disclosures: [],
  };
  const all = PLUMBING_DISCLOSURES.map((d) => d.id);
  const agree = { answer: Answer.Agree, acknowledgedDisclosureIds: all, channel: AnswerChannel.Online, hasSignature: true, hasPaperScan: false };

  it('accepts a signed, fully acknowledged application, with or without an upgrade request', () => {
    expect(codeOf(() => checkAnswer(plumbing, agree))).toBeNull();
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, upgradeRequest: '厨房墙面整体贴砖' }))).toBeNull();
  });

  it('needs every disclosure acknowledged to agree, and names the missing ones', () => {
    try {
      checkAnswer(plumbing, { ...agree, acknowledgedDisclosureIds: ['content'] });
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AppException);
      expect((error as AppException).code).toBe('DISCLOSURES_NOT_ACKNOWLEDGED');
      expect((error as AppException).details?.missingDisclosureIds).toEqual(all.slice(1));
    }
  });

  it('never holds a refusal or an abstention up by the check boxes', () => {
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, answer: Answer.Refuse, acknowledgedDisclosureIds: [], hasSignature: false }))).toBeNull();
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, answer: Answer.Abstain, acknowledgedDisclosureIds: [], hasSignature: false }))).toBeNull();
  });

  it('refuses disclosures that are not the consultation’s', () => {
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, acknowledgedDisclosureIds: [...all, 'made-up'] }))).toBe('ANSWER_INVALID');
  });

  it('needs a signature to agree to a written application online, a scan for paper, and neither to refuse online', () => {
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, hasSignature: false }))).toBe('SIGNATURE_REQUIRED');
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, channel: AnswerChannel.Paper, hasSignature: false }))).toBe('PAPER_SCAN_REQUIRED');
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, channel: AnswerChannel.Paper, hasSignature: false, hasPaperScan: true }))).toBeNull();
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, answer: Answer.Refuse, channel: AnswerChannel.Paper, hasSignature: false }))).toBe('PAPER_SCAN_REQUIRED');
  });

  it('allows an upgrade request only with agreement to a plumbing application', () => {
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, answer: Answer.Refuse, upgradeRequest: '贴砖' }))).toBe('ANSWER_INVALID');
    const general = { ...plumbing, kind: ConsultationKind.General, disclosures: [] };
    expect(codeOf(() => checkAnswer(general, { ...agree, acknowledgedDisclosureIds: [], upgradeRequest: '贴砖' }))).toBe('ANSWER_INVALID');
  });

  it('takes only an existing option or an abstention in a design vote', () => {
    const choose = { ...agree, answer: Answer.Option, acknowledgedDisclosureIds: [], hasSignature: false };
    expect(codeOf(() => checkAnswer(vote, { ...choose, optionId: 'a' }))).toBeNull();
    expect(codeOf(() => checkAnswer(vote, { ...choose, answer: Answer.Abstain }))).toBeNull();
    expect(codeOf(() => checkAnswer(vote, { ...choose, optionId: 'c' }))).toBe('ANSWER_INVALID');
    expect(codeOf(() => checkAnswer(vote, { ...choose }))).toBe('ANSWER_INVALID');
    expect(codeOf(() => checkAnswer(vote, { ...choose, answer: Answer.Agree }))).toBe('ANSWER_INVALID');
    expect(codeOf(() => checkAnswer(vote, { ...choose, answer: Answer.Refuse }))).toBe('ANSWER_INVALID');
  });

  it('refuses an option outside a design vote, and an option id without choosing an option', () => {
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, answer: Answer.Option, optionId: 'a' }))).toBe('ANSWER_INVALID');
    expect(codeOf(() => checkAnswer(plumbing, { ...agree, optionId: 'a' }))).toBe('ANSWER_INVALID');
    expect(codeOf(() => checkAnswer(vote, { ...agree, answer: Answer.Abstain, acknowledgedDisclosureIds: [], optionId: 'a' }))).toBe('ANSWER_INVALID');
  });
});
