// Server answers for a signed-in resident, shaped like shared/src/api-types.ts (cf. miniapp/test/resident-fixtures.ts).
import { ok } from './fake-server.mjs'

export const resident = { id: 'r-smoke', openid: 'wx-smoke-openid', name: null }

export const household = {
  id: 'h-301',
  label: '1号楼2单元301',
  compoundId: 'c-1',
  compoundName: '幸福里小区',
  unitId: 'u-12',
  role: 'OWNER',
}

/** What home reads for a resident with these households and nothing to answer, read or book. */
export const residentReads = (households) => ({
  'POST /auth/wechat/login': ok({ accessToken: 'smoke-token', resident }),
  'GET /me': ok({ resident, households }),
  'GET /me/consultations': ok([]),
  'GET /me/inbox/unread-count': ok({ unread: 0 }),
  'GET /me/work-windows': ok([]),
  'GET /me/supervision': ok([]),
})
