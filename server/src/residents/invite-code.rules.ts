import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: the code is read aloud and copied by hand from a slip of paper. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** What a resident typed, as stored: upper case, no spaces or dashes. */
export function normalizeInviteCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

export type InviteState = 'VALID' | 'USED' | 'EXPIRED';

export function inviteState(invite: { usedAt: Date | null; expiresAt: Date }, now: Date): InviteState {
  if (invite.usedAt) return 'USED';
  return invite.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'VALID';
}
