import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Resident } from '../residents/resident.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginLimiter } from './login-limiter.js';
import { TokenService } from './token.service.js';
import { WechatClient } from './wechat.client.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([StaffAccount, Resident]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { expiresIn: config.jwtTtlSeconds } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenService, LoginLimiter, WechatClient],
  exports: [TokenService],
})
export class AuthModule {}
