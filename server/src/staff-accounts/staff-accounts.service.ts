import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SCOPE_OF_ROLE, ScopeType, type AssignableScope, type StaffAccountView, type UpdateStaffAccountResponse } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { Brackets, EntityManager, Repository } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AuthService } from '../auth/auth.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppException, forbidden, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import type { CreateStaffAccountDto } from './dto/create-staff-account.dto.js';
import type { UpdateStaffAccountDto } from './dto/update-staff-account.dto.js';
import { toStaffAccountView } from './staff-account.mapper.js';
import { ALL_PLACES_NAME, placeNames, StaffAccountPlaces } from './staff-account-places.js';
import { isUsernameClash, ownAccountRefused, usernameTaken } from './staff-accounts.exception.js';
import { accountChanges, assignableScopes, mayManage, ownAccountProblem, passwordProblem, sortAccounts, type AccountChanges } from './staff-accounts.rules.js';

// The cost auth/ signs in against (its dummy hash uses the same), so every account takes the same time to check.
const PASSWORD_HASH_COST = 10;

// A scope id whose place was deleted (only possible by hand in the database).
const MISSING_PLACE = '（地点已不存在）';
const staffAccountChain = (accountId: string) => `staff-account:${accountId}`;
const cannotManage = () => forbidden('街道办事处只能管理本街道居委会和施工单位的账号；街道和管理员账号由管理员管理');

