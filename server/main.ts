// Entry point: reads the configuration, starts the service, and handles SIGHUP (reload), SIGTERM and SIGINT (graceful exit).
import pino from 'pino'
import { ConfigError, parseConfig } from './config'
import { startServer } from './start-server'

let config
try {
  config = parseConfig(process.env, process.argv.slice(2))
} catch (err) {
  if (!(err instanceof ConfigError)) throw err
  console.error(err.message)
  process.exit(2)
}
const logger = pino({ level: config.logLevel, base: undefined })

try {
  const service = await startServer(config, logger)
  console.log(`Readout listening on ${service.url}`)
  process.on('SIGHUP', () => {
    logger.info({ indexPath: config.indexPath }, 'SIGHUP: reloading the index file')
    void service.holder.reload()
  })
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: finishing requests in flight')
    void service.close().then(() => {
      logger.info('stopped')
      process.exit(0)
    })
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
} catch (err) {
  logger.fatal({ error: (err as Error).message }, 'could not start')
  console.error((err as Error).message)
  process.exit(1)
}
