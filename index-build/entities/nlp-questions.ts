// Plans the NLP library's calls of a build: which texts a serial build, page after page, would ask about which new runs of words.

/** One call of the NLP library: a text of a page and the positions, among that text's candidates, of the runs not asked about before. */
export interface NlpQuestion {
  /** Page, by its position in file order. */
  page: number
  /** Text of the page (0 is the title when it has one). */
  text: number
  /** Positions in that text's candidate list of the runs asked about. */
  candidates: number[]
}

/**
 * The calls a serial build makes, in its order, given each page's candidate runs per text (in file
 * order). A serial build asks about a run only the first time it meets it, together with the other
 * new runs of the same text, and remembers the answer; these questions are exactly those calls, so
 * answering them in any order, anywhere, gives the serial build's answers.
 */
export function nlpQuestions(pages: string[][][]): NlpQuestion[] {
  const asked = new Set<string>()
  const questions: NlpQuestion[] = []
  pages.forEach((texts, page) => {
    texts.forEach((surfaces, text) => {
      const fresh: number[] = []
      surfaces.forEach((surface, i) => {
        if (!asked.has(surface)) fresh.push(i)
      })
      if (fresh.length === 0) return
      questions.push({ page, text, candidates: fresh })
      for (const i of fresh) asked.add(surfaces[i]!)
    })
  })
  return questions
}
