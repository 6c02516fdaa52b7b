import { ApiProperty } from '@nestjs/swagger';
import { INSPECTION_LIMITS, type OwnerSupervisorsRequest } from '@linyi/shared';
import { IsString, IsUUID, Matches } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { NestedList } from '../../common/validation/nested-list.js';

/** How many entries the DTO lets through: more than two is refused by the service with TOO_MANY_SUPERVISORS, in words. */
const LIST_BOUND = 10;

export class OwnerSupervisorDto {
  @ApiProperty({ format: 'uuid', description: 'the supervisor’s own household in the compound' })
  @IsUUID('all', { message: '请选择监督员所住的房屋' })
  householdId: string;

  @ApiProperty({ maxLength: INSPECTION_LIMITS.supervisorName, example: '王建国' })
  @Matches(/\S/, { message: '请填写监督员的姓名' })
  @CharLength(1, INSPECTION_LIMITS.supervisorName, { message: `监督员姓名应为 1 到 ${INSPECTION_LIMITS.supervisorName} 个字` })
  @IsString({ message: '监督员姓名必须是文字' })
  name: string;
}

/** PUT /api/compounds/{compoundId}/owner-supervisors: replaces the list (empty: none named). */
export class OwnerSupervisorsDto implements OwnerSupervisorsRequest {
  @ApiProperty({ type: [OwnerSupervisorDto], maxItems: INSPECTION_LIMITS.supervisors })
  @NestedList(() => OwnerSupervisorDto, { max: LIST_BOUND, what: '监督员' })
  supervisors: OwnerSupervisorDto[];
}
