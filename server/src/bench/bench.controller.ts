import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Public } from '../auth/auth.decorators.js';
import { TransactionRunner } from '../database/transaction-runner.js';

/**
 * Only with BENCH_ENDPOINTS=1 (refused in production): the baseline for `npm run bench:sign`,
 * one row inserted per request through the same HTTP stack, pool and database.
 */
@ApiExcludeController()
@Controller('bench')
@Public()
export class BenchController {
  constructor(@Inject(TransactionRunner) private readonly transactions: TransactionRunner) {}

  @Post('insert')
  @HttpCode(200)
  async insert() {
    const id = randomUUID();
    await this.transactions.dataSource.query('INSERT INTO bench_probe (id, at) VALUES (?, ?)', [id, new Date()]);
    return { id };
  }
}
