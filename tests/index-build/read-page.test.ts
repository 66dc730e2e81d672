import { mkdir, open, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PageReader, readPage } from '../../index-build/read-page'
import { tempDir } from '../support/temp-dir'

describe('PageReader', () => {
  it('reads each page as readPage does, one after another into one buffer, and names what it cannot read', async () => {
    const dir = await tempDir('read-page')
    const pages: [string, Buffer][] = [
      ['a-small.txt', Buffer.from('Lavrov met Wang Yi in Vientiane.\n')],
      ['b-empty.txt', Buffer.alloc(0)],
      // Larger than the reader's first buffer (64 KB), then smaller again: no bytes of the larger page show through.
      ['c-large.txt', Buffer.from('Blinken. '.repeat(40_000))],
      ['d-short.txt', Buffer.from('ASEAN')],
      // Larger than the buffer the reader keeps between pages (4 MB).
      ['e-huge.txt', Buffer.alloc(5 << 20, 'South China Sea. ')],
      ['f-after.txt', Buffer.from('Manila')],
    ]
    for (const [file, bytes] of pages) await writeFile(join(dir, file), bytes)
    await symlink(join(dir, 'no-such-target'), join(dir, 'g-gone.txt'))
    await mkdir(join(dir, 'h-folder.txt'))
    // Over the 2 GiB fs.readFile reads (a sparse file: nothing is written).
    const sparse = await open(join(dir, 'i-too-large.txt'), 'w')
    await sparse.truncate(2 ** 31 + 10)
    await sparse.close()

    const reader = new PageReader(dir)
    const files = [...pages.map(([file]) => file), 'g-gone.txt', 'h-folder.txt', 'i-too-large.txt', 'j-missing.txt']
    for (const file of files) {
      const read = reader.read(file)
      const expected = await readPage(dir, file)
      // Compared before the next read, which reuses the buffer.
      expect({ ...read, bytes: read.bytes?.length }).toEqual({ ...expected, bytes: expected.bytes?.length })
      if (read.bytes) expect(Buffer.compare(read.bytes, expected.bytes!)).toBe(0)
    }
    expect(reader.read('g-gone.txt').readError).toBe('unreadable (ENOENT)')
    expect(reader.read('h-folder.txt').readError).toBe('unreadable (EISDIR)')
    expect(reader.read('i-too-large.txt').readError).toBe('unreadable (ERR_FS_FILE_TOO_LARGE)')
    expect(Buffer.from(reader.read('c-large.txt').bytes!).equals(pages[2]![1])).toBe(true)
  })
})
