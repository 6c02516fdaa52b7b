import { CharLength } from '../../common/validation/char-length.js';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches, ValidateBy } from 'class-validator';
import { canonicalUsername, PASSWORD_MAX, PASSWORD_MIN, passwordProblem, usernameProblem } from '../staff-accounts.rules.js';

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

/** A text field checked by a pure rule that names its own problem (the message says exactly what is wrong). */
function Satisfies(name: string, notText: string, problemOf: (value: string) => string | null): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value) => typeof value === 'string' && problemOf(value) === null,
      defaultMessage: (args) => (typeof args?.value === 'string' ? problemOf(args.value) : null) ?? notText,
    },
  });
}

/** Stored in the canonical form, so the name shown is the one that signs in. */
export const UsernameField = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? canonicalUsername(value) : value)),
    Satisfies('username', '请填写用户名', usernameProblem),
  );

export const DisplayNameField = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: '请填写显示名称（如“光明社区 李主任”）' }),
    CharLength(1, 60, { message: '显示名称应为 1 到 60 个字' }),
    Matches(NO_CONTROL_CHARACTERS, { message: '显示名称中不能有换行或控制字符' }),
  );

export const PasswordField = () => Satisfies('password', `请填写密码（${PASSWORD_MIN} 到 ${PASSWORD_MAX} 个字符）`, (value) => passwordProblem(value));
