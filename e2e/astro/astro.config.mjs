// astro.config.mjs (Astro 5; MDX pages inherit markdown.remarkPlugins)
import mdx from '@astrojs/mdx'
import trustlint from 'trustlint/remark'

export default {
  integrations: [mdx()],
  markdown: {remarkPlugins: [[trustlint, {report: 'console'}]]}
}
