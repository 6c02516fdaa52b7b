import { Body, Controller, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppException } from '../common/app.exception.js';
import { Public } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { StaffLoginDto } from './dto/staff-login.dto.js';
import { DevLoginDto, WechatLoginDto } from './dto/wechat-login.dto.js';

@ApiTags('auth')
@Controller('auth')
@Public()
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('staff/login')
  @HttpCode(200)
  staffLogin(@Body() dto: StaffLoginDto, @Ip() ip: string) {
    return this.auth.staffLogin(dto.username, dto.password, ip);
  }

  @Post('wechat/login')
  @HttpCode(200)
  wechatLogin(@Body() dto: WechatLoginDto) {
    return this.auth.wechatLogin(dto.code);
  }

  @Post('dev/login')
  @HttpCode(200)
  devLogin(@Body() dto: DevLoginDto) {
    // Behaves as a missing route unless the demo switched it on.
    if (!this.config.authDevLogin) throw new AppException('NOT_FOUND', '请求的内容不存在');
    return this.auth.devLogin(dto.openid);
  }
}
