// The service's configuration from environment variables and command-line flags: a pure function with errors that name the setting.
import { parseArgs } from 'node:util'

/** Everything the server entry needs to know. Defaults in brackets. */
export interface ServiceConfig {
  /** TCP port [3000]; 0 picks a free one. Env PORT. */
  port: number
  /** Interface to listen on [127.0.0.1]. Env HOST. */
  host: string
  /** Index file served [data/index.readout]; built from `seedsDir` at start when missing. Env INDEX_PATH. */
  indexPath: string
  /** Folder of scraped pages [seeds]. Env SEEDS_DIR, flag --seeds. */
  seedsDir: string
  /** Watch `seedsDir` and rebuild on change [false]. Env WATCH=1, flag --watch. */
  watch: boolean
  /** Requests per minute allowed per client address; 0 = no limit [0]. Env RATE_LIMIT. */
  rateLimitPerMinute: number
  /** Search, suggest and export requests computed at once [4]. Env MAX_CONCURRENT. */
  maxConcurrent: number
  /** Requests allowed to wait for a slot before 503 [64]. Env MAX_QUEUE. */
  maxQueue: number
  /** Time a request may take before it gets a 503 [10000 ms]. Env REQUEST_TIMEOUT_MS. */
  requestTimeoutMs: number
  /** Time in-flight requests get to finish on SIGTERM/SIGINT [10000 ms]. Env SHUTDOWN_GRACE_MS. */
  shutdownGraceMs: number
  /** pino log level [info]; 'silent' turns logs off. Env LOG_LEVEL. */
  logLevel: string
  /** Origin allowed by CORS; none when unset. Env CORS_ORIGIN. */
  corsOrigin: string | undefined
}

/** A setting with a bad value; the message names the setting and the value. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** Reads a non-negative integer setting, or its default when unset. */
function integer(env: Record<string, string | undefined>, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    throw new ConfigError(`server: ${name}=${JSON.stringify(raw)} is not a whole number from 0 to ${max}`)
  }
  return Number(raw)
}

/** Reads a boolean setting: 1/true/yes or 0/false/no. */
function flag(env: Record<string, string | undefined>, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase()
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false
  if (raw === '1' || raw === 'true' || raw === 'yes') return true
  throw new ConfigError(`server: ${name}=${JSON.stringify(env[name])} is not 1/true/yes or 0/false/no`)
}

/** Builds the configuration; flags win over environment variables. Throws ConfigError naming a bad setting. */
export function parseConfig(env: Record<string, string | undefined>, argv: string[]): ServiceConfig {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: { watch: { type: 'boolean' }, seeds: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
      allowPositionals: false,
    }))
  } catch (err) {
    throw new ConfigError(`server: ${(err as Error).message} (flags: --watch, --seeds DIR, --port N, --host ADDR)`)
  }
  const merged = { ...env, ...(values.port !== undefined ? { PORT: values.port } : {}) }
  const logLevel = env.LOG_LEVEL ?? 'info'
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`server: LOG_LEVEL=${JSON.stringify(logLevel)} is not one of ${LOG_LEVELS.join(', ')}`)
  const config: ServiceConfig = {
    port: integer(merged, 'PORT', 3000, 65535),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    indexPath: env.INDEX_PATH || 'data/index.readout',
    seedsDir: values.seeds ?? (env.SEEDS_DIR || 'seeds'),
    watch: values.watch ?? flag(env, 'WATCH'),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT', 0),
    maxConcurrent: integer(env, 'MAX_CONCURRENT', 4),
    maxQueue: integer(env, 'MAX_QUEUE', 64),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 10_000),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000),
    logLevel,
    corsOrigin: env.CORS_ORIGIN || undefined,
  }
  if (config.maxConcurrent < 1) throw new ConfigError('server: MAX_CONCURRENT must be at least 1')
  if (config.requestTimeoutMs < 1) throw new ConfigError('server: REQUEST_TIMEOUT_MS must be at least 1')
  return config
}
