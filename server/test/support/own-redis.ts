import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';

/** A Redis of the test's own on a spare port, so a test can stop and start it without touching the shared one. */
export class OwnRedis {
  private process: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPort(this.port, true);
  }

  async stop() {
    this.process?.kill('SIGKILL');
    this.process = null;
    await waitForPort(this.port, false);
  }
}

async function waitForPort(port: number, open: boolean) {
  for (let i = 0; i < 100; i++) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (isOpen === open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis on port ${port} did not ${open ? 'start' : 'stop'}`);
}
