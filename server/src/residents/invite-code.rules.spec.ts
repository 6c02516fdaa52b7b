import { INVITE_ALPHABET, inviteState, newInviteCode, normalizeInviteCode } from './invite-code.rules.js';

describe('invite code rules', () => {
  it('makes 8-character codes without look-alike characters', () => {
    const codes = Array.from({ length: 500 }, newInviteCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(new Set(codes).size).toBe(500);
    expect(INVITE_ALPHABET).not.toMatch(/[01IOL]/);
  });

  it('accepts what a resident types: lower case, spaces, dashes', () => {
    expect(normalizeInviteCode(' k7m3-q9tx ')).toBe('K7M3Q9TX');
  });

  it('is valid until the expiry instant, then expired; used wins over expired', () => {
    const expiresAt = new Date('2026-12-01T00:00:00Z');
    expect(inviteState({ usedAt: null, expiresAt }, new Date('2026-11-30T23:59:59Z'))).toBe('VALID');
    expect(inviteState({ usedAt: null, expiresAt }, expiresAt)).toBe('EXPIRED');
    expect(inviteState({ usedAt: new Date(), expiresAt }, new Date('2027-01-01'))).toBe('USED');
  });
});
