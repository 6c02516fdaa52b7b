import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class BindHouseholdDto {
  @ApiProperty({ example: 'K7M3Q9TX', minLength: 4, maxLength: 32 })
  @IsString({ message: '请填写邀请码' })
  @Length(4, 32, { message: '邀请码格式不正确，请核对后重新输入' })
  inviteCode: string;
}
