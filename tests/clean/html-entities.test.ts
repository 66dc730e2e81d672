import { describe, expect, it } from 'vitest'
import { decodeHtmlEntities } from '../../index-build/clean/html-entities'

describe('decodeHtmlEntities', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(decodeHtmlEntities('Fish &amp; chips &quot;today&quot; &#8211; it&#x2019;s &rsquo;fine&lsquo; &hellip;')).toBe('Fish & chips "today" – it’s ’fine‘ …')
  })

  it('leaves unknown or invalid references and tags as written', () => {
    expect(decodeHtmlEntities('&madeup; &#0; &#xD800; &#99999999; <b>bold</b> a & b')).toBe('&madeup; &#0; &#xD800; &#99999999; <b>bold</b> a & b')
  })
})
