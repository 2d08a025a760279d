"""Articles the review tests write and extract (imported as ``from review_articles import ...``)."""

from __future__ import annotations

from pathlib import Path

#: Names the pipeline finds after a title, but misses at the start of a sentence.
NAME = "Oyunbileg Tserendorj"

ARTICLE_A = """\
Tomsk Polytechnic University signs agreement with Ulaanbaatar partners

15 March 2025

The Annual Report of Tomsk Polytechnic University was presented on 15 March 2025. The \
delegation of the Mongolian University of Science and Technology was led by Vice-Rector \
Oyunbileg Tserendorj. Both universities signed 3 agreements.
"""

ARTICLE_B = """\
New laboratory opens in Tomsk

2 April 2025

Oyunbileg Tserendorj visited the exhibition at Novosibirsk State University on 2 April 2025 \
and met Rector Mikhail Fedoruk.
"""

#: A new article, never reviewed: the same person, the same organization as article A.
ARTICLE_NEW = """\
Mongolian scientists visit Siberia

9 June 2025

Oyunbileg Tserendorj spoke at Tomsk Polytechnic University on 9 June 2025 about joint research \
with Kazan Federal University.
"""

#: A college the reviewer renames (it became an institute) and a title the lexicon lacks, of
#: which the pipeline finds only "Officer".
COLLEGE = "Khangai Mining College"
INSTITUTE = "Khangai Institute of Mining and Geology"
TITLE = "Chief Digital Officer"

ARTICLE_COLLEGE = """\
Khangai Mining College welcomes guests

1 March 2025

Khangai Mining College hosted a delegation from Ulaanbaatar on 1 March 2025. Chief Digital \
Officer Bolor Ganbaatar of Khangai Mining College showed the new data centre.
"""

#: A new article, never reviewed: the person of article A appointed at the renamed college,
#: both names of the college, and the title again.
ARTICLE_EXPEDITION = """\
Darkhan researchers join polar expedition

4 July 2025

Oyunbileg Tserendorj has been appointed Dean of the Faculty of Geology at Khangai Institute of \
Mining and Geology. The institute, called Khangai Mining College until 2024, will send six \
students to the expedition. Chief Digital Officer Sarnai Dorjsuren of Khangai Institute of Mining \
and Geology will run the field data platform.
"""

ARTICLE_XSS = """\
<script>window.__pwned = 1; alert(1)</script> Kazan Federal University news

1 May 2025

Rector Lenar Safin of Kazan Federal University opened the <img src=x onerror="window.__pwned=2"> \
hall on 1 May 2025. Read more at <a href="javascript:window.__pwned=3">javascript:alert(2)</a> \
and "><svg onload=alert(3)>. The university signed 5 agreements.
"""


def write(folder: Path, articles: dict[str, str]) -> list[Path]:
    """Write articles as UTF-8 files; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
