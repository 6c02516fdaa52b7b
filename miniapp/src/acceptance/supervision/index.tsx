import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useMySupervision } from '../../hooks/my-acceptance-supervision'
import { Routes } from '../../lib/routes'
import { SupervisionPlanCard } from '../components/SupervisionPlanCard'
import '../acceptance.css'

/** 业主监督员签字: for an owner supervisor, each plan's households and their acceptance, accepted and unsigned first. */
export default function SupervisionPage() {
  const supervision = useMySupervision()
  const plans = supervision.data ?? []
  return (
    <Screen className='acceptance supervision'>
      <View className='page-header'>
        <Text className='page-title'>业主监督员签字</Text>
        <Text className='text-secondary'>居民验收后，您可以查看这户的检测结果和验收记录，并签字确认。</Text>
      </View>
      {supervision.loading && !supervision.data ? <LoadingNotice /> : null}
      {supervision.error ? (
        <View className='card'>
          <ErrorNotice message={supervision.error} />
          <BigButton variant='secondary' className='supervision-reload' onClick={() => void supervision.reload()}>
            重新加载
          </BigButton>
        </View>
      ) : null}
      {supervision.data && plans.length === 0 ? (
        <View className='card supervision-none'>
          <Text className='text-body'>您不是业主监督员，或者目前没有需要监督的入户施工。</Text>
          <BigButton variant='secondary' className='supervision-home' onClick={() => void Taro.reLaunch({ url: Routes.home })}>
            回到首页
          </BigButton>
        </View>
      ) : null}
      {plans.map((plan) => (
        <SupervisionPlanCard key={`${plan.compoundId}:${plan.workPlanId}`} plan={plan} />
      ))}
    </Screen>
  )
}
