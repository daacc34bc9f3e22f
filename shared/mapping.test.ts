import fc from 'fast-check';
import { FIELDS, type FieldName } from './fields';
import {
  MappingError,
  applyExplicitMapping,
  candidatesFor,
  columnLetter,
  describeMapping,
  findHeaderRow,
  normaliseHeader,
  proposeMapping,
} from './mapping';

const fieldOf = (header: string): FieldName | null => {
  const { columns } = proposeMapping([header]);
  return columns[0]?.field ?? null;
};

describe('normaliseHeader', () => {
  test.each([
    ['Date of birth', 'birth date of'],
    ['DATE OF BIRTH.', 'birth date of'],
    ['birth date of', 'birth date of'],
    ['  Date   of\nbirth ', 'birth date of'],
    ['D.O.B.', 'dob'],
    ['D.O.B', 'dob'],
    ['DOB', 'dob'],
    ['Secure/custody start', 'custody secure start'],
    ['Long-term placement', 'long placement term'],
    ["Child's name", 'child name'],
    ['No. of reviews', 'no of reviews'],
    ['SCAYT+ consultation', 'consultation scayt'],
    ['', ''],
    ['---', ''],
  ])('%j → %j', (text, key) => expect(normaliseHeader(text)).toBe(key));

  test('word order, case, dots and punctuation never matter', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 5 }), (words) => {
        const a = words.join(' ');
        const b = [...words].reverse().join(' - ').toUpperCase() + '.';
        expect(normaliseHeader(b)).toBe(normaliseHeader(a));
      }),
    );
  });
});

