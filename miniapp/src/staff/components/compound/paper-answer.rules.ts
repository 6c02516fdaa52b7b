import { Answer, ConsultationKind, DecisionRule } from '@linyi/shared'
import type { ConsultationView } from '@linyi/shared'
import type { PaperAnswer } from '../../../api/consultations'

/** One answer a paper form can carry, as the committee member reads it off the form. */
export interface PaperChoice extends PaperAnswer {
  key: string
  text: string
}

/**
 * The answers this consultation takes (the server's check: a vote by plurality takes an option or
 * 弃权, anything else 同意, 不同意 or 弃权).
 */
export function paperChoices(consultation: Pick<ConsultationView, 'kind' | 'rule' | 'options'>): PaperChoice[] {
  const abstain: PaperChoice = { key: 'abstain', answer: Answer.Abstain, text: '弃权' }
  if (consultation.rule === DecisionRule.Plurality) {
    return [...consultation.options.map((o) => ({ key: `option-${o.id}`, answer: Answer.Option, optionId: o.id, text: `选${o.title}` })), abstain]
  }
  const agree = consultation.kind === ConsultationKind.PlumbingApplication ? '同意（申请改造）' : '同意'
  return [{ key: 'agree', answer: Answer.Agree, text: agree }, { key: 'refuse', answer: Answer.Refuse, text: '不同意' }, abstain]
}
