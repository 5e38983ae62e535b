import {createHash} from 'node:crypto'
import {BUILTIN_RULES} from '../core/builtin-rules.js'

declare const __TRUSTLINT_VERSION__: string | undefined

/** The package version (injected at build time). */
export const VERSION = typeof __TRUSTLINT_VERSION__ === 'string' ? __TRUSTLINT_VERSION__ : '0.0.0-dev'

/** Version plus a hash of the rule set, so a rule change invalidates caches even within a version. */
export const ENGINE_KEY = `${VERSION}+${createHash('sha256').update(JSON.stringify(BUILTIN_RULES)).digest('hex').slice(0, 12)}`
