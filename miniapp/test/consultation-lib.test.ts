import { Answer, ConsultationKind, ConsultationStatus, GroupBy } from '@linyi/shared'
import Taro, { ok, resetTaro, serve, storage } from './taro-mock'
import { group } from './consultation-fixtures'
import { answerLabel, evidenceShort, groupProgress, isAnswerable, kindLabel } from '../src/lib/consultation-text'
import { InkSurface, type Context2D } from '../src/lib/ink'
import { fetchCompoundConsultations } from '../src/api'
import { StorageKey } from '../src/api/storage'

describe('consultation wording', () => {
  it('names every kind in Chinese', () => {
    for (const kind of Object.values(ConsultationKind)) expect(kindLabel(kind)).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('says what my answer means for this kind', () => {
    expect(answerLabel(ConsultationKind.PlumbingApplication, null)).toBe('未填写')
    expect(answerLabel(ConsultationKind.PlumbingApplication, Answer.Agree)).toBe('已申请')
    expect(answerLabel(ConsultationKind.FundPledge, Answer.Agree)).toBe('已同意')
    expect(answerLabel(ConsultationKind.DesignVote, Answer.Option)).toBe('已投票')
  })

  it('counts the progress that decides the consultation, in its group', () => {
    const g = group({ agreed: 9, responded: 11, households: 12 })
    expect(groupProgress({ kind: ConsultationKind.PlumbingApplication, groupBy: GroupBy.Unit }, g)).toBe('本单元 9/12 户已申请')
    expect(groupProgress({ kind: ConsultationKind.WindowGuardConsent, groupBy: GroupBy.Building }, g)).toBe('本楼 9/12 户已同意')
    expect(groupProgress({ kind: ConsultationKind.DesignVote, groupBy: GroupBy.Compound }, g)).toBe('本小区 11/12 户已投票')
  })

  it('allows answers only while open and before the deadline', () => {
    const deadline = '2026-12-01T10:00:00.000Z'
    const before = Date.parse(deadline) - 1
    expect(isAnswerable({ status: ConsultationStatus.Open, deadline }, before)).toBe(true)
    expect(isAnswerable({ status: ConsultationStatus.Open, deadline }, Date.parse(deadline))).toBe(false)
    expect(isAnswerable({ status: ConsultationStatus.Closed, deadline }, before)).toBe(false)
  })

  it('reads out the first 8 characters of the evidence hash', () => {
    expect(evidenceShort('3f9a2c71d0e4b5a6')).toBe('3f9a2c71')
  })
})

describe('InkSurface', () => {
  const ctx = () =>
    new Proxy({} as Record<string, unknown>, {
      get: (target, name: string) => (name in target ? target[name] : (target[name] = jest.fn())),
    }) as unknown as Context2D

  it('counts a signature only once a line is drawn, and forgets it on clear', () => {
    const surface = new InkSurface(ctx(), 600, 400)
    surface.begin(10, 10)
    expect(surface.hasInk).toBe(false)
    expect(surface.extend(20, 20)).toBe(true)
    expect(surface.extend(30, 25)).toBe(false)
    expect(surface.hasInk).toBe(true)
    surface.end()
    expect(surface.extend(40, 40)).toBe(false)
    surface.clear()
    expect(surface.hasInk).toBe(false)
  })

  it('paints the whole page white, in device pixels', () => {
    const context = ctx()
    new InkSurface(context, 600, 400)
    expect(context.setTransform).toHaveBeenCalledWith(1, 0, 0, 1, 0, 0)
    expect(context.fillRect).toHaveBeenCalledWith(0, 0, 600, 400)
  })
})

it('sends query parameters encoded', async () => {
  resetTaro()
  storage.set(StorageKey.staffToken, 'staff-token')
  serve({ 'GET /consultations?compoundId=a%20b%26c': ok([]) })
  await expect(fetchCompoundConsultations('a b&c')).resolves.toEqual([])
  expect(Taro.request).toHaveBeenCalledTimes(1)
})
