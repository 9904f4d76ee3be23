"""The fictitious demo network: members, people and texts. Nothing here describes a real
association; names and places are invented for demonstration."""

DEMO_PASSWORD = "netzwerk-demo"
# The authenticator-app secret of the demo accounts that need a second factor (admin, lag, the
# "-freigabe" accounts); `manage.py demo_accounts` prints it and the current code.
DEMO_TOTP_SECRET = "NETZWERKDEMOSACHSENQUEERLAGDEMOA"

UMBRELLA = {
    "intro": {
        "de": "<p>Die LAG Queeres Netzwerk Sachsen ist der Dachverband der Vereine und Initiativen "
        "für lesbische, schwule, bi, trans*, inter* und queere Menschen in Sachsen. Wir sprechen "
        "für unsere Mitglieder gegenüber Politik und Verwaltung und bauen ein sachsenweites Netz "
        "von Angeboten und Anlaufstellen auf – gerade auch jenseits der Großstädte.</p>",
        "en": "<p>LAG Queeres Netzwerk Sachsen is the umbrella association of organisations for "
        "lesbian, gay, bi, trans*, inter* and queer people in Saxony. We speak for our members to "
        "politics and administration and build a Saxony-wide network of offers and contact "
        "points – above all outside the big cities.</p>",
    },
    "about": {
        "title": {"de": "Über uns", "en": "About us"},
        "slug": {"de": "ueber-uns", "en": "about-us"},
        "intro": {
            "de": "Gegründet 2016 von vier Vereinen, heute sieben Mitgliedsorganisationen in ganz Sachsen – von Plauen bis Torgau, von Bautzen bis Grimma.",
            "en": "Founded in 2016 by four associations, today seven member organisations all over Saxony – from Plauen to Torgau, from Bautzen to Grimma.",
        },
        "body": {
            "de": [
                ("heading", "Was wir tun"),
                (
                    "paragraph",
                    "<p>Wir beraten Landespolitik und Verwaltung, organisieren Fortbildungen für Fachkräfte in Schule, Jugendhilfe und Pflege und vernetzen Beratungsstellen, Selbsthilfegruppen, Aidshilfen, Jugendtreffs und CSD-Vereine.</p>",
                ),
                (
                    "quote",
                    "Queeres Leben gehört überall in Sachsen dazu – in Plauen genauso wie in Leipzig.",
                ),
                ("heading", "Häufige Fragen"),
                (
                    "faq",
                    [
                        (
                            "Wie wird ein Verein Mitglied?",
                            "<p>Vereine und Initiativen, die in Sachsen queere Arbeit leisten, können einen Aufnahmeantrag an die Geschäftsstelle richten.</p>",
                        ),
                        (
                            "Wer finanziert die LAG?",
                            "<p>Unsere Bildungs- und Vernetzungsarbeit wird vom Freistaat Sachsen gefördert.</p>",
                        ),
                    ],
                ),
            ],
            "en": [
                ("heading", "What we do"),
                (
                    "paragraph",
                    "<p>We advise state politics and administration, run training for professionals in schools, youth services and care, and connect counselling centres, self-help groups, Aidshilfen, youth groups and CSD associations.</p>",
                ),
                (
                    "quote",
                    "Queer life belongs everywhere in Saxony – in Plauen as much as in Leipzig.",
                ),
                ("heading", "Frequently asked questions"),
                (
                    "faq",
                    [
                        (
                            "How does an association become a member?",
                            "<p>Associations and initiatives doing queer work in Saxony can send an application to our office.</p>",
                        ),
                        (
                            "Who funds the LAG?",
                            "<p>Our education and networking work is funded by the Free State of Saxony.</p>",
                        ),
                    ],
                ),
            ],
        },
    },
    "news": [
        {
            "kind": "statement",
            "days_ago": 3,
            "de": (
                "Stellungnahme zum Landesaktionsplan",
                "Die LAG begrüßt die Fortschreibung des Landesaktionsplans und fordert verlässliche Förderung für Beratung im ländlichen Raum.",
                "Die Fortschreibung des Landesaktionsplans zur Akzeptanz der Vielfalt von Lebensentwürfen ist ein wichtiges Signal. Damit Berater*innen auch in Nordsachsen und im Erzgebirge dauerhaft arbeiten können, braucht es mehrjährige Förderzusagen.",
            ),
            "en": (
                "Statement on the state action plan",
                "The LAG welcomes the update of the state action plan and calls for reliable funding for counselling in rural areas.",
                "The update of the state action plan on acceptance of diverse ways of life is an important signal. For counsellors to work permanently in Nordsachsen and the Erzgebirge as well, multi-year funding commitments are needed.",
            ),
        },
        {
            "kind": "press",
            "days_ago": 12,
            "de": (
                "Netzwerktreffen in Chemnitz: sieben Vereine, ein Ziel",
                "Beim Herbsttreffen haben die Mitgliedsorganisationen ihre Schwerpunkte für das kommende Jahr beschlossen.",
                "Mehr Angebote außerhalb der Großstädte, sichere Räume für queere Jugendliche und eine gemeinsame Karte aller Anlaufstellen: Das sind die Schwerpunkte, die die Mitglieder beim Netzwerktreffen beschlossen haben.",
            ),
            "en": (
                "Network meeting in Chemnitz: seven associations, one goal",
                "At the autumn meeting the member organisations agreed on their priorities for the coming year.",
                "More offers outside the big cities, safe spaces for queer young people and a joint map of all contact points: these are the priorities the members agreed on at the network meeting.",
            ),
        },
        {
            "kind": "news",
            "days_ago": 30,
            "de": (
                "Fortbildung für Lehrkräfte: Vielfalt im Klassenzimmer",
                "Unsere Bildungsreferent*innen bieten im Frühjahr wieder Fortbildungen für Schulen an.",
                "Die eintägige Fortbildung richtet sich an Lehrkräfte und Schulsozialarbeiter*innen. Sie vermittelt Grundlagen zu geschlechtlicher und sexueller Vielfalt und gibt praktische Hilfen für den Umgang mit Diskriminierung.",
            ),
            "en": None,
        },
    ],
}

