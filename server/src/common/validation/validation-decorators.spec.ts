import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { isSaneDateTime } from './date-field.js';
import { NestedList } from './nested-list.js';
import { NullableField, OptionalField } from './optional-field.js';
import { isYuanAmount } from './yuan-amount.js';

class Item {
  @IsString()
  id: string;
}

class Holder {
  @OptionalField()
  @NestedList(() => Item, { max: 2, what: '项目' })
  items?: Item[];

  @NullableField()
  @IsString()
  picture?: string | null;
}

const errorsOf = (plain: object) => validateSync(plainToInstance(Holder, plain), { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);

describe('validation decorators', () => {
  it('OptionalField: absent is fine, null is not', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ items: null })).toEqual(['items']);
  });

  it('NestedList: a list of objects, bounded; [[]] and [null] are refused', () => {
    expect(errorsOf({ items: [{ id: 'a' }] })).toEqual([]);
    expect(errorsOf({ items: [[]] })).toEqual(['items']);
    expect(errorsOf({ items: [null] })).toEqual(['items']);
    expect(errorsOf({ items: [{ id: 1 }] })).toEqual(['items']);
    expect(errorsOf({ items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] })).toEqual(['items']);
  });

  it('NullableField: null is a meaningful value', () => {
    expect(errorsOf({ picture: null })).toEqual([]);
    expect(errorsOf({ picture: 3 })).toEqual(['picture']);
  });

  it('isSaneDateTime: zoned, real calendar days, years 2000–2100 in UTC', () => {
    expect(isSaneDateTime('2025-06-30T18:00:00+08:00')).toBe(true);
    expect(isSaneDateTime('2025-06-30T10:00:00.123Z')).toBe(true);
    expect(isSaneDateTime('2100-12-31T23:59:59Z')).toBe(true);
    for (const bad of ['2101-01-01T00:00:00Z', '9999-12-31T23:59:59-01:00', '+010000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2024-02-30T00:00:00Z', '2025-01-01T10:00:00', '2025-01-01', 1_800_000_000_000, null]) {
      expect([bad, isSaneDateTime(bad)]).toEqual([bad, false]);
    }
    expect(isSaneDateTime('2024-02-29T00:00:00Z')).toBe(true);
  });

  it('isYuanAmount: two decimals at most, finite, in range, exponent forms included', () => {
    expect(isYuanAmount(1280.5, 0, 1e6)).toBe(true);
    expect(isYuanAmount(0.01, 0, 1e6)).toBe(true);
    for (const bad of [2e-323, 0.001, -1, 1e6 + 1, Number.NaN, Number.POSITIVE_INFINITY, '12']) expect([bad, isYuanAmount(bad, 0, 1e6)]).toEqual([bad, false]);
  });
});
