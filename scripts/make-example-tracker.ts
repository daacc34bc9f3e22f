/**
 * Writes `examples/tracker.xlsx`: a realistic, entirely synthetic tracker of about 60
 * looked-after children and care leavers, in the shape a locality team keeps one (a
 * title block above the header row, headers in the team's own words, real Excel dates
 * mixed with UK text dates, a handful of the data errors real trackers contain).
 *
 * Deterministic: a seeded PRNG, a fixed reference date (23/11/2026) for choosing ages and
 * dates, fixed workbook properties and fixed zip entry dates, so regenerating gives a
 * byte-identical file.
 *
 * Usage: `npm run make:example [-- <output path>]`.
 *
 * A few rows are written by hand rather than drawn at random, so that the end-to-end tests
 * can check them against results worked out by hand from RULES.md (see
 * test/cli/endToEnd.test.ts). Their Child IDs are listed in `HAND_ROWS`.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Day, edate, fromYmd, toJsDate, toYmd } from '../shared/dates/calendar';
import { seededRandom as mulberry32 } from '../test/support/seededRandom';

/** The date the synthetic caseload is "as of": ages and recent dates are chosen around it. */
export const REFERENCE_DATE: Day = fromYmd(2026, 11, 23);

export const TITLE = 'Children Looked After & Care Leavers Tracker — North Locality';
export const HEADER_ROW = 4;

export const HEADERS = [
  'Child ID',
  'Young person',
  'D.O.B.',
  'Team',
  'Allocated worker',
  'Date became LAC',
  'Placement type',
  'Placement start',
  'Last LAC review',
  'Last SW visit',
  'IHA',
  'RHA',
  'Dental check',
  'GP registered',
  'Dentist',
  'Imms up to date',
  'SDQ date',
  'SDQ score',
  'CAMHS referral',
  'Last PEP',
  'Pathway plan',
  'PP review',
  'PA',
  'PA referral',
  'Housing register',
  'Housing options meeting',
  'Staying Put discussed',
  'NI number',
  'Photo ID',
  'Bank account',
  'Health passport',
  'Left care',
  'Last PA contact',
  'EET',
  'Additional needs',
  'Transitions referral',
  'Notes',
] as const;
type Header = (typeof HEADERS)[number];

/** A cell as written: a Date cell (Day), text, a number, or empty. */
type Cell = { date: Day } | string | number | null;
type Row = Partial<Record<Header, Cell>>;

const DATE_HEADERS = new Set<Header>([
  'D.O.B.',
  'Date became LAC',
  'Placement start',
  'Last LAC review',
  'Last SW visit',
  'IHA',
  'RHA',
  'Dental check',
  'SDQ date',
  'CAMHS referral',
  'Last PEP',
  'Pathway plan',
  'PP review',
  'PA referral',
  'Housing register',
  'Housing options meeting',
  'Staying Put discussed',
  'Health passport',
  'Left care',
  'Last PA contact',
  'Transitions referral',
]);

// ---------------------------------------------------------------------------------------
// Seeded randomness

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** an integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

// ---------------------------------------------------------------------------------------
// Synthetic people: first names and an initial, obviously not real records

const FIRST_NAMES = [
  'Aisha', 'Ben', 'Chloe', 'Darius', 'Ella', 'Finn', 'Grace', 'Harvey', 'Isla', 'Jayden', 'Kacper',
  'Leah', 'Mason', 'Nadia', 'Oliver', 'Poppy', 'Quinn', 'Rhys', 'Sofia', 'Tyler', 'Una', 'Vinnie',
  'Willow', 'Xander', 'Yasmin', 'Zac', 'Amir', 'Bella', 'Callum', 'Demi', 'Ethan', 'Freya', 'Gabriel',
  'Holly', 'Ibrahim', 'Jade', 'Kai', 'Lily', 'Mo', 'Niamh', 'Owen', 'Paige', 'Riley', 'Summer',
  'Theo', 'Amelia', 'Brandon', 'Courtney', 'Dylan', 'Esme', 'Frankie', 'Harley', 'Imogen', 'Jamal',
  'Keira', 'Logan', 'Maisie', 'Nathan', 'Olivia', 'Reece', 'Skye', 'Toby',
]; // prettier-ignore
const INITIALS = 'ABCDEFGHJKLMNPRSTW'.split('');

