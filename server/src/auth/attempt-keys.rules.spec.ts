import { accountKey, addressKey, normalizeUsername, unknownNameKey } from './attempt-keys.rules.js';

describe('attempt limiter keys', () => {
  it('folds case, accents and trailing spaces the way MariaDB finds the account', () => {
    for (const typed of ['committee2-demo', 'committee2-demo ', 'committee2-demo   ', 'COMMITTEE2-DEMO', 'Cömmittéé2-dëmo', 'ｃｏｍｍｉｔｔｅｅ２-demo']) {
      expect(normalizeUsername(typed)).toBe('committee2-demo');
    }
  });

  it('keeps leading spaces and inner differences, which MariaDB does not ignore either', () => {
    expect(normalizeUsername(' committee2-demo')).not.toBe('committee2-demo');
    expect(normalizeUsername('committee-demo')).not.toBe(normalizeUsername('committee2-demo'));
  });

  it('keys a known account by id and an unknown name by its folded form', () => {
    expect(accountKey('0b0c')).toBe('id:0b0c');
    expect(unknownNameKey('Nobody ')).toBe(unknownNameKey('NOBODY'));
    expect(unknownNameKey('  nobody')).toBe(unknownNameKey('NOBODY'));
  });

  it('keys IPv4 as is, IPv4-mapped IPv6 as IPv4, and other IPv6 per /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
