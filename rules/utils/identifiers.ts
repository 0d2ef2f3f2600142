// Check digits of the world's health and national identifiers: a value that passes is worth a finding
// in test data and fixtures (a real identifier copied from production); one that fails is made up.
// Each validator also refuses the obvious placeholders (one digit repeated, ascending runs).

const digitsOf = (value: string): number[] => value.split('').map(Number);

/** All one digit, or 0123…/1234… runs: placeholders, whatever their check digit says. */
export function isPlaceholderDigits(digits: string): boolean {
  if (/^(\d)\1+$/.test(digits)) return true;
  return '01234567890123456789'.includes(digits) || '98765432109876543210'.includes(digits);
}

/** UK NHS number: 10 digits, mod 11 with weights 10…2; a check value of 10 is never issued. */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits) || isPlaceholderDigits(digits)) return false;
  const d = digitsOf(digits);
  const sum = d.slice(0, 9).reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === d[9];
}

// Verhoeff tables (dihedral group D5), for Aadhaar.
const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeffValid(digits: string): boolean {
  let c = 0;
  digitsOf(digits).reverse().forEach((digit, i) => {
    c = VERHOEFF_D[c][VERHOEFF_P[i % 8][digit]];
  });
  return c === 0;
}

/** India's Aadhaar: 12 digits, not starting with 0 or 1, Verhoeff check digit. */
export function isValidAadhaar(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  return /^[2-9]\d{11}$/.test(digits) && !isPlaceholderDigits(digits) && verhoeffValid(digits);
}

/** India's ABHA number: 14 digits, written 91-1234-5678-9012 (no public check digit: format only, keyed). */
export function isValidAbhaNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{14}$/.test(digits) && !isPlaceholderDigits(digits.slice(2)) && /^\d{2}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4}$/.test(value.trim());
}

