import { Text, View } from '@tarojs/components'
import type { ConsultationKind, ConsultationOption, HouseholdAnswerClass } from '@linyi/shared'
import { answerLabel } from '../../../lib/consultation-text'
import { answerClassOf, answerSymbol, optionLetter } from '../../../lib/dashboard'

interface Props {
  household: HouseholdAnswerClass
  kind: ConsultationKind
  options: ConsultationOption[]
}

/**
 * A household as its room number and answer class: colour plus a printed symbol, never colour alone.
 * Only room and answer are read from the record, so a name or phone sent by mistake is never shown.
 */
export function HouseholdTile({ household, kind, options }: Props) {
  const answerClass = answerClassOf(household)
  const letter = optionLetter(options, household.optionId)
  const spoken = `${household.room} ${answerLabel(kind, household.answer)}${letter ? ` 方案${letter}` : ''}${household.finalRefusal ? '（已确认不同意）' : ''}`
  return (
    <View
      className={`progress-household answer-tile answer-tile--${answerClass.toLowerCase()} ${household.finalRefusal ? 'answer-tile--final' : ''}`}
      data-answer={answerClass}
      data-household-id={household.householdId}
      aria-label={spoken}
    >
      <Text className='answer-tile__room' aria-hidden='true'>
        {household.room}
      </Text>
      <Text className='answer-tile__symbol' aria-hidden='true'>
        {answerSymbol(household, options)}
        {household.finalRefusal ? '!' : ''}
      </Text>
    </View>
  )
}
