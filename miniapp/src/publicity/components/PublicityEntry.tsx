import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyHousehold, MyPublicity, MySurvey } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { useMyPublicity } from '../../hooks/publicity-resident'
import { useMySurveys } from '../../hooks/surveys-resident'
import { withParams } from '../../lib/routes'
import { PublicityRoutes } from '../routes'
import { myCompounds } from './CompoundChooser'
import { unansweredSurveys } from './publicity.rules'

interface Props {
  /** Null while unread or when it could not be read: no result line then. */
  publicity: MyPublicity[] | null
  surveys: MySurvey[] | null
  onOpenResults: () => void
  onOpenBoards: () => void
  onOpenComplaints: () => void
  onOpenSurveys: () => void
}

/** Home's 公示与意见: published results (异议期 said), the boards, complaints, and surveys still to fill in. */
export function PublicityEntry({ publicity, surveys, onOpenResults, onOpenBoards, onOpenComplaints, onOpenSurveys }: Props) {
  const inWindow = (publicity ?? []).filter((entry) => entry.windowOpen).length
  const toAnswer = unansweredSurveys(surveys ?? [])
  return (
    <View className='section publicity-section'>
      <Text className='section-title'>公示与意见</Text>
      <View className='card publicity-entry-card'>
        {publicity && publicity.length ? (
          <>
            <BigButton variant={inWindow ? 'primary' : 'secondary'} id='publicity-results' className='publicity-entry__results' onClick={onOpenResults}>
              结果公示
            </BigButton>
            {inWindow ? <Text className='answer-state answer-state--todo publicity-entry__window'>{inWindow} 项正在异议期，可以提出异议</Text> : null}
          </>
        ) : null}
        {surveys && surveys.length ? (
          <>
            <BigButton variant={toAnswer ? 'primary' : 'secondary'} id='publicity-surveys' className='publicity-entry__surveys' onClick={onOpenSurveys}>
              问卷调查
            </BigButton>
            {toAnswer ? <Text className='answer-state answer-state--todo publicity-entry__todo'>{toAnswer} 份问卷待填写</Text> : null}
          </>
        ) : null}
        <BigButton variant='secondary' id='publicity-boards' className='publicity-entry__boards' onClick={onOpenBoards}>
          公示牌（材料、单位、投诉电话）
        </BigButton>
        <BigButton variant='secondary' id='publicity-complaints' className='publicity-entry__complaints' onClick={onOpenComplaints}>
          意见建议
        </BigButton>
      </View>
    </View>
  )
}

/** The entry as home shows it: reads my results and surveys (a failed read just leaves its line out) and opens the pages. */
export function HomePublicityEntry({ households }: { households: MyHousehold[] }) {
  const publicity = useMyPublicity()
  const surveys = useMySurveys()
  const go = (url: string) => void Taro.navigateTo({ url })
  const results = publicity.data ?? []
  const compounds = myCompounds(households)
  return (
    <PublicityEntry
      publicity={publicity.data}
      surveys={surveys.data}
      onOpenResults={() => go(results.length === 1 ? withParams(PublicityRoutes.result, { consultationId: results[0].consultationId }) : PublicityRoutes.result)}
      onOpenBoards={() => go(compounds.length === 1 ? withParams(PublicityRoutes.boards, { compoundId: compounds[0].compoundId }) : PublicityRoutes.boards)}
      onOpenComplaints={() => go(PublicityRoutes.complaints)}
      onOpenSurveys={() => go(PublicityRoutes.survey)}
    />
  )
}
