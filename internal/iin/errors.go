package iin

import "qyzmet/internal/i18n"

// Error codes: why a number is not a valid IIN or BIN. They are stable identifiers for
// APIs and tests; Message gives the reason in words.
const (
	CodeLength       = "length"             // not 12 digits
	CodeDigits       = "digits"             // a character other than a digit or white space
	CodeKind         = "kind"               // 5th digit 7–9: neither an IIN (0–3) nor a BIN (4–6)
	CodeIsBIN        = "is-bin"             // an IIN was asked for, the number is a BIN
	CodeIsIIN        = "is-iin"             // a BIN was asked for, the number is an IIN
	CodeDate         = "date"               // IIN: YYMMDD is not a real date
	CodeCentury      = "century"            // IIN: 7th digit not 1–6
	CodeMonth        = "registration-month" // BIN: MM is not 01–12
	CodeEntityKind   = "entity-kind"        // BIN: 5th digit not 4–6
	CodeSubKind      = "sub-kind"           // BIN: 6th digit not 0–3
	CodeChecksum     = "checksum"           // the 12th digit is not the check digit
	CodeNoCheckDigit = "no-check-digit"     // the first 11 digits have no check digit
)

// ErrNoCheckDigit matches, with errors.Is, any *Error of code "no-check-digit": a
// generator that gets it tries the next serial.
var ErrNoCheckDigit = &Error{Code: CodeNoCheckDigit}

// Error says why a number is not a valid IIN or BIN.
type Error struct {
	Code   string
	Number string // the number as checked (white space removed where possible)
}

// Error is the English reason without the number, so that logs do not collect
// personal identification numbers.
func (e *Error) Error() string { return "iin: " + e.Message(i18n.EN) }

// Is reports whether target is an *Error of the same code, so errors.Is(err,
// ErrNoCheckDigit) works whatever the number.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// Message is the reason in l, worded for the person who typed the number.
func (e *Error) Message(l i18n.Lang) string {
	if m, ok := messages[e.Code]; ok {
		return m.In(l)
	}
	return i18n.Text{
		KK: "ЖСН/БСН жарамсыз (" + e.Code + ").",
		RU: "Недействительный ИИН/БИН (" + e.Code + ").",
		EN: "Invalid IIN/BIN (" + e.Code + ").",
	}.In(l)
}

var messages = map[string]i18n.Text{
	CodeLength: {
		KK: "ЖСН/БСН дәл 12 цифрдан тұруы керек.",
		RU: "ИИН/БИН должен состоять ровно из 12 цифр.",
		EN: "An IIN or BIN must have exactly 12 digits.",
	},
	CodeDigits: {
		KK: "ЖСН/БСН тек цифрлардан тұруы керек.",
		RU: "ИИН/БИН может содержать только цифры.",
		EN: "An IIN or BIN may contain digits only.",
	},
	CodeKind: {
		KK: "5-цифр ЖСН-де 0–3, БСН-де 4–6 болады; 7, 8 және 9 ешқайсысында болмайды.",
		RU: "Пятая цифра в ИИН — от 0 до 3, в БИН — от 4 до 6; 7, 8 и 9 не бывают ни там, ни там.",
		EN: "The 5th digit is 0–3 in an IIN and 4–6 in a BIN; 7, 8 and 9 occur in neither.",
	},
	CodeIsBIN: {
		KK: "Бұл БСН (бизнес-сәйкестендіру нөмірі), ал мұнда ЖСН қажет.",
		RU: "Это БИН (бизнес-идентификационный номер), а здесь нужен ИИН.",
		EN: "This is a BIN (business identification number); an IIN is required here.",
	},
	CodeIsIIN: {
		KK: "Бұл ЖСН (жеке сәйкестендіру нөмірі), ал мұнда БСН қажет.",
		RU: "Это ИИН (индивидуальный идентификационный номер), а здесь нужен БИН.",
		EN: "This is an IIN (individual identification number); a BIN is required here.",
	},
	CodeDate: {
		KK: "ЖСН-нің алғашқы алты цифры нақты туған күн емес (ЖЖААКК).",
		RU: "Первые шесть цифр ИИН не образуют существующую дату рождения (ГГММДД).",
		EN: "The first six digits of the IIN are not a real date of birth (YYMMDD).",
	},
	CodeCentury: {
		KK: "ЖСН-нің 7-цифры (туған ғасыры мен жынысы) 1-ден 6-ға дейін болуы керек.",
		RU: "Седьмая цифра ИИН (век рождения и пол) должна быть от 1 до 6.",
		EN: "The 7th digit of an IIN (century of birth and sex) must be 1 to 6.",
	},
	CodeMonth: {
		KK: "БСН-нің 3–4-цифрлары тіркелген айды білдіреді және 01-ден 12-ге дейін болуы керек.",
		RU: "Третья и четвёртая цифры БИН — месяц регистрации, от 01 до 12.",
		EN: "The 3rd and 4th digits of a BIN are the month of registration, 01 to 12.",
	},
	CodeEntityKind: {
		KK: "БСН-нің 5-цифры (ұйымның түрі) 4, 5 немесе 6 болуы керек.",
		RU: "Пятая цифра БИН (тип юридического лица) должна быть 4, 5 или 6.",
		EN: "The 5th digit of a BIN (kind of entity) must be 4, 5 or 6.",
	},
	CodeSubKind: {
		KK: "БСН-нің 6-цифры (бас ұйым, филиал, өкілдік, шаруа қожалығы) 0, 1, 2 немесе 3 болуы керек.",
		RU: "Шестая цифра БИН (головная организация, филиал, представительство, крестьянское хозяйство) должна быть 0, 1, 2 или 3.",
		EN: "The 6th digit of a BIN (head organisation, branch, representative office, farm) must be 0, 1, 2 or 3.",
	},
	CodeChecksum: {
		KK: "Бақылау разряды (12-цифр) сәйкес келмейді: нөмір қате терілген.",
		RU: "Контрольный разряд (12-я цифра) не совпадает: номер введён с ошибкой.",
		EN: "The check digit (12th digit) does not match: the number has a typo.",
	},
	CodeNoCheckDigit: {
		KK: "Алғашқы 11 цифр үшін бақылау разряды болмайды: мұндай нөмір берілмейді.",
		RU: "Для первых 11 цифр контрольный разряд не существует: такие номера не выдаются.",
		EN: "No check digit exists for the first 11 digits: such numbers are never issued.",
	},
}
