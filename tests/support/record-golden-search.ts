// Records the pinned answers (`node --import tsx tests/support/record-golden-search.ts`). Run only when a change to results is intended, and say why in the commit.
import { writeFile } from 'node:fs/promises'
import { createApp } from '../../server/app'
import { buildWorkload, KINDS } from '../bench/queries'
import { GOLDEN_FILE, goldenIndexes, SEED_REQUESTS, stripTiming } from './golden-search'

const { seeds, generated } = await goldenIndexes()
const workload = buildWorkload(generated, 8)
const generatedRequests = [
  ...KINDS.flatMap((kind) => workload[kind].map((q) => `/api/search?q=${encodeURIComponent(q.q)}${q.filters}`)),
  ...workload.common.slice(0, 3).map((q) => `/api/search?q=${encodeURIComponent(q.q)}&page=3&size=25`),
  ...workload.twoWords.slice(0, 3).map((q) => `/api/search?q=${encodeURIComponent(q.q)}&sort=date`),
  ...workload.typo.slice(0, 3).map((q) => `/api/search?q=${encodeURIComponent(`${q.q} -${workload.common[0]!.q}`)}`),
  ...workload.phrase.slice(0, 3).map((q) => `/api/search?q=${encodeURIComponent(`${q.q} OR ${workload.rare[0]!.q}`)}&size=50`),
  ...workload.browse.slice(0, 3).map((q) => `/api/search?q=${q.filters}&outlet=Harbour%20Gazette&outlet=Atlas%20News&from=2023-06-01&to=2024-03-31`),
  ...workload.prefix.slice(0, 3).map((q) => `/api/suggest?q=${encodeURIComponent(q.q)}`),
  `/api/export?q=${encodeURIComponent(workload.twoWords[0]!.q)}&format=jsonl`,
  `/api/articles/${encodeURIComponent(generated.articles[3]!.id)}?q=${encodeURIComponent(workload.common[1]!.q)}`,
  '/api/facets',
]
const answers: Record<string, Record<string, unknown>> = { seeds: {}, generated: {} }
for (const [name, index, requests] of [['seeds', seeds, SEED_REQUESTS], ['generated', generated, generatedRequests]] as const) {
  const app = createApp({ getIndex: () => index })
  for (const url of requests) {
    const res = await app.request(url)
    if (res.status !== 200) throw new Error(`record-golden-search: ${url} answered ${res.status}`)
    answers[name]![url] = stripTiming(url, await res.text())
  }
}
await writeFile(GOLDEN_FILE, JSON.stringify(answers) + '\n')
console.log(`record-golden-search: ${Object.keys(answers.seeds!).length} + ${Object.keys(answers.generated!).length} answers written to ${GOLDEN_FILE}`)
