import data from '../generated/rules.json' with {type: 'json'}
import type {CompiledRule} from './rule-types.js'

/** The built-in rules, compiled from rules/*.yml by `npm run rules`. */
export const BUILTIN_RULES: CompiledRule[] = data as CompiledRule[]
