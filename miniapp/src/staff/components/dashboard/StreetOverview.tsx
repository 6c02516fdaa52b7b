import { Text, View } from '@tarojs/components'
import type { StreetStatus } from '@linyi/shared'
import type { ConsultationDetail } from '../../../hooks/dashboard'
import { ConsultationCard } from './ConsultationCard'

interface Props {
  status: StreetStatus
  details: Record<string, ConsultationDetail>
  onOpen?: (consultationId: string) => void
}

/**
 * Community → compound → open consultations. Each card names its compound, so a community's cards
 * can share one grid on a desktop; compounds with nothing open are counted, not listed.
 */
export function StreetOverview({ status, details, onOpen }: Props) {
  return (
    <View className='street-overview'>
      {status.communities.map((community) => {
        const active = community.compounds.filter((compound) => compound.consultations.length > 0)
        const quiet = community.compounds.length - active.length
        return (
          <View key={community.id} className='dashboard-community' data-id={community.id}>
            <Text className='section-title dashboard-community__name'>{community.name}</Text>
            {active.length > 0 ? (
              <View className='console-grid dashboard-grid'>
                {active.flatMap((compound) =>
                  compound.consultations.map((c) => (
                    <ConsultationCard key={c.id} consultation={c} compound={compound} detail={details[c.id]} onOpen={onOpen ? () => onOpen(c.id) : undefined} />
                  )),
                )}
              </View>
            ) : null}
            {quiet > 0 ? (
              <Text className='text-secondary dashboard-quiet'>
                {active.length > 0 ? '其余' : '全部'} {quiet} 个小区暂无进行中的征询。
              </Text>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
