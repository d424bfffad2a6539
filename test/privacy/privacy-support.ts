import { SCENARIOS } from '../support/scenarios.js';

/** What a nurse line really hears: a named caller, reachable, with a record number, telling their story. */
export const PERSON = {
  name: 'Zelda Quintrell',
  phone: '+44 7700 900123',
  mrn: 'MRN-88213',
  dob: '1980-02-03',
  address: '12 Acacia Road, Leeds',
  complaint: 'Zelda says indigestion and jaw pain for 2 hours',
  story: 'My name is Zelda Quintrell, my jaw has hurt for 2 hours and I live at 12 Acacia Road',
};

/** Every personal string of PERSON: none may be found where it should not be. */
export const PERSONAL_STRINGS = Object.values(PERSON);

/** The atypical heart attack sent home, with the caller's identity and words: escalates. */
export function triageWithPerson(over: { mrn?: string; name?: string; age?: number } = {}) {
  const base = SCENARIOS.atypicalMiSentHome.body;
  return {
    ...base,
    state: {
      ...base.state,
      caller_demographics: {
        ...base.state.caller_demographics,
        // Another age is another reading, so a second evaluation is not a repeat of a pending first one.
        age: over.age ?? base.state.caller_demographics.age,
        name: over.name ?? PERSON.name,
        phone: PERSON.phone,
        mrn: over.mrn ?? PERSON.mrn,
        date_of_birth: PERSON.dob,
        address: PERSON.address,
      },
      chief_complaint: PERSON.complaint,
      conversation_history: [{ role: 'caller', content: PERSON.story }],
    },
  };
}
