import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { createContainer, type Container } from './container.js';
import { migrateToLatest } from './db/migrate.js';

export interface RunningServer {
  app: FastifyInstance;
  container: Container;
  url: string;
  stop(): Promise<void>;
}

/** Config → container → migrate → app → listen; stops cleanly on SIGINT and SIGTERM. */
export async function startServer(
  config: Config,
  container: Container = createContainer(config),
): Promise<RunningServer> {
  await migrateToLatest(container.db);
  const app = await buildApp(container);
  await app.listen({ port: config.port, host: config.host });
  await container.bus.start();
  container.engine.start();
  container.audit.start();
  container.deliveries.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await container.close();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)));
  }
  return { app, container, url, stop };
}
