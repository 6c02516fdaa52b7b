import { ApiProperty } from '@nestjs/swagger';
import { StaffRole, type CreateStaffAccountRequest } from '@linyi/shared';
import { IsEnum, IsUUID } from 'class-validator';
import { DisplayNameField, PasswordField, UsernameField } from './account-fields.js';

export class CreateStaffAccountDto implements CreateStaffAccountRequest {
  @ApiProperty({ example: 'guangming-wang', minLength: 3, maxLength: 64, description: 'Stored lower-cased, as the database compares names' })
  @UsernameField()
  username: string;

  @ApiProperty({ example: '光明社区 王干事', maxLength: 60 })
  @DisplayNameField()
  displayName: string;

  @ApiProperty({ enum: [StaffRole.Committee, StaffRole.Street, StaffRole.Contractor] })
  @IsEnum(StaffRole, { message: '角色只能是居委会（COMMITTEE）、街道（STREET）或施工单位（CONTRACTOR）' })
  role: StaffRole;

  @ApiProperty({ format: 'uuid', description: 'A community (COMMITTEE), compound (CONTRACTOR) or street office (STREET)' })
  @IsUUID('all', { message: '请选择账号的管辖范围（社区、小区或街道）' })
  scopeId: string;

  @ApiProperty({ minLength: 8, maxLength: 64, example: 'change-me-2025' })
  @PasswordField()
  password: string;
}
