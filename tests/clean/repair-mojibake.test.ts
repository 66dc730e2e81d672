import { describe, expect, it } from 'vitest'
import { repairMojibake } from '../../index-build/clean/repair-mojibake'

describe('repairMojibake', () => {
  it('re-reads UTF-8 that was shown as Windows-1252', () => {
    expect(repairMojibake('The envoyâ€™s â€œfirmâ€ reply â€“ in SÃ£o Paulo, cafÃ© Ã¼ber')).toBe('The envoy’s “firm” reply – in São Paulo, café über')
  })

  it('re-reads UTF-8 shown as Latin-1 (C1 control characters)', () => {
    expect(repairMojibake('it\u00e2\u0080\u0099s')).toBe('it’s')
  })

  it('leaves correct accented text alone', () => {
    expect(repairMojibake('déjà vu in Zürich, Ærø and Ôn Đình; Â© is not a pair here: Âx')).toBe('déjà vu in Zürich, Ærø and Ôn Đình; © is not a pair here: Âx')
  })

  it('turns stray Thai characters standing for quotes into curly quotes, opening or closing by position', () => {
    expect(repairMojibake('โFair tradeโ\nThe delegate called it โa turning pointโ.')).toBe('“Fair trade”\nThe delegate called it “a turning point”.')
  })

  it('keeps real Thai text unchanged', () => {
    const thai = 'โรงเรียนของเรา โดยครู'
    expect(repairMojibake(thai)).toBe(thai)
  })
})
