/** Front matter keys that date an issue, in the order they are looked for. */
export const DATE_KEYS = ['date', 'published', 'pubDate'] as const

/** The date of an issue as written: a calendar day, maybe a time of day, and where it came from. */
export interface IssueDate {
  /** YYYY-MM-DD, as written (a time zone is not converted). */
  day: string
  /** HH:MM:SS when the value has a time; orders issues of one day. */
  time: string | null
  source: 'front-matter' | 'file-name'
}

/** A front matter date that is not a date: the file is listed as undated with this reason. */
export interface DateProblem {
  problem: string
}

// 2024-05-13, 2024/5/13, 2024-05-13T09:30, 2024-05-13 09:30:00+09:00
const WRITTEN = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?/
const JAPANESE_DAY = /^(\d{4})年(\d{1,2})月(\d{1,2})日/
// 2024-05-13-title.md, 20240513_title.md, 2024_05_13.md: a date opening the file name.
const IN_NAME = /^(\d{4})([-_.]?)(\d{2})\2(\d{2})(?![0-9])/

/** The first of date, published, pubDate in the front matter, as text (YAML may give a Date or a number). */
export function frontMatterDate(data: Record<string, unknown>): {key: string; value: string} | null {
  for (const key of DATE_KEYS) {
    const value = data[key]
    if (value === undefined || value === null || value === '') continue
    return {key, value: value instanceof Date ? value.toISOString() : String(value)}
  }
  return null
}

/**
 * Date one issue: its front matter date, else a date opening its file name,
 * else null (undated). A front matter date that does not read as a calendar day
 * is a problem to report, never guessed around.
 */
export function issueDate(path: string, written: {key: string; value: string} | null): IssueDate | DateProblem | null {
  if (written) {
    const day = readDay(written.value)
    if (!day) return {problem: `front matter "${written.key}: ${written.value}" is not a date such as 2024-05-13`}
    return {...day, source: 'front-matter'}
  }
  const name = path.slice(path.lastIndexOf('/') + 1)
  const match = IN_NAME.exec(name)
  if (!match) return null
  const day = calendarDay(match[1]!, match[3]!, match[4]!)
  return day ? {day, time: null, source: 'file-name'} : null
}

/** A day given on the command line (--since, --until): YYYY-MM-DD or YYYY/MM/DD, or null. */
export function parseDay(text: string): string | null {
  const day = readDay(text.trim())
  return day && day.time === null && /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(text.normalize('NFKC').trim()) ? day.day : null
}

function readDay(value: string): {day: string; time: string | null} | null {
  // Japanese writers also date issues 2024年4月8日, or with full-width digits (２０２４-０４-０８).
  const text = value.normalize('NFKC').trim().replace(JAPANESE_DAY, '$1-$2-$3')
  const match = WRITTEN.exec(text)
  if (!match) return null
  const day = calendarDay(match[1]!, match[2]!, match[3]!)
  if (!day) return null
  const [hours, minutes, seconds] = [match[4], match[5], match[6] ?? '00']
  if (hours === undefined) return {day, time: null}
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null
  return {day, time: `${hours.padStart(2, '0')}:${minutes}:${seconds}`}
}

// A real day of the calendar: 2024-02-30 and 2024-13-01 are not.
function calendarDay(year: string, month: string, day: string): string | null {
  const [y, m, d] = [Number(year), Number(month), Number(day)]
  if (m < 1 || m > 12 || d < 1) return null
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d > days) return null
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}
