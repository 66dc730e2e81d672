// Command line for the index build: `npm run build:index -- [--seeds DIR] [--out FILE] [--strict]`.
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import { BuildError, runBuild } from './run-build'
import type { BuildReport } from './types'

/** Pages from which a progress bar is worth showing. */
const PROGRESS_FROM_PAGES = 200

const USAGE = `usage: npm run build:index -- [--seeds DIR] [--out FILE] [--strict] [--no-nlp]
  --seeds DIR   folder of scraped pages (*.txt) and sources.json   (default seeds)
  --out FILE    where to write the index                           (default data/index.readout)
  --strict      fail on any warning (skipped page, orphan sources entry)
  --no-nlp      only tag entities listed in index-build/data/entities.json (faster)`

/** The summary printed after a build. */
export function formatSummary(report: BuildReport, outFile: string, ms: number): string {
  const dropped = Object.entries(report.dropped)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ')
  const entities = Object.entries(report.entities)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([type, n]) => `${type} ${n}`)
    .join(', ')
  return [
    `index-build: wrote ${outFile} in ${(ms / 1000).toFixed(1)} s`,
    `  articles     ${report.articles}`,
    `  paragraphs   ${report.paragraphs} kept`,
    `  dropped      ${dropped || 'nothing'}`,
    `  entities     ${entities || 'none'}`,
    `  warnings     ${report.warnings.length}`,
  ].join('\n')
}

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        seeds: { type: 'string', default: 'seeds' },
        out: { type: 'string', default: 'data/index.readout' },
        strict: { type: 'boolean', default: false },
        'no-nlp': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }))
  } catch (err) {
    console.error(`index-build: ${(err as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const started = performance.now()
  let bar: cliProgress.SingleBar | null = null
  try {
    const report = await runBuild({
      seedsDir: values.seeds,
      outFile: values.out,
      strict: values.strict,
      nlp: !values['no-nlp'],
      log: (line) => console.error(line),
      onProgress: (done, total) => {
        if (total < PROGRESS_FROM_PAGES || !process.stderr.isTTY) return
        if (!bar) {
          bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'index-build [{bar}] {value}/{total} pages' }, cliProgress.Presets.shades_classic)
          bar.start(total, 0)
        }
        bar.update(done)
        if (done === total) bar.stop()
      },
    })
    console.log(formatSummary(report, values.out, performance.now() - started))
    return 0
  } catch (err) {
    ;(bar as cliProgress.SingleBar | null)?.stop()
    if (err instanceof BuildError || (err instanceof Error && err.name === 'SourcesError')) {
      console.error(err.message)
      return 1
    }
    console.error(`index-build: failed: ${(err as Error).stack ?? String(err)}`)
    return 1
  }
}

process.exitCode = await main()
