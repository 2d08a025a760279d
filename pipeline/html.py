"""Plain text from an HTML news page: the article's words, without tags, scripts or navigation.

Offsets of records made from an HTML file point into the text this module returns, which the
record stores in ``text`` so that every ``text[start:end]`` can still be checked.
"""

from __future__ import annotations

from html.parser import HTMLParser

#: Elements whose whole content is never article text.
SKIPPED = {
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "iframe",
    "button",
    "select",
    "menu",
}
#: class/id words that mark navigation, sharing and cookie banners.
SKIPPED_MARKERS = ("nav", "menu", "breadcrumb", "share", "social", "cookie", "sidebar", "footer")
#: Elements that end a line of text.
BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "dd",
    "dt",
    "dl",
    "figcaption",
    "figure",
    "hr",
    "main",
    "pre",
    "address",
    "time",
}
VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "col", "area", "base", "embed"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.lines: list[str] = []
        self.current: list[str] = []

    @property
    def skipping(self) -> bool:
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.flush()
        if tag in VOID:
            return
        marker = " ".join(v or "" for k, v in attrs if k in {"class", "id", "role"}).lower()
        skipped = tag in SKIPPED or any(m in marker for m in SKIPPED_MARKERS)
        self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)

    def flush(self) -> None:
        line = " ".join("".join(self.current).split())
        self.current = []
        if line:
            self.lines.append(line)


def html_to_text(html: str) -> str:
    """Return the visible article text of ``html``, one block (paragraph, heading, item) a line.

    Blocks are separated by blank lines, so the first line is the page's first heading or
    paragraph, as in a plain-text release.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.lines) + ("\n" if parser.lines else "")
