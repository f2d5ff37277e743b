import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

// Report bodies and messages are untrusted. react-markdown never renders raw
// HTML (it is dropped), rehype-sanitize strips dangerous URLs and attributes,
// and remote images become links so opening a report cannot reveal a
// handler's address to the reporter's server.
//
// `nested` demotes the text's own headings below the page's (its # becomes an h3), for text placed under a
// page heading and a section heading.
const NESTED = {
  h1: ({ children }: { children?: React.ReactNode }) => <h3>{children}</h3>,
  h2: ({ children }: { children?: React.ReactNode }) => <h4>{children}</h4>,
  h3: ({ children }: { children?: React.ReactNode }) => <h5>{children}</h5>,
  h4: ({ children }: { children?: React.ReactNode }) => <h6>{children}</h6>,
};

export function Markdown({ children, nested = false }: { children: string; nested?: boolean }) {
  return (
    <div className="prose-report">
      <ReactMarkdown
        skipHtml
        rehypePlugins={[rehypeSanitize]}
        components={{
          ...(nested ? NESTED : {}),
          img: ({ src, alt }) => (
            <a
              href={typeof src === "string" ? src : undefined}
              rel="noopener noreferrer nofollow"
              target="_blank"
              className="inline-flex items-center gap-1 rounded border border-dashed border-zinc-300 px-2 py-0.5 text-[12px] text-zinc-600 no-underline dark:border-zinc-700 dark:text-zinc-300"
            >
              Image not loaded: {alt || "remote image"}
            </a>
          ),
          // a code block scrolls sideways: focusable, so the keyboard can scroll it too
          pre: ({ children: code }) => <pre tabIndex={0}>{code}</pre>,
          a: ({ href, children: text }) => (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              {text}
            </a>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
