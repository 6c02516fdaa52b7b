import { inflateSync } from 'node:zlib'
import { ConsultationKind, DecisionRule, GroupBy, plumbingDisclosures } from '@linyi/shared'
import type { CompoundStructure } from '@linyi/shared'
import { newDraft, withEmergencyPhone, withKind, withRule } from '../src/lib/draft/defaults'
import { householdsInScope, serverErrorFields, toCreateRequest } from '../src/lib/draft/request'
import { parseStoredDraft, storedDraft } from '../src/lib/draft/storage'
import type { ConsultationDraft } from '../src/lib/draft/types'
import { emergencyPhoneProblem, validateDraft } from '../src/lib/draft/validation'
import { normalHex, swatchPng } from '../src/staff/components/author/swatch-png'
// The server's own rules, to prove the form refuses exactly what the server would.
import { consultationProblems } from '../../server/src/consultations/consultation.rules'

// 2026-12-01 10:30 in Shanghai.
const NOW = new Date('2026-12-01T02:30:00Z')
const COMPOUND = '7f1c2c1e-1b7a-4c55-9a57-3d7c8f1b2a10'

const filled = (changes: Partial<ConsultationDraft> = {}, kind = ConsultationKind.PlumbingApplication): ConsultationDraft => ({
  ...newDraft(kind, NOW, '010-87654321'),
  title: '5号楼楼内上下水管线改造申请',
  body: '请阅读告知事项后签名申请。',
  ...changes,
})

describe('defaults', () => {
  it('makes a plumbing application unanimous per unit, with every §三 disclosure and the compound’s emergency line', () => {
    const draft = newDraft(ConsultationKind.PlumbingApplication, NOW, '010-87654321')
    expect(draft.rule).toBe(DecisionRule.Unanimous)
    expect(draft.groupBy).toBe(GroupBy.Unit)
    expect(draft.disclosures).toEqual(plumbingDisclosures('010-87654321'))
    expect(draft.disclosures.find((d) => d.id === 'emergency')!.text).toContain('010-87654321')
    expect(draft.ownersOnly).toBe(true)
  })

  it('opens at publication and closes in 14 days at 18:00 北京时间', () => {
    const draft = newDraft(ConsultationKind.General, NOW, null)
    expect(draft.opensNow).toBe(true)
    expect(draft.deadline).toEqual({ date: '2026-12-15', clock: '18:00' })
    expect(toCreateRequest(filled({}, ConsultationKind.General), COMPOUND, NOW).deadline).toBe('2026-12-15T10:00:00.000Z')
  })

  it('takes the day in Shanghai, not the device’s: 23:30 UTC is already the next morning there', () => {
    const lateUtc = new Date('2026-12-01T23:30:00Z')
    expect(newDraft(ConsultationKind.General, lateUtc, null).deadline.date).toBe('2026-12-16')
  })

  it.each([
    [ConsultationKind.DesignVote, DecisionRule.Plurality, GroupBy.Compound, true],
    [ConsultationKind.PropertyServiceAgreement, DecisionRule.CivilCodeOrdinary, GroupBy.Compound, true],
    [ConsultationKind.FundPledge, DecisionRule.CivilCodeMajor, GroupBy.Compound, true],
    [ConsultationKind.WindowGuardConsent, DecisionRule.Unanimous, GroupBy.Building, true],
    [ConsultationKind.SatisfactionSurvey, DecisionRule.CivilCodeOrdinary, GroupBy.Compound, false],
    [ConsultationKind.General, DecisionRule.CivilCodeOrdinary, GroupBy.Compound, false],
  ])('gives %s the rule %s, grouping %s (owners only: %s)', (kind, rule, groupBy, ownersOnly) => {
    const draft = withKind(newDraft(ConsultationKind.PlumbingApplication, NOW, null), kind, null)
    expect({ rule: draft.rule, groupBy: draft.groupBy, ownersOnly: draft.ownersOnly }).toEqual({ rule, groupBy, ownersOnly })
    expect(draft.disclosures).toEqual([])
  })

  it('starts a vote with two empty options', () => {
    expect(newDraft(ConsultationKind.DesignVote, NOW, null).options.map((o) => o.id)).toEqual(['plan-1', 'plan-2'])
    expect(withRule(newDraft(ConsultationKind.General, NOW, null), DecisionRule.Plurality).options).toHaveLength(2)
  })

  it('keeps disclosures the author rewrote when the kind changes', () => {
    const draft = newDraft(ConsultationKind.PlumbingApplication, NOW, null)
    const edited = { ...draft, disclosures: [{ id: 'content', text: '本小区只更换立管。' }] }
    expect(withKind(edited, ConsultationKind.General, null).disclosures).toEqual(edited.disclosures)
  })

  it('writes a newly saved phone into the emergency item, unless the author reworded it', () => {
    const draft = newDraft(ConsultationKind.PlumbingApplication, NOW, null)
    const updated = withEmergencyPhone(draft, null, '13800001111')
    expect(updated.disclosures.find((d) => d.id === 'emergency')!.text).toContain('13800001111')
    const reworded = { ...draft, disclosures: [{ id: 'emergency', text: '请拨打物业电话。' }] }
    expect(withEmergencyPhone(reworded, null, '13800001111').disclosures[0].text).toBe('请拨打物业电话。')
  })
})