const TEAMS = { children: 'North CLA Team', leaving: 'North 16+ Team' } as const;
const CHILDREN_WORKERS = ['Priya S.', 'Tom W.', 'Grace O.'];
const LEAVING_CARE_WORKERS = ['Dan K.', 'Hannah L.'];
const PERSONAL_ADVISERS = ['Jo M.', 'Sam R.', 'Alex T.'];

// ---------------------------------------------------------------------------------------
// Random rows

const d = (year: number, month: number, day: number): Cell => ({ date: fromYmd(year, month, day) });
const at = (day: Day): Cell => ({ date: day });

function clampToReference(day: Day): Day {
  return Math.min(day, REFERENCE_DATE);
}

/** Age distribution of a looked-after caseload with a 16+ team: weighted towards teenagers. */
const AGE_YEARS = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 13, 14, 14, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 19,
  19, 20,
];

function randomRow(dice: Dice, index: number): Row {
  const ageYears = dice.pick(AGE_YEARS);
  const dob = edate(REFERENCE_DATE, -12 * ageYears) - dice.int(1, 364);
  const birthday = (years: number, months = 0) => edate(dob, 12 * years + months);
  const careLeaver = REFERENCE_DATE >= birthday(18);
  const row: Row = {
    'Child ID': `NL${1001 + index}`,
    'Young person': `${dice.pick(FIRST_NAMES)} ${dice.pick(INITIALS)}.`,
    'D.O.B.': at(dob),
  };
  const ageAtLeast = (years: number, months = 0) => REFERENCE_DATE >= birthday(years, months);
  const sixteenPlus = ageAtLeast(16);
  row.Team = sixteenPlus ? TEAMS.leaving : TEAMS.children;
  row['Allocated worker'] = dice.pick(sixteenPlus ? LEAVING_CARE_WORKERS : CHILDREN_WORKERS);

  // Period of care: care leavers came into care between 12 and 16; children at any age.
  const careStart = careLeaver
    ? birthday(12) + dice.int(0, 4 * 365)
    : Math.max(dob + dice.int(3, 40), REFERENCE_DATE - dice.int(20, 6 * 365));
  row['Date became LAC'] = at(careStart);
  const careEnd = careLeaver ? birthday(18) : null;
  const endOfCare = careEnd ?? REFERENCE_DATE;
  if (careEnd !== null) row['Left care'] = at(careEnd);

  const placement = careLeaver
    ? dice.pick(['Independent living', 'Supported lodgings', 'Foster', 'Supported accommodation'])
    : ageAtLeast(16)
      ? dice.pick(['Foster', 'Foster', 'Children’s home', 'Supported accommodation', 'Semi-independent'])
      : dice.pick([
          'Foster',
          'Foster',
          'Foster',
          'Kinship foster',
          'Children’s home',
          'Placed with parents',
          'U4',
        ]);
  row['Placement type'] = placement;
  const placementStart = dice.chance(0.5)
    ? careStart
    : careStart + dice.int(0, Math.max(0, endOfCare - careStart - 14));
  row['Placement start'] = at(placementStart);

  // Reviews and visits: recent for children in care; the last ones before 18 for care leavers.
  const inCareDays = endOfCare - careStart;
  if (inCareDays > 25) {
    const lastReview =
      inCareDays < 90
        ? careStart + dice.int(10, 24)
        : dice.chance(0.15)
          ? endOfCare - dice.int(190, 240)
          : endOfCare - dice.int(5, 170);
    row['Last LAC review'] = at(Math.max(lastReview, careStart + 10));
  }
  row['Last SW visit'] = at(
    Math.max(placementStart + 2, endOfCare - dice.int(1, dice.chance(0.2) ? 70 : 40)),
  );
  if (inCareDays > 20) row.IHA = at(Math.min(careStart + dice.int(8, 30), endOfCare));
  if (inCareDays > 200)
    row.RHA = at(Math.max(careStart + 60, endOfCare - dice.int(20, dice.chance(0.2) ? 420 : 330)));
  if (inCareDays > 60 && dice.chance(0.85))
    row['Dental check'] = at(Math.max(careStart + 20, endOfCare - dice.int(20, 420)));
  row['GP registered'] = dice.chance(0.9) ? 'Y' : 'N';
  row.Dentist = dice.chance(0.8) ? dice.pick(['Y', 'Yes']) : dice.pick(['N', '']);
  row['Imms up to date'] = dice.chance(0.75) ? 'Y' : dice.pick(['N', '', 'Yes']);

  if (ageAtLeast(4) && !ageAtLeast(17) && inCareDays > 40) {
    const sdqDate = REFERENCE_DATE - dice.int(20, 420);
    const score = dice.int(3, 27);
    row['SDQ date'] = at(sdqDate);
    row['SDQ score'] = score;
    if (score >= 14 && dice.chance(0.75))
      row['CAMHS referral'] = at(clampToReference(sdqDate + dice.int(5, 40)));
  }

  const schoolAge = ageAtLeast(4, 6);
  if (schoolAge && !careLeaver && inCareDays > 30) row['Last PEP'] = at(REFERENCE_DATE - dice.int(10, 160));
  if (schoolAge && careLeaver && ageAtLeast(18) && !ageAtLeast(19)) {
    row['Last PEP'] = at(birthday(18) - dice.int(20, 120));
  }

  // Pathway to adulthood.
  if (ageAtLeast(15, 6)) {
    if (ageAtLeast(15, 9) && dice.chance(0.85))
      row['PA referral'] = at(clampToReference(birthday(15, 9) + dice.int(-20, 40)));
    if (ageAtLeast(16) && dice.chance(0.85)) row.PA = dice.pick(PERSONAL_ADVISERS);
    if (ageAtLeast(15, 10) && dice.chance(0.9)) {
      const plan = clampToReference(birthday(15, 10) + dice.int(0, 80));
      row['Pathway plan'] = at(plan);
      const review = REFERENCE_DATE - dice.int(10, 200);
      if (review > plan) row['PP review'] = at(review);
    }
    if (ageAtLeast(16) && dice.chance(0.8))
      row['Housing register'] = at(clampToReference(birthday(16) + dice.int(-40, 60)));
    if (ageAtLeast(17, 6) && dice.chance(0.8))
      row['Housing options meeting'] = at(clampToReference(birthday(17, 6) + dice.int(-30, 30)));
    if (/foster/i.test(placement) && ageAtLeast(16) && !careLeaver && dice.chance(0.8)) {
      row['Staying Put discussed'] = at(clampToReference(birthday(16) - dice.int(0, 60)));
    }
  }
  if (ageAtLeast(17)) {
    row['NI number'] = dice.chance(0.85) ? dice.pick(['Y', 'Yes', 'Received']) : '';
    row['Photo ID'] = dice.chance(0.8) ? dice.pick(['Y', 'Provisional licence', 'Passport']) : '';
    row['Bank account'] = dice.chance(0.75) ? 'Y' : dice.pick(['N', '']);
    if (dice.chance(0.75)) row['Health passport'] = at(clampToReference(birthday(17, 9) + dice.int(-30, 60)));
  }
  if (careLeaver) {
    if (dice.chance(0.9)) row['Last PA contact'] = at(REFERENCE_DATE - dice.int(2, 80));
  }
  if (ageAtLeast(16)) row.EET = dice.pick(['EET', 'EET', 'F1', 'P2', 'NEET', 'G4', '']);
  row['Additional needs'] = dice.chance(0.15) ? 'Y' : 'N';
  if (row['Additional needs'] === 'Y' && ageAtLeast(15, 6) && dice.chance(0.6)) {
    row['Transitions referral'] = at(clampToReference(birthday(15, 9) + dice.int(0, 120)));
  }
  if (dice.chance(0.15))
    row.Notes = dice.pick(['Respite weekend booked', 'New school from Jan', 'Sibling contact fortnightly']);
  return row;
}

