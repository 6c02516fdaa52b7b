import { Controller, Get, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { QUEUE_DRIVER, type QueueDriver } from '../queue/queue-driver.js';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
  ) {}

  @Get()
  async health() {
    const db = this.dataSource.options.type === 'sqljs' ? 'sqlite' : 'mysql';
    const [dbUp, queueUp] = await Promise.all([
      this.dataSource.query('SELECT 1').then(() => true, () => false),
      this.queue.ping(),
    ]);
    return { status: dbUp && queueUp ? 'ok' : 'degraded', db, queue: this.queue.name, dbUp, queueUp };
  }
}
