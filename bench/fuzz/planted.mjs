// The PHI values the fuzzer plants in code, data, configs and LSP messages, and the search for them in
// every output. A planted value must never come back: not in a message, a label, a skip detail, a log
// line or an error, in any format.

export const PLANTED = {
  name: 'Margaret Thornbury',
  ssn: '287-65-4321',
  dob: '1985-03-14',
  email: 'mthornbury@gmail.com',
};

/** What counts as an echo: the values, also with other separators (an identifier, digits only). */
const ECHO_PATTERNS = [
  ['name', /margaret[\s_.\-]*thornbury/i],
  ['ssn', /287[\s_.\-]?65[\s_.\-]?4321/],
  ['date of birth', /1985[\s_.\-/]?03[\s_.\-/]?14|03[/\-.]14[/\-.]1985/],
  ['e-mail', /mthornbury@/i],
];

/**
 * The planted values found in `text`: [] when none. `prose` lists passages of the developer's own prose
 * (suppression reasons) in which a name is not searched for: the engine masks value shapes there (SSN,
 * dates, e-mail, phone), but a name in a sentence cannot be told from other capitalised words
 * (engine/value-mask.ts), so the audit trail keeps the reason as written.
 */
export function echoesIn(text, prose = []) {
  const found = [];
  for (const [what, pattern] of ECHO_PATTERNS) {
    let searched = text;
    if (what === 'name') for (const passage of prose) if (passage) searched = searched.split(passage).join(' ');
    const match = pattern.exec(searched);
    if (match) {
      found.push({ what, context: searched.slice(Math.max(0, match.index - 60), match.index + match[0].length + 60) });
      continue;
    }
  }
  return found;
}

const { name, ssn, dob, email } = PLANTED;
const ident = name.replace(' ', '_');

/** Lines of code that put the planted values where the tool might quote them. */
export const CODE_PLANTS = [
  `const record = { name: '${name}', ssn: '${ssn}', dateOfBirth: '${dob}', email: '${email}' };`,
  `console.log(records['${name}'].diagnosis);`,
  `console.log(records['${ssn}'].ssn, records['${dob}'].dateOfBirth);`,
  `console.log(records["${email}"].medicalRecordNumber);`,
  `logger.info(patients[\`${name}\`].dob);`,
  `// phi-guard-disable-next-line ${ssn}, ${dob} -- reviewed with ${name} on ${dob}`,
  `// phi-guard-disable-next-line no-phi-in-logs until ${dob} -- vendor fix pending for ${ssn}`,
  `/* phi-guard-disable ${ident} -- ${email} */`,
  `const ${ident} = patient.ssn; console.log(${ident});`,
  `const ssn_${ssn.replace(/-/g, '_')} = patient.dob; localStorage.setItem('dob_${dob}', ssn_${ssn.replace(/-/g, '_')});`,
  `fetch('http://lab.acme-health.com/${ssn}/results?dob=${dob}', { body: patient.diagnosis });`,
  `const lookup = { '${name} ${ssn}': { resultsUrl: 'http://lab.acme-health.com/r' } };`,
  `throw new Error('patient ${name} born ${dob} has SSN ${ssn}');`,
  `const broken${ssn.replace(/-/g, '')} = 'x' 'y';`,
  `sessionStorage.setItem('${name}', JSON.stringify({ dob: '${dob}', ssn: '${ssn}' }));`,
];

export const JSX_PLANTS = [
  `export const Card = () => <p title="${name}">SSN ${ssn}, born ${dob}</p>;`,
  `export const Row = (props: any) => <td data-ssn="${ssn}">{props.patient.ssn} ${name}</td>;`,
  `export const Bad = () => <${ident}>{1}</Pembrook_${ssn.replace(/-/g, '')}>;`,
  `export const Note = () => <p>// phi-guard-disable -- ${name} ${dob}</p>;`,
];

export const JSON_PLANTS = [
  `"${name} ${ssn}": { "resultsUrl": "http://lab.acme-health.com/results" }`,
  `"patient": { "name": "${name}", "ssn": "${ssn}", "birthDate": "${dob}", "email": "${email}" }`,
  `"${dob}": { "${ssn}": "${name}" }`,
];
