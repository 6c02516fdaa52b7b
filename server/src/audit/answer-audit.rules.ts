/** The audit actions that record a household's answer, and the one that makes a refusal final. */
export const ANSWER_ACTIONS = ['ANSWER_RECORDED', 'PAPER_ANSWER_RECORDED'] as const;
export const FINAL_REFUSAL_ACTION = 'REFUSAL_MARKED_FINAL';

/** A counted answer (household_response) as the check needs it. */
export interface StoredAnswer {
  householdId: string;
  answer: string;
  optionId: string | null;
  version: number;
  signatureSha256: string | null;
  paperScanSha256: string | null;
  evidenceSha256: string;
  finalRefusal: boolean;
  /** ONLINE or PAPER, as stored. */
  channel: string;
  /** Who the row says answered: the resident online, the staff member for a paper answer. */
  residentId: string | null;
  staffId: string | null;
  /** The evidence hash recomputed from the row's own fields (evidenceSha256 in answer.rules.ts). */
  recomputedEvidenceSha256: string;
}

/** One audit entry of the household's group chain about an answer or a final refusal. */
export interface AnswerEvent {
  seq: number;
  action: string;
  householdId: string;
  /** Who the entry was recorded for: `resident:<id>` or `staff:<id>`. */
  actor: string;
  payload: string;
}

export interface AnswerProblem {
  householdId: string;
  problem: string;
}

const COMPARED = ['answer', 'optionId', 'version', 'evidenceSha256', 'signatureSha256', 'paperScanSha256'] as const;

function parsed(payload: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(payload);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The action each channel's answer is audited under. */
const ACTION_OF_CHANNEL: Record<string, string> = { ONLINE: 'ANSWER_RECORDED', PAPER: 'PAPER_ANSWER_RECORDED' };

/** The audit actor a stored answer must have been recorded by. */
export const signerOf = (answer: Pick<StoredAnswer, 'residentId' | 'staffId'>) => (answer.residentId ? `resident:${answer.residentId}` : answer.staffId ? `staff:${answer.staffId}` : '(nobody)');

const shown = (value: unknown) => (value === null || value === undefined ? '(none)' : String(value));

/**
 * Compares each counted answer with the latest answer the audit trail recorded for its household:
 * a row changed, added or deleted behind the application's back (a direct SQL UPDATE, even one
 * that recomputes the evidence hash) no longer matches, and a row whose evidence hash does not
 * follow from its own fields was edited. A final refusal must be audited after that answer.
 */
export function answerProblems(answers: StoredAnswer[], events: AnswerEvent[]): AnswerProblem[] {
  const latest = new Map<string, AnswerEvent>();
  const finalAfter = new Map<string, number>();
  for (const event of events) {
    if ((ANSWER_ACTIONS as readonly string[]).includes(event.action)) {
      if ((latest.get(event.householdId)?.seq ?? 0) < event.seq) latest.set(event.householdId, event);
    } else if (event.action === FINAL_REFUSAL_ACTION) {
      finalAfter.set(event.householdId, Math.max(finalAfter.get(event.householdId) ?? 0, event.seq));
    }
  }
  const problems: AnswerProblem[] = [];
  const seen = new Set<string>();
  for (const answer of answers) {
    seen.add(answer.householdId);
    const audited = latest.get(answer.householdId);
    if (!audited) {
      problems.push({ householdId: answer.householdId, problem: `answer ${answer.answer} (version ${answer.version}) has no answer entry in the audit trail: it was written outside the application` });
      continue;
    }
    const payload = parsed(audited.payload);
    const differences = COMPARED.filter((field) => (payload[field] ?? null) !== (answer[field] ?? null)).map((field) => `${field} is ${shown(answer[field])} but ${shown(payload[field])} was audited`);
    // The payload does not repeat who signed or how: the entry's actor and action say it.
    if (answer.residentId && answer.staffId) differences.push(`it names both resident ${answer.residentId} and staff ${answer.staffId} as signer`);
    if (signerOf(answer) !== audited.actor) differences.push(`signer is ${signerOf(answer)} but ${audited.actor} was audited`);
    if (ACTION_OF_CHANNEL[answer.channel] !== audited.action) differences.push(`channel is ${answer.channel} but ${audited.action} was audited`);
    if (differences.length) problems.push({ householdId: answer.householdId, problem: `does not match its latest audited answer (link ${audited.seq}): ${differences.join(', ')}` });
    if (answer.recomputedEvidenceSha256 !== answer.evidenceSha256) problems.push({ householdId: answer.householdId, problem: 'its evidence hash does not follow from its own fields: the row was edited' });
    const auditedFinal = (finalAfter.get(answer.householdId) ?? 0) > audited.seq;
    if (answer.finalRefusal !== auditedFinal) {
      problems.push({ householdId: answer.householdId, problem: answer.finalRefusal ? 'is marked as a final refusal that the audit trail does not show' : 'the audit trail marks its refusal final, but the row does not' });
    }
  }
  for (const [householdId, audited] of latest) {
    if (!seen.has(householdId)) problems.push({ householdId, problem: `the audit trail records answer ${shown(parsed(audited.payload).answer)} (link ${audited.seq}) but the answer is gone: it was deleted` });
  }
  return problems;
}
