import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../server/config'

describe('parseConfig', () => {
  it('uses the documented defaults', () => {
    expect(parseConfig({}, [])).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      indexPath: 'data/index.readout',
      seedsDir: 'seeds',
      watch: false,
      rateLimitPerMinute: 0,
      logLevel: 'info',
      corsOrigin: undefined,
    })
  })

  it('reads environment variables and lets flags win', () => {
    const config = parseConfig({ PORT: '8080', WATCH: '0', SEEDS_DIR: 'pages', RATE_LIMIT: '120', INDEX_PATH: '/tmp/i.json' }, ['--watch', '--port', '9090'])
    expect(config).toMatchObject({ port: 9090, watch: true, seedsDir: 'pages', rateLimitPerMinute: 120, indexPath: '/tmp/i.json' })
    expect(parseConfig({ WATCH: 'yes' }, []).watch).toBe(true)
  })

  it('names a bad setting and its value', () => {
    expect(() => parseConfig({ PORT: 'eighty' }, [])).toThrow(/PORT="eighty" is not a whole number/)
    expect(() => parseConfig({ PORT: '70000' }, [])).toThrow(/PORT="70000"/)
    expect(() => parseConfig({ WATCH: 'maybe' }, [])).toThrow(/WATCH="maybe"/)
    expect(() => parseConfig({ LOG_LEVEL: 'loud' }, [])).toThrow(/LOG_LEVEL="loud"/)
    expect(() => parseConfig({ MAX_CONCURRENT: '0' }, [])).toThrow(/MAX_CONCURRENT must be at least 1/)
    expect(() => parseConfig({}, ['--colour'])).toThrow(ConfigError)
  })
})
