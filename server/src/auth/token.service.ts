import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppException } from '../common/app.exception.js';
import type { Actor } from './actor.js';

/** Our own access tokens (JWT); WeChat's session_key never becomes part of them. */
@Injectable()
export class TokenService {
  constructor(@Inject(JwtService) private readonly jwt: JwtService) {}

  issue(actor: Actor): string {
    return this.jwt.sign({ ...actor, sub: actor.id });
  }

  verify(token: string): Actor {
    try {
      const payload = this.jwt.verify<Actor & { sub: string }>(token);
      if (payload.kind === 'resident') return { kind: 'resident', id: payload.sub };
      return { kind: 'staff', id: payload.sub, role: payload.role, scopeType: payload.scopeType, scopeId: payload.scopeId };
    } catch {
      throw new AppException('UNAUTHENTICATED', '登录已过期，请重新登录');
    }
  }
}
