// next.config.mjs (@next/mdx; plugins by name with JSON options, so Turbopack can load them)
import createMDX from '@next/mdx'

const withMDX = createMDX({
  options: {
    remarkPlugins: [['remark-gfm'], ['trustlint/remark', {report: 'console'}]]
  }
})

export default withMDX({
  pageExtensions: ['js', 'jsx', 'md', 'mdx', 'ts', 'tsx']
})
