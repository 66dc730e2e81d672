import { describe, expect, it } from 'vitest'
import { copyrightHolderIn, datelineDate, originalOutletIn, parseDate } from '../../index-build/clean/page-metadata'

describe('parseDate', () => {
  it('reads ISO, month-first and day-first dates', () => {
    expect(parseDate('2023-11-05 08:00')).toBe('2023-11-05')
    expect(parseDate('March 3, 2022')).toBe('2022-03-03')
    expect(parseDate('Sept. 14 2021')).toBe('2021-09-14')
    expect(parseDate('14 September 2021')).toBe('2021-09-14')
  })

  it('refuses impossible days and non-dates', () => {
    expect(parseDate('2023-02-30')).toBeNull()
    expect(parseDate('Monday 5 ago')).toBeNull()
  })
})

describe('datelineDate', () => {
  it('reads the date of Published/Updated lines in their common shapes', () => {
    expect(datelineDate('Published January 9, 2023')).toBe('2023-01-09')
    expect(datelineDate('Published :`2021-06-30 22:10:00`')).toBe('2021-06-30')
    expect(datelineDate('Updated: 4 May 2020')).toBe('2020-05-04')
    expect(datelineDate('Posted on 2019/12/01')).toBe('2019-12-01')
  })

  it('ignores prose that mentions publishing', () => {
    expect(datelineDate('The report published on Monday said tariffs would rise.')).toBeNull()
  })
})

describe('originalOutletIn', () => {
  it('names the outlet a syndicated copy credits', () => {
    expect(originalOutletIn('This article originally appeared in the Harbour Gazette (HG), the leading voice of the coast.')).toBe('Harbour Gazette')
    expect(originalOutletIn('This story was first published by Northern Wire.')).toBe('Northern Wire')
  })
})

describe('copyrightHolderIn', () => {
  it('reads the holder without years, legal suffixes or the reservation', () => {
    expect(copyrightHolderIn('Copyright (c) 2023. Harbour Gazette Publishers Ltd. All rights reserved.')).toBe('Harbour Gazette')
    expect(copyrightHolderIn('© 2019–2024 Northern Wire Inc.')).toBe('Northern Wire')
    expect(copyrightHolderIn('The copyright dispute dragged on.')).toBeNull()
  })
})
