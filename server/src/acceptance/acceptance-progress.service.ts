import { Injectable } from '@nestjs/common';

/** Per plan and unit: inspected / passed / accepted / rework (helper C). */
@Injectable()
export class AcceptanceProgressService {}