describe('synonyms', () => {
  test('every label and synonym of every field maps back to that field, alone', () => {
    for (const spec of FIELDS) {
      for (const synonym of [spec.label, ...spec.synonyms]) {
        const candidates = candidatesFor(synonym);
        const top = candidates.filter((c) => c.score === candidates[0].score);
        expect({ synonym, fields: top.map((c) => c.field) }).toEqual({ synonym, fields: [spec.name] });
      }
    }
  });

  test('the canonical field names themselves are exact matches', () => {
    for (const spec of FIELDS) {
      expect(proposeMapping([spec.name]).columns).toEqual([
        { field: spec.name, column: 1, header: spec.name, confidence: 'exact' },
      ]);
    }
  });

  test.each<[string, FieldName | null]>([
    // RULES.md section 3 examples and variants
    ['DOB', 'dateOfBirth'],
    ['D.O.B.', 'dateOfBirth'],
    ['Date of Birth', 'dateOfBirth'],
    ['DOB (dd/mm/yyyy)', 'dateOfBirth'],
    ['Date of birth (DOB)', 'dateOfBirth'],
    ['Date into care (DECOM)', 'careStartDate'],
    ['DECOM', 'careStartDate'],
    ['DEC', 'careEndDate'],
    ['PA', 'personalAdviser'],
    ['Personal Adviser', 'personalAdviser'],
    ['Name of PA', 'personalAdviser'],
    ['PA referral', 'paReferralDate'],
    ['Date of PA referral', 'paReferralDate'],
    ['Last PA contact', 'lastPaContactDate'],
    ['PA contact date', 'lastPaContactDate'],
    ['PA to 25', 'supportTo25'],
    ['Placement', 'placementType'],
    ['Placement type', 'placementType'],
    ['Current placement type', 'placementType'],
    ['Placement start', 'placementStartDate'],
    ['Placement start date (current)', 'placementStartDate'],
    ['Date of placement', 'placementStartDate'],
    ['SDQ', 'sdqScore'],
    ['SDQ score', 'sdqScore'],
    ['SDQ total score', 'sdqScore'],
    ['SDQ date', 'lastSdqDate'],
    ['Date of last SDQ', 'lastSdqDate'],
    ['Health passport', 'healthPassportDate'],
    ['Passport', 'photoId'],
    ['Photo ID', 'photoId'],
    ['Child name', 'name'],
    ["Child's name", 'name'],
    ["Young person's name", 'name'],
    ['CHILD', 'childId'],
    ['ID', 'childId'],
    ['Child ID', 'childId'],
    ['LCS ID', 'childId'],
    ['Last review', 'lastReviewDate'],
    ['Last review date', 'lastReviewDate'],
    ['Date of last LAC review (IRO)', 'lastReviewDate'],
    ['First review', 'firstReviewDate'],
    ['Date of first review', 'firstReviewDate'],
    ['Date of first LAC review', 'firstReviewDate'],
    ['Pathway plan review', 'lastPathwayReviewDate'],
    ['Pathway plan review date', 'lastPathwayReviewDate'],
    ['Pathway plan', 'pathwayPlanDate'],
    ['Number of reviews', 'reviewsHeld'],
    ['No. of reviews', 'reviewsHeld'],
    ['Social worker', 'socialWorker'],
    ['Social worker name', 'socialWorker'],
    ['SW', 'socialWorker'],
    ['Team', 'team'],
    ['LC team invited to review', 'leavingCareTransferDate'],
    ['Secure/custody start', 'secureStartDate'],
    ['Secure / Custody End', 'secureEndDate'],
    ['Initial health assessment date', 'initialHealthAssessmentDate'],
    ['IHA', 'initialHealthAssessmentDate'],
    ['RHA', 'lastHealthAssessmentDate'],
    ['Last health check date', 'lastHealthAssessmentDate'],
    ['GP', 'gpRegistered'],
    ['Registered with GP?', 'gpRegistered'],
    ['Dentist', 'dentistRegistered'],
    ['Last dentist visit', 'lastDentalCheckDate'],
    ['Date of last visit', 'lastVisitDate'],
    ['Long term placement', 'placementUntil18'],
    ['Long-term placement', 'placementUntil18'],
    ['EET status', 'eetStatus'],
    ['ACTIV', 'eetStatus'],
    ['LC status', 'leavingCareStatus'],
    ['SCAYT+ consultation', 'camhsReferralDate'],
    // ordinals in figures
    ['Date of 1st LAC review', 'firstReviewDate'],
    ['1st review', 'firstReviewDate'],
    ['Last pathway review', 'lastPathwayReviewDate'],
    ['Pathway review date', 'lastPathwayReviewDate'],
    // a tracker's own due dates are not the dates things were done
    ['Next LAC review due', null],
    ['Next review due', null],
    ['LAC review due', null],
    ['Due date of next review', null],
    ['Next PEP due', null],
    ['PEP planned', null],
    ['IHA due', null],
    ['RHA due', null],
    ['Health assessment due', null],
    ['Pathway plan due', null],
    ['Next visit due', null],
    ['Visit booked', null],
    ['PA contact due', null],
    // ...while a date still to come may be a planned care end (careEnd may lie ahead)
    ['Planned date left care', 'careEndDate'],
    // nothing to match
    ['Notes', null],
    ['Date', null],
    ['Comments', null],
    ['', null],
  ])('%j → %s', (header, field) => expect(fieldOf(header)).toBe(field));

  test('confidence: exact for the label or name, synonym, partial', () => {
    const { columns } = proposeMapping([
      'Date of birth',
      'D.O.B',
      'Last LAC review',
      'Date of last LAC review (IRO)',
    ]);
    expect(columns.map((c) => [c.header, c.confidence])).toEqual([
      ['Date of birth', 'exact'],
      ['Last LAC review', 'synonym'],
    ]);
    const partial = proposeMapping(['Date of last LAC review (IRO)']).columns[0];
    expect(partial).toEqual({
      field: 'lastReviewDate',
      column: 1,
      header: 'Date of last LAC review (IRO)',
      confidence: 'partial',
    });
    expect(proposeMapping(['Date of PA referral']).columns[0].confidence).toBe('synonym');
  });
});

