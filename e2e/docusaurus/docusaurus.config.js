// docusaurus.config.js (Docusaurus 3: the plugin in docs, blog and pages)
import trustlint from 'trustlint/remark'

const remarkPlugins = [[trustlint, {report: 'console'}]]

export default {
  title: 'Newsletter guide',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['classic', {docs: {remarkPlugins}, blog: {remarkPlugins}, pages: {remarkPlugins}}]]
}
