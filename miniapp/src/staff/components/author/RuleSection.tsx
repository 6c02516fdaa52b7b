import { Input, Text, View } from '@tarojs/components'
import { ConsultationKind, DecisionRule, GroupBy } from '@linyi/shared'
import { GROUP_ORDER, GROUP_TEXT, RULE_ORDER, RULE_TEXT } from './choice-texts'
import { ChoiceList, Field, TickRow, spokenAs } from './FormParts'
import type { SectionProps } from './section-props'

/** The policy fixes some rules: the other choices are shown, greyed, with the reason. */
function ruleUnavailable(kind: ConsultationKind, rule: DecisionRule): string | undefined {
  if (kind === ConsultationKind.PlumbingApplication && rule !== DecisionRule.Unanimous) return '上下水改造须本单元全体住户同意（政策第一条），不能用此规则'
  if (kind === ConsultationKind.DesignVote && rule !== DecisionRule.Plurality) return '设计方案投票请用方案投票'
  return undefined
}

function groupUnavailable(kind: ConsultationKind, groupBy: GroupBy): string | undefined {
  if (kind === ConsultationKind.PlumbingApplication && groupBy !== GroupBy.Unit) return '上下水改造按单元（共用立管）实施，必须按单元统计'
  if (kind === ConsultationKind.WindowGuardConsent && groupBy !== GroupBy.Building) return '拆除外窗护栏按楼栋决定是否纳入计划'
  return undefined
}

/** How the answers decide: the rule, what is counted together, who may answer. */
export function RuleSection({ draft, errors, update, onRule }: SectionProps & { onRule: (rule: DecisionRule) => void }) {
  const rules = RULE_ORDER.map((rule) => ({ value: rule, ...RULE_TEXT[rule], unavailable: ruleUnavailable(draft.kind, rule) }))
  const groups = GROUP_ORDER.map((groupBy) => ({ value: groupBy, ...GROUP_TEXT[groupBy], unavailable: groupUnavailable(draft.kind, groupBy) }))
  return (
    <View className='section author-section'>
      <Text className='section-title'>怎样算通过</Text>
      <Field name='rule' label='表决规则' error={errors.rule}>
        <ChoiceList choices={rules} value={draft.rule} onChange={onRule} itemClassName='author-rule' />
      </Field>
      <Field name='groupBy' label='统计单位' help='每个统计单位各自得出结果。' error={errors.groupBy}>
        <ChoiceList choices={groups} value={draft.groupBy} onChange={(groupBy) => update({ groupBy })} itemClassName='author-group-by' />
      </Field>

      {draft.rule === DecisionRule.Plurality ? (
        <Field name='turnoutPercent' label='最低投票率（%）' help='投票的户数达到这个比例，得票最多的方案才算胜出。' error={errors.turnoutPercent}>
          <Input className='text-input author-input author-turnout-input' {...spokenAs('最低投票率（%）')} type='number' value={draft.turnoutPercent} maxlength={3} onInput={(e) => update({ turnoutPercent: e.detail.value })} />
        </Field>
      ) : null}

      <Field name='ownersOnly' label='谁可以填写'>
        <TickRow
          className='author-owners-only'
          checked={draft.ownersOnly}
          onToggle={() => update({ ownersOnly: !draft.ownersOnly })}
          label='只由业主填写'
          hint={draft.ownersOnly ? '租户可以阅读，但不能填写（《民法典》第二百七十八条的事项由业主决定）。' : '业主和租户都可以填写。'}
        />
      </Field>

      {draft.rule === DecisionRule.Unanimous ? (
        <Field name='visitsBeforeFinal' label='上门几次后可以记为“最终不同意”' help='住户不同意时，居委会上门做工作并记录；达到次数仍不同意，才可记为最终不同意（政策第三条）。' error={errors.visitsBeforeFinal}>
          <Input className='text-input author-input author-visits-input' {...spokenAs('上门次数')} type='number' value={draft.visitsBeforeFinal} maxlength={2} onInput={(e) => update({ visitsBeforeFinal: e.detail.value })} />
        </Field>
      ) : null}
    </View>
  )
}