describe('validation, field by field', () => {
  it('asks for a title next to the title field', () => {
    expect(validateDraft(filled({ title: '  ' }), NOW)).toEqual({ title: '请填写标题' })
    expect(validateDraft(filled({ title: '改' }), NOW).title).toBe('标题应为 2 到 120 个字')
    expect(validateDraft(filled({ title: '改'.repeat(121) }), NOW).title).toBe('标题应为 2 到 120 个字')
  })

  it('counts an emoji as one character, as the server does (the same message on both sides)', () => {
    expect(validateDraft(filled({ title: '🏠' }), NOW).title).toBe('标题应为 2 到 120 个字')
    expect(validateDraft(filled({ title: '🏠'.repeat(120) }), NOW).title).toBeUndefined()
    expect(validateDraft(filled({ title: '🏠'.repeat(121) }), NOW).title).toBe('标题应为 2 到 120 个字')
    const vote = filled({ title: '外立面色彩方案投票' }, ConsultationKind.DesignVote)
    const [a, b] = vote.options
    const errors = validateDraft({ ...vote, options: [{ ...a, title: '🎨'.repeat(60) }, { ...b, title: '🎨'.repeat(61) }] }, NOW)
    expect(errors['options.0.title']).toBeUndefined()
    expect(errors['options.1.title']).toBe('方案名称应为 1 到 60 个字')
  })

  it('finds nothing wrong with a complete plumbing application', () => {
    expect(validateDraft(filled(), NOW)).toEqual({})
  })

  it('holds a plumbing application to the unanimous, per-unit rule', () => {
    const errors = validateDraft(filled({ rule: DecisionRule.CivilCodeMajor, groupBy: GroupBy.Building }), NOW)
    expect(errors.rule).toContain('全体同意')
    expect(errors.groupBy).toContain('按单元')
  })

  it('needs a day between opening and deadline, and a deadline in the future', () => {
    expect(validateDraft(filled({ deadline: { date: '2026-12-02', clock: '09:00' } }), NOW).deadline).toBe('截止时间至少要在开始时间一天之后，给居民留出协商时间')
    expect(validateDraft(filled({ deadline: { date: '2026-11-30', clock: '18:00' } }), NOW).deadline).toBe('截止时间已经过去，请选择以后的时间')
    expect(validateDraft(filled({ deadline: { date: '2026-02-30', clock: '18:00' } }), NOW).deadline).toBe('请选择截止日期和时间')
  })

  it('checks a vote’s options: at least two, each named, pictures the server accepts', () => {
    const vote = filled({ title: '外立面色彩方案投票' }, ConsultationKind.DesignVote)
    const [a, b] = vote.options
    expect(validateDraft({ ...vote, options: [{ ...a, title: '暖灰色' }] }, NOW).options).toBe('方案投票至少需要两个方案')
    const errors = validateDraft({ ...vote, options: [{ ...a, title: '暖灰色', imageUrl: 'http://example.com/a.png' }, b] }, NOW)
    expect(errors['options.0.imageUrl']).toContain('https://')
    expect(errors['options.1.title']).toBe('请填写方案名称')
    const huge = `data:image/jpeg;base64,${'A'.repeat(500_001)}`
    expect(validateDraft({ ...vote, options: [{ ...a, title: '甲', imageUrl: huge }, { ...b, title: '乙' }] }, NOW)['options.0.imageUrl']).toContain('过大')
  })

  it('needs at least one unit when not asking the whole compound, and sane numbers', () => {
    expect(validateDraft(filled({ allUnits: false, unitIds: [] }), NOW).units).toContain('至少选择一个单元')
    expect(validateDraft(filled({ visitsBeforeFinal: '0' }), NOW).visitsBeforeFinal).toContain('1 到 10')
    const vote = filled({ turnoutPercent: '101' }, ConsultationKind.DesignVote)
    expect(validateDraft(vote, NOW).turnoutPercent).toContain('1 到 100')
  })

  it.each<[string, Partial<ConsultationDraft>, ConsultationKind]>([
    ['complete plumbing', {}, ConsultationKind.PlumbingApplication],
    ['plumbing by building', { groupBy: GroupBy.Building }, ConsultationKind.PlumbingApplication],
    ['plumbing by majority', { rule: DecisionRule.CivilCodeOrdinary }, ConsultationKind.PlumbingApplication],
    ['short round', { deadline: { date: '2026-12-02', clock: '09:00' } }, ConsultationKind.General],
    ['past deadline', { deadline: { date: '2026-11-30', clock: '09:00' } }, ConsultationKind.General],
    ['window guards per unit', { groupBy: GroupBy.Unit }, ConsultationKind.WindowGuardConsent],
    ['vote with one option', { options: [{ id: 'plan-1', title: '甲', description: '', imageUrl: null, swatch: null }] }, ConsultationKind.DesignVote],
    ['scheduled opening', { opensNow: false, opensAt: { date: '2026-12-05', clock: '09:00' } }, ConsultationKind.FundPledge],
  ])('refuses what the server refuses (%s)', (_, changes, kind) => {
    const base = filled({}, kind)
    const named = kind === ConsultationKind.DesignVote ? { options: base.options.map((o, i) => ({ ...o, title: `方案${i + 1}` })) } : {}
    const draft = { ...base, ...named, ...changes }
    const serverSays = consultationProblems(toCreateRequest(draft, COMPOUND, NOW), NOW)
    expect(Object.keys(validateDraft(draft, NOW)).length > 0).toBe(serverSays.length > 0)
  })
})

