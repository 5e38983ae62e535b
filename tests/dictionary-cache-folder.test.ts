import {appendFileSync, cpSync, mkdtempSync, rmSync, utimesSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {cacheFolders, cacheName, DICT_CACHE_ENV, userCacheFolder} from '../src/lang/ja/dictionary-cache.js'

// Where the uncompressed dictionary is kept: a folder that `npm ci` does not
// wipe and CI caches can keep (issue 14).
describe('dictionary cache folder', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('is the per-user cache folder of each operating system', () => {
    expect(userCacheFolder({}, 'linux', '/home/ana')).toBe('/home/ana/.cache/trustlint')
    expect(userCacheFolder({XDG_CACHE_HOME: '/var/cache/ana'}, 'linux', '/home/ana')).toBe('/var/cache/ana/trustlint')
    // A relative XDG_CACHE_HOME is invalid (XDG Base Directory spec) and ignored.
    expect(userCacheFolder({XDG_CACHE_HOME: 'cache'}, 'linux', '/home/ana')).toBe('/home/ana/.cache/trustlint')
    expect(userCacheFolder({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Caches/trustlint')
    expect(userCacheFolder({LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local'}, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Local\\trustlint\\Cache')
    expect(userCacheFolder({}, 'linux', undefined)).toBeUndefined()
  })

  it('comes first, before node_modules/.cache (wiped by npm ci) and the temp folder', () => {
    vi.stubEnv(DICT_CACHE_ENV, '')
    vi.stubEnv('XDG_CACHE_HOME', path.join(os.tmpdir(), 'xdg-cache'))
    const folders = cacheFolders()
    if (process.platform === 'linux') expect(folders[0]).toBe(path.join(os.tmpdir(), 'xdg-cache', 'trustlint'))
    expect(folders.findIndex((folder) => folder.includes(`node_modules${path.sep}.cache`))).toBeGreaterThan(0)
    expect(folders.at(-1)).toMatch(/trustlint-/)
  })

  it('TRUSTLINT_DICT_CACHE names the only folder, or turns the cache off', () => {
    vi.stubEnv(DICT_CACHE_ENV, path.join(os.tmpdir(), 'ci-cache'))
    expect(cacheFolders()).toEqual([path.join(os.tmpdir(), 'ci-cache')])
    vi.stubEnv(DICT_CACHE_ENV, 'off')
    expect(cacheFolders()).toEqual([])
  })

  it('keys the cache by the dictionary files, not by where they are or when npm wrote them', () => {
    const dict = path.join(path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict')
    const copy = mkdtempSync(path.join(os.tmpdir(), 'trustlint-dict-copy-'))
    try {
      cpSync(dict, copy, {recursive: true})
      // Another project, another `npm ci`: another folder and new modification times.
      utimesSync(path.join(copy, 'base.dat.gz'), new Date(2001, 1, 1), new Date(2001, 1, 1))
      expect(cacheName(copy)).toBe(cacheName(dict))
      // Another dictionary: another cache file.
      appendFileSync(path.join(copy, 'cc.dat.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]))
      expect(cacheName(copy)).not.toBe(cacheName(dict))
      expect(cacheName(path.join(copy, 'missing'))).toBeUndefined()
    } finally {
      rmSync(copy, {recursive: true, force: true})
    }
  })
})
