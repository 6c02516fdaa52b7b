import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppException } from '../common/app.exception.js';

/**
 * What a token proves: who signed in, and for staff with which credentials (the account's
 * credentials version then). Role and scope are read from the account on every request.
 */
export type TokenClaim = { kind: 'resident'; id: string } | { kind: 'staff'; id: string; credentialsVersion: number };

const expired = () => new AppException('UNAUTHENTICATED', '登录已过期，请重新登录');

/** Our own access tokens (JWT); WeChat's session_key never becomes part of them. */
@Injectable()
export class TokenService {
  constructor(@Inject(JwtService) private readonly jwt: JwtService) {}

  issue(claim: TokenClaim): string {
    return this.jwt.sign(claim.kind === 'staff' ? { kind: claim.kind, sub: claim.id, credentialsVersion: claim.credentialsVersion } : { kind: claim.kind, sub: claim.id });
  }

  verify(token: string): TokenClaim {
    let payload: { kind?: unknown; sub?: unknown; credentialsVersion?: unknown };
    try {
      payload = this.jwt.verify(token);
    } catch {
      throw expired();
    }
    if (typeof payload.sub !== 'string') throw expired();
    if (payload.kind === 'resident') return { kind: 'resident', id: payload.sub };
    if (payload.kind !== 'staff') throw expired();
    // Staff tokens issued before credentials were versioned carry none: they hold the first version, 0.
    const credentialsVersion = payload.credentialsVersion === undefined ? 0 : payload.credentialsVersion;
    if (!Number.isSafeInteger(credentialsVersion) || (credentialsVersion as number) < 0) throw expired();
    return { kind: 'staff', id: payload.sub, credentialsVersion: credentialsVersion as number };
  }
}
