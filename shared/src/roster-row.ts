/** Validation of one household roster row (building, unit, room, floor, area, owner, phone). */

export interface RosterRowInput {
  building?: string;
  unit?: string;
  room?: string;
  floor?: string;
  areaM2?: string;
  ownerName?: string;
  phone?: string;
}

export interface RosterRow {
  building: string;
  unit: string;
  room: string;
  floor: number;
  areaM2: number;
  ownerName: string;
  phone: string | null;
}

export type RosterRowCheck = { ok: true; row: RosterRow } | { ok: false; message: string };

/** Header names accepted for each column, Chinese first (committees export from Excel). */
export const ROSTER_HEADERS: Record<keyof RosterRowInput, string[]> = {
  building: ['楼栋', '楼号', 'building'],
  unit: ['单元', 'unit'],
  room: ['房号', '门牌号', 'room'],
  floor: ['楼层', 'floor'],
  areaM2: ['建筑面积', '面积', 'area', 'areaM2', 'area_m2'],
  ownerName: ['业主姓名', '业主', '姓名', 'owner', 'ownerName'],
  phone: ['电话', '手机', '联系电话', 'phone'],
};

/** Marks the template's example owner: a roster that still holds the example row is refused, not imported. */
export const ROSTER_EXAMPLE_MARK = '（示例）';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** "3" → "3号楼", so that "3" and "3号楼" in two imports name the same building. */
export function normalizeBuilding(value: string): string {
  return /^\d+$/.test(value) ? `${value}号楼` : value;
}

export function normalizeUnit(value: string): string {
  return /^\d+$/.test(value) ? `${value}单元` : value;
}

export function checkRosterRow(input: RosterRowInput): RosterRowCheck {
  const text = (value: string | undefined) => (value ?? '').trim();
  const building = text(input.building);
  const unit = text(input.unit);
  const room = text(input.room);
  const ownerName = text(input.ownerName);
  const phone = text(input.phone).replace(/\s+/g, '');
  const missing: string[] = [];
  if (!building) missing.push('楼栋');
  if (!unit) missing.push('单元');
  if (!room) missing.push('房号');
  if (!text(input.floor)) missing.push('楼层');
  if (!text(input.areaM2)) missing.push('建筑面积');
  if (!ownerName) missing.push('业主姓名');
  if (missing.length) return { ok: false, message: `缺少${missing.join('、')}` };
  if (ownerName.endsWith(ROSTER_EXAMPLE_MARK)) return { ok: false, message: '这是模板里的示例行，请删除或改成真实住户' };

  const floor = Number(text(input.floor));
  if (!Number.isInteger(floor) || floor < -5 || floor > 100) {
    return { ok: false, message: `楼层“${text(input.floor)}”不是有效的整数（-5 到 100）` };
  }
  const areaM2 = Number(text(input.areaM2));
  if (!Number.isFinite(areaM2) || areaM2 < 0 || areaM2 > 2000) {
    return { ok: false, message: `建筑面积“${text(input.areaM2)}”不是有效的平方米数（0 到 2000）` };
  }
  if (room.length > 20 || building.length > 40 || unit.length > 40 || ownerName.length > 60) {
    return { ok: false, message: '楼栋、单元、房号或业主姓名过长' };
  }
  if (phone && !MOBILE.test(phone) && !LANDLINE.test(phone)) {
    return { ok: false, message: `电话“${phone}”不是有效的手机号或座机号` };
  }
  return {
    ok: true,
    row: {
      building: normalizeBuilding(building),
      unit: normalizeUnit(unit),
      room,
      floor,
      areaM2: Math.round(areaM2 * 100) / 100,
      ownerName,
      phone: phone || null,
    },
  };
}
