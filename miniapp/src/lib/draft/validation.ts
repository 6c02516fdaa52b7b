import { ConsultationKind, DecisionRule, GroupBy } from '@linyi/shared'
import { opensAtOf, parseWallClock } from './times'
import type { ConsultationDraft, DraftErrors } from './types'

/** The server's rules (create-consultation.dto.ts, consultation.rules.ts) checked field by field, in Chinese. */

export const TITLE_MIN = 2
export const TITLE_MAX = 120
export const BODY_MAX = 20000
export const OPTIONS_MAX = 20
export const OPTION_TITLE_MAX = 60
export const OPTION_DESCRIPTION_MAX = 2000
export const DISCLOSURES_MAX = 30
export const DISCLOSURE_TEXT_MAX = 2000
export const UNITS_MAX = 2000
/** The server refuses a picture above this many characters (OptionDto.imageUrl). */
export const PICTURE_MAX_CHARS = 500_000
/** Every resident downloads the pictures with the consultation: keep them together below this. */
export const PICTURES_TOTAL_MAX_CHARS = 2_000_000
export const MIN_CONSULTATION_MS = 24 * 3600 * 1000

const ID_PATTERN = /^[\w-]{1,64}$/
// The server's check (OptionDto): an https link or inline PNG/JPEG, nothing a WebView could run.
const IMAGE_URL = /^(https:\/\/[^\s"'<>]+|data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*)$/

/** Characters as the server counts them (common/validation/char-length.ts): code points, so an emoji is one. */
export const charCount = (text: string): number => [...text].length

const isInteger = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max

function checkTexts(draft: ConsultationDraft, errors: DraftErrors): void {
  const title = draft.title.trim()
  if (!title) errors.title = '请填写标题'
  else if (charCount(title) < TITLE_MIN || charCount(title) > TITLE_MAX) errors.title = `标题应为 ${TITLE_MIN} 到 ${TITLE_MAX} 个字`
  if (!draft.body.trim()) errors.body = '请填写正文，说明征询什么、为什么、结果如何使用'
  else if (charCount(draft.body) > BODY_MAX) errors.body = `正文最多 ${BODY_MAX} 个字`
}

function checkRule(draft: ConsultationDraft, errors: DraftErrors): void {
  if (draft.kind === ConsultationKind.PlumbingApplication) {
    if (draft.rule !== DecisionRule.Unanimous) errors.rule = '楼内上下水管线改造申请必须采用“全体同意”规则'
    if (draft.groupBy !== GroupBy.Unit) errors.groupBy = '楼内上下水管线改造申请必须按单元统计'
  }
  if (draft.kind === ConsultationKind.WindowGuardConsent && draft.groupBy !== GroupBy.Building) errors.groupBy = '拆除外窗护栏征询应按楼栋统计'
  if (draft.kind === ConsultationKind.DesignVote && draft.rule !== DecisionRule.Plurality) errors.rule = '设计方案投票请采用“方案投票（得票最多）”规则'
  if (draft.rule === DecisionRule.Plurality && !isInteger(draft.turnoutPercent, 1, 100)) errors.turnoutPercent = '最低投票率应为 1 到 100 之间的整数'
  if (draft.rule === DecisionRule.Unanimous && !isInteger(draft.visitsBeforeFinal, 1, 10)) errors.visitsBeforeFinal = '上门次数应为 1 到 10 之间的整数'
  if (!draft.allUnits && draft.unitIds.length === 0) errors.units = '请至少选择一个单元，或选择“全部单元”'
  else if (!draft.allUnits && draft.unitIds.length > UNITS_MAX) errors.units = `最多选择 ${UNITS_MAX} 个单元`
}

function checkOptions(draft: ConsultationDraft, errors: DraftErrors): void {
  if (draft.rule !== DecisionRule.Plurality) return
  if (draft.options.length < 2) errors.options = '方案投票至少需要两个方案'
  else if (draft.options.length > OPTIONS_MAX) errors.options = `最多 ${OPTIONS_MAX} 个方案`
  let pictures = 0
  draft.options.forEach((option, i) => {
    const title = option.title.trim()
    if (!title) errors[`options.${i}.title`] = '请填写方案名称'
    else if (charCount(title) > OPTION_TITLE_MAX) errors[`options.${i}.title`] = `方案名称应为 1 到 ${OPTION_TITLE_MAX} 个字`
    if (charCount(option.description) > OPTION_DESCRIPTION_MAX) errors[`options.${i}.description`] = `方案说明最多 ${OPTION_DESCRIPTION_MAX} 个字`
    if (option.imageUrl !== null) {
      // A picture the pattern accepts is ASCII, where UTF-16 units are code points: no need to spread half a megabyte.
      pictures += option.imageUrl.length
      if (option.imageUrl.length > PICTURE_MAX_CHARS) errors[`options.${i}.imageUrl`] = '方案图片过大，请换一张小一些的图片'
      else if (!IMAGE_URL.test(option.imageUrl)) errors[`options.${i}.imageUrl`] = '方案图片必须是 https:// 开头的链接，或选择一张照片'
    }
  })
  if (new Set(draft.options.map((o) => o.id)).size !== draft.options.length || draft.options.some((o) => !ID_PATTERN.test(o.id))) {
    errors.options = '方案编号不能重复'
  }
  if (!errors.options && pictures > PICTURES_TOTAL_MAX_CHARS) errors.options = '方案图片合计过大，居民打开会很慢：请换小一些的图片或改用色块'
}

function checkDisclosures(draft: ConsultationDraft, errors: DraftErrors): void {
  if (draft.disclosures.length > DISCLOSURES_MAX) errors.disclosures = `最多 ${DISCLOSURES_MAX} 个告知事项`
  if (draft.kind === ConsultationKind.PlumbingApplication && draft.disclosures.length === 0) {
    errors.disclosures = '上下水改造申请前必须告知住户改造内容、配合义务、工期、停水影响、临时供水和应急措施（政策第三条）'
  }
  draft.disclosures.forEach((disclosure, i) => {
    if (!disclosure.text.trim()) errors[`disclosures.${i}.text`] = '请填写告知事项内容，或删除这一项'
    else if (charCount(disclosure.text) > DISCLOSURE_TEXT_MAX) errors[`disclosures.${i}.text`] = `告知事项内容最多 ${DISCLOSURE_TEXT_MAX} 个字`
  })
  const ids = draft.disclosures.map((d) => d.id)
  if (new Set(ids).size !== ids.length || ids.some((id) => !ID_PATTERN.test(id))) errors.disclosures = '告知事项编号不能重复'
}

function checkTimes(draft: ConsultationDraft, now: Date, errors: DraftErrors): void {
  const opensAt = opensAtOf(draft, now)
  const deadline = parseWallClock(draft.deadline)
  if (!opensAt) errors.opensAt = '请选择开始日期和时间'
  if (!deadline) {
    errors.deadline = '请选择截止日期和时间'
    return
  }
  if (deadline.getTime() <= now.getTime()) errors.deadline = '截止时间已经过去，请选择以后的时间'
  else if (opensAt && deadline.getTime() - opensAt.getTime() < MIN_CONSULTATION_MS) errors.deadline = '截止时间至少要在开始时间一天之后，给居民留出协商时间'
}

/** Every problem the server would refuse (and a few it would accept but residents could not answer), by field. */
export function validateDraft(draft: ConsultationDraft, now: Date): DraftErrors {
  const errors: DraftErrors = {}
  checkTexts(draft, errors)
  checkRule(draft, errors)
  checkOptions(draft, errors)
  checkDisclosures(draft, errors)
  checkTimes(draft, now, errors)
  return errors
}

/** The emergency phone as the settings route stores it (compound-settings.rules.ts): NFKC, no spaces. */
export const normalPhone = (typed: string): string => typed.normalize('NFKC').replace(/\s+/g, '')

/** Why the settings route would refuse this emergency phone, or null. */
export function emergencyPhoneProblem(typed: string): string | null {
  const phone = normalPhone(typed)
  if (!phone) return '请填写应急电话'
  if (phone.length < 5 || phone.length > 20) return '应急电话应为 5 到 20 位（数字和“-”），如 010-64001234'
  if (!/^\d[\d-]*\d$/.test(phone)) return '应急电话只能包含数字和“-”，并以数字开头和结尾，如 010-64001234'
  return null
}
