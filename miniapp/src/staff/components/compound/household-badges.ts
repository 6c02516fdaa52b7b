import { Answer, AnswerChannel } from '@linyi/shared'
import type { ConsultationView, HouseholdState } from '@linyi/shared'

/** A badge's kind: its CSS modifier (`.household-state--refused`), and what browser tests read. */
export type BadgeKind = 'bound' | 'unbound' | 'agreed' | 'refused' | 'abstained' | 'option' | 'unanswered' | 'outside' | 'visited' | 'paper' | 'final'

export interface Badge {
  kind: BadgeKind
  text: string
}

function answerBadge(state: HouseholdState, consultation: ConsultationView): Badge {
  switch (state.answer) {
    case Answer.Agree:
      return { kind: 'agreed', text: '同意' }
    case Answer.Refuse:
      return { kind: 'refused', text: '不同意' }
    case Answer.Abstain:
      return { kind: 'abstained', text: '弃权' }
    case Answer.Option: {
      const option = consultation.options.find((o) => o.id === state.optionId)
      return { kind: 'option', text: option ? `选${option.title}` : '已投票' }
    }
    default:
      return { kind: 'unanswered', text: '未答复' }
  }
}

/** How a household stands: bound or not, and in the chosen consultation its answer, visits and paper form. */
export function householdBadges(state: HouseholdState, consultation: ConsultationView | null): Badge[] {
  const badges: Badge[] = [state.boundResidents > 0 ? { kind: 'bound', text: '已绑定' } : { kind: 'unbound', text: '未绑定' }]
  if (!consultation) return badges
  // A consultation of some units only: the others have nothing to answer.
  if (state.inConsultation === false) return [...badges, { kind: 'outside', text: '不参与本次征询' }]
  badges.push(answerBadge(state, consultation))
  if (state.channel === AnswerChannel.Paper) badges.push({ kind: 'paper', text: '纸质' })
  if (state.visits > 0) badges.push({ kind: 'visited', text: `已走访 ${state.visits} 次` })
  if (state.finalRefusal) badges.push({ kind: 'final', text: '最终意见' })
  return badges
}
