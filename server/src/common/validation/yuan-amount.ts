import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A sum in yuan with at most two decimals (fen), finite, within [min, max]. class-validator's
 * IsNumber({maxDecimalPlaces}) throws a TypeError (a 500) on values printed in exponent form, like 2e-323.
 */
export function isYuanAmount(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && Number(value.toFixed(2)) === value;
}

export function IsYuanAmount(limits: { min: number; max: number }, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isYuanAmount',
      validator: { validate: (value) => isYuanAmount(value, limits.min, limits.max), defaultMessage: () => `金额必须是 ${limits.min} 到 ${limits.max} 元之间的数字，最多两位小数` },
    },
    options,
  );
}
