// British → American spelling map, expanded from the editable word lists in data/spelling-variants.json.
import variants from './data/spelling-variants.json' with { type: 'json' }

interface SpellingLists {
  our: string[]
  re: string[]
  ce: string[]
  ll: string[]
  ise: string[]
  yse: string[]
  ogue: string[]
  pairs: Record<string, string>
}

/** Expands each pattern's base words into [british, american] pairs for their usual inflections. */
export function expandVariants(lists: SpellingLists): Map<string, string> {
  const map = new Map<string, string>()
  const add = (uk: string, us: string) => {
    if (uk !== us) map.set(uk, us)
  }
  for (const w of lists.our) {
    const us = w.replace(/our(?=[^o]*$)/, 'or')
    for (const s of ['', 's', 'ed', 'ing', 'ful', 'able', 'ably', 'less', 'ite', 'ites', 'er', 'ers']) add(w + s, us + s)
  }
  for (const w of lists.re) {
    const stem = w.slice(0, -2)
    add(w, `${stem}er`)
    add(`${w}s`, `${stem}ers`)
    add(`${w}d`, `${stem}ered`)
    add(`${stem}ring`, `${stem}ering`)
  }
  for (const w of lists.ce) {
    const us = `${w.slice(0, -2)}se`
    add(w, us)
    add(`${w}s`, `${us}s`)
  }
  for (const w of lists.ll) {
    for (const s of ['ed', 'ing', 'er', 'ers', 'ist', 'ists']) add(`${w}l${s}`, w + s)
  }
  for (const w of [...lists.ise, ...lists.yse]) {
    const stem = w.slice(0, -2)
    const z = w.endsWith('yse') ? 'yz' : 'iz'
    const base = stem.slice(0, -1)
    for (const s of ['e', 'es', 'ed', 'ing', 'er', 'ers', 'ation', 'ations']) add(`${stem}s${s}`, `${base}${z}${s}`)
  }
  for (const w of lists.ogue) {
    add(w, w.slice(0, -2))
    add(`${w}s`, `${w.slice(0, -2)}s`)
  }
  for (const [uk, us] of Object.entries(lists.pairs)) add(uk, us)
  return map
}

/** The project's British → American map (lowercase words). */
export const SPELLING_VARIANTS: ReadonlyMap<string, string> = expandVariants(variants as SpellingLists)

/** The American form of a lowercase word, or the word itself. */
export function americanSpelling(word: string): string {
  return SPELLING_VARIANTS.get(word) ?? word
}

let britishByAmerican: Map<string, string[]> | null = null

/** The British spellings that americanSpelling turns into `word` (none for most words). */
export function britishSpellings(word: string): readonly string[] {
  if (britishByAmerican === null) {
    britishByAmerican = new Map()
    for (const [uk, us] of SPELLING_VARIANTS) britishByAmerican.set(us, [...(britishByAmerican.get(us) ?? []), uk])
  }
  return britishByAmerican.get(word) ?? []
}
