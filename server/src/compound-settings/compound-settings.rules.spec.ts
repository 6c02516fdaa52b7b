import { normalizePhone, phoneProblem, settingsChanges } from './compound-settings.rules.js';

describe('compound settings rules', () => {
  it('reads phones as typed: full-width digits and dashes, spaces', () => {
    expect(normalizePhone(' 010 6400 1234 ')).toBe('01064001234');
    expect(normalizePhone('０１０－６４００１２３４')).toBe('010-64001234');
  });

  it('accepts digits and dashes, 5 to 20 long, starting and ending with a digit', () => {
    for (const ok of ['12345', '010-64001234', '400-800-6699', '13800000000', '1'.repeat(20)]) expect([ok, phoneProblem(ok)]).toEqual([ok, null]);
    for (const bad of ['1234', '1'.repeat(21), '-12345', '12345-', '010—64001234', '+8613800000000', '010-6400 1234', '-----']) expect(phoneProblem(bad)).toEqual(expect.any(String));
  });

  it('changes only the fields sent; null clears', () => {
    const current = { address: '光明里1号', emergencyPhone: '010-64001234' };
    expect(settingsChanges(current, {})).toEqual({});
    expect(settingsChanges(current, { address: '光明里1号' })).toEqual({});
    expect(settingsChanges(current, { emergencyPhone: null })).toEqual({ emergencyPhone: { from: '010-64001234', to: null } });
    expect(settingsChanges(current, { address: '光明里2号', emergencyPhone: '12345' })).toEqual({ address: { from: '光明里1号', to: '光明里2号' }, emergencyPhone: { from: '010-64001234', to: '12345' } });
  });
});
