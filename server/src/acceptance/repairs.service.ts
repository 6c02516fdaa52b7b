import { Injectable } from '@nestjs/common';

/** Repairs under warranty: report, repair with a new inspection, the resident's acceptance (helper B). */
@Injectable()
export class RepairsService {}
