import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class StaffLoginDto {
  @ApiProperty({ example: 'committee-demo' })
  @IsString({ message: '请填写用户名' })
  @Length(1, 64, { message: '用户名长度应为 1 到 64 个字符' })
  username: string;

  @ApiProperty({ example: 'linyi-demo' })
  @IsString({ message: '请填写密码' })
  @Length(1, 128, { message: '密码长度应为 1 到 128 个字符' })
  password: string;
}
