import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Resident } from '../residents/resident.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { ActorResolver } from './actor-resolver.js';
import { AttemptLimiter } from './login-limiter.js';
import { TokenService } from './token.service.js';
import { WechatClient } from './wechat.client.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([StaffAccount, Resident]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // HS256 with the secret as a KeyObject: given a string, jsonwebtoken first tries it as a PEM public
      // key on every verify (and a private key on every sign), which fails and costs ~0.8 ms, then falls
      // back to exactly this key. Same bytes, same signatures: tokens issued before still verify.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')), signOptions: { expiresIn: config.jwtTtlSeconds } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenService, ActorResolver, AttemptLimiter, WechatClient],
  exports: [AuthService, TokenService, ActorResolver, AttemptLimiter],
})
export class AuthModule {}
