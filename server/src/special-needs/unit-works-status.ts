import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UnitWorks } from './screening-retention.rules.js';

/** Whether each unit has in-home works planned, and when they were accepted: what retention decides on. */
@Injectable()
export class UnitWorksStatus {
  /** Units missing from the map have no works; the works and acceptance issues fill it from their tables. */
  async of(_manager: EntityManager, _unitIds: string[]): Promise<Map<string, UnitWorks>> {
    return new Map();
  }
}