@Injectable()
export class StaffAccountsService {
  constructor(
    @Inject(StaffAccountPlaces) private readonly places: StaffAccountPlaces,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AuthService) private readonly auth: AuthService,
    @InjectRepository(StaffAccount) private readonly accounts: Repository<StaffAccount>,
  ) {}

  /** The caller as the database says now (the guard has just read the same row). */
  async me(actor: StaffActor): Promise<StaffAccount> {
    const account = await this.accounts.findOneBy({ id: actor.id });
    if (!account) throw new AppException('UNAUTHENTICATED', '账号不存在，请重新登录');
    return account;
  }

  /** Street staff: the accounts scoped inside their street office; admins: every account. */
  async list(actor: StaffActor): Promise<StaffAccountView[]> {
    const reach = await this.places.reach(actor);
    const nameOf = placeNames(reach);
    let accounts: StaffAccount[];
    if (actor.scopeType === ScopeType.All) {
      accounts = await this.accounts.find();
    } else {
      const inReach: Array<[ScopeType, string[]]> = [
        [ScopeType.StreetOffice, reach.offices.map((o) => o.id)],
        [ScopeType.Community, reach.communities.map((c) => c.id)],
        [ScopeType.Compound, reach.compounds.map((c) => c.id)],
      ];
      const query = this.accounts.createQueryBuilder('s').where(
        new Brackets((where) => {
          for (const [i, [type, ids]] of inReach.filter(([, ids]) => ids.length).entries()) {
            where.orWhere(`(s.scopeType = :type${i} AND s.scopeId IN (:...ids${i}))`, { [`type${i}`]: type, [`ids${i}`]: ids });
          }
        }),
      );
      accounts = reach.offices.length ? await query.getMany() : [];
    }
    return sortAccounts(accounts.map((account) => toStaffAccountView(account, nameOf(account.scopeType, account.scopeId) ?? MISSING_PLACE)));
  }

  async scopes(actor: StaffActor): Promise<AssignableScope[]> {
    return assignableScopes(actor.role, await this.places.reach(actor));
  }

  async create(actor: StaffActor, request: CreateStaffAccountDto): Promise<StaffAccountView> {
    if (!mayManage(actor.role, request.role)) throw cannotManage();
    const place = await this.places.placeInReach(actor, request.role, request.scopeId);
    const problem = passwordProblem(request.password, request.username);
    if (problem) throw new AppException('VALIDATION_FAILED', problem);
    if (await this.accounts.existsBy({ username: request.username })) throw usernameTaken(request.username);
    const account = this.accounts.create({
      id: randomUUID(),
      username: request.username,
      displayName: request.displayName,
      role: request.role,
      scopeType: SCOPE_OF_ROLE[request.role],
      scopeId: place.id,
      disabled: false,
      passwordHash: await bcrypt.hash(request.password, PASSWORD_HASH_COST),
    });
    try {
      await this.transactions.run(async (manager) => {
        await manager.insert(StaffAccount, account);
        await this.audit.append(manager, {
          chainKey: staffAccountChain(account.id),
          action: 'STAFF_ACCOUNT_CREATED',
          actor: `staff:${actor.id}`,
          subjectId: account.id,
          payload: { username: account.username, displayName: account.displayName, role: account.role, scopeType: account.scopeType, scopeId: account.scopeId },
          at: this.clock.now(),
        });
      });
    } catch (error) {
      if (isUsernameClash(error)) throw usernameTaken(request.username);
      throw error;
    }
    return toStaffAccountView(await this.accounts.findOneByOrFail({ id: account.id }), place.name);
  }

  /**
   * Renames, re-scopes (same role), disables, enables or resets the password of an account in the
   * caller's reach. Checked once before the (slow) password hash, and again on the locked row. A new
   * password ends the account's sessions; callers changing their own must give the current one, and
   * get a token for the new one back.
   */
  async update(actor: StaffActor, accountId: string, request: UpdateStaffAccountDto, clientIp: string): Promise<UpdateStaffAccountResponse> {
    await this.checkChange(actor, await this.accounts.findOneBy({ id: accountId }), request);
    const ownPassword = accountId === actor.id && request.password !== undefined;
    if (ownPassword) await this.auth.confirmOwnPassword(actor.id, request.currentPassword, clientIp);
    const passwordHash = request.password === undefined ? undefined : await bcrypt.hash(request.password, PASSWORD_HASH_COST);
    const credentialsVersion = await this.transactions.run(async (manager) => {
      const locked = await this.transactions.forUpdate(manager.getRepository(StaffAccount).createQueryBuilder('s').where('s.id = :id', { id: accountId })).getOne();
      const changes = await this.checkChange(actor, locked, request);
      // The version this change writes, not whatever is stored later: a reset that follows ends this token too.
      const version = Number(locked!.credentialsVersion) + (passwordHash === undefined ? 0 : 1);
      const credentials = passwordHash === undefined ? undefined : { passwordHash, credentialsVersion: version };
      if (Object.keys(changes).length) await this.apply(manager, actor, locked!, changes, credentials);
      return version;
    });
    const account = await this.accounts.findOneByOrFail({ id: accountId });
    const place = await this.places.placeOf(account.scopeType, account.scopeId);
    const view = toStaffAccountView(account, account.scopeType === ScopeType.All ? ALL_PLACES_NAME : (place?.name ?? MISSING_PLACE));
    return ownPassword ? { ...view, accessToken: this.auth.staffToken({ id: accountId, credentialsVersion }) } : view;
  }

  /** 404 outside the caller's reach, 403 for a role the caller does not manage, 409 for locking oneself out. */
  private async checkChange(actor: StaffActor, account: StaffAccount | null, request: UpdateStaffAccountDto): Promise<AccountChanges> {
    if (!account) throw notFound('账号');
    const current = await this.places.placeOf(account.scopeType, account.scopeId);
    if (!this.places.covers(actor, current?.streetOfficeId ?? null)) throw notFound('账号');
    const own = account.id === actor.id;
    if (!own && !mayManage(actor.role, account.role)) throw cannotManage();
    const changes = accountChanges({ ...account, disabled: Boolean(account.disabled) }, request);
    const ownProblem = own ? ownAccountProblem(changes) : null;
    if (ownProblem) throw ownAccountRefused(ownProblem);
    if (changes.scopeId) await this.places.placeInReach(actor, account.role, changes.scopeId.to);
    const problem = request.password === undefined ? null : passwordProblem(request.password, account.username);
    if (problem) throw new AppException('VALIDATION_FAILED', problem);
    return changes;
  }

  private async apply(manager: EntityManager, actor: StaffActor, account: StaffAccount, changes: AccountChanges, credentials: Pick<StaffAccount, 'passwordHash' | 'credentialsVersion'> | undefined) {
    await manager.update(
      StaffAccount,
      { id: account.id },
      {
        ...(changes.displayName && { displayName: changes.displayName.to }),
        ...(changes.scopeId && { scopeId: changes.scopeId.to }),
        ...(changes.disabled && { disabled: changes.disabled.to }),
        ...credentials,
      },
    );
    await this.audit.append(manager, {
      chainKey: staffAccountChain(account.id),
      action: 'STAFF_ACCOUNT_CHANGED',
      actor: `staff:${actor.id}`,
      subjectId: account.id,
      payload: { ...changes },
      at: this.clock.now(),
    });
  }
}
