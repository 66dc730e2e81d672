// Recognises page furniture line by line: each rule names a general kind of noise and the reason it is dropped.
import type { DropReason } from '../types'
import { isGarbageLine } from './garbage'
import { isDateline } from './page-metadata'

/** One kind of furniture: lines it matches, at most this long, are dropped for `reason`. */
interface FurnitureRule {
  reason: DropReason
  /** Longest line (characters) the rule applies to: furniture is short, prose that mentions the same words is not. */
  maxLength: number
  test: (line: string) => boolean
}

const re = (pattern: RegExp) => (line: string) => pattern.test(line)

/** True when at least `atLeast` of the patterns occur in the line; stops testing as soon as the answer is known (most lines are prose that matches none). */
export const cues = (patterns: RegExp[], atLeast: number) => (line: string) => {
  let found = 0
  for (let i = 0; i < patterns.length; i++) {
    if (found >= atLeast) return true
    if (found + (patterns.length - i) < atLeast) return false
    if (patterns[i]!.test(line)) found++
  }
  return found >= atLeast
}

const PAYWALL_CUES = [
  /\bsubscri(?:ber|be|ption)s?\b/i,
  /\blog ?(?:in|into)\b|\bsign ?in\b/i,
  /\baccount\b/i,
  /\b(?:access|unlock|continue reading|premium|members? only|paywall)\b/i,
  /\bregister\b|\bfree trial\b/i,
]

const NAME = String.raw`\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}`
const BY_NAMES = new RegExp(`^[Bb][Yy]:?\\s+${NAME}(?:\\s*(?:,|and|&|\\||-|–)\\s*${NAME})*(?:\\s*(?:,|\\||-|–)\\s*[\\p{L} ]{1,40})?$`, 'u')
const NAME_ROLE = new RegExp(`^${NAME},?\\s+([\\p{L} ]{3,40})$`, 'u')
const ROLE = /^(?:(?:senior|chief|staff|political|foreign|diplomatic|special|contributing|[\p{L}]+ affairs)\s+)?(?:reporter|correspondent|editor|writer|contributor|columnist|journalist)s?$/iu

/** "By Jane Roe and John Doe, Wire Service" or "Jane Roe, Senior Correspondent" (no closing full stop: that is prose). */
function isByline(line: string): boolean {
  if (/[.!?]$/.test(line)) return false
  if (BY_NAMES.test(line)) return true
  const role = NAME_ROLE.exec(line)
  return role !== null && ROLE.test(role[1]!.trim())
}

