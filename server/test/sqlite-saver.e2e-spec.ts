import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { SqliteFileSaver } from '../src/database/sqlite-file-saver.js';

/** The laptop demo keeps SQLite in memory and writes it to DATA_DIR: an open transaction must delay the write, not fail it. */
describe('embedded SQLite file saver', () => {
  it('defers the save while a transaction is open and keeps the committed rows across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'linyi-sqlite-saver-'));
    const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', H5_DIR: join(dataDir, 'none') }));
    const saver = app.get(SqliteFileSaver);
    const runner = app.get(DataSource).createQueryRunner();
    await runner.startTransaction();
    await runner.query('CREATE TABLE saver_probe (value TEXT)');
    await runner.query("INSERT INTO saver_probe (value) VALUES ('kept')");
    expect(await saver.save()).toBe(false);

    // Shutdown begins while the transaction is still open: the commit lands only after shutdown's save was deferred.
    const save = saver.save.bind(saver);
    let deferredAtShutdown = false;
    saver.save = async () => {
      const saved = await save();
      if (!saved && !deferredAtShutdown) {
        deferredAtShutdown = true;
        await runner.commitTransaction();
      }
      return saved;
    };
    await app.close();
    await runner.release();
    expect(deferredAtShutdown).toBe(true);

    // The demo started again on the same folder finds the row.
    const restarted = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', H5_DIR: join(dataDir, 'none') }));
    try {
      expect(await restarted.get(DataSource).query('SELECT value FROM saver_probe')).toEqual([{ value: 'kept' }]);
    } finally {
      await restarted.close();
    }
  });
});
