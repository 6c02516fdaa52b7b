import { checkInviteCode, normalizeInviteCode } from '../src/lib/invite-code'
import { floorAndArea, spacedCode } from '../src/lib/format'

it('normalizes what a resident types', () => {
  expect(normalizeInviteCode(' k7m3-q9tx ')).toBe('K7M3Q9TX')
})

it.each([
  ['', '请输入邀请码'],
  ['K7M3Q', '邀请码是6到10位，请核对后重新输入'],
  ['K7M3Q9TXK7M', '邀请码是6到10位，请核对后重新输入'],
  ['K7M3Q9T!', '邀请码只包含字母和数字，请核对后重新输入'],
  ['K7M3Q9', null],
  ['K7M3Q9TXAB', null],
])('checks %p', (code, message) => {
  expect(checkInviteCode(code)).toBe(message)
})

it('formats what staff read out', () => {
  expect(spacedCode('K7M3Q9TX')).toBe('K7M3 Q9TX')
  expect(floorAndArea(5, 86.456)).toBe('5层 · 86.46平方米')
})
