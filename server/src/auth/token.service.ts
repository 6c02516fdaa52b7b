import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppException } from '../common/app.exception.js';

/** What a token proves: who signed in. Role and scope are read from the account on every request. */
export interface TokenClaim {
  kind: 'staff' | 'resident';
  id: string;
}

/** Our own access tokens (JWT); WeChat's session_key never becomes part of them. */
@Injectable()
export class TokenService {
  constructor(@Inject(JwtService) private readonly jwt: JwtService) {}

  issue(claim: TokenClaim): string {
    return this.jwt.sign({ kind: claim.kind, sub: claim.id });
  }

  verify(token: string): TokenClaim {
    let payload: { kind?: unknown; sub?: unknown };
    try {
      payload = this.jwt.verify(token);
    } catch {
      throw new AppException('UNAUTHENTICATED', '登录已过期，请重新登录');
    }
    if ((payload.kind !== 'staff' && payload.kind !== 'resident') || typeof payload.sub !== 'string') {
      throw new AppException('UNAUTHENTICATED', '登录已过期，请重新登录');
    }
    return { kind: payload.kind, id: payload.sub };
  }
}
