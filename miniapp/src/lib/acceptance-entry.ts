import { AcceptanceStatus } from '@linyi/shared'
import type { MyWorkPlan } from '@linyi/shared'

/** What home, 入户施工预约 and the acceptance chooser say about a household's acceptance, and the button into it. */
export interface AcceptanceEntry {
  state: string
  button: string
  /** The resident is asked to act: the button is the primary one. */
  todo: boolean
  /** The state chip's classes (app.css): to do, done, or waiting for the crew. */
  chip: string
}

const TODO = 'answer-state answer-state--todo'
const DONE = 'answer-state answer-state--done'
const WAIT = 'state-badge state-badge--pending'

export function acceptanceEntry(acceptance: NonNullable<MyWorkPlan['acceptance']>): AcceptanceEntry {
  if (acceptance.status === AcceptanceStatus.Accepted) return { state: '已验收', button: '查看验收和保修', todo: false, chip: DONE }
  if (acceptance.canAccept) return { state: '施工已检测合格，请您验收', button: '去验收', todo: true, chip: TODO }
  if (acceptance.status === AcceptanceStatus.Rework) return { state: '整改中：您提出的问题正在整改', button: '查看验收进度', todo: false, chip: WAIT }
  if (acceptance.inspected) return { state: '检测没有通过，施工单位整改后会重新检测', button: '查看检测结果', todo: false, chip: WAIT }
  return { state: '等待施工单位检测', button: '查看验收进度', todo: false, chip: WAIT }
}
