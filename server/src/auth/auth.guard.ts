import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppException, forbidden } from '../common/app.exception.js';
import type { Actor } from './actor.js';
import { ActorResolver } from './actor-resolver.js';
import { AUDIENCE_KEY, PUBLIC_KEY, type Audience } from './auth.decorators.js';
import { TokenService } from './token.service.js';

/** Global guard: every route needs a valid token and a declared audience unless marked @Public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(ActorResolver) private readonly actors: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppException('UNAUTHENTICATED', '请先登录');
    // The account's current role and scope, not the ones it had when the token was issued.
    const actor = await this.actors.resolve(this.tokens.verify(match[1]));
    request.actor = actor;
    const audience = this.reflector.getAllAndOverride<Audience | undefined>(AUDIENCE_KEY, targets);
    // Routes must say who they are for; an undeclared route is closed rather than open.
    if (!audience) throw forbidden();
    if (actor.kind === 'resident' && !audience.residents) throw forbidden('此功能仅限工作人员使用');
    if (actor.kind === 'staff' && !audience.staffRoles.includes(actor.role)) throw forbidden('您的账号角色无权执行此操作');
    return true;
  }
}
