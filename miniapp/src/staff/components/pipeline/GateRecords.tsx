import { Text, View } from '@tarojs/components'
import { OWNERS_ORGANISATION_LABELS, PipelineGate } from '@linyi/shared'
import type { PipelineView } from '@linyi/shared'
import type { PipelineState } from '../../../hooks/pipeline-staff'
import { ChoiceNoteForm } from './ChoiceNoteForm'
import { FoldedForm } from './FoldedForm'
import { OrganisationForm } from './OrganisationForm'

/** What the street office records by hand before the year's plan: the owners' organisation, illegal structures, the fund pledge. */
export function GateRecords({ view, state }: { view: PipelineView; state: PipelineState }) {
  const org = view.ownersOrganisation
  const cleared = view.gates.find((g) => g.gate === PipelineGate.IllegalStructuresCleared)
  return (
    <View className='section pipeline-records'>
      <Text className='section-title'>记录条件（街道办）</Text>
      <FoldedForm
        title='记录业主组织'
        className='pipeline-organisation'
        summary={org ? `已记录：${OWNERS_ORGANISATION_LABELS[org.kind]}「${org.name}」，${org.formedOn}成立` : '尚未记录业主组织'}
      >
        {(close) => <OrganisationForm current={org} submission={state.saveOrganisation} onSaved={close} />}
      </FoldedForm>
      <FoldedForm title='记录违法建设清理情况' className='pipeline-illegal' summary={cleared?.detail}>
        {(close) => (
          <ChoiceNoteForm
            name='pipeline-illegal-form'
            question='违法建设是否已清理'
            answers={['已清理', '未清理']}
            initial={null}
            notePlaceholder='例如：2号楼顶层违建已于11月拆除，经城管核查'
            saveLabel='保存清理情况'
            submission={state.recordIllegalStructures}
            onSaved={close}
          />
        )}
      </FoldedForm>
      <FoldedForm
        title='设置是否要求维修资金承诺'
        className='pipeline-fund'
        summary={view.fundPledgeRequired ? '现要求本小区作专项维修资金补建续筹承诺' : '现不要求本小区作维修资金承诺'}
      >
        {(close) => (
          <ChoiceNoteForm
            name='pipeline-fund-form'
            question='是否要求维修资金承诺'
            answers={['要求', '不要求']}
            initial={view.fundPledgeRequired}
            notePlaceholder='例如：本小区专项维修资金余额不足，按区里要求须补建续筹'
            saveLabel='保存'
            submission={state.setFundPledge}
            onSaved={close}
          />
        )}
      </FoldedForm>
    </View>
  )
}
