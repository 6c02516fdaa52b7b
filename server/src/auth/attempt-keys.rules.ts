import { isIPv6 } from 'node:net';

/**
 * A username as MariaDB's utf8mb4_unicode_ci compares it: case and accents ignored (NFKD, combining
 * marks dropped, lower case) and trailing spaces ignored (PAD SPACE). Two names that find the same
 * account must count against the same lock.
 */
export function normalizeUsername(typed: string): string {
  return typed
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ +$/, '');
}

/**
 * A username as stored and looked up: the compared form without the leading spaces a typist adds, so
 * the name shown is the one that signs in on every database, and two spellings of one name cannot
 * become two accounts.
 */
export function canonicalUsername(typed: string): string {
  return normalizeUsername(typed.trim());
}

/** The limiter key of an account that exists: its id, so every spelling that finds it shares one count. */
export const accountKey = (accountId: string) => `id:${accountId}`;
/** The limiter key of a name that finds no account: its canonical form, the one sign-in looked up. */
export const unknownNameKey = (typed: string) => `name:${canonicalUsername(typed)}`;

/**
 * The limiter key of a client address. IPv4-mapped IPv6 is the IPv4 address; other IPv6 addresses
 * count per /64, because one subscriber is handed a whole /64 and could otherwise rotate freely.
 */
export function addressKey(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, as lower-case hex without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const parts = (text: string | undefined) => (text ? text.split(':').flatMap((part) => (part.includes('.') ? ipv4AsGroups(part) : [part])) : []);
  const headParts = parts(head);
  const tailParts = parts(tail);
  const zeros = tail === undefined ? [] : Array(8 - headParts.length - tailParts.length).fill('0');
  return [...headParts, ...zeros, ...tailParts].map((group) => parseInt(group, 16).toString(16));
}

function ipv4AsGroups(dotted: string): string[] {
  const [a, b, c, d] = dotted.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