// ---------------------------------------------------------------------------------------
// Rows written by hand (checked by the end-to-end test against hand-worked results)

export const HAND_ROWS = {
  /** came into care 02/11/2026, no review yet: first review within 20 working days */
  firstReview: 'NL2001',
  /** came into care 05/01/2026, first review 30/01/2026: second review 3 months later */
  secondReview: 'NL2002',
  /** in care since 2020, last review 31/08/2026: six-monthly */
  sixMonthly: 'NL2003',
  /** Year 9, last PEP in the summer term */
  pep: 'NL2004',
  /** a former relevant care leaver aged 19 */
  careLeaver: 'NL2005',
  /** "N/A" typed in the review column */
  reviewNotApplicable: 'NL2006',
  /** date of birth in the future (a typing slip) */
  futureDob: 'NL2007',
  /** a review date after the as-of date (a planned date in the wrong column) */
  reviewInFuture: 'NL2008',
  /** SDQ score of 45 (outside 0–40) */
  sdqOutOfRange: 'NL2009',
  /** unaccompanied child whose day of birth is unknown: "05/2009" */
  monthOnlyDob: 'NL2010',
  /** left care before coming into care (dates swapped) */
  careEndBeforeStart: 'NL2011',
} as const;

function handRows(): Array<{ at: number; row: Row }> {
  const children = TEAMS.children;
  const leaving = TEAMS.leaving;
  return [
    {
      at: 2,
      row: {
        'Child ID': HAND_ROWS.firstReview,
        'Young person': 'Mia H.',
        'D.O.B.': d(2017, 3, 14),
        Team: children,
        'Allocated worker': 'Priya S.',
        'Date became LAC': d(2026, 11, 2),
        'Placement type': 'Foster',
        'Placement start': d(2026, 11, 2),
        'Last SW visit': d(2026, 11, 5),
        'GP registered': 'Y',
        Dentist: '',
        'Imms up to date': 'Y',
        'Additional needs': 'N',
      },
    },
    {
      at: 9,
      row: {
        'Child ID': HAND_ROWS.secondReview,
        'Young person': 'Jack P.',
        'D.O.B.': d(2014, 7, 9),
        Team: children,
        'Allocated worker': 'Tom W.',
        'Date became LAC': d(2026, 1, 5),
        'Placement type': 'Children’s home',
        'Placement start': d(2026, 1, 5),
        'Last LAC review': d(2026, 1, 30),
        'Last SW visit': '2/11/26',
        IHA: d(2026, 1, 22),
        'Dental check': d(2026, 3, 3),
        'GP registered': 'Y',
        Dentist: 'Y',
        'Imms up to date': 'Y',
        'SDQ date': d(2026, 2, 10),
        'SDQ score': 12,
        'Last PEP': d(2026, 9, 29),
        'Additional needs': 'N',
      },
    },
    {
      at: 17,
      row: {
        'Child ID': HAND_ROWS.sixMonthly,
        'Young person': 'Ruby F.',
        'D.O.B.': d(2015, 4, 2),
        Team: children,
        'Allocated worker': 'Grace O.',
        'Date became LAC': d(2020, 1, 1),
        'Placement type': 'Foster',
        'Placement start': d(2021, 6, 14),
        'Last LAC review': d(2026, 8, 31),
        'Last SW visit': d(2026, 10, 19),
        IHA: d(2020, 1, 24),
        RHA: '03-Apr-2026',
        'Dental check': d(2026, 5, 12),
        'GP registered': 'Y',
        Dentist: 'Y',
        'Imms up to date': 'Y',
        'SDQ date': d(2026, 4, 20),
        'SDQ score': 9,
        'Last PEP': d(2026, 10, 6),
        'Additional needs': 'N',
      },
    },
    {
      at: 24,
      row: {
        'Child ID': HAND_ROWS.pep,
        'Young person': 'Kian D.',
        'D.O.B.': d(2012, 10, 1),
        Team: children,
        'Allocated worker': 'Priya S.',
        'Date became LAC': d(2019, 6, 10),
        'Placement type': 'Foster',
        'Placement start': d(2019, 6, 10),
        'Last LAC review': d(2026, 9, 15),
        'Last SW visit': d(2026, 11, 9),
        IHA: d(2019, 7, 1),
        RHA: d(2026, 2, 2),
        'Dental check': d(2026, 1, 19),
        'GP registered': 'Y',
        Dentist: 'Y',
        'Imms up to date': 'Y',
        'SDQ date': d(2026, 3, 9),
        'SDQ score': 11,
        'Last PEP': d(2026, 7, 15),
        'Additional needs': 'N',
      },
    },
    {
      at: 31,
      row: {
        'Child ID': HAND_ROWS.careLeaver,
        'Young person': 'Leon V.',
        'D.O.B.': d(2007, 5, 20),
        Team: leaving,
        'Allocated worker': 'Dan K.',
        'Date became LAC': d(2021, 3, 1),
        'Placement type': 'Supported lodgings',
        'Placement start': d(2024, 9, 2),
        'Last LAC review': d(2025, 3, 11),
        'Last SW visit': d(2025, 5, 6),
        IHA: d(2021, 3, 24),
        RHA: d(2024, 10, 8),
        'GP registered': 'Y',
        Dentist: 'Y',
        'Imms up to date': 'Y',
        'Pathway plan': d(2023, 4, 10),
        'PP review': d(2026, 6, 2),
        PA: 'Jo M.',
        'PA referral': d(2023, 2, 6),
        'Housing register': '3/5/23',
        'Housing options meeting': d(2024, 11, 12),
        'NI number': 'Y',
        'Photo ID': '',
        'Bank account': 'Yes',
        'Health passport': d(2025, 4, 28),
        'Left care': d(2025, 5, 20),
        'Last PA contact': d(2026, 9, 10),
        EET: 'NEET',
        'Additional needs': 'N',
      },
    },
    {
      at: 38,
      row: {
        'Child ID': HAND_ROWS.reviewNotApplicable,
        'Young person': 'Sienna G.',
        'D.O.B.': d(2011, 12, 3),
        Team: children,
        'Allocated worker': 'Tom W.',
        'Date became LAC': d(2023, 8, 21),
        'Placement type': 'Foster',
        'Placement start': d(2023, 8, 21),
        'Last LAC review': 'N/A',
        'Last SW visit': d(2026, 11, 12),
        IHA: d(2023, 9, 4),
        RHA: d(2026, 3, 30),
        'Dental check': d(2026, 6, 8),
        'GP registered': 'Y',
        Dentist: 'Y',
        'Imms up to date': 'Y',
        'SDQ date': d(2026, 5, 5),
        'SDQ score': 15,
        'CAMHS referral': d(2026, 5, 20),
        'Last PEP': d(2026, 10, 14),
        'Additional needs': 'N',
      },
    },
    {
      at: 44,
      row: {
        'Child ID': HAND_ROWS.futureDob,
        'Young person': 'Ava N.',
        'D.O.B.': d(2027, 2, 11),
        Team: children,
        'Allocated worker': 'Grace O.',
        'Date became LAC': d(2026, 6, 1),
        'Placement type': 'Foster',
        'Placement start': d(2026, 6, 1),
        'Last LAC review': d(2026, 6, 26),
        'Last SW visit': d(2026, 11, 2),
        IHA: d(2026, 6, 20),
        'GP registered': 'Y',
        Dentist: 'N',
        'Imms up to date': 'Y',
        'Additional needs': 'N',
      },
    },
    {
      at: 49,
      row: {
        'Child ID': HAND_ROWS.reviewInFuture,
        'Young person': 'Noah C.',
        'D.O.B.': d(2016, 9, 22),
        Team: children,
        'Allocated worker': 'Priya S.',
        'Date became LAC': d(2024, 2, 12),
        'Placement type': 'Kinship foster',
        'Placement start': d(2024, 2, 12),
        'Last LAC review': d(2026, 12, 8),
        'Last SW visit': d(2026, 10, 30),
        IHA: d(2024, 3, 1),
        RHA: d(2026, 2, 19),
        'Dental check': d(2026, 4, 1),
        'GP registered': 'Y',
        Dentist: 'Y',
        'Imms up to date': 'N',
        'SDQ date': d(2026, 2, 2),
        'SDQ score': 8,
        'Last PEP': d(2026, 9, 22),
        'Additional needs': 'N',
      },
    },
    {
      at: 53,
      row: {
        'Child ID': HAND_ROWS.sdqOutOfRange,
        'Young person': 'Lola B.',
        'D.O.B.': d(2013, 1, 17),
        Team: children,
        'Allocated worker': 'Grace O.',
        'Date became LAC': d(2022, 10, 3),
        'Placement type': 'Foster',
        'Placement start': d(2025, 2, 10),
        'Last LAC review': d(2026, 7, 2),
        'Last SW visit': d(2026, 11, 16),
        IHA: d(2022, 10, 20),
        RHA: d(2026, 1, 12),
        'Dental check': d(2026, 2, 23),
        'GP registered': 'Y',
        Dentist: 'Y',
        'Imms up to date': 'Y',
        'SDQ date': d(2026, 6, 15),
        'SDQ score': 45,
        'Last PEP': d(2026, 10, 1),
        'Additional needs': 'Y',
      },
    },
    {
      at: 57,
      row: {
        'Child ID': HAND_ROWS.monthOnlyDob,
        'Young person': 'Yonas T.',
        'D.O.B.': '05/2009',
        Team: leaving,
        'Allocated worker': 'Hannah L.',
        'Date became LAC': d(2024, 8, 19),
        'Placement type': 'Supported accommodation',
        'Placement start': d(2025, 1, 6),
        'Last LAC review': d(2026, 9, 1),
        'Last SW visit': d(2026, 11, 4),
        IHA: d(2024, 9, 10),
        RHA: d(2025, 9, 15),
        'Dental check': d(2025, 10, 2),
        'GP registered': 'Y',
        Dentist: 'N',
        'Imms up to date': '',
        'Last PEP': d(2026, 10, 7),
        'Pathway plan': d(2024, 11, 28),
        'PP review': d(2026, 5, 21),
        PA: 'Sam R.',
        'PA referral': d(2024, 10, 1),
        'Housing register': d(2025, 6, 3),
        'NI number': 'Received',
        'Photo ID': 'Y',
        'Bank account': 'N',
        EET: 'F1',
        'Additional needs': 'N',
        Notes: 'Unaccompanied; age assessed',
      },
    },
    {
      at: 60,
      row: {
        'Child ID': HAND_ROWS.careEndBeforeStart,
        'Young person': 'Ollie J.',
        'D.O.B.': d(2010, 2, 27),
        Team: children,
        'Allocated worker': 'Tom W.',
        'Date became LAC': d(2024, 6, 3),
        'Placement type': 'Foster',
        'Placement start': d(2024, 6, 3),
        'Last LAC review': d(2026, 6, 9),
        'Last SW visit': d(2026, 11, 10),
        IHA: d(2024, 6, 20),
        RHA: d(2025, 7, 1),
        'Dental check': d(2026, 1, 8),
        'GP registered': 'Y',
        Dentist: 'Y',
        'Imms up to date': 'Y',
        'SDQ date': d(2026, 7, 7),
        'SDQ score': 6,
        'Last PEP': d(2026, 10, 20),
        'Left care': d(2023, 2, 1),
        'Additional needs': 'N',
      },
    },
  ];
}

