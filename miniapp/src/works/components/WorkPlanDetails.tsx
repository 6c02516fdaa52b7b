import { Text, View } from '@tarojs/components'
import type { MyWorkPlan } from '@linyi/shared'
import { PhoneLink } from './PhoneLink'

function Arrangement({ label, text, className }: { label: string; text: string | null; className: string }) {
  if (!text) return null
  return (
    <View className={`work-arrangement ${className}`}>
      <Text className='work-arrangement__label'>{label}</Text>
      <Text className='text-body'>{text}</Text>
    </View>
  )
}

/** What the crew will do in the flat, in order; the water cut and the temporary arrangements; whom to call. */
export function WorkPlanDetails({ plan }: { plan: MyWorkPlan }) {
  return (
    <>
      <View className='card work-steps'>
        <Text className='works-card-title'>施工内容（按顺序进行）</Text>
        {plan.steps.map((step, index) => (
          <View key={`${index}-${step.title}`} className='work-step'>
            <Text className='work-step__title'>{`第${index + 1}步：${step.title}`}</Text>
            {step.description ? <Text className='text-body work-step__description'>{step.description}</Text> : null}
          </View>
        ))}
      </View>
      {plan.waterCut || plan.temporaryWater || plan.temporarySewage ? (
        <View className='card work-water'>
          <Text className='works-card-title'>停水和临时用水</Text>
          <Arrangement label='停水' text={plan.waterCut} className='work-water__cut' />
          <Arrangement label='临时用水' text={plan.temporaryWater} className='work-water__temporary' />
          <Arrangement label='临时排水和如厕' text={plan.temporarySewage} className='work-water__sewage' />
        </View>
      ) : null}
      <View className='card work-contact'>
        <Text className='works-card-title'>有问题请打电话</Text>
        {plan.contactPhone ? (
          <PhoneLink phone={plan.contactPhone} label='施工联系电话' />
        ) : (
          <Text className='text-body work-contact__none'>施工方没有留电话，有问题请联系社区居委会。</Text>
        )}
      </View>
    </>
  )
}
