import {describe, expect, it} from 'vitest'
import {meanAndSd, spread} from '../bench/lib/stats.js'

// The summaries the benchmark and the stage fit report (bench/lib/stats.ts).
describe('bench statistics', () => {
  it('gives the mean and population standard deviation of repeated runs', () => {
    expect(meanAndSd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({mean: 5, sd: 2})
    expect(meanAndSd([0.8])).toEqual({mean: 0.8, sd: 0})
    expect(() => meanAndSd([])).toThrow('No values')
  })

  it('gives the median with its range, for odd and even counts', () => {
    expect(spread([3, 1, 2])).toEqual({median: 2, min: 1, max: 3})
    expect(spread([4, 1, 3, 2])).toEqual({median: 2.5, min: 1, max: 4})
  })
})
