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
import { accountKey, normalizeUsername, unknownNameKey } from './attempt-keys.rules.js';
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
    // Found the way the database compares names, so every spelling that finds an account shares its lock.
    const account = await this.staff
      .createQueryBuilder('s')
      .addSelect('s.passwordHash')
      // Stored names are canonical (staff-accounts): SQLite compares exactly, so look up the canonical form.
      .where('s.username = :username', { username: normalizeUsername(username.trim()) })
      .getOne();
    const attempt = await this.limiter.attempt('staffLogin', account ? accountKey(account.id) : unknownNameKey(username), clientIp);
    const ok = await bcrypt.compare(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok) throw new AppException('BAD_CREDENTIALS', '用户名或密码错误');
    if (account.disabled) throw new AppException('ACCOUNT_DISABLED', '账号已停用，请联系街道办事处');
    await attempt.succeeded();
    const accessToken = this.tokens.issue({ kind: 'staff', id: account.id });
    return { accessToken, staff: toStaffView(account) };
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
