import { deepestNesting } from './json-depth.js';

const depthOf = (text: string, stopAbove?: number) => deepestNesting(Buffer.from(text, 'utf8'), stopAbove);

describe('deepestNesting', () => {
  it('counts objects and arrays alike', () => {
    expect(depthOf('{}')).toBe(1);
    expect(depthOf('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(depthOf('[[],[[]],[]]')).toBe(3);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depthOf('{"a":"[[[[{{{{"}')).toBe(1);
    expect(depthOf('{"a":"\\"[[[[","b":"\\\\"}')).toBe(1);
    expect(depthOf('["\\\\",[]]')).toBe(2);
  });

  it('is not fooled by multi-byte UTF-8 text', () => {
    expect(depthOf('{"名":"【［｛"}')).toBe(1);
  });

  it('measures 2 000 levels without recursion and stops early when told', () => {
    const deep = '['.repeat(2000) + ']'.repeat(2000);
    expect(depthOf(deep)).toBe(2000);
    expect(depthOf(deep, 32)).toBe(33);
    expect(depthOf('['.repeat(10_000_000))).toBe(10_000_000);
  });
});
