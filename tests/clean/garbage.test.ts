import { describe, expect, it } from 'vitest'
import { isGarbageLine, isRandomToken } from '../../index-build/clean/garbage'

describe('isRandomToken', () => {
  it('flags machine-made strings', () => {
    for (const t of ['Xq7ptr9Lm', 'b8c2d9', 'Zzkqwpxhvtb', 'Ooaeiuaeo', 'mnbvcxzlkjhgfdsapoiuytrewq', 'Hh3k2']) expect(isRandomToken(t), t).toBe(true)
  })

  it('passes words, names, numbers and codes', () => {
    for (const t of ['Regional', 'scrutiny', 'queueing', 'McDonald', 'iPhone', 'Kommasith', 'strengths', 'G7', 'COVID19', '2024', 'Vientiane', 'rhythms']) {
      expect(isRandomToken(t), t).toBe(false)
    }
  })
})

describe('isGarbageLine', () => {
  it('flags short lines made only of random tokens', () => {
    expect(isGarbageLine('Qz8vk2 Oaeuiaoe')).toBe(true)
    expect(isGarbageLine('Wxq4p4trbvlmzkqpwdhtyrksxnq')).toBe(true)
  })

  it('keeps lines with any real word or sentence punctuation', () => {
    expect(isGarbageLine('Regional scrutiny')).toBe(false)
    expect(isGarbageLine('Qz8vk2 talks')).toBe(false)
    expect(isGarbageLine('Xq7ptr9Lm.')).toBe(false)
  })
})