/** A header of a list of links to other stories ("Read more:", "Related topics", "Most read"), or such a link with its label. */
export const RELATED_HEADER = /^(?:read more|read next|related(?: articles?| stories| coverage| content| topics| reading)?|also read|see also|more on this(?: story| topic)?|more from [\p{L} ]{2,40}|recommended(?: for you| stories)?|you may also like|you might also like|most (?:read|popular|viewed|shared)|top stories|trending(?: now| stories)?|editor['’]?s picks|in other news)\b\s*(?:[:|]\s*.*)?$/iu

/** The rules, in the order they are tried. */
export const FURNITURE_RULES: FurnitureRule[] = [
  { reason: 'advertisement', maxLength: 40, test: re(/^(?:advertisement|advert|ad|sponsored(?: content)?|promoted(?: content)?|paid (?:post|content)|story continues below(?: advertisement)?)$/i) },
  { reason: 'navigation', maxLength: 80, test: re(/^(?:skip to (?:main )?(?:content|navigation|main|search|footer)|jump to (?:content|navigation)|back to top|(?:main )?menu|home|search|toggle navigation|open navigation|close|share(?: this (?:article|story))?|save|bookmark|copy link|print(?: this (?:article|page))?|next article|previous article|show more|load more|search(?: for)?|loading\.*|share(?: this| on| via)?(?: \p{L}+)?|twitter|facebook|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|threads|bluesky|mastodon)[.:!…]*$/iu) },
  { reason: 'navigation', maxLength: 120, test: re(/^(?:[\p{L}&' ]{2,20}\s*(?:\||›|»|\/|·|•)\s*){2,}[\p{L}&' ]{2,20}$/u) },
  { reason: 'navigation', maxLength: 200, test: re(/^(?:tags?|topics?|categories|category|filed under|labels?|keywords)\s*:/i) },
  { reason: 'paywall', maxLength: 600, test: cues(PAYWALL_CUES, 3) },
  { reason: 'consent', maxLength: 400, test: cues([/\bcookies?\b/i, /\b(?:we use|accept|agree|consent|preferences|settings|policy|personali[sz]ed|partners)\b/i], 2) },
  { reason: 'consent', maxLength: 40, test: re(/^(?:accept|reject|decline|allow)(?: all)?(?: cookies)?$|^(?:manage|cookie|privacy) (?:preferences|settings|choices|options)$/i) },
  { reason: 'reading-time', maxLength: 30, test: re(/^(?:\d+\s*(?:-\s*)?(?:min|mins|minutes?)(?:\s+(?:read|listen|watch))?|(?:reading|read|listening) time:?\s*\d+\s*(?:min|mins|minutes?))$/i) },
  { reason: 'related', maxLength: 200, test: re(RELATED_HEADER) },
  { reason: 'ticker', maxLength: 60, test: re(/^(?:[\p{L}]+\s+)?(?:markets?|stocks?|trading)\s+(?:close[sd]?|open(?:s|ed)?)\b.*$/iu) },
  { reason: 'ticker', maxLength: 40, test: re(/^[+\-−]?[$€£¥]?\d[\d,]*(?:\.\d+)?%?(?:\s*\(?[+\-−]?\d[\d,]*(?:\.\d+)?%?\)?)?$/) },
  { reason: 'promo', maxLength: 600, test: re(/^(?:do|did|are|want|looking|have|need|curious|interested|wondering)\b[^?]{5,250}\?\s+(?:get|try|download|discover|explore|join|sign up|subscribe|check out|find)\b.{0,300}\b(?:with|on|at|from|in)\s+(?:our|the)?\s*\p{Lu}/iu) },
  { reason: 'promo', maxLength: 160, test: re(/^(?:click here|tap here|download (?:the|our) app|get the app|listen to (?:this|the) (?:article|story)|watch(?: the)? video)\b/i) },
  { reason: 'signup', maxLength: 200, test: re(/^(?:join (?:the|our)\b|sign up\b|subscribe\b|keep up to date\b|stay (?:up to date|informed|in the loop)\b|get (?:the|our) (?:latest|newsletter|daily)\b|(?:our |the )?newsletter\b|follow us\b|enter your email\b|never miss\b|get (?:breaking )?news alerts\b)/i) },
  { reason: 'comment-form', maxLength: 200, test: re(/^(?:leave (?:a|the first) (?:comment|reply|review)\b.*|your e-?mail(?: address)? will not be published.*|required fields are marked.*|like this:?|like loading.*|(?:\d+ )?likes?|add (?:a )?comment|post (?:a )?comment|rate this (?:article|story|post)|rating|your rating|submit(?: review| comment)?|looks good|please (?:enter|check|fill in|provide|select) .{1,50}|(?:your )?(?:name|e-?mail|website|comment|message)\s*\*?|\d+\s+comments?|comments?(?:\s*\(\d+\))?|reply|cancel reply|be the first to comment|log in to comment|save my name.*|notify me of .*|comments are (?:closed|disabled|turned off)|comments? (?:have been|has been) (?:closed|disabled))[.:!*]*$/i) },
  { reason: 'image-label', maxLength: 200, test: re(/^(?:image|photo|picture|illustration|graphic|video|file photo|photograph)s?\s*(?:created|generated|credits?|courtesy|source|caption|by|:|\|)/i) },
  { reason: 'image-label', maxLength: 200, test: re(/^caption\s*[:|,]/i) },
  { reason: 'image-label', maxLength: 160, test: re(/\((?:[\p{L} ]*\/)?\s*(?:getty images|reuters|afp|ap|ap photo|epa|xinhua|bloomberg|shutterstock|file|photo)[^)]*\)$/iu) },
  { reason: 'relative-time', maxLength: 40, test: re(/^(?:(?:updated|posted|published)\s+)?(?:about |over |almost |nearly )?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few)\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago$|^(?:just now|yesterday|today)$/i) },
  { reason: 'timestamp', maxLength: 80, test: isDateline },
  { reason: 'timestamp', maxLength: 50, test: re(/^(?:posted|updated|published|last updated)(?: at| on)?:?\s*\d{1,2}[:.]\d{2}\s*(?:am|pm)?\s*(?:[A-Z]{2,5}|GMT[+-]\d+)?$/i) },
  { reason: 'timestamp', maxLength: 50, test: re(/^(?:\p{L}+,\s*)?(?:\d{1,2}\s+\p{L}+|\p{L}+\s+\d{1,2}),?\s+\d{4}(?:\s*(?:at|,|·)?\s*\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,5}|GMT[+-]\d+)?)?$|^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$|^\d{1,2}[:.]\d{2}\s*(?:am|pm)?\s*(?:[A-Z]{2,5})?$/iu) },
  { reason: 'byline', maxLength: 80, test: isByline },
  { reason: 'byline', maxLength: 200, test: re(/\bcontributed(?: reporting)? to this (?:report|story|article)\.?\)?$/i) },
  { reason: 'byline', maxLength: 200, test: re(/^\(?(?:(?:additional )?reporting|writing|editing|compiled|produced|translated|graphics)\s+by\b[^.]*\)?\.?$/i) },
  { reason: 'editor-note', maxLength: 400, test: re(/^(?:editor['’]?s note|correction|clarification)\s*(?:\([^)]{1,40}\))?\s*[:—–-]\s*\S/i) },
  { reason: 'disclaimer', maxLength: 400, test: re(/^(?:the )?views (?:and opinions )?expressed\b|\bdo(?:es)? not necessarily (?:reflect|represent)\b.{0,80}(?:position|views?|policy|opinions?)|^this (?:article|story|post|content) (?:is for informational purposes|does not constitute|is not (?:financial|investment|legal) advice)/i) },
  { reason: 'copyright', maxLength: 300, test: re(/^(?:copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b/i) },
  { reason: 'copyright', maxLength: 400, test: re(/^(?:this|the) (?:article|story|report|piece|content) (?:was )?(?:originally|first) (?:appeared|published|ran|posted)\b|^(?:this|the) (?:article|story) (?:is|was) (?:republished|reproduced|syndicated)\b/i) },
  { reason: 'garbage', maxLength: 120, test: isGarbageLine },
]

/** Why the line is furniture, or null when it may be article text. */
export function furnitureReason(line: string): DropReason | null {
  const trimmed = line.trim()
  for (const rule of FURNITURE_RULES) {
    if (trimmed.length <= rule.maxLength && rule.test(trimmed)) return rule.reason
  }
  return null
}
