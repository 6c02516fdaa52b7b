import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { renameSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';

const SAVE_EVERY_MS = 1_000;
const SHUTDOWN_WAIT_MS = 10_000;
const RETRY_MS = 50;

interface SqljsDriver {
  options: { location?: string };
  queryRunner?: { isTransactionActive: boolean };
  databaseConnection: { export(): Uint8Array };
}

/**
 * The embedded SQLite demo keeps its database in memory (sql.js); this writes it to DATA_DIR once a
 * second when something changed, and on shutdown. Saving after every commit made the demo crawl.
 */
@Injectable()
export class SqliteFileSaver implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('sqlite');
  private timer: NodeJS.Timeout | null = null;
  private savedChanges = -1;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap() {
    if (this.dataSource.options.type !== 'sqljs') return;
    this.timer = setInterval(() => void this.save().catch((error) => this.logger.error({ msg: 'sqlite save failed', error: String(error) })), SAVE_EVERY_MS);
    this.timer.unref();
  }

  // Before, not on, shutdown: TypeORM closes the database in its own shutdown hook.
  async beforeApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    // A job or sweep may still hold a transaction open: wait for it rather than lose the last writes.
    const deadline = Date.now() + SHUTDOWN_WAIT_MS;
    while (!(await this.save()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }

  /** Writes the database file; false while a transaction is open (sql.js cannot export then), to try again later. */
  async save(): Promise<boolean> {
    if (this.dataSource.options.type !== 'sqljs' || !this.dataSource.isInitialized) return true;
    const driver = this.dataSource.driver as unknown as SqljsDriver;
    if (driver.queryRunner?.isTransactionActive) return false;
    const [{ changes }] = await this.dataSource.query('SELECT total_changes() AS changes');
    if (changes === this.savedChanges) return true;
    const location = driver.options.location!;
    // Write aside, then rename: a crash mid-write never leaves a torn database file.
    writeFileSync(`${location}.tmp`, Buffer.from(driver.databaseConnection.export()));
    renameSync(`${location}.tmp`, location);
    this.savedChanges = changes;
    this.logger.debug({ msg: 'sqlite saved', changes });
    return true;
  }
}
