import type {Nodes, Root} from 'mdast'

/** The text of every paragraph and heading of a Markdown tree, as the floors lint it. */
export function blockTexts(tree: Root): string[] {
  const texts: string[] = []
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      texts.push(textOf(node))
      return
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(tree)
  return texts
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('')
  return ''
}
