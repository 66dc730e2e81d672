import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanPage } from '../../index-build/clean/clean-page'
import { decodePage } from '../../index-build/clean/decode-page'

const SEEDS = join(import.meta.dirname, '../../seeds')

/** Cleans one seed page. */
function clean(file: string) {
  const decoded = decodePage(readFileSync(join(SEEDS, file)))
  if (!decoded.ok) throw new Error(`${file}: ${decoded.problem}`)
  return cleanPage(decoded.text)
}

/** The first five words of each paragraph that must be kept, in order, read off the pages by hand (see ../../../shared/seeds/SOURCES.md). */
const EXPECTED: Record<string, { title: string | null; date: string | null; sections: string[]; starts: string[] }> = {
  "000_cb957195959fa8e9.txt": {
    "title": null,
    "date": null,
    "sections": [],
    "starts": [
      "China and Russia have pledged",
      "What Russia said: In a",
      "What China said: In a",
      "China/US Talks: Following these statements,",
      "Digging Deeper: Tensions between the"
    ]
  },
  "001_3a3c0d2df35349b4.txt": {
    "title": "Russia and China should join forces in Southeast Asia, Lavrov tells Wang at Asean meeting",
    "date": null,
    "sections": [],
    "starts": [
      "Russia and China should join",
      "Without specifying, he said: \"We",
      "\"Other multilateral platforms are also",
      "Their meeting came a day",
      "Lavrov thanked Wang for China's",
      "The two diplomats also discussed",
      "Wang hailed ties with Russia",
      "\"In the face of the",
      "The two sides should also",
      "Earlier, the duo joined Laotian",
      "The three countries were \"willing",
      "Top diplomats from the 10",
      "This year tensions have been",
      "Indonesia, another Asean member, has",
      "However, there have been a",
      "Chinese coastguards have also used",
      "Manila grounded the ageing warship,",
      "Earlier, the US suggested it",
      "Last week, after a series",
      "During the Cold War, Moscow",
      "In 1979, four years after"
    ]
  },
  "002_23769f7bf8b1e3fa.txt": {
    "title": "Blinken meets China’s top diplomat in Laos as global giants keep communication lines open",
    "date": "2024-07-27",
    "sections": [
      "Regional scrutiny"
    ],
    "starts": [
      "The most senior diplomats from",
      "Secretary of State Antony Blinken",
      "Blinken is meeting his Chinese",
      "Tension between the US and",
      "Russia’s invasion of Ukraine, as",
      "Earlier this week the North",
      "China’s continued support of Russia",
      "When NATO leaders met earlier",
      "The US and the European",
      "Beijing has sought to position",
      "Earlier this week, Wang told",
      "In contrast, both Putin and",
      "Kuleba also visited Hong Kong",
      "On Thursday, Wang also met",
      "Wang told Lavrov that, in",
      "Lavrov hailed Russia and China",
      "“Russia will work with China",
      "ASEAN, a grouping of 10",
      "Among the countries Blinken will",
      "The Philippines has tacked closer",
      "Before speaking with Wang on",
      "But he also applauded Manila’s",
      "Such resupply missions had been",
      "“We are pleased to take",
      "“We applaud that and hope",
      "During his presidency, Biden has",
      "Beijing has bristled at such",
      "Asia is therefore watching closely",
      "Republican candidate Donald Trump, who",
      "Meanwhile the Democratic Party’s campaign"
    ]
  },
  "003_feab90d87e5b8600.txt": {
    "title": null,
    "date": null,
    "sections": [
      "Unlawful sanctions"
    ],
    "starts": [
      "Russia and China have announced",
      "In previous times, there was",
      "However, these were not “arenas",
      "The United States considers China",
      "These two nations share concerns",
      "During a post-meeting news conference,",
      "Lavrov also criticized the “illegal",
      "Since Russia’s invasion of Ukraine",
      "Although China claims neutrality in"
    ]
  },
  "004_70f2a1d6a0d27f27.txt": {
    "title": "China Seeks Enhanced Asia-Pacific Role, Celebrates Strong Ties with Russia",
    "date": "2024-02-28",
    "sections": [],
    "starts": [
      "China has recently expressed a",
      "During a visit to Moscow,",
      "Sun's visit underscores China's delicate",
      "Economic ties have also been",
      "The geopolitical aspirations of China",
      "These developments resonate with the",
      "In a move that seems",
      "As China continues to fortify"
    ]
  }
}

/** Pieces of furniture on the seed pages; none may survive in a kept paragraph. */
const FURNITURE = [/subscriber/i, /\bS&P\b/, /\d+\.\d+%/, /SCMP Knowledge/, /originally appeared/i, /All rights reserved/i, /JOIN THE MOVEMENT/, /Keep up to date/, /Looks good/, /Leave a Comment/, /months ago/, /Image created by AI/, /^Published/, /^#/, /^---$/, /[\u0E00-\u0E7F]/, /â€/]

describe('cleanPage on the seed pages', () => {
  it.each(Object.entries(EXPECTED))('keeps exactly the article paragraphs of %s', (file, expected) => {
    const page = clean(file)
    expect(page.paragraphs.map((p) => p.text.split(' ').slice(0, 5).join(' '))).toEqual(expected.starts)
    expect(page.title).toBe(expected.title)
    expect(page.date).toBe(expected.date)
    expect(page.sections).toEqual(expected.sections)
    for (const p of page.paragraphs) for (const f of FURNITURE) expect(p.text, `${file}: ${p.text.slice(0, 40)}`).not.toMatch(f)
  })

  it('reads the syndication and copyright lines of the syndicated copy as metadata', () => {
    const page = clean('001_3a3c0d2df35349b4.txt')
    expect(page.originalOutlet).toBe('South China Morning Post')
    expect(page.copyrightHolder).toBe('South China Morning Post')
  })

  it('puts the paragraphs after a subheading in its section', () => {
    const page = clean('003_feab90d87e5b8600.txt')
    expect(page.paragraphs.map((p) => p.section)).toEqual([null, null, null, null, null, null, 'Unlawful sanctions', 'Unlawful sanctions', 'Unlawful sanctions'])
  })
})
