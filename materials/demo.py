"""Demo materials: small PDFs drawn in code (no files from elsewhere) on the umbrella site and
the first demo members' sites."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from microsites.provisioning import network_collection

from .models import MaterialsPage

# (kind, language of the document, title, description in German, description in English):
# the description speaks to the page's readers, so the English page has its own.
UMBRELLA_ITEMS = [
    (
        "flyer",
        "de",
        "Flyer: Das Queere Netzwerk Sachsen",
        "Wer wir sind und wo es Beratung gibt.",
        "Who we are and where to find counselling (in German).",
    ),
    (
        "position_paper",
        "de",
        "Positionspapier: Queere Bildungsarbeit an Schulen",
        "Forderungen der LAG an den Freistaat.",
        "What the LAG asks of the Free State of Saxony (in German).",
    ),
    (
        "brochure",
        "de-x-ls",
        "Beratung in Leichter Sprache",
        "Was Beratung ist. Wo du sie findest.",
        "What counselling is and where to find it, in Easy German.",
    ),
    (
        "flyer",
        "en",
        "Flyer: Queer Network Saxony",
        "Unser Flyer auf Englisch: wer wir sind und wo es Beratung gibt.",
        "Who we are and where to find counselling.",
    ),
]
MEMBER_ITEMS = [
    (
        "flyer",
        "de",
        "Flyer: Unsere Angebote",
        "Gruppen, Beratung und Treffpunkte.",
        "Groups, counselling and meeting places (in German).",
    ),
    (
        "statement",
        "de",
        "Stellungnahme zum Landesaktionsplan",
        "Unsere Rückmeldung zum Entwurf des Aktionsplans.",
        "Our response to the draft state action plan (in German).",
    ),
]


def _escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(title, lines=()):
    """A valid one-page PDF showing ``title`` and ``lines`` (Latin-1 text)."""
    text = ["BT /F1 20 Tf 72 760 Td (" + _escape(title) + ") Tj ET"]
    for number, line in enumerate(lines):
        text.append(f"BT /F1 12 Tf 72 {720 - 18 * number} Td ({_escape(line)}) Tj ET")
    stream = "\n".join(text).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def demo_document(title, collection, lines=()):
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:60]
    document = Document(title=title, collection=collection)
    document.file.save(f"{slug}.pdf", ContentFile(simple_pdf(title, lines)), save=False)
    document.file_size = document.file.size
    document.save()
    return document


def fill_materials(homes, collection, items):
    """Fill and publish the materials pages of one site; returns how many were filled."""
    filled = 0
    for code, home in homes.items():
        page = MaterialsPage.objects.child_of(home).first()
        if page is None or page.downloads:
            continue
        page.intro = (
            "<p>Flyer, Broschüren und Positionspapiere zum Herunterladen.</p>"
            if code == "de"
            else "<p>Flyers, brochures and position papers to download.</p>"
        )
        page.downloads = [
            (
                "download",
                {
                    "document": demo_document(title, collection, [german]),
                    "title": "",
                    "description": german if code == "de" else english,
                    "category": category,
                    "language": language,
                    "cover": None,
                },
            )
            for category, language, title, german, english in items
        ]
        page.save_revision().publish()
        filled += 1
    return filled


def seed_materials(context):
    filled = fill_materials(context.umbrella, network_collection(), UMBRELLA_ITEMS)
    for member in list(context.members.values())[:3]:
        filled += fill_materials(context.homes(member), member.collection, MEMBER_ITEMS)
    if filled:
        context.log(f"Materialien: {filled} Seiten")
