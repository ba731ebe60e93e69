// Package iin decodes and validates Kazakhstan's 12-digit identification numbers:
// the individual identification number (IIN, ЖСН/ИИН) of a person and the business
// identification number (BIN, БСН/БИН) of a legal entity, its branch or representative
// office, or an individual entrepreneur in joint entrepreneurship. The numbers are
// defined by the Law of the Republic of Kazakhstan of 12 January 2007 No. 223 "On
// national registers of identification numbers"; an application form such as the one
// of Rule AC-F1 asks for the applicant's IIN, and budget details such as those of
// Rule AP-STD-6 carry the recipient's BIN.
//
// Layout (positions counted from 1):
//
//	IIN  YY MM DD | C | SSSS  | K    C = century of birth and sex, S = serial, K = check digit
//	BIN  YY MM | T | U | SSSSS | K   T = kind of entity, U = sub-kind
//
// In an IIN the 5th digit is the first digit of the day (0–3); in a BIN it is the kind
// of entity (4–6). Parse tells the two apart by that digit alone.
//
// Decisions (so that callers and the next engineer need not guess):
//
//   - Input: surrounding and inner white space (including no-break spaces) is removed,
//     because people copy "921029 350851" from documents; any other character, hyphens
//     included, is an error with code "digits". Number in the result is the 12 bare digits.
//   - A 7th digit of 0 (seen on some numbers of foreigners) or of 7–9 has no published
//     birth-century rule, so ParseIIN rejects it with code "century" rather than guess
//     a birth date.
//   - When both passes of the check-digit algorithm give 10, no check digit exists and
//     no such number is issued: the number is invalid whatever its 12th digit (code
//     "no-check-digit"). Generate reports the same code so that a generator moves on to
//     the next serial.
//   - The BIN's two-digit year is 19YY for 90–99 and 20YY for 00–89: business numbers
//     carry the registration or re-registration date, and nothing was registered under
//     Kazakhstan's law before 1990. GenerateBIN accepts only 1990–2089 for the same reason.
//   - Validation is pure and has no clock: a birth date or registration month in the
//     future is not an error here. A caller that has a clock (the application form)
//     compares the decoded date with today itself.
//   - Error() leaves the number out, so that logs do not collect personal numbers; the
//     *Error carries it in Number for a caller that needs it.
package iin
