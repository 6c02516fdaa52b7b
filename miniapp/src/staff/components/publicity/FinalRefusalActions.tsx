import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Answer, StaffAction } from '@linyi/shared'
import type { ConsultationView, OutstandingHousehold, StaffView } from '@linyi/shared'
import { openRefusalNoticePdf } from '../../../api/records-staff'
import { ErrorNotice } from '../../../components/Notice'
import { useFinalRefusal } from '../../../hooks/publicity-staff'
import { actionLabel, canDo } from '../../../hooks/staff-session'
import { isAnswerable } from '../../../lib/consultation-text'
import { ActionButton } from '../compound/ActionButton'
import { PrintButton } from './PrintButton'
import './publicity.css'

interface Props {
  consultation: ConsultationView
  household: OutstandingHousehold
  profile: StaffView | null
  onChanged: () => void
}

const warning = (label: string) =>
  `认定后，${label} 的“不同意”即为最终意见，该组按规则计为未通过，系统会生成书面告知书并发到住户的消息中。确定吗？`

/** 认定为最终意见 after the required visits, then the written notice to print (seed 004 §三). */
export function FinalRefusalActions({ consultation, household, profile, onChanged }: Props) {
  const mark = useFinalRefusal(consultation.id, household.householdId, onChanged)
  const final = household.finalRefusal || mark.result !== null
  const markable = !final && household.answer === Answer.Refuse && household.visits >= consultation.visitsBeforeFinal && isAnswerable(consultation)
  const confirm = async () => {
    const answer = await Taro.showModal({ title: '认定为最终意见', content: warning(household.label), confirmText: '认定', cancelText: '取消' })
    if (answer.confirm) await mark.run()
  }
  return (
    <View className='final-refusal-actions'>
      {markable ? (
        <ActionButton
          profile={profile}
          action={StaffAction.RecordVisit}
          className='final-refusal-mark'
          loading={mark.submitting}
          text={`认定为最终意见（已上门 ${household.visits} 次）`}
          onClick={() => void confirm()}
        />
      ) : null}
      <ErrorNotice message={mark.error} className='final-refusal-error' />
      {mark.result ? (
        <View className='final-refusal-notice' role='status'>
          <Text className='final-refusal-notice__title'>已认定为最终意见，告知书已发到住户的消息中：</Text>
          <Text className='text-body final-refusal-notice__text'>{mark.result.noticeText}</Text>
        </View>
      ) : null}
      {final && canDo(profile, StaffAction.PrintRecords) ? (
        <PrintButton
          text={actionLabel(profile, StaffAction.PrintRecords, '打印告知书')}
          noun='告知书'
          className='refusal-notice-print'
          open={() => openRefusalNoticePdf(consultation.id, household.householdId, household.label)}
        />
      ) : null}
    </View>
  )
}
