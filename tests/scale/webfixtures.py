"""HTML pages and WARC files made by the tests (no crawl data in the repository)."""
from __future__ import annotations

import io
from pathlib import Path

DUTCH = [
    ("Kabinet stuurt extra luchtafweer naar Oekraïne", "2025-03-04",
     ["Het kabinet heeft dinsdag besloten om extra luchtafweersystemen aan Oekraïne te leveren. "
      "Minister Brekelmans van Defensie maakte het besluit bekend na overleg met zijn Duitse collega.",
      "De Russische regering reageerde woedend en dreigde met maatregelen tegen Nederland. "
      "Volgens het Kremlin brengt de levering de veiligheid in Europa in gevaar."]),
    ("Premier ontmoet Franse president in Parijs", "2025-02-11",
     ["Premier Schoof heeft maandag in Parijs gesproken met de Franse president Macron over de "
      "steun aan Oekraïne en de Europese defensie-uitgaven.",
      "Beide leiders spraken af om volgende maand opnieuw bijeen te komen in Brussel. Macron noemde "
      "het gesprek constructief en zei dat Frankrijk en Nederland samen willen optrekken."]),
]
ENGLISH = ("Government sends air defence to Ukraine", "2025-03-04",
           ["The Dutch government decided on Tuesday to send additional air defence systems to Ukraine. "
            "Defence minister Brekelmans announced the decision after talks with his German counterpart.",
            "The Russian government reacted angrily and threatened to take measures against the Netherlands."])


def html_page(title: str, date: str, paragraphs: list[str], lang: str = "nl") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Nieuws</title>'
            f'<meta property="article:published_time" content="{date}T09:30:00+01:00">'
            f'<meta property="og:title" content="{title}"></head><body>'
            f'<nav><a href="/">Home</a> | <a href="/binnenland">Binnenland</a></nav>'
            f'<article><h1>{title}</h1>{body}</article>'
            f'<footer>Copyright 2025 Voorbeeldkrant. Alle rechten voorbehouden.</footer></body></html>')


def write_warc(path: Path, pages: list[tuple[str, str]], gzip: bool = True) -> Path:
    """A WARC file with a request/response pair per (url, html) and an image response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, html in pages:
            payload = html.encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.nl/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG...."), http_headers=img))
    return path
