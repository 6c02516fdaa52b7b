import { Injectable } from '@nestjs/common';

/** The compound's owner supervisors and their sign-offs (helper C). */
@Injectable()
export class OwnerSupervisorsService {}
