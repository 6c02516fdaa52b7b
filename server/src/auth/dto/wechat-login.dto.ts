import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class WechatLoginDto {
  @ApiProperty({ description: 'wx.login code (valid 5 minutes, single use)' })
  @IsString({ message: '缺少微信登录凭证 code' })
  @Length(1, 128, { message: '微信登录凭证 code 长度不正确' })
  code: string;
}

export class DevLoginDto {
  @ApiProperty({ example: 'demo-resident-1' })
  @IsString({ message: '缺少 openid' })
  @Matches(/^[\w-]{1,64}$/, { message: 'openid 只能包含字母、数字、下划线和短横线，最长 64 个字符' })
  openid: string;
}
