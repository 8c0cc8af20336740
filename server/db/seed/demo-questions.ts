import type { QuestionInput } from "../../../common/schemas/questions.ts";

export type DemoQuestion = Omit<QuestionInput, "competenceId" | "options"> & {
  competence: 0 | 1;
  options?: { text: string; correct: boolean; feedback: string }[];
};

const choice = (text: string, correct: boolean, feedback: string) => ({ text, correct, feedback });

/** The demo's question bank for "Moeilijke klantgesprekken", in Dutch like the rest of the demo. */
export const demoQuestions: DemoQuestion[] = [
  {
    competence: 0,
    kind: "scenario",
    level: "decision",
    uses: ["practice"],
    situation:
      'Je staat bij een klant voor een cv-ketel die voor de derde keer uitvalt. De klant zegt boos: "Jullie komen ook alleen maar om te kijken, hè?"',
    prompt: "Wat zeg je als eerste?",
    options: [
      choice(
        '"Dat klopt niet, de vorige keer is het onderdeel besteld."',
        false,
        "Een correctie voelt als verdediging; de klant hoort niet dat je het begrijpt.",
      ),
      choice(
        '"De derde keer, dat is echt vervelend. Ik snap dat u er klaar mee bent."',
        true,
        "Je erkent de frustratie voordat je uitlegt: daarmee gaat de spanning omlaag.",
      ),
      choice(
        '"Ik ben hier alleen voor de reparatie, de planning doet kantoor."',
        false,
        "Doorverwijzen zonder erkenning maakt de klant bozer: niemand voelt zich verantwoordelijk.",
      ),
    ],
  },
  {
    competence: 0,
    kind: "scenario",
    level: "decision",
    uses: ["practice"],
    situation: "Een klant belt kantoor omdat de monteur een uur te laat is. Ze onderbreekt je steeds.",
    prompt: "Wat doe je?",
    options: [
      choice(
        "Je laat haar uitpraten en vat samen wat je hoort.",
        true,
        "Uitpraten en samenvatten laat zien dat je luistert; daarna is er ruimte voor een oplossing.",
      ),
      choice(
        "Je legt meteen uit dat het verkeer vast stond.",
        false,
        "De uitleg kan kloppen, maar komt te vroeg: ze is nog niet gehoord.",
      ),
      choice(
        "Je zegt dat ze rustig moet blijven, anders hang je op.",
        false,
        "Een dreigement escaleert. Grenzen stel je pas als schelden aanhoudt.",
      ),
    ],
  },
  {
    competence: 0,
    kind: "scenario",
    level: "decision",
    uses: ["practice"],
    situation: "Een klant is boos over de rekening: er staan twee uur arbeid op, hij zag je maar één uur.",
    prompt: "Wat is je eerste reactie?",
    options: [
      choice(
        '"U heeft gelijk dat dat vreemd oogt; laten we samen kijken wat er op staat."',
        true,
        "Erkennen en samen kijken haalt de strijd eruit, ook als de rekening klopt.",
      ),
      choice(
        '"De reistijd telt ook mee, dat staat in de voorwaarden."',
        false,
        "Verwijzen naar de voorwaarden voelt als gelijk willen hebben.",
      ),
    ],
  },
  {
    competence: 1,
    kind: "scenario",
    level: "decision",
    uses: ["practice"],
    situation: "Het onderdeel voor de ketel is niet op voorraad. De klant vraagt wanneer het gemaakt wordt.",
    prompt: "Hoe sluit je het gesprek af?",
    options: [
      choice(
        '"We gaan ernaar kijken en laten het weten."',
        false,
        "Geen datum en geen naam: de klant weet niet waar hij aan toe is.",
      ),
      choice(
        '"Ik bel u donderdag voor twaalf uur met de leverdatum."',
        true,
        "Wat, wie en wanneer: een afspraak die de klant kan controleren.",
      ),
      choice(
        '"Het duurt meestal een week of twee."',
        false,
        "Een schatting is geen afspraak; er is niemand die terugbelt.",
      ),
    ],
  },
  {
    competence: 1,
    kind: "scenario",
    level: "decision",
    uses: ["practice"],
    situation: 'Aan het eind van een lastig gesprek zegt de klant: "Nou, we zien wel."',
    prompt: "Wat doe je?",
    options: [
      choice(
        "Je herhaalt de afgesproken stap en vraagt of dat zo klopt.",
        true,
        "Hardop herhalen voorkomt misverstand en maakt de afspraak echt.",
      ),
      choice(
        "Je wenst een fijne dag en vertrekt.",
        false,
        "Het gesprek eindigt zonder afspraak; de kans op een nieuwe klacht is groot.",
      ),
    ],
  },
  {
    competence: 1,
    kind: "multiple-choice",
    level: "application",
    uses: ["practice"],
    prompt: "Welke afspraak is het duidelijkst?",
    options: [
      choice('"Kantoor neemt contact met u op."', false, "Wie en wanneer ontbreken."),
      choice(
        '"Sanne van planning belt u vrijdag voor 10 uur."',
        true,
        "Een naam en een tijdstip: controleerbaar.",
      ),
      choice(
        '"We regelen het zo snel mogelijk."',
        false,
        "Zo snel mogelijk betekent voor iedereen iets anders.",
      ),
    ],
  },
  {
    competence: 0,
    kind: "multiple-choice",
    level: "recall",
    uses: ["practice"],
    prompt: "Wat komt in een gesprek met een boze klant eerst?",
    options: [
      choice("De uitleg van wat er misging", false, "Uitleg komt pas als de klant zich gehoord voelt."),
      choice("Erkennen wat de klant voelt", true, "Erkenning eerst, dan pas de feiten."),
    ],
  },
  {
    competence: 1,
    kind: "open",
    level: "application",
    uses: ["practice"],
    prompt: "Schrijf op hoe jij een gesprek afsluit waarin je nog niet weet wanneer het onderdeel komt.",
    modelAnswer:
      "Ik weet het nu nog niet, maar ik bel u uiterlijk donderdag voor twaalf uur met de leverdatum. Klopt het dat ik u op dit nummer kan bereiken?",
  },
  ...(["insight-test", "competence-proof"] as const).flatMap((use): DemoQuestion[] => [
    {
      competence: 0,
      kind: "scenario",
      level: "decision",
      uses: [use],
      situation:
        use === "insight-test"
          ? "Een klant staat bij de bus en roept dat de nieuwe kraan alweer lekt."
          : "Een klant belt en zegt dat de storing van vorige week terug is en dat ze het zat is.",
      prompt: "Wat zeg je als eerste?",
      options: [
        choice(
          "Dat je eerst wilt kijken voordat je iets zegt.",
          false,
          "Kijken mag, maar eerst erkennen: anders voelt de klant zich weggezet.",
        ),
        choice(
          "Dat je begrijpt dat het vervelend is dat het weer gebeurt.",
          true,
          "Erkenning eerst haalt de spanning eruit.",
        ),
        choice("Dat het vast aan het gebruik ligt.", false, "Schuld bij de klant leggen escaleert."),
      ],
    },
    {
      competence: 1,
      kind: "multiple-choice",
      level: "application",
      uses: [use],
      prompt:
        use === "insight-test"
          ? "Welke afsluiting is een heldere vervolgafspraak?"
          : "Welke zin maakt de vervolgstap controleerbaar?",
      options: [
        choice('"We houden u op de hoogte."', false, "Wie en wanneer ontbreken."),
        choice(
          '"Ik kom dinsdag om acht uur terug met het onderdeel."',
          true,
          "Wat, wie en wanneer zijn duidelijk.",
        ),
      ],
    },
  ]),
];