describe('the request', () => {
  it('sends trimmed texts, Shanghai times as instants, and no options outside a vote', () => {
    const draft = filled({ title: '  申请  ', opensNow: false, opensAt: { date: '2026-12-05', clock: '09:00' }, options: [{ id: 'x', title: 'y', description: '', imageUrl: null, swatch: null }] })
    const request = toCreateRequest(draft, COMPOUND, NOW)
    expect(request).toMatchObject({ compoundId: COMPOUND, title: '申请', rule: DecisionRule.Unanimous, groupBy: GroupBy.Unit, options: [], opensAt: '2026-12-05T01:00:00.000Z', visitsBeforeFinal: 3, ownersOnly: true })
    expect(request.disclosures).toEqual(plumbingDisclosures('010-87654321'))
    expect(request).not.toHaveProperty('unitIds')
    expect(request).not.toHaveProperty('turnoutPercent')
  })

  it('opens now when published now, and lists chosen units', () => {
    const request = toCreateRequest(filled({ allUnits: false, unitIds: ['u-1', 'u-2'] }), COMPOUND, NOW)
    // A minute early, so that a server clock a little behind the device's still opens it at once.
    expect(request.opensAt).toBe('2026-12-01T02:29:00.000Z')
    expect(request.unitIds).toEqual(['u-1', 'u-2'])
  })

  it('sends a vote’s options with their pictures and the turnout', () => {
    const vote = filled({ turnoutPercent: '60' }, ConsultationKind.DesignVote)
    const options = [
      { ...vote.options[0], title: '暖灰色', swatch: '#B9B2A8', imageUrl: swatchPng('#B9B2A8') },
      { ...vote.options[1], title: '砖红色', description: ' 深灰勒脚 ' },
    ]
    const request = toCreateRequest({ ...vote, options }, COMPOUND, NOW)
    expect(request.turnoutPercent).toBe(60)
    expect(request.options).toEqual([
      { id: 'plan-1', title: '暖灰色', description: '', imageUrl: swatchPng('#B9B2A8') },
      { id: 'plan-2', title: '砖红色', description: '深灰勒脚' },
    ])
  })
})