describe('proposeMapping', () => {
  const NORTH = [
    'ID',
    'Young person',
    'D.O.B.',
    'SW',
    'Date into care',
    'Placement',
    'Last LAC review',
    'Last visit',
    'PEP date',
    'PA',
    'Last PA contact',
    'Notes',
  ];

  test('a typical tracker: columns in order, 1-based, unmapped listed', () => {
    const proposal = proposeMapping(NORTH);
    expect(proposal.mapping).toEqual({
      childId: 1,
      name: 2,
      dateOfBirth: 3,
      socialWorker: 4,
      careStartDate: 5,
      placementType: 6,
      lastReviewDate: 7,
      lastVisitDate: 8,
      lastPepDate: 9,
      personalAdviser: 10,
      lastPaContactDate: 11,
    });
    expect(proposal.columns.map((c) => c.column)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(proposal.unmapped).toEqual([{ column: 12, header: 'Notes' }]);
    expect(proposal.ambiguities).toEqual([]);
  });

  test('two columns for one field: the stronger (then the first) is used, and it is reported', () => {
    const proposal = proposeMapping(['Name', 'DOB', 'Last visit', 'Last visit', 'Date of last SW visit']);
    expect(proposal.mapping.lastVisitDate).toBe(3);
    expect(proposal.unmapped).toEqual([
      { column: 4, header: 'Last visit' },
      { column: 5, header: 'Date of last SW visit' },
    ]);
    expect(proposal.ambiguities).toHaveLength(1);
    const [a] = proposal.ambiguities;
    expect(a.kind).toBe('duplicate');
    if (a.kind === 'duplicate') {
      expect(a).toMatchObject({ field: 'lastVisitDate', columns: [3, 4, 5], chosen: 3 });
      expect(a.message).toContain('C "Last visit"');
      expect(a.message).toContain('D "Last visit"');
      expect(a.message).toContain('Using column C');
    }
  });

  test('a stronger match beats an earlier weaker one', () => {
    const proposal = proposeMapping(['Name', 'Date of last LAC review (IRO)', 'Last review']);
    expect(proposal.mapping.lastReviewDate).toBe(3);
    expect(proposal.ambiguities[0]).toMatchObject({ kind: 'duplicate', chosen: 3, columns: [2, 3] });
  });

  test('a header that fits two fields equally is left for the user', () => {
    const proposal = proposeMapping(['Name', 'DOB', 'GP name']);
    expect(proposal.mapping.gpRegistered).toBeUndefined();
    expect(proposal.mapping.name).toBe(1);
    expect(proposal.unmapped).toEqual([{ column: 3, header: 'GP name' }]);
    expect(proposal.ambiguities).toEqual([
      expect.objectContaining({
        kind: 'header',
        column: 3,
        header: 'GP name',
        fields: ['name', 'gpRegistered'],
      }),
    ]);
    expect(proposal.ambiguities[0].message).toMatch(
      /Column C "GP name" could be Name \(name\) or Registered with GP/,
    );
  });

  test('PA, PA referral, Last PA contact and PA to 25 side by side', () => {
    const proposal = proposeMapping(['PA to 25', 'Last PA contact', 'PA referral', 'PA']);
    expect(proposal.mapping).toEqual({
      supportTo25: 1,
      lastPaContactDate: 2,
      paReferralDate: 3,
      personalAdviser: 4,
    });
  });

  test('Placement and Placement start; SDQ and SDQ date; Health passport and Passport; CHILD and Child name', () => {
    expect(proposeMapping(['Placement start', 'Placement']).mapping).toEqual({
      placementStartDate: 1,
      placementType: 2,
    });
    expect(proposeMapping(['SDQ date', 'SDQ']).mapping).toEqual({ lastSdqDate: 1, sdqScore: 2 });
    expect(proposeMapping(['Passport', 'Health passport']).mapping).toEqual({
      photoId: 1,
      healthPassportDate: 2,
    });
    expect(proposeMapping(['CHILD', 'Child name']).mapping).toEqual({ childId: 1, name: 2 });
    expect(proposeMapping(['DECOM', 'DEC']).mapping).toEqual({ careStartDate: 1, careEndDate: 2 });
  });

  test('forename and surname: the forename is the name, the surname is noted', () => {
    const proposal = proposeMapping(['Forename', 'Surname', 'DOB']);
    expect(proposal.mapping).toEqual({ name: 1, dateOfBirth: 3 });
    expect(proposal.surname).toEqual({ column: 2, header: 'Surname' });
    expect(proposal.unmapped).toEqual([]);

    const firstLast = proposeMapping(['Last name', 'First name', 'DOB']);
    expect(firstLast.mapping).toEqual({ name: 2, dateOfBirth: 3 });
    expect(firstLast.surname).toEqual({ column: 1, header: 'Last name' });
  });

  test('a surname column alone is the name', () => {
    const proposal = proposeMapping(['Surname', 'DOB']);
    expect(proposal.mapping).toEqual({ name: 1, dateOfBirth: 2 });
    expect(proposal.surname).toBeUndefined();
  });

  test('a surname beside a full name column is just another column', () => {
    const proposal = proposeMapping(['Name', 'Surname', 'DOB']);
    expect(proposal.mapping).toEqual({ name: 1, dateOfBirth: 3 });
    expect(proposal.surname).toBeUndefined();
    expect(proposal.unmapped).toEqual([{ column: 2, header: 'Surname' }]);
  });

  test('header cells of any kind are coerced safely', () => {
    const proposal = proposeMapping([
      { richText: [{ text: 'Date of ' }, { text: 'birth' }] },
      null,
      42,
      { formula: 'CONCAT("Last ","visit")', result: 'Last visit' },
      undefined,
      true,
      new Date(Date.UTC(2026, 0, 1)),
      { error: '#REF!' },
      'Name\n(young person)',
    ]);
    expect(proposal.mapping).toEqual({ dateOfBirth: 1, lastVisitDate: 4, name: 9 });
    expect(proposal.unmapped.map((u) => u.column)).toEqual([3, 6, 7]);
  });

  test('never throws on arbitrary header rows', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean())), (cells) => {
        const proposal = proposeMapping(cells);
        const columns = proposal.columns.map((c) => c.column);
        expect(new Set(columns).size).toBe(columns.length);
        expect(new Set(proposal.columns.map((c) => c.field)).size).toBe(columns.length);
      }),
    );
  });
});

