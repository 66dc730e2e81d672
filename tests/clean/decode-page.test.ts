import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodePage } from '../../index-build/clean/decode-page'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('decodePage', () => {
  it('reads UTF-8, dropping a byte-order mark and normalising line ends', () => {
    expect(decodePage(bytes('\uFEFFFirst line\r\nSecond line\rThird'))).toEqual({ ok: true, text: 'First line\nSecond line\nThird', warning: null })
  })

  it('refuses empty and whitespace-only files', () => {
    expect(decodePage(new Uint8Array())).toEqual({ ok: false, problem: 'empty file' })
    expect(decodePage(bytes(' \n\t\n'))).toEqual({ ok: false, problem: 'empty file' })
  })

  it('refuses binary files: NUL bytes or many control characters', () => {
    expect(decodePage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toEqual({ ok: false, problem: 'binary file, not text' })
    const noisy = Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41))
    expect(decodePage(noisy)).toEqual({ ok: false, problem: 'binary file, not text' })
  })

  it('falls back to Windows-1252 for text that is not UTF-8, with a warning', () => {
    const page = iconv.encode('The minister’s “caf\u00e9” remarks', 'windows-1252')
    expect(decodePage(page)).toEqual({ ok: true, text: 'The minister’s “café” remarks', warning: 'not UTF-8: read as Windows-1252' })
  })

  it('reads UTF-16 with a byte-order mark', () => {
    const page = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Talks resumed in Hanoi.', 'utf16le')])
    expect(decodePage(page)).toMatchObject({ ok: true, text: 'Talks resumed in Hanoi.' })
  })
})
