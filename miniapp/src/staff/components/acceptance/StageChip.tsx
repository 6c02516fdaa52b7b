import { Text } from '@tarojs/components'
import type { HouseholdStage } from './acceptance-staff.rules'

/** A household's stage in words (the colour only repeats them). */
export function StageChip({ stage, text }: { stage: HouseholdStage; text: string }) {
  return <Text className={`staff-acc-chip staff-acc-chip--${stage.toLowerCase().replace('_', '-')}`}>{text}</Text>
}
