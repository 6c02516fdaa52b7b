/** A phone as committees type it: full-width digits and dashes made plain (NFKC), spaces dropped. */
export function normalizePhone(typed: string): string {
  return typed.normalize('NFKC').replace(/\s+/g, '');
}

export const PHONE_MIN = 5;
export const PHONE_MAX = 20;
// Digits and dashes, starting and ending with a digit: 010-64001234, 400-800-1234, 12345.
const PHONE = /^\d[\d-]*\d$/;

/** Why a (normalised) emergency phone cannot be printed on a notice, or null. */
export function phoneProblem(phone: string): string | null {
  if (phone.length < PHONE_MIN || phone.length > PHONE_MAX) return `应急电话应为 ${PHONE_MIN} 到 ${PHONE_MAX} 位（数字和“-”），如 010-64001234`;
  if (!PHONE.test(phone)) return '应急电话只能包含数字和“-”，并以数字开头和结尾，如 010-64001234';
  return null;
}

export const ADDRESS_MAX = 200;

export interface SettingsState {
  address: string | null;
  emergencyPhone: string | null;
}

export type SettingsChanges = Partial<Record<keyof SettingsState, { from: string | null; to: string | null }>>;

/** The fields a PUT changes (a field left out stays as it is; null clears it). */
export function settingsChanges(current: SettingsState, request: Partial<SettingsState>): SettingsChanges {
  const changes: SettingsChanges = {};
  for (const key of ['address', 'emergencyPhone'] as const) {
    const to = request[key];
    if (to !== undefined && to !== current[key]) changes[key] = { from: current[key], to };
  }
  return changes;
}
