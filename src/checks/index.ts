import type {Check} from './types.js'

/**
 * Code-backed checks by name, as `check:` in rules/<id>.yml names them.
 * Add one import and one entry per check.
 */
export const CHECKS: Record<string, Check> = {}
