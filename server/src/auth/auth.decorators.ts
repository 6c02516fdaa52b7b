import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@linyi/shared';
import type { Actor } from './actor.js';

export const PUBLIC_KEY = 'linyi:public';
export const AUDIENCE_KEY = 'linyi:audience';

export type Audience = { residents: boolean; staffRoles: StaffRole[] };

/** No token needed (sign-in, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** Only these staff roles may call the route. */
export const StaffOnly = (...staffRoles: StaffRole[]) => SetMetadata(AUDIENCE_KEY, { residents: false, staffRoles } satisfies Audience);
/** Only signed-in residents may call the route. */
export const ResidentOnly = () => SetMetadata(AUDIENCE_KEY, { residents: true, staffRoles: [] } satisfies Audience);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
/** Bound residents and these staff roles; the service still checks binding or scope. */
export const ResidentsAndStaff = (...staffRoles: StaffRole[]) => SetMetadata(AUDIENCE_KEY, { residents: true, staffRoles } satisfies Audience);
