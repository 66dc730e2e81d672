import { describe, expect, it } from 'vitest'
import { cleanPage } from '../../index-build/clean/clean-page'

/** Whole made-up pages in two common layouts (a news site with consent banner, captions and link lists; a blog with widgets and a comment form), unlike the seeds. */
const NEWS_SITE = "We use cookies to improve your experience. By continuing you agree to our Cookie Policy.\nAccept all cookies\nManage preferences\n\nHome\nNews\nWorld\nAsia\n\nVietnam and Japan agree to deepen maritime cooperation\n\n2 hours ago\nShare\nSave\n\nListen to this article\n4 min\n\nImage source, Getty Images\nImage caption, The two ministers shook hands in Hanoi on Monday\n\nVietnam and Japan have agreed to step up maritime security cooperation, including joint patrols and training for coastguard officers, the two foreign ministers said on Monday.\n\nThe agreement was announced after talks in Hanoi between Vietnamese Foreign Minister Bui Thanh Son and his Japanese counterpart Yoko Kamikawa.\n\nREAD MORE: Philippines summons Chinese envoy over reef incident\n\n\"We share deep concern about unilateral attempts to change the status quo by force,\" Ms Kamikawa told reporters.\n\nRelated Topics\nVietnam\nJapan\n\nMore on this story\nJapan pledges patrol boats to Manila\nPublished 3 days ago\n\nReporting by Minh Nguyen; Editing by Ed Davies\n\nOur Standards: The Thomson Reuters Trust Principles.\n\nFollow us on Facebook and X\nMost Read\n1\nStorm hits coastal provinces\n2\nMarkets rally on rate hopes\n"
const BLOG = "Menu\nSearch for:\n\nPosted by Lena Ortiz on March 3, 2024\n\nBorder trade resumes between the two provinces\n\nTrucks crossed the border checkpoint on Sunday for the first time in six weeks, customs officials said, after both governments lifted a ban on agricultural exports.\n\nTraders welcomed the move. \"We have lost a season,\" said one fruit exporter, who asked not to be named.\n\nOfficials said inspections would continue at the crossing.\n\nTags: trade, border, agriculture\n\nShare this:\nTwitter\nFacebook\nLike this:\nLike Loading...\n\nRelated\n\nLeave a Reply Cancel reply\nYour email address will not be published. Required fields are marked *\nComment *\nName *\nEmail *\nWebsite\nSave my name, email, and website in this browser for the next time I comment.\nPost Comment\n\u00a9 2024 Border Monitor. Powered by WordPress.\n"

const LIVE_BLOG = "LIVE\nUpdated 14:05 BST\n\nStorm Aida live: ferries cancelled as winds reach 120km/h\n\nKey points\nFerries between the islands are cancelled until Thursday\nSchools in three districts are closed\n\n14:02 BST\nThe coastguard says it has rescued 12 people from a fishing boat off the northern cape &amp; all are safe.\n\n13:45 BST\nOfficials in the port city said power had been restored to &quot;most&quot; homes, though 4,000 remain without electricity.\n\nShare\nPosted at 13:40\nResidents have been told to stay indoors until the warning is lifted at 18:00.\n"

const OPINION = "Opinion\n\nWhy the Mekong needs a water treaty now\n\nBy Dara Keo\nMarch 14, 2024 at 9:15 a.m. EDT\n\nEditor's note: This article has been updated to correct the name of the commission.\n\nSix countries share the Mekong, yet no binding treaty governs how much water each may take. The result is a slow-motion crisis for the 60 million people who depend on the river.\n\nDams upstream have changed the river's seasonal pulse. Fisheries downstream report catches falling by a third in a decade.\n\nA treaty would not solve everything. But it would give governments a forum to settle disputes before they escalate.\n\nDara Keo is a senior fellow at the Phnom Penh Policy Institute.\n\nThe views expressed in this article are the author's own and do not necessarily reflect the editorial position of this publication.\n\nComments are closed.\n"

const starts = (page: ReturnType<typeof cleanPage>) => page.paragraphs.map((p) => p.text.split(' ').slice(0, 4).join(' '))

describe('cleanPage on made-up pages of other layouts', () => {
  it('keeps the argument of an opinion page, dropping its note, author bio and disclaimer', () => {
    const page = cleanPage(OPINION)
    expect(page.title).toBe('Why the Mekong needs a water treaty now')
    expect(page.date).toBe('2024-03-14')
    expect(starts(page)).toEqual(['Six countries share the', "Dams upstream have changed", 'A treaty would not'])
    expect(page.dropped.map((d) => d.reason)).toEqual(['navigation', 'title', 'byline', 'timestamp', 'editor-note', 'byline', 'disclaimer', 'comment-form'])
  })

  it('keeps the key points and posts of a live page, dropping its times, with entities decoded', () => {
    const page = cleanPage(LIVE_BLOG)
    expect(page.title).toBe('Storm Aida live: ferries cancelled as winds reach 120km/h')
    expect(starts(page)).toEqual(['Ferries between the islands', 'Schools in three districts', 'The coastguard says it', 'Officials in the port', 'Residents have been told'])
    expect(page.paragraphs[2]!.text).toContain('northern cape & all are safe.')
    expect(page.paragraphs[3]!.text).toContain('restored to "most" homes')
    expect(page.dropped.filter((d) => d.reason === 'timestamp').map((d) => d.text)).toEqual(['Updated 14:05 BST', '14:02 BST', '13:45 BST', 'Posted at 13:40'])
  })

  it('keeps only the story of a news-site page', () => {
    const page = cleanPage(NEWS_SITE)
    expect(page.title).toBe('Vietnam and Japan agree to deepen maritime cooperation')
    expect(starts(page)).toEqual(['Vietnam and Japan have', 'The agreement was announced', '"We share deep concern'])
    expect(page.sections).toEqual([])
    expect(new Set(page.dropped.map((d) => d.reason))).toEqual(new Set(['consent', 'navigation', 'title', 'relative-time', 'promo', 'reading-time', 'image-label', 'related', 'byline', 'signup']))
  })

  it('keeps only the post of a blog page, with its date and publisher', () => {
    const page = cleanPage(BLOG)
    expect(page.title).toBe('Border trade resumes between the two provinces')
    expect(page.date).toBe('2024-03-03')
    expect(page.copyrightHolder).toBe('Border Monitor')
    expect(starts(page)).toEqual(['Trucks crossed the border', 'Traders welcomed the move.', 'Officials said inspections would'])
  })
})
