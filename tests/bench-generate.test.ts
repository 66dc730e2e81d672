import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from './bench/generate'

const digest = (c: ReturnType<typeof generateCorpus>) => createHash('sha256').update(JSON.stringify(c)).digest('hex')

describe('benchmark corpus generator', () => {
  it('gives byte-identical output for the same seed and different output for another', () => {
    const a = generateCorpus({ paragraphs: 200, seed: 7 })
    expect(digest(generateCorpus({ paragraphs: 200, seed: 7 }))).toBe(digest(a))
    expect(digest(generateCorpus({ paragraphs: 200, seed: 8 }))).not.toBe(digest(a))
  })

  it('makes pages of twenty paragraphs of about 470 characters, with sources', () => {
    const { pages, sources } = generateCorpus({ paragraphs: 200, seed: 3 })
    expect(pages).toHaveLength(10)
    expect(Object.keys(sources)).toEqual(pages.map((p) => p.file))
    const body = pages[0]!.text.split('\n\n').filter((b) => b.length > 300)
    expect(body).toHaveLength(20)
    const mean = body.reduce((n, b) => n + b.length, 0) / body.length
    expect(mean).toBeGreaterThan(400)
    expect(mean).toBeLessThan(700)
  })
})