/** Brazil's CPF: 11 digits, two mod-11 check digits, not one digit repeated. */
export function isValidCpf(value: string): boolean {
  const digits = value.replace(/[.\s-]/g, '');
  if (!/^\d{11}$/.test(digits) || isPlaceholderDigits(digits)) return false;
  const d = digitsOf(digits);
  const check = (length: number) => {
    const sum = d.slice(0, length).reduce((total, digit, i) => total + digit * (length + 1 - i), 0);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return check(9) === d[9] && check(10) === d[10];
}

/** Brazil's CNS: 15 digits starting 1, 2, 7, 8 or 9, weighted sum divisible by 11. */
export function isValidCns(value: string): boolean {
  const digits = value.replace(/[\s.-]/g, '');
  if (!/^[12789]\d{14}$/.test(digits) || isPlaceholderDigits(digits)) return false;
  const sum = digitsOf(digits).reduce((total, digit, i) => total + digit * (15 - i), 0);
  return sum % 11 === 0;
}

/** The Netherlands' BSN: 9 digits passing the 11-proof (weights 9…2, then −1). */
export function isValidBsn(value: string): boolean {
  const digits = value.replace(/[\s.-]/g, '');
  if (!/^\d{9}$/.test(digits) || isPlaceholderDigits(digits) || digits.startsWith('00')) return false;
  const d = digitsOf(digits);
  const sum = d.slice(0, 8).reduce((total, digit, i) => total + digit * (9 - i), 0) - d[8];
  return sum % 11 === 0 && sum !== 0;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  digitsOf(digits).reverse().forEach((digit, i) => {
    const doubled = i % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  return sum % 10 === 0;
}

/** Australia's IHI: 16 digits, prefix 800360, Luhn check digit. */
export function isValidIhi(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  return /^800360\d{10}$/.test(digits) && !isPlaceholderDigits(digits.slice(6)) && luhnValid(digits);
}

/** Australia's Medicare card: 10 digits (11 with the card position), first 2–6, weighted check digit. */
export function isValidMedicareAu(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^[2-6]\d{9,10}$/.test(digits) || isPlaceholderDigits(digits)) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9];
  const d = digitsOf(digits);
  const sum = weights.reduce((total, weight, i) => total + weight * d[i], 0);
  return sum % 10 === d[8];
}

/** Ontario's health number: 10 digits (optionally a version code), Luhn over the digits. */
export function isValidOhip(value: string): boolean {
  const match = /^(\d{4})[\s-]?(\d{3})[\s-]?(\d{3})(?:[\s-]?[A-Za-z]{1,2})?$/.exec(value.trim());
  if (!match) return false;
  const digits = match[1] + match[2] + match[3];
  return !isPlaceholderDigits(digits) && luhnValid(digits);
}

/** The letters of New Zealand's NHI alphabet (A–Z without I and O), valued 1…24. */
const NHI_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * New Zealand's NHI number: three letters (no I or O) and four digits whose last is a mod-11 check digit
 * (`AAANNNC`), or, since 2022, three letters, two digits, a letter and a mod-23 check letter (`AAANNAX`).
 * The `Z` range (`ZZZ0016`…) is reserved for testing.
 */
export function isValidNhi(value: string): boolean {
  const text = value.trim().toUpperCase();
  const match = /^([A-HJ-NP-Z]{3})(\d{2})(?:(\d)(\d)|([A-HJ-NP-Z])([A-HJ-NP-Z]))$/.exec(text);
  if (!match || match[1].startsWith('Z')) return false;
  const valueOf = (ch: string) => (/\d/.test(ch) ? Number(ch) : NHI_LETTERS.indexOf(ch) + 1);
  const sum = text.slice(0, 6).split('').reduce((total, ch, i) => total + valueOf(ch) * (7 - i), 0);
  if (match[3] !== undefined) {
    const rest = sum % 11;
    if (rest === 0) return false;
    return (11 - rest) % 10 === Number(match[4]);
  }
  const rest = sum % 23;
  return rest !== 0 && NHI_LETTERS[23 - rest - 1] === match[6];
}

/**
 * France's NIR (numéro de sécurité sociale, on the carte Vitale): 13 characters (sex, year, month, department
 * — `2A`/`2B` in Corsica —, commune, order) and a two-digit key, 97 minus the number modulo 97.
 */
export function isValidNir(value: string): boolean {
  const text = value.replace(/[\s.-]/g, '').toUpperCase();
  const match = /^([12378]\d{4})(\d{2}|2A|2B)(\d{6})(\d{2})$/.exec(text);
  if (!match) return false;
  const department = match[2] === '2A' ? '19' : match[2] === '2B' ? '18' : match[2];
  const body = match[1] + department + match[3];
  if (isPlaceholderDigits(body)) return false;
  const key = 97 - Number(BigInt(body) % 97n);
  return key === Number(match[4]);
}

/** National identity numbers without a public check digit (Kenya, DNI…): 6–12 digits, not a placeholder, keyed only. */
export function isPlausibleNationalId(value: string): boolean {
  const digits = value.replace(/[\s.-]/g, '');
  return /^\d{6,12}$/.test(digits) && !isPlaceholderDigits(digits) && !/^0+\d{0,3}$/.test(digits);
}

// ── reserved and test ranges: check-digit-valid values that were never issued to anyone ─────────

/**
 * Digits that a person typed, not an issuer: at most two distinct digits (`555-44-4444`, `555555585`,
 * `1111111111111`), or one digit filling all but three places. Fewer than one random number in a
 * thousand looks like this, so a hit is a placeholder whatever its check digit says.
 */
export function isLowEntropyDigits(digits: string): boolean {
  if (!/^\d{7,}$/.test(digits)) return false;
  const counts = new Map<string, number>();
  for (const digit of digits) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  return counts.size <= 2 || Math.max(...counts.values()) >= digits.length - 3;
}

/**
 * Whether a (check-digit-valid) NHS number lies in a range that is issued to patients. Issued: England,
 * Wales and the Isle of Man 400 000 000–499 999 999 and 600 000 000–799 999 999, England also 3xx;
 * Northern Ireland's H&C numbers 320 000 001–399 999 999; Scotland's CHI numbers 010 100 0000–311 299 9999
 * (date of birth DDMMYY first). Never issued: everything starting 5, 8 or 9 — the range 999 000 0000–999 999 9999
 * is reserved for test data, and NHS Digital's own test environments and sandboxes (PDS, EPS, Spine INT) use
 * 9xx numbers; the published examples 987 654 4321 and 943 476 5919 start with 9 too.
 * Source: NHS Digital, NHS number ranges (Data Dictionary "NHS NUMBER"); Wikipedia "NHS number".
 */
export function isIssuedNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const first = digits[0];
  if (first === '3' || first === '4' || first === '6' || first === '7') return true;
  if (first > '3') return false;
  // CHI: DDMMYY then four digits
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}
