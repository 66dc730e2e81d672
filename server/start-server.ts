// Starts the service: loads (or first builds) the index, listens, and wires reindexing and graceful shutdown.
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { FSWatcher } from 'chokidar'
import type { Logger } from 'pino'
import type { ServiceConfig } from './config'
import { type BuildIndex, IndexHolder } from './index-holder'
import { createServiceApp } from './service-app'
import { watchSeeds } from './watch-seeds'

/** A running service. */
export interface RunningService {
  /** Base URL it listens on, e.g. http://127.0.0.1:3000. */
  url: string
  /** The index holder (reload, rebuild, status). */
  holder: IndexHolder
  /** Stops accepting connections, lets requests in flight finish (up to the grace time), then resolves. */
  close: () => Promise<void>
}

/** Loads the index and listens. Rejects when there is no index to serve. */
export async function startServer(config: ServiceConfig, logger: Logger, build?: BuildIndex): Promise<RunningService> {
  const holder = new IndexHolder({ indexPath: config.indexPath, seedsDir: config.seedsDir, logger, build })
  await holder.start()
  const app = createServiceApp(
    {
      getIndex: () => holder.current(),
      getStatus: () => ({ ...holder.status() }),
      corsOrigin: config.corsOrigin,
    },
    config,
    logger,
  )
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s))
    s.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`

  let watcher: FSWatcher | null = null
  if (config.watch) {
    watcher = watchSeeds({
      seedsDir: config.seedsDir,
      onChange: (files) => {
        logger.info({ files }, 'seeds changed: rebuilding the index in the background')
        void holder.rebuild()
      },
    })
  }

  const close = async (): Promise<void> => {
    await watcher?.close()
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        logger.warn({ graceMs: config.shutdownGraceMs }, 'requests still in flight after the grace time: closing their connections')
        if ('closeAllConnections' in server) server.closeAllConnections()
      }, config.shutdownGraceMs)
      force.unref()
      server.close(() => {
        clearTimeout(force)
        resolve()
      })
      if ('closeIdleConnections' in server) server.closeIdleConnections()
    })
  }
  return { url, holder, close }
}
