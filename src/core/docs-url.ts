/** Where the rule pages live; each message's `url` points at `<base><ruleId>.md`. */
export const DOCS_BASE = 'https://github.com/trustlint/trustlint/blob/main/docs/rules/'

export function docsUrl(ruleId: string): string {
  return DOCS_BASE + ruleId + '.md'
}