export function trackerRows(): Row[] {
  const dice = new Dice(20261123);
  const random: Row[] = [];
  for (let i = 0; i < 51; i += 1) random.push(randomRow(dice, i));
  // Some teams type dates as text: turn about one date in twelve into UK text forms.
  for (const row of random) {
    for (const header of HEADERS) {
      const cell = row[header];
      if (header !== 'D.O.B.' && cell && typeof cell === 'object' && dice.chance(1 / 12)) {
        row[header] = dice.chance(0.5) ? shortUk(cell.date) : dayMonthNameYear(cell.date);
      }
    }
  }
  const rows = [...random];
  for (const { at: position, row } of handRows()) rows.splice(position, 0, row);
  return rows;
}

/** "3/4/25": day first, no padding, two-digit year */
function shortUk(day: Day): string {
  const { year, month, day: dd } = toYmd(day);
  return `${dd}/${month}/${String(year % 100).padStart(2, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "03-Apr-2025" */
function dayMonthNameYear(day: Day): string {
  const { year, month, day: dd } = toYmd(day);
  return `${String(dd).padStart(2, '0')}-${MONTHS[month - 1]}-${year}`;
}

// ---------------------------------------------------------------------------------------
// The workbook

const FIXED_TIME = new Date(Date.UTC(2026, 10, 23, 9, 0, 0));

export async function buildTrackerWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'caseload-flags example generator';
  workbook.lastModifiedBy = 'caseload-flags example generator';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;

  const sheet = workbook.addWorksheet('Tracker', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW, topLeftCell: 'C5', activeCell: 'A5' }],
  });
  sheet.getCell('A1').value = TITLE;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = 'Last updated: 23/11/2026 (business support)';
  sheet.getCell('A2').font = { italic: true, color: { argb: 'FF595959' } };

  const header = sheet.getRow(HEADER_ROW);
  HEADERS.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });

  trackerRows().forEach((row, i) => {
    const excelRow = sheet.getRow(HEADER_ROW + 1 + i);
    HEADERS.forEach((text, c) => {
      const value = row[text];
      if (value === null || value === undefined || value === '') return;
      const cell = excelRow.getCell(c + 1);
      if (typeof value === 'object') {
        cell.value = toJsDate(value.date);
        cell.numFmt = 'dd/mm/yyyy';
      } else {
        cell.value = value;
      }
    });
  });

  HEADERS.forEach((text, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = text === 'Young person' || text === 'Notes' ? 22 : DATE_HEADERS.has(text) ? 12 : 14;
    if (DATE_HEADERS.has(text)) column.numFmt = 'dd/mm/yyyy';
  });
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW, column: HEADERS.length },
  };

  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  return withFixedZipDates(written);
}

/** ExcelJS stamps every zip entry with the current time: re-pack with a fixed one. */
async function withFixedZipDates(xlsx: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const target = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name];
    if (entry.dir) continue;
    target.file(name, await entry.async('nodebuffer'), { date: FIXED_TIME, createFolders: false });
  }
  return target.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}

async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? 'examples/tracker.xlsx');
  writeFileSync(output, await buildTrackerWorkbook());
  process.stdout.write(`Wrote ${output}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
