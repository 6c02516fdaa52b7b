import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { AcceptanceProgressHousehold } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'
import { MiniButton } from '../MiniButton'
import { StageChip } from './StageChip'
import { householdStage, stageText } from './acceptance-staff.rules'

interface Props {
  household: AcceptanceProgressHousehold
  now: Date
  /** The contractor's 检测; everyone else reads the record. */
  onOpen: () => void
  openText: string
  /** The committee's 录入纸质验收单, for a household waiting on the resident. */
  onPaper?: () => void
  /** Under the household: the paper form, or what was just recorded. */
  extra: ReactNode
}

/** One household: its stage in words, since when, and what this role can do about it. */
export function HouseholdProgressRow({ household, now, onOpen, openText, onPaper, extra }: Props) {
  const stage = householdStage(household)
  return (
    <View className={`staff-acc-household-row staff-acc-household-row--${stage.toLowerCase().replace('_', '-')}`} id={`acceptance-${household.householdId}`}>
      <View className='works-row'>
        <Text className='staff-acc-household-row__label'>{household.label}</Text>
        <StageChip stage={stage} text={stageText(household, now)} />
      </View>
      {household.acceptedAt ? <Text className='text-secondary'>验收于 {formatDateTime(household.acceptedAt)}</Text> : null}
      {!household.acceptedAt && household.passedAt ? <Text className='text-secondary'>检测通过于 {formatDateTime(household.passedAt)}</Text> : null}
      <View className='works-row__actions'>
        <MiniButton className='staff-acc-open' onClick={onOpen}>
          {openText}
        </MiniButton>
        {onPaper ? (
          <MiniButton className='staff-acc-paper-open' onClick={onPaper}>
            录入纸质验收单
          </MiniButton>
        ) : null}
      </View>
      {extra}
    </View>
  )
}