describe('findHeaderRow', () => {
  test('skips a title, a date line and blank rows above the headers', () => {
    const rows = [
      ['Leaving Care Tracker – North Team'],
      ['Updated 01/11/2026', null, null],
      [],
      [null, '', null],
      ['Name', 'DOB', 'Last review', 'PEP'],
      ['Amy', '01/02/2010', '03/04/2026', ''],
    ];
    expect(findHeaderRow(rows)).toEqual({ index: 4, rowNumber: 5, matches: 4 });
    expect(findHeaderRow(rows, 30, 3)).toEqual({ index: 4, rowNumber: 7, matches: 4 });
  });

  test('a data row that happens to contain field-like words does not win over the header', () => {
    const rows = [
      ['Child ID', 'Name', 'D.O.B.', 'Placement', 'Team'],
      ['A1', 'Team', '01/02/2010', 'Foster', 'North'],
    ];
    expect(findHeaderRow(rows)?.index).toBe(0);
  });

  test('needs the date of birth and one more field, or three fields', () => {
    expect(findHeaderRow([['DOB']])).toBeNull();
    expect(findHeaderRow([['DOB', 'Name']])).toMatchObject({ index: 0 });
    expect(findHeaderRow([['Name', 'Team']])).toBeNull();
    expect(findHeaderRow([['Name', 'Team', 'Last visit']])).toMatchObject({ index: 0, matches: 3 });
    expect(findHeaderRow([['Forename', 'Surname', 'DOB']])).toMatchObject({ index: 0 });
  });

  test('looks only at the first maxScan rows', () => {
    const rows = [...Array.from({ length: 5 }, () => ['']), ['Name', 'DOB']];
    expect(findHeaderRow(rows, 5)).toBeNull();
    expect(findHeaderRow(rows, 6)?.index).toBe(5);
  });

  test('a sheet with no header row', () => {
    expect(findHeaderRow([])).toBeNull();
    expect(
      findHeaderRow([
        ['Total', 12],
        ['Overdue', 3],
      ]),
    ).toBeNull();
  });
});

