import { Inject, Injectable } from '@nestjs/common';
import type { ScopeType, StaffRole } from '@linyi/shared';
import { DataSource } from 'typeorm';
import { AppException } from '../common/app.exception.js';
import type { Actor } from './actor.js';
import type { TokenClaim } from './token.service.js';

interface StaffRow {
  id: string;
  role: StaffRole;
  scopeType: ScopeType;
  scopeId: string | null;
  disabled: number | boolean;
  credentialsVersion: number | string;
}

/**
 * Turns a verified token into the caller as the database knows them now: one primary-key lookup per
 * request, no cache, so a disabled, deleted or re-scoped account, or a changed password, is seen on
 * the very next request, whoever changed it (API, CLI or plain SQL). Plain SQL on purpose: this runs
 * before every authenticated request, and the query builder costs ~3.5× the CPU of the query itself
 * (measured ~0.5 ms against ~0.14 ms per lookup).
 */
@Injectable()
export class ActorResolver {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async resolve(claim: TokenClaim): Promise<Actor> {
    if (claim.kind === 'resident') {
      const [resident] = await this.dataSource.query('SELECT id FROM resident WHERE id = ?', [claim.id]);
      if (!resident) throw new AppException('UNAUTHENTICATED', '账号不存在，请重新登录');
      return { kind: 'resident', id: claim.id };
    }
    const [account]: StaffRow[] = await this.dataSource.query('SELECT id, role, scopeType, scopeId, disabled, credentialsVersion FROM staff_account WHERE id = ?', [claim.id]);
    if (!account) throw new AppException('UNAUTHENTICATED', '账号不存在，请重新登录');
    if (Number(account.disabled)) throw new AppException('ACCOUNT_DISABLED', '账号已停用，请联系街道办事处');
    // Signed in with a password that has been changed since (any mismatch: a restored database too).
    if (Number(account.credentialsVersion) !== claim.credentialsVersion) throw new AppException('SESSION_ENDED', '密码已修改，请重新登录');
    return { kind: 'staff', id: account.id, role: account.role, scopeType: account.scopeType, scopeId: account.scopeId };
  }
}
