import { Injectable } from '@nestjs/common';

/** Inspections, the household's decision and what it sees before signing (helper A). */
@Injectable()
export class AcceptanceService {}