describe('applyExplicitMapping', () => {
  const headers = ['Name', 'D.O.B', 'Last review', 'Review date (IRO)', 'Worker'];

  test('explicit entries win; the rest of the proposal stays', () => {
    const result = applyExplicitMapping(headers, { lastReviewDate: 'Review date (IRO)' });
    expect(result.mapping).toEqual({ name: 1, dateOfBirth: 2, lastReviewDate: 4, socialWorker: 5 });
    expect(result.columns.find((c) => c.field === 'lastReviewDate')).toEqual({
      field: 'lastReviewDate',
      column: 4,
      header: 'Review date (IRO)',
      confidence: 'exact',
    });
    expect(result.unmapped).toEqual([{ column: 3, header: 'Last review' }]);
    expect(result.ambiguities).toEqual([]);
  });

  test('headers are found ignoring case, spacing and punctuation', () => {
    expect(applyExplicitMapping(headers, { dateOfBirth: 'd.o.b' }).mapping.dateOfBirth).toBe(2);
    expect(
      applyExplicitMapping(headers, { lastReviewDate: '  review DATE (iro) ' }).mapping.lastReviewDate,
    ).toBe(4);
  });

  test('a column given to another field is taken from its proposed field', () => {
    const result = applyExplicitMapping(headers, { personalAdviser: 'Worker' });
    expect(result.mapping.personalAdviser).toBe(5);
    expect(result.mapping.socialWorker).toBeUndefined();
  });

  test('an empty header un-maps a field', () => {
    const result = applyExplicitMapping(headers, { socialWorker: '' });
    expect(result.mapping.socialWorker).toBeUndefined();
    expect(result.unmapped).toContainEqual({ column: 5, header: 'Worker' });
  });

  test('unknown fields and missing headers are named in one plain message', () => {
    let error: unknown;
    try {
      applyExplicitMapping(headers, { dob: 'D.O.B', lastVisitDate: 'Visit', name: 'Name' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MappingError);
    const message = (error as Error).message;
    expect(message).toContain('"dob" is not a tracker field (did you mean dateOfBirth?)');
    expect(message).toContain('no column headed "Visit" for lastVisitDate');
    expect(message).toContain('"Last review"');
  });

  test('a field name nothing like any field lists the fields', () => {
    expect(() => applyExplicitMapping(headers, { shoeSize: 'Name' })).toThrow(
      /"shoeSize" is not a tracker field \(the fields are: childId, name, socialWorker, .*supportTo25\)/,
    );
  });

  test('one column given to two fields is refused', () => {
    expect(() => applyExplicitMapping(headers, { name: 'Name', childId: 'Name' })).toThrow(
      /column A "Name" is given for both name and childId/,
    );
  });

  test('forename + surname survives an explicit mapping, unless the name is mapped to a full name', () => {
    const split = ['Forename', 'Surname', 'Full name', 'DOB'];
    const kept = applyExplicitMapping(split, { dateOfBirth: 'DOB', name: 'Forename' });
    expect(kept.surname).toEqual({ column: 2, header: 'Surname' });
    const full = applyExplicitMapping(split, { name: 'Full name' });
    expect(full.mapping.name).toBe(3);
    expect(full.surname).toBeUndefined();
    expect(full.unmapped).toEqual([
      { column: 1, header: 'Forename' },
      { column: 2, header: 'Surname' },
    ]);
  });

  test('settles the ambiguities the user decided', () => {
    const result = applyExplicitMapping(['Name', 'DOB', 'GP name'], { gpRegistered: 'GP name' });
    expect(result.mapping.gpRegistered).toBe(3);
    expect(result.ambiguities).toEqual([]);
  });
});

describe('describeMapping and columnLetter', () => {
  test('renders { field: header } in field order', () => {
    const headers = ['Last LAC review', 'D.O.B', { richText: [{ text: 'Name' }] }];
    const { mapping } = proposeMapping(headers);
    expect(describeMapping(mapping, headers)).toEqual({
      name: 'Name',
      dateOfBirth: 'D.O.B',
      lastReviewDate: 'Last LAC review',
    });
    expect(Object.keys(describeMapping(mapping, headers))).toEqual(['name', 'dateOfBirth', 'lastReviewDate']);
  });

  test.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('%d → %s', (n, letters) => expect(columnLetter(n)).toBe(letters));
});
