// mdx-components.js (required by @next/mdx with the App Router)
export function useMDXComponents(components) {
  return components
}
