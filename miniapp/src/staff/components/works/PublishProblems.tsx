import { Text, View } from '@tarojs/components'
import type { WorkPlanProblem } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { problemsByUnit } from './window-form.rules'

interface Props {
  problems: WorkPlanProblem[]
  /** Roles that screen households get a way to each unit's screening page; others are told who does it. */
  onOpenScreening?: (unitId: string) => void
}

/** Why the plan cannot be published yet: every problem, unit by unit, so all are fixed in one go. */
export function PublishProblems({ problems, onOpenScreening }: Props) {
  const units = problemsByUnit(problems)
  return (
    <View className='card works-problems' role='alert'>
      <Text className='works-problems__title'>还不能发布</Text>
      <Text className='text-body works-problems__summary'>
        {units.length} 个单元共 {problems.length} 个问题，请全部处理后再点“发布”。
      </Text>
      {units.map((unit) => (
        <View key={unit.unitId} className='works-problem-unit' id={`work-problems-${unit.unitId}`} data-unit-id={unit.unitId}>
          <Text className='works-problem-unit__label'>{unit.label}</Text>
          {unit.problems.map((problem, index) => (
            <Text key={index} className='works-problem' data-code={problem.code}>
              · {problem.reason}
            </Text>
          ))}
          {unit.screening && onOpenScreening ? (
            <BigButton variant='secondary' className='works-problem-screening' onClick={() => onOpenScreening(unit.unitId)}>
              去处理{unit.label}的特殊需求排查
            </BigButton>
          ) : null}
          {unit.screening && !onOpenScreening ? <Text className='text-secondary works-problem-who'>特殊需求排查由居委会或街道办完成，请与他们联系。</Text> : null}
        </View>
      ))}
    </View>
  )
}
