import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { renameSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';

const SAVE_EVERY_MS = 1_000;

interface SqljsDriver {
  options: { location?: string };
  databaseConnection: { export(): Uint8Array };
}

/**
 * The embedded SQLite demo keeps its database in memory (sql.js); this writes it to DATA_DIR once a
 * second when something changed, and on shutdown. Saving after every commit made the demo crawl.
 */
@Injectable()
export class SqliteFileSaver implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('sqlite');
  private timer: NodeJS.Timeout | null = null;
  private savedChanges = -1;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap() {
    if (this.dataSource.options.type !== 'sqljs') return;
    this.timer = setInterval(() => void this.save(), SAVE_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.save();
  }

  async save() {
    if (this.dataSource.options.type !== 'sqljs' || !this.dataSource.isInitialized) return;
    const [{ changes }] = await this.dataSource.query('SELECT total_changes() AS changes');
    if (changes === this.savedChanges) return;
    const driver = this.dataSource.driver as unknown as SqljsDriver;
    const location = driver.options.location!;
    // Write aside, then rename: a crash mid-write never leaves a torn database file.
    writeFileSync(`${location}.tmp`, Buffer.from(driver.databaseConnection.export()));
    renameSync(`${location}.tmp`, location);
    this.savedChanges = changes;
    this.logger.debug({ msg: 'sqlite saved', changes });
  }
}
