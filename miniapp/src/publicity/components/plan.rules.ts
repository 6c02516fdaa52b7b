import { PipelineStage } from '@linyi/shared'

/** Where the compound stands, said to a resident in plain words. */
export const STAGE_WORDS: Record<PipelineStage, string> = {
  [PipelineStage.None]: '小区目前还没有列入老旧小区改造项目。',
  [PipelineStage.Reserve]: '小区已列入老旧小区改造项目储备库，正在准备改造条件，还没有开始施工。',
  [PipelineStage.AnnualPlan]: '小区已列入今年的年度改造计划。施工前，改造内容和施工时间会另行征询和通知。',
  [PipelineStage.InWorks]: '小区正在改造施工。入户施工的时间请看首页的“入户施工预约”。',
  [PipelineStage.Completed]: '小区的改造已经完工。',
}

/** Home's one line per compound: the stage, and while the pipes may still be replaced, the advice not to renovate. */
export function entryWords(stage: PipelineStage): string {
  if (stage === PipelineStage.Reserve || stage === PipelineStage.AnnualPlan) return '可能更换楼内上下水管线，请暂缓厨房、卫生间装修。'
  return STAGE_WORDS[stage]
}
