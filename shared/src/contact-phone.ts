/**
 * A care plan's contact phone, checked the same way on the page and on the server (pure). Accepts
 * what Chinese phones look like: a mobile (optionally +86) or a landline with its area code and an
 * optional extension, as people type them (full-width digits, spaces, dashes of any kind).
 */

export const CONTACT_PHONE_MAX = 20;

/** Said when a phone is not one: short, one example, so it reads well in 大字. */
export const CONTACT_PHONE_HINT = '联系电话应为手机号或带区号的座机，如 010-64001234';

// Dashes an input method may give instead of "-" (NFKC already turns the full-width one into "-").
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63]/g;
// How an extension is written after the number: 转 / 分机 / # / ext / x.
const EXTENSION = /(?:转|分机|#|ext\.?|x)(?=\d+$)/i;

// Mainland mobile: 1[3-9] and 9 more digits, optionally +86 first.
const MOBILE = /^(?:\+86)?1[3-9]\d{9}$/;

/** A phone as typed, made plain: NFKC (full-width digits), spaces dropped, dashes and "(010)" made "-", a mobile ungrouped. */
export function normalizeContactPhone(typed: string): string {
  const plain = typed
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(DASHES, '-')
    .replace(/^\((0\d{2,3})\)-?/, '$1-')
    .replace(EXTENSION, '-')
    .replace(/-{2,}/g, '-');
  // A mobile grouped with dashes (138-0000-1111) is stored as one number; a landline keeps its dashes.
  const ungrouped = plain.replace(/-/g, '');
  return MOBILE.test(ungrouped) ? ungrouped : plain;
}

// Area codes: 010, 02x, or four digits 03xx–09xx; then a 7–8 digit number; then an optional extension.
const LANDLINE = /^(?:010|02\d|0[3-9]\d{2})-?[1-9]\d{6,7}(?:-\d{1,6})?$/;

/** Why a normalised contact phone cannot be called, or null. */
export function contactPhoneProblem(phone: string): string | null {
  if (phone.length > CONTACT_PHONE_MAX) return CONTACT_PHONE_HINT;
  return MOBILE.test(phone) || LANDLINE.test(phone) ? null : CONTACT_PHONE_HINT;
}
