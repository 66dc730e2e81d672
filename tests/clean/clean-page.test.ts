import { describe, expect, it } from 'vitest'
import { cleanPage } from '../../index-build/clean/clean-page'

const texts = (page: ReturnType<typeof cleanPage>) => page.paragraphs.map((p) => p.text)

describe('cleanPage', () => {
  it('splits paragraphs on blank lines and keeps them whole', () => {
    const page = cleanPage('The envoy arrived in the capital on Monday for two days of talks.\n\nShe met the foreign minister, officials said.\n')
    expect(texts(page)).toEqual(['The envoy arrived in the capital on Monday for two days of talks.', 'She met the foreign minister, officials said.'])
  })

  it('splits a page that puts one paragraph per line', () => {
    const page = cleanPage('The first paragraph ends here with a full stop.\nThe second paragraph starts on the next line.\n“A quote paragraph.”\n')
    expect(texts(page)).toHaveLength(3)
  })

  it('collapses every run of white space, of any kind, to one space and trims line ends', () => {
    const kinds = ['\t', ' ', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff']
    for (const a of kinds) {
      for (const b of kinds) {
        const page = cleanPage(`${a}The envoy${a}arrived ${b}in the${a}${b}capital on Monday for talks.${b}\n`)
        expect(texts(page)).toEqual(['The envoy arrived in the capital on Monday for talks.'])
      }
    }
  })

  it('reads vertical tabs and form feeds as spaces and Unicode line and paragraph separators as breaks, never gluing words', () => {
    expect(texts(cleanPage('The envoy\varrived in the\fcapital on Monday for talks.\n'))).toEqual(['The envoy arrived in the capital on Monday for talks.'])
    expect(texts(cleanPage('The envoy arrived in the capital on Monday.\u2029She met the foreign minister, officials said.'))).toEqual([
      'The envoy arrived in the capital on Monday.',
      'She met the foreign minister, officials said.',
    ])
    expect(texts(cleanPage('The delegation from the northern provinces arrived late on\u2028Sunday evening after a long journey.'))).toEqual([
      'The delegation from the northern provinces arrived late on Sunday evening after a long journey.',
    ])
    // Still removed: other control characters and zero-width spaces.
    expect(texts(cleanPage('The en\u200Bvoy arr\u0007ived in the capital on Monday for talks.'))).toEqual(['The envoy arrived in the capital on Monday for talks.'])
  })

  it('joins lines that were hard-wrapped mid-sentence', () => {
    const page = cleanPage('The delegation from the northern provinces arrived late on\nSunday evening after a long journey by road and rail.\n')
    expect(texts(page)).toEqual(['The delegation from the northern provinces arrived late on Sunday evening after a long journey by road and rail.'])
  })

  it('reads a leading "# " line as the title and "### " lines as sections', () => {
    const page = cleanPage('# Harbour talks stall\n\nTalks stalled on Monday.\n\n### What comes next\n\nNegotiators will return in June.\n')
    expect(page.title).toBe('Harbour talks stall')
    expect(page.paragraphs).toEqual([
      { text: 'Talks stalled on Monday.', section: null },
      { text: 'Negotiators will return in June.', section: 'What comes next' },
    ])
    expect(page.sections).toEqual(['What comes next'])
  })

  it('reads a headline-shaped line before the body as the title, skipping furniture around it', () => {
    const page = cleanPage('Photo: waves at dawn\n\nFishing Fleets Return to Northern Ports After Storm\n\nBy Jane Roe\n2 days ago\n\nThe fleets returned on Tuesday.\n')
    expect(page.title).toBe('Fishing Fleets Return to Northern Ports After Storm')
    expect(texts(page)).toEqual(['The fleets returned on Tuesday.'])
  })

  it('states no title when the page starts with prose', () => {
    expect(cleanPage('The fleets returned on Tuesday.\n\nMore boats came on Wednesday.').title).toBeNull()
  })

  it('turns a short line between paragraphs, and a quoted subheading, into sections', () => {
    const page = cleanPage('First paragraph of the story.\n\nTrade and tariffs\n\nSecond paragraph.\n\n“Hard bargaining”\n\nThird paragraph.\n')
    expect(page.paragraphs.map((p) => p.section)).toEqual([null, 'Trade and tariffs', 'Hard bargaining'])
  })

  it('repairs quotes garbled as Thai before finding headings', () => {
    const page = cleanPage('Opening paragraph.\nโFair shareโ\nClosing paragraph with โa quoteโ.\n')
    expect(page.paragraphs).toEqual([
      { text: 'Opening paragraph.', section: null },
      { text: 'Closing paragraph with “a quote”.', section: 'Fair share' },
    ])
  })

  it('drops tickers, forms and footers with their reasons, and reads the metadata lines', () => {
    const page = cleanPage(
      [
        'London markets open in 12 minutes',
        '• FTSE 250',
        '',
        '19,220.10',
        '+12.20 (+0.06%)',
        '',
        'Published March 3, 2022',
        '',
        'The port reopened on Thursday.',
        '',
        'Post a comment',
        'Looks good!',
        '',
        'This article originally appeared in the Harbour Gazette.',
        'Copyright (c) 2022 Harbour Gazette Ltd. All rights reserved.',
      ].join('\n'),
    )
    expect(texts(page)).toEqual(['The port reopened on Thursday.'])
    expect(page.date).toBe('2022-03-03')
    expect(page.originalOutlet).toBe('Harbour Gazette')
    expect(page.copyrightHolder).toBe('Harbour Gazette')
    expect(page.dropped.map((d) => d.reason)).toEqual(['ticker', 'ticker', 'ticker', 'ticker', 'timestamp', 'comment-form', 'comment-form', 'copyright', 'copyright'])
  })

  it('treats short lines before the headline as navigation, not sections', () => {
    const page = cleanPage('Home\nWorld\nBusiness\n\nPorts Reopen After Week of Storms\n\nThe ports reopened on Friday, officials said.\n')
    expect(page.title).toBe('Ports Reopen After Week of Storms')
    expect(page.paragraphs).toEqual([{ text: 'The ports reopened on Friday, officials said.', section: null }])
    expect(page.dropped.slice(0, 3).map((d) => d.reason)).toEqual(['navigation', 'navigation', 'navigation'])
  })

  it('drops a heading with no paragraph under it', () => {
    const page = cleanPage('First paragraph of the story.\n\nWhat happens next\n\nAnother heading\n\nSecond paragraph.\n')
    expect(page.paragraphs.map((p) => p.section)).toEqual([null, 'Another heading'])
  })

  it('drops a list of links under a bare header, up to the next prose paragraph', () => {
    const page = cleanPage(
      [
        'The port reopened on Friday after a week of storms, officials said.',
        '',
        'More on this story',
        'Storm closes three ports',
        'Published 4 days ago',
        'Fishing fleets stay home',
        '',
        'Dock workers returned to the piers on Saturday morning as the first ships came in, the union said.',
      ].join('\n'),
    )
    expect(page.paragraphs.map((p) => p.text.split(' ').slice(0, 3).join(' '))).toEqual(['The port reopened', 'Dock workers returned'])
    expect(page.dropped.map((d) => d.reason)).toEqual(['related', 'related', 'related', 'related'])
  })

  it('drops rules and lines without letters', () => {
    const page = cleanPage('One.\n\n---\n\n• • •\n\n|\n\nTwo.')
    expect(texts(page)).toEqual(['One.', 'Two.'])
    expect(page.dropped.map((d) => d.reason)).toEqual(['rule', 'rule', 'empty'])
  })

  it('keeps markup as text and strips control characters', () => {
    const page = cleanPage('A line with <script>alert(1)</script> and <img src=x onerror=alert(2)> in it.\u0007\n')
    expect(texts(page)).toEqual(['A line with <script>alert(1)</script> and <img src=x onerror=alert(2)> in it.'])
  })

  it('copes with megabytes on one line', () => {
    const line = 'word '.repeat(400_000)
    const page = cleanPage(line)
    expect(page.paragraphs).toHaveLength(1)
    expect(page.paragraphs[0]!.text.length).toBe(line.trim().length)
  })
})
