import { CONTACT_PHONE_HINT, contactPhoneProblem, normalizeContactPhone } from './contact-phone.js';

const check = (typed: string) => contactPhoneProblem(normalizeContactPhone(typed));

describe('the contact phone of a care plan', () => {
  it('makes a phone as typed plain: full-width digits, spaces, dashes of an input method, (area code), extensions', () => {
    expect(normalizeContactPhone(' １３８ ００００ １１１１ ')).toBe('13800001111');
    expect(normalizeContactPhone('０１０－６４００１２３４')).toBe('010-64001234');
    expect(normalizeContactPhone('010——64001234')).toBe('010-64001234');
    expect(normalizeContactPhone('+86 138-0000-1111')).toBe('+8613800001111');
    expect(normalizeContactPhone('（0539）1234567')).toBe('0539-1234567');
    expect(normalizeContactPhone('010-64001234转802')).toBe('010-64001234-802');
    expect(normalizeContactPhone('010 6400 1234 #8')).toBe('01064001234-8');
  });

  it('accepts mobiles (optionally +86, grouped) and landlines with their area code (optionally an extension)', () => {
    const good = ['13800001111', '+8613800001111', '+86 138 0000 1111', '138-0000-1111', '19912345678', '010-64001234', '01064001234', '0539-1234567', '0571-87654321', '020-8765432', '(010)64001234', '010-64001234-802', '０１０－６４００１２３４'];
    expect(good.map((typed) => [typed, check(typed)])).toEqual(good.map((typed) => [typed, null]));
  });

  it('refuses what cannot be called, with one short hint', () => {
    const bad = ['12800001111', '1380000111', '138000011112', '110', '64001234', '010-1234', '013-80000111', '0539-0123456', 'abc', '打给女儿', '010-64001234-1234567', '64001234a', '+86-010-64001234', '010-6400-1234-'];
    expect(bad.map((typed) => [typed, check(typed)])).toEqual(bad.map((typed) => [typed, CONTACT_PHONE_HINT]));
    expect(CONTACT_PHONE_HINT).toContain('010-64001234');
    expect([...CONTACT_PHONE_HINT].length).toBeLessThanOrEqual(32);
  });
});
