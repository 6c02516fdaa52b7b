import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateStaffAccountRequest } from '@linyi/shared';
import { IsBoolean, IsString, IsUUID, Length } from 'class-validator';
import { OptionalField } from '../../common/validation/optional-field.js';
import { DisplayNameField, PasswordField } from './account-fields.js';

/** Only the fields sent change; none may be null. A re-scope keeps the role. */
export class UpdateStaffAccountDto implements UpdateStaffAccountRequest {
  @ApiPropertyOptional({ maxLength: 60 })
  @OptionalField()
  @DisplayNameField()
  displayName?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A new place of the same type as the account's role" })
  @OptionalField()
  @IsUUID('all', { message: '新的管辖范围编号格式不正确' })
  scopeId?: string;

  @ApiPropertyOptional()
  @OptionalField()
  @IsBoolean({ message: 'disabled 必须是 true（停用）或 false（启用）' })
  disabled?: boolean;

  @ApiPropertyOptional({
    minLength: 8,
    maxLength: 64,
    description: "A new password (reset by the manager, or one's own). Every token signed in with the old one answers 401 SESSION_ENDED from then on.",
  })
  @OptionalField()
  @PasswordField()
  password?: string;

  @ApiPropertyOptional({
    maxLength: 128,
    description:
      "The caller's current password: required (400 without, 403 CURRENT_PASSWORD_WRONG if wrong, 429 after as many failures as sign-in allows) when changing one's own password, which then answers with a fresh `accessToken`.",
  })
  @OptionalField()
  @Length(1, 128, { message: '当前密码长度应为 1 到 128 个字符' })
  // Last, so it is checked (and reported) first: a number is "not filled in", not "too short".
  @IsString({ message: '请填写当前密码' })
  currentPassword?: string;
}
