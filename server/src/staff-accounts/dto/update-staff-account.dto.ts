import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateStaffAccountRequest } from '@linyi/shared';
import { IsBoolean, IsUUID } from 'class-validator';
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

  @ApiPropertyOptional({ minLength: 8, maxLength: 64, description: 'A new password (reset by the manager)' })
  @OptionalField()
  @PasswordField()
  password?: string;
}
