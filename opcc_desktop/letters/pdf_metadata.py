"""XMP metadata for every PDF the app makes: the document information (title, author, subject, producer,
creation date) repeated as an XMP packet in the catalogue, with the language, as accessibility checkers
(PAC, Acrobat) and PDF/UA ask. ReportLab writes the packet when it saves the file."""

from __future__ import annotations

import types
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP, PDFString
from reportlab.pdfgen.canvas import Canvas

LANGUAGE = "en-GB"

_PACKET = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{producer}</pdf:Producer>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{created}</xmp:CreateDate>
   <xmp:ModifyDate>{created}</xmp:ModifyDate>
   <xmp:MetadataDate>{created}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def _xml(value: object) -> str:
    return escape(str(value or ""), {'"': "&quot;"})


def xmp_packet(doc: Any) -> str:
    """The packet for a ReportLab `PDFDocument`, from its document information and time stamp."""
    info = doc.info
    stamp = datetime.fromtimestamp(doc._timeStamp.t, UTC).isoformat(timespec="seconds")
    return _PACKET.format(
        title=_xml(info.title), author=_xml(info.author), subject=_xml(info.subject), language=LANGUAGE,
        producer=_xml(info.producer), creator=_xml(info.creator), created=stamp,
    )


def _format_without_filters(stream: XMP, doc: Any) -> bytes:
    """Write the XMP stream with no /Filter key (not even an empty one): readable as it stands, as PDF/A
    asks of the metadata stream, whatever the document's compression."""
    saved = doc.defaultStreamFilters
    doc.defaultStreamFilters = None
    try:
        return bytes(XMP.format(stream, doc))
    finally:
        doc.defaultStreamFilters = saved


def attach_xmp(canv: Canvas) -> None:
    """Give the canvas's document an uncompressed XMP metadata stream and the catalogue's /Lang."""
    doc: Any = vars(canv)["_doc"]  # ReportLab's PDFDocument (private to the canvas, so typed loosely here)
    stream = XMP(creator=lambda document: xmp_packet(document).encode("utf-8"))
    vars(stream)["format"] = types.MethodType(_format_without_filters, stream)
    doc.Catalog.Metadata = stream
    if not getattr(doc.Catalog, "Lang", None):
        doc.Catalog.Lang = PDFString(LANGUAGE)
