import { CharLength } from '../../common/validation/char-length.js';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateCompoundSettingsRequest } from '@linyi/shared';
import { Transform } from 'class-transformer';
import { IsString, Matches, ValidateBy } from 'class-validator';
import { NullableField } from '../../common/validation/optional-field.js';
import { ADDRESS_MAX, normalizePhone, PHONE_MAX, phoneProblem } from '../compound-settings.rules.js';

/** An empty text clears the field, as null does. */
const blankToNull = (value: unknown, normalize: (text: string) => string) => (typeof value === 'string' ? normalize(value) || null : value);

/** A field left out stays as it is; null (or an empty text) clears it. */
export class UpdateCompoundSettingsDto implements UpdateCompoundSettingsRequest {
  @ApiPropertyOptional({ nullable: true, example: '010-64001234', maxLength: PHONE_MAX, description: 'Digits and "-", 5–20 characters; null clears it' })
  @Transform(({ value }) => blankToNull(value, normalizePhone))
  @NullableField()
  @ValidateBy({
    name: 'emergencyPhone',
    validator: {
      validate: (value) => typeof value === 'string' && phoneProblem(value) === null,
      defaultMessage: (args) => (typeof args?.value === 'string' ? phoneProblem(args.value) : null) ?? '应急电话必须是文字，如 "010-64001234"',
    },
  })
  emergencyPhone?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '光明里1号', maxLength: ADDRESS_MAX, description: 'null clears it' })
  @Transform(({ value }) => blankToNull(value, (text) => text.trim()))
  @NullableField()
  // class-validator runs the lowest decorator first: the type check must come before the others.
  @Matches(/^[^\p{Cc}]*$/u, { message: '地址中不能有换行或控制字符' })
  @CharLength(1, ADDRESS_MAX, { message: `地址最多 ${ADDRESS_MAX} 个字` })
  @IsString({ message: '地址必须是文字' })
  address?: string | null;
}
