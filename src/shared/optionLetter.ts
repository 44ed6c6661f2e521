/**
 * The letter of an option, as every screen shows it and groups press it to vote:
 * A, B, C… (a question has at most 6 options; past Z, should that ever change,
 * the option's number). No dependencies: the phone page and the slides use it too.
 */
export function optionLetter(index: number): string {
  return index >= 0 && index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