describe('server messages', () => {
  it('puts each part of a 400 next to the field it names, the rest at the top', () => {
    const { fields, general } = serverErrorFields('截止时间至少要在开始时间一天之后，给居民留出协商时间；楼内上下水管线改造申请必须按单元（UNIT）统计；请选择小区；字段“options.0.title”格式不正确')
    expect(fields).toEqual({
      deadline: '截止时间至少要在开始时间一天之后，给居民留出协商时间',
      groupBy: '楼内上下水管线改造申请必须按单元（UNIT）统计',
      'options.0.title': '字段“options.0.title”格式不正确',
    })
    expect(general).toBe('请选择小区')
    expect(serverErrorFields('所选单元中有不属于该小区的单元').fields).toEqual({ units: '所选单元中有不属于该小区的单元' })
  })
})

describe('emergency phone', () => {
  it('accepts what the settings route accepts, and says why not otherwise', () => {
    expect(emergencyPhoneProblem('010-64001234')).toBeNull()
    expect(emergencyPhoneProblem('１３８ ０００ ０１１１')).toBeNull()
    expect(emergencyPhoneProblem('')).toBe('请填写应急电话')
    expect(emergencyPhoneProblem('1234')).toContain('5 到 20 位')
    expect(emergencyPhoneProblem('-010-6400')).toContain('以数字开头和结尾')
  })
})

describe('colour swatch', () => {
  it('is a PNG of exactly that colour, which the server accepts as a picture', () => {
    const url = swatchPng('#a4513a')
    expect(url).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/)
    const png = Buffer.from(url.split(',')[1], 'base64')
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.readUInt32BE(16)).toBe(16) // width
    expect(png.readUInt32BE(20)).toBe(9) // height
    const idatLength = png.readUInt32BE(33)
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT')
    const pixels = inflateSync(png.subarray(41, 41 + idatLength))
    expect(pixels.length).toBe(9 * (1 + 16 * 3))
    expect([...pixels.subarray(1, 4)]).toEqual([0xa4, 0x51, 0x3a])
    expect([...pixels.subarray(pixels.length - 3)]).toEqual([0xa4, 0x51, 0x3a])
  })

  it('reads typed colours with or without #', () => {
    expect(normalHex('b9b2a8')).toBe('#B9B2A8')
    expect(normalHex('#B9B2A')).toBeNull()
  })
})

describe('scope and storage', () => {
  const structure: CompoundStructure = {
    id: COMPOUND,
    name: '光明里',
    buildings: [
      {
        id: 'b-1',
        name: '1号楼',
        units: [
          { id: 'u-1', name: '1单元', households: [{ id: 'h-1', label: '1号楼1单元101', room: '101', floor: 1, areaM2: 60 }] },
          { id: 'u-2', name: '2单元', households: [{ id: 'h-2', label: '1号楼2单元101', room: '101', floor: 1, areaM2: 60 }, { id: 'h-3', label: '1号楼2单元102', room: '102', floor: 1, areaM2: 60 }] },
        ],
      },
    ],
  }

  it('counts the households asked', () => {
    expect(householdsInScope(structure, { allUnits: true, unitIds: [] })).toEqual({ count: 3, sampleLabel: '1号楼1单元101' })
    expect(householdsInScope(structure, { allUnits: false, unitIds: ['u-2'] })).toEqual({ count: 2, sampleLabel: '1号楼2单元101' })
  })

  it('reads back a stored draft, and nothing else', () => {
    const draft = filled()
    expect(parseStoredDraft(storedDraft(draft))).toEqual(draft)
    expect(parseStoredDraft('{"version":2}')).toBeNull()
    expect(parseStoredDraft('not json')).toBeNull()
    expect(parseStoredDraft('')).toBeNull()
  })
})
