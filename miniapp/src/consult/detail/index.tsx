import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ConsultationKind, DecisionRule } from '@linyi/shared'
import type { ConsultationView, SubmitResponseRequest } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useConsultationAnswer } from '../../hooks/consultations'
import { isAnswerable } from '../../lib/consultation-text'
import { Routes, goBackOr } from '../../lib/routes'
import { consultationLinkProblem, decodeParam } from '../link.rules'
import { ConsultationHeader } from '../components/ConsultationHeader'
import { DesignVoteForm } from '../components/DesignVoteForm'
import { LinkProblem } from '../../components/LinkProblem'
import { PlumbingApplicationForm } from '../components/PlumbingApplicationForm'
import { ResponseReceipt } from '../components/ResponseReceipt'
import { SimpleAnswerForm } from '../components/SimpleAnswerForm'
import { SubscribeOffer } from '../components/SubscribeOffer'
import { ApplicationPdfButton } from '../../publicity/components/ApplicationPdfButton'
import '../consult.css'

interface FormProps {
  consultation: ConsultationView
  currentOptionId: string | null
  submitting: boolean
  error: string | null
  onSubmit: (request: SubmitResponseRequest) => void
}

/** The form that fits the kind of consultation. */
function AnswerForm({ consultation, currentOptionId, ...rest }: FormProps) {
  if (consultation.kind === ConsultationKind.PlumbingApplication) return <PlumbingApplicationForm consultation={consultation} {...rest} />
  if (consultation.kind === ConsultationKind.DesignVote || consultation.rule === DecisionRule.Plurality) {
    return <DesignVoteForm consultation={consultation} currentOptionId={currentOptionId} {...rest} />
  }
  return <SimpleAnswerForm consultation={consultation} {...rest} />
}

/** The page checks its link before asking the server anything. */
export default function ConsultationPage() {
  const params = useRouter().params
  const problem = consultationLinkProblem(params)
  if (problem) {
    return (
      <Screen className='consult'>
        <LinkProblem title='无法打开这项征询' message={problem} />
      </Screen>
    )
  }
  return <ConsultationScreen consultationId={decodeParam(params.id)} householdId={decodeParam(params.household)} />
}

function ConsultationScreen({ consultationId, householdId }: { consultationId: string; householdId: string }) {
  const flow = useConsultationAnswer(consultationId, householdId)
  const { data, error, loading } = flow.context
  const consultation = data?.consultation ?? null
  const mine = data?.mine ?? null
  const open = consultation ? isAnswerable(consultation) : false
  const goHome = () => goBackOr(Routes.home)

  let content: JSX.Element | null = null
  if (consultation) {
    if (flow.mode === 'receipt' && flow.receipt) {
      content = (
        <ResponseReceipt
          consultation={consultation}
          householdId={flow.householdId}
          receipt={flow.receipt}
          canChange={open && mine?.canAnswer !== false}
          onChange={flow.edit}
          onDone={goHome}
          extra={
            <>
              {flow.justAnswered ? <SubscribeOffer /> : null}
              <ApplicationPdfButton consultationId={consultation.id} kind={consultation.kind} householdId={flow.householdId} />
            </>
          }
        />
      )
    } else if (!open) {
      content = <Text className='card text-body closed-notice'>本次征询已截止，不能再填写。</Text>
    } else if (mine && !mine.canAnswer) {
      content = <Text className='card text-body owners-only-notice'>本次征询只由业主填写。您可以阅读内容，请与业主商量后由业主填写。</Text>
    } else if (!mine && !householdId) {
      content = <Text className='card text-body'>没有找到您在本次征询中的房屋，请先绑定房屋。</Text>
    } else {
      content = (
        <AnswerForm
          consultation={consultation}
          currentOptionId={flow.receipt?.optionId ?? null}
          submitting={flow.submitting}
          error={flow.error}
          onSubmit={(request) => void flow.submit(request)}
        />
      )
    }
  }

  return (
    <Screen className='consult'>
      {loading && !data ? <LoadingNotice /> : null}
      {error ? (
        <View className='card'>
          <ErrorNotice message={error} />
          <BigButton variant='secondary' onClick={() => void flow.context.reload()}>
            重新加载
          </BigButton>
          <BigButton variant='link' className='consult-error-home' onClick={goHome}>
            返回首页
          </BigButton>
        </View>
      ) : null}
      {consultation ? (
        <ConsultationHeader consultation={consultation} householdLabel={mine?.householdLabel ?? null} showBody={flow.mode === 'form'} />
      ) : null}
      {content}
    </Screen>
  )
}
