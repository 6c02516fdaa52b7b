import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ResidentLoginResponse, StaffLoginResponse } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { Repository } from 'typeorm';
import { AppException } from '../common/app.exception.js';
import { Resident } from '../residents/resident.entity.js';
import { toResidentView } from '../residents/residents.mapper.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { toStaffView } from '../staff/staff.mapper.js';
import { accountKey, canonicalUsername, unknownNameKey } from './attempt-keys.rules.js';
import { AttemptLimiter } from './login-limiter.js';
import { TokenService } from './token.service.js';
import { WechatClient, type WechatSession } from './wechat.client.js';

// Compared against when the username is unknown, so both failures take the same time.
const DUMMY_HASH = bcrypt.hashSync('linyi-no-such-user', 10);

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(StaffAccount) private readonly staff: Repository<StaffAccount>,
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(AttemptLimiter) private readonly limiter: AttemptLimiter,
    @Inject(WechatClient) private readonly wechat: WechatClient,
  ) {}

  async staffLogin(username: string, password: string, clientIp: string): Promise<StaffLoginResponse> {
    // Stored names are canonical (staff-accounts): SQLite compares exactly, so look up the canonical form,
    // and count an unknown name by that same form, so every spelling of it shares one lock.
    const canonical = canonicalUsername(username);
    const account = await this.staff.createQueryBuilder('s').addSelect('s.passwordHash').where('s.username = :username', { username: canonical }).getOne();
    const attempt = await this.limiter.attempt('staffLogin', account ? accountKey(account.id) : unknownNameKey(canonical), clientIp);
    const ok = await bcrypt.compare(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok) throw new AppException('BAD_CREDENTIALS', '用户名或密码错误');
    if (account.disabled) throw new AppException('ACCOUNT_DISABLED', '账号已停用，请联系街道办事处');
    await attempt.succeeded();
    return { accessToken: this.staffToken(account), staff: toStaffView(account) };
  }

  /**
   * Checks a signed-in account's own password before it changes it, against the same lock as signing
   * in: a token in the wrong hands cannot guess the password faster here than at the login page.
   */
  async confirmOwnPassword(accountId: string, password: string | undefined, clientIp: string): Promise<void> {
    if (password === undefined) throw new AppException('VALIDATION_FAILED', '修改自己的密码时，请填写当前密码（currentPassword）');
    const attempt = await this.limiter.attempt('staffLogin', accountKey(accountId), clientIp);
    const account = await this.staff.createQueryBuilder('s').addSelect('s.passwordHash').where('s.id = :id', { id: accountId }).getOne();
    if (!(await bcrypt.compare(password, account?.passwordHash ?? DUMMY_HASH))) throw new AppException('CURRENT_PASSWORD_WRONG', '当前密码不正确，密码没有修改');
    await attempt.succeeded();
  }

  /** A staff token for the account's credentials as they are (or are about to be, after a change). */
  staffToken(account: Pick<StaffAccount, 'id' | 'credentialsVersion'>): string {
    return this.tokens.issue({ kind: 'staff', id: account.id, credentialsVersion: Number(account.credentialsVersion) });
  }

  async wechatLogin(code: string): Promise<ResidentLoginResponse> {
    return this.signInResident(await this.wechat.codeToSession(code));
  }

  async devLogin(openid: string): Promise<ResidentLoginResponse> {
    return this.signInResident({ openid, unionid: null, sessionKey: null });
  }

  private async signInResident(session: Omit<WechatSession, 'sessionKey'> & { sessionKey: string | null }): Promise<ResidentLoginResponse> {
    // Insert-or-ignore then read: two first logins of the same person at once must not collide.
    await this.residents
      .createQueryBuilder()
      .insert()
      .values({ openid: session.openid, unionid: session.unionid, id: crypto.randomUUID() })
      .orIgnore()
      .execute();
    const resident = await this.residents.findOneByOrFail({ openid: session.openid });
    if (session.sessionKey !== null) {
      await this.residents.update(resident.id, { wechatSessionKey: session.sessionKey, unionid: session.unionid ?? resident.unionid });
    }
    return { accessToken: this.tokens.issue({ kind: 'resident', id: resident.id }), resident: toResidentView(resident) };
  }
}