MEMBERS = [
    {
        "slug": "regenbogenhaus-dresden",
        # The member's own seat: its Impressum names it.
        "address": "Prießnitzstraße 18\n01099 Dresden",
        "register_court": "Amtsgericht Dresden",
        "name": "Regenbogenhaus Dresden e. V.",
        "short_name": "Regenbogenhaus Dresden",
        "district": "14612",
        "town": "Dresden",
        "colours": ("#7a1f5c", "#ffd166"),
        "intro": {
            "de": "<p>Beratung, Selbsthilfe und Kultur für queere Menschen in Dresden – seit über 25 Jahren.</p>",
            "en": "<p>Counselling, self-help and culture for queer people in Dresden – for more than 25 years.</p>",
        },
        "news": [
            (
                "news",
                2,
                (
                    "Neue offene Sprechstunde am Mittwoch",
                    "Ab Dezember beraten wir jeden Mittwoch ohne Termin.",
                    "Unsere Berater*innen sind mittwochs von 16 bis 19 Uhr ohne Anmeldung für dich da – vertraulich und auf Wunsch anonym.",
                ),
                (
                    "New open consultation hours on Wednesdays",
                    "From December we offer counselling every Wednesday without an appointment.",
                    "Our counsellors are there for you on Wednesdays from 4 to 7 pm without registration – confidential and anonymous if you wish.",
                ),
            ),
            (
                "news",
                16,
                (
                    "Lesung: Queere Geschichte in Sachsen",
                    "Eine Autorin stellt ihr Buch über queeres Leben in der DDR vor.",
                    "Im Rahmen unserer Kulturreihe liest die Historikerin aus ihrem neuen Buch. Der Eintritt ist frei, der Raum ist barrierefrei zugänglich.",
                ),
                None,
            ),
            (
                "statement",
                40,
                (
                    "Wir suchen Ehrenamtliche für das Beratungstelefon",
                    "Du hörst gut zu und möchtest dich engagieren? Dann melde dich bei uns.",
                    "Wir schulen dich in Gesprächsführung und begleiten dich bei deinen ersten Diensten.",
                ),
                None,
            ),
        ],
    },
    {
        "slug": "queer-vogtland",
        # The member's own seat: its Impressum names it.
        "address": "Bahnhofstraße 5\n08523 Plauen",
        "register_court": "Amtsgericht Chemnitz",
        "name": "Queer im Vogtland e. V.",
        "short_name": "Queer im Vogtland",
        "district": "14523",
        "town": "Plauen",
        "colours": ("#1d5c63", "#f4a261"),
        "intro": {
            "de": "<p>Treffpunkt, Jugendgruppe und Beratung für lsbtiq* Menschen im Vogtland.</p>",
            "en": "<p>Meeting point, youth group and counselling for lgbtiq* people in the Vogtland.</p>",
        },
        "news": [
            (
                "news",
                5,
                (
                    "Jugendgruppe trifft sich jetzt in Plauen-Mitte",
                    "Unsere Jugendgruppe hat neue Räume – zentral und gut mit dem Bus erreichbar.",
                    "Jeden ersten Freitag im Monat treffen sich queere Jugendliche zwischen 14 und 27 Jahren. Komm einfach vorbei!",
                ),
                (
                    "Youth group now meets in central Plauen",
                    "Our youth group has new rooms – central and easy to reach by bus.",
                    "Queer young people aged 14 to 27 meet on the first Friday of every month. Just drop by!",
                ),
            ),
            (
                "press",
                21,
                (
                    "Erster CSD in Reichenbach geplant",
                    "Gemeinsam mit Partner*innen vor Ort bereiten wir einen Aktionstag vor.",
                    "Ein Bündnis aus Vereinen, Kirchengemeinde und Stadtjugendring plant für den Sommer einen Aktionstag für Vielfalt.",
                ),
                None,
            ),
        ],
    },
    {
        "slug": "rosa-lausitz",
        # The member's own seat: its Impressum names it.
        "address": "Kornmarkt 7\n02625 Bautzen",
        "register_court": "Amtsgericht Dresden",
        "name": "Rosa Lausitz e. V.",
        "short_name": "Rosa Lausitz",
        "district": "14625",
        "town": "Bautzen",
        "requires_member_approval": True,
        "colours": ("#8a2846", "#ffc6d9"),
        "intro": {
            "de": "<p>Queere Selbsthilfe und Beratung in der Oberlausitz, auch auf Sorbisch.</p>",
            "en": "<p>Queer self-help and counselling in Upper Lusatia, in Sorbian too.</p>",
        },
        "news": [
            (
                "news",
                8,
                (
                    "Selbsthilfegruppe für Eltern queerer Kinder",
                    "Ab Januar trifft sich eine neue Gruppe für Eltern und Angehörige.",
                    "Fragen, Sorgen, Stolz: In der Gruppe tauschen sich Eltern aus, begleitet von einer Beraterin.",
                ),
                (
                    "Self-help group for parents of queer children",
                    "From January a new group for parents and relatives meets.",
                    "Questions, worries, pride: parents share experiences in the group, accompanied by a counsellor.",
                ),
            ),
            (
                "news",
                33,
                (
                    "Rückblick: Lausitzer Queer-Sommerfest",
                    "Über 300 Gäste feierten mit uns im Stadtpark.",
                    "Danke an alle Helfer*innen! Fotos vom Fest findest du in unserer Galerie.",
                ),
                None,
            ),
        ],
    },
    {
        "slug": "aidshilfe-muldental",
        # The member's own seat: its Impressum names it.
        "address": "Lange Straße 12\n04668 Grimma",
        "register_court": "Amtsgericht Leipzig",
        "name": "Aidshilfe Muldental e. V.",
        "short_name": "Aidshilfe Muldental",
        "district": "14729",
        "town": "Grimma",
        "colours": ("#b3261e", "#ffd6d2"),
        "intro": {
            "de": "<p>Anonyme Tests, Beratung zu HIV und sexuell übertragbaren Infektionen, Begleitung im Landkreis Leipzig.</p>",
            "en": "<p>Anonymous testing, counselling on HIV and sexually transmitted infections, support in the Leipzig district.</p>",
        },
        "news": [
            (
                "news",
                1,
                (
                    "Welt-Aids-Tag: Testaktion in Grimma und Wurzen",
                    "Am 1. Dezember testen wir kostenlos und anonym.",
                    "Schnelltests auf HIV und Syphilis, Ergebnis nach 20 Minuten. Keine Anmeldung nötig.",
                ),
                (
                    "World AIDS Day: testing in Grimma and Wurzen",
                    "On 1 December we test free of charge and anonymously.",
                    "Rapid tests for HIV and syphilis, result after 20 minutes. No registration needed.",
                ),
            ),
            (
                "news",
                45,
                (
                    "PrEP-Beratung jetzt auch online",
                    "Fragen zur HIV-Prophylaxe beantworten wir auch per Video.",
                    "Termine können über das Kontaktformular vereinbart werden.",
                ),
                None,
            ),
        ],
    },
    {
        "slug": "csd-erzgebirge",
        # The member's own seat: its Impressum names it.
        "address": "Buchholzer Straße 3\n09456 Annaberg-Buchholz",
        "register_court": "Amtsgericht Chemnitz",
        "name": "CSD Erzgebirge e. V.",
        "short_name": "CSD Erzgebirge",
        "district": "14521",
        "town": "Annaberg-Buchholz",
        "colours": ("#3d348b", "#f7b801"),
        "intro": {
            "de": "<p>Wir organisieren den Christopher Street Day im Erzgebirge und machen queeres Leben sichtbar.</p>",
            "en": "<p>We organise Christopher Street Day in the Erzgebirge and make queer life visible.</p>",
        },
        "news": [
            (
                "press",
                10,
                (
                    "CSD Erzgebirge: Termin steht fest",
                    "Der nächste CSD findet im Juni in Annaberg-Buchholz statt.",
                    "Wir freuen uns auf Demo, Bühnenprogramm und Infostände. Vereine können sich ab sofort anmelden.",
                ),
                (
                    "CSD Erzgebirge: date confirmed",
                    "The next CSD takes place in June in Annaberg-Buchholz.",
                    "We look forward to the march, stage programme and information stands. Associations can register now.",
                ),
            ),
        ],
    },
    {
        "slug": "queere-jugend-chemnitz",
        # The member's own seat: its Impressum names it.
        "address": "Brückenstraße 10\n09111 Chemnitz",
        "register_court": "Amtsgericht Chemnitz",
        "name": "Queere Jugend Chemnitz e. V.",
        "short_name": "Queere Jugend Chemnitz",
        "district": "14511",
        "town": "Chemnitz",
        "colours": ("#0b6e4f", "#b8f2e6"),
        "intro": {
            "de": "<p>Jugendtreff, Peer-Beratung und Workshops für junge queere Menschen in Chemnitz.</p>",
            "en": "<p>Youth club, peer counselling and workshops for young queer people in Chemnitz.</p>",
        },
        "news": [
            (
                "news",
                4,
                (
                    "Workshop: Coming-out in der Ausbildung",
                    "Wie sage ich es im Betrieb – und muss ich das überhaupt?",
                    "Im Workshop sprechen wir über Rechte, Erfahrungen und Strategien.",
                ),
                None,
            ),
            (
                "news",
                25,
                (
                    "Neue Öffnungszeiten im Jugendtreff",
                    "Der Treff ist jetzt auch samstags geöffnet.",
                    "Samstags von 14 bis 20 Uhr, Spieleabend inklusive.",
                ),
                (
                    "New opening hours at the youth club",
                    "The club is now open on Saturdays too.",
                    "Saturdays from 2 to 8 pm, games night included.",
                ),
            ),
        ],
    },
    {
        "slug": "transnetz-nordsachsen",
        # The member's own seat: its Impressum names it.
        "address": "Leipziger Straße 20\n04860 Torgau",
        "register_court": "Amtsgericht Leipzig",
        "name": "Trans*Netz Nordsachsen e. V.",
        "short_name": "Trans*Netz Nordsachsen",
        "district": "14730",
        "town": "Torgau",
        "colours": ("#245c8f", "#9ad1f5"),
        "intro": {
            "de": "<p>Beratung und Selbsthilfe für trans*, inter* und nicht-binäre Menschen in Nordsachsen.</p>",
            "en": "<p>Counselling and self-help for trans*, inter* and non-binary people in Nordsachsen.</p>",
        },
        "news": [
            (
                "news",
                6,
                (
                    "Selbstbestimmungsgesetz: Infoabend in Torgau",
                    "Wir erklären, wie die Änderung von Vornamen und Geschlechtseintrag funktioniert.",
                    "Mit einer Juristin beantworten wir eure Fragen. Der Abend ist kostenlos.",
                ),
                (
                    "Self-determination act: information evening in Torgau",
                    "We explain how changing first names and gender entries works.",
                    "Together with a lawyer we answer your questions. The evening is free of charge.",
                ),
            ),
        ],
    },
]


# --- Legal pages (contact, materials and legal) ------------------------------------------------
# The enforcement procedure every accessibility statement must name (demo wording).
ENFORCEMENT_BODY = {
    "de": (
        "<p>Wenn du auf deine Rückmeldung innerhalb von sechs Wochen keine zufriedenstellende "
        "Antwort bekommst, kannst du dich an die Schlichtungsstelle nach dem "
        "Behindertengleichstellungsgesetz wenden: "
        '<a href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</a>.</p>'
    ),
    "en": (
        "<p>If you do not receive a satisfactory answer to your feedback within six weeks, you "
        "can turn to the conciliation body under the Disability Equality Act: "
        '<a href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</a>.</p>'
    ),
}
