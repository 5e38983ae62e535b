/** Where the rule pages live; each message's `url` points at `<base><ruleId>.md`. */
export const DOCS_BASE = 'https://github.com/trustlint/trustlint/blob/main/docs/rules/'

// One string per rule, not one per message: a large draft has hundreds of thousands of messages.
const urls = new Map<string, string>()

export function docsUrl(ruleId: string): string {
  let url = urls.get(ruleId)
  if (url === undefined) urls.set(ruleId, (url = DOCS_BASE + ruleId + '.md'))
  return url
}
