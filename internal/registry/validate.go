package registry

import (
	"errors"
	"fmt"
	"strings"

	"qyzmet/internal/archivesearch"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
)

// The reasons a field is refused, in the three languages.
var (
	reasonRequired = i18n.Text{
		KK: "міндетті өріс бос",
		RU: "обязательное поле не заполнено",
		EN: "the field is required",
	}
	reasonSex = i18n.Text{
		KK: "жынысы M немесе F болуы керек",
		RU: "пол должен быть M или F",
		EN: "sex must be M or F",
	}
	reasonBodyKind = i18n.Text{
		KK: "орган түрі: prosecution, investigation, inquiry немесе court",
		RU: "вид органа: prosecution, investigation, inquiry или court",
		EN: "the kind of body must be prosecution, investigation, inquiry or court",
	}
	reasonAmount = i18n.Text{
		KK: "сома нөлден үлкен болуы керек",
		RU: "сумма должна быть больше нуля",
		EN: "the amount must be greater than zero",
	}
	reasonBudgetCode = i18n.Text{
		KK: "бюджеттік жіктеу коды 6 цифрдан тұрады",
		RU: "код бюджетной классификации состоит из 6 цифр",
		EN: "the budget classification code has 6 digits",
	}
	reasonSource = i18n.Text{
		KK: "төлем көзі gateway немесе receipt болуы керек",
		RU: "источник платежа должен быть gateway или receipt",
		EN: "the payment source must be gateway or receipt",
	}
	reasonNoName = i18n.Text{
		KK: "тегі, аты немесе әкесінің аты көрсетілмеген",
		RU: "не указаны ни фамилия, ни имя, ни отчество",
		EN: "neither a surname, nor a given name, nor a patronymic",
	}
	reasonSelfParent = i18n.Text{
		KK: "адам өзінің ата-анасы бола алмайды",
		RU: "человек не может быть своим родителем",
		EN: "a person cannot be their own parent",
	}
)

func reasonf(kk, ru, en string, args ...any) i18n.Text {
	return i18n.Text{KK: fmt.Sprintf(kk, args...), RU: fmt.Sprintf(ru, args...), EN: fmt.Sprintf(en, args...)}
}

func reasonIIN(err error) i18n.Text {
	var e *iin.Error
	if errors.As(err, &e) {
		return i18n.Text{KK: e.Message(i18n.KK), RU: e.Message(i18n.RU), EN: e.Message(i18n.EN)}
	}
	return i18n.Text{KK: err.Error(), RU: err.Error(), EN: err.Error()}
}

func reasonNotBefore(other string) i18n.Text {
	return reasonf("күн %s өрісінен ерте болмауы керек", "дата не может быть раньше поля %s", "the date cannot be before %s", other)
}

func reasonYear(y int) i18n.Text {
	return reasonf("туған жылы %d: %d–%d аралығында болуы керек", "год рождения %d: должен быть от %d до %d",
		"birth year %d is not between %d and %d", y, archivesearch.MinYear, archivesearch.MaxYear)
}

func required(field, value string) error {
	if strings.TrimSpace(value) == "" {
		return fieldError(field, reasonRequired)
	}
	return nil
}

func requiredDate(field string, d calendar.Date) error {
	if d.IsZero() {
		return fieldError(field, reasonRequired)
	}
	return nil
}

func notBefore(field string, d calendar.Date, otherField string, other calendar.Date) error {
	if !d.IsZero() && !other.IsZero() && d.Before(other) {
		return fieldError(field, reasonNotBefore(otherField))
	}
	return nil
}

// checkIIN parses number as an IIN and checks that it encodes born (and sex,
// when given): an IIN carries both, and a row that contradicts its own IIN is
// a typo in one of them.
func checkIIN(field, number string, born calendar.Date, sex Sex) error {
	n, err := iin.ParseIIN(number)
	if err != nil {
		return fieldError(field, reasonIIN(err))
	}
	y, m, d := n.BirthDate.Date()
	if got := calendar.D(y, m, d); !born.IsZero() && got != born {
		return fieldError(field, reasonf("ЖСН туған күнді %s деп көрсетеді, жолда %s", "ИИН указывает дату рождения %s, в строке %s",
			"the IIN encodes the birth date %s, the row says %s", got, born))
	}
	if sex != "" && (n.Sex == iin.Male) != (sex == Male) {
		encoded := iinSex(n.Sex).Text()
		return fieldError(field, i18n.Text{
			KK: "ЖСН жынысты басқаша көрсетеді: " + encoded.KK,
			RU: "ИИН указывает другой пол: " + encoded.RU,
			EN: "the IIN encodes the other sex: " + encoded.EN,
		})
	}
	return nil
}

func iinSex(s iin.Sex) Sex {
	if s == iin.Male {
		return Male
	}
	return Female
}

// Validate checks a person of the registry; the error is a *FieldError.
func (p Person) Validate() error {
	if err := checkIIN("iin", p.IIN, calendar.Date{}, ""); err != nil {
		return err
	}
	for _, f := range []struct{ field, value string }{{"surname", p.Surname}, {"given_name", p.GivenName}} {
		if err := required(f.field, f.value); err != nil {
			return err
		}
	}
	if p.Sex != Male && p.Sex != Female {
		return fieldError("sex", reasonSex)
	}
	if err := requiredDate("birth_date", p.BirthDate); err != nil {
		return err
	}
	if err := checkIIN("iin", p.IIN, p.BirthDate, p.Sex); err != nil {
		return err
	}
	prev := p.BirthDate
	for _, c := range p.FormerNames {
		if strings.TrimSpace(c.Surname) == "" || strings.TrimSpace(c.GivenName) == "" {
			return fieldError("former_names", reasonf("бұрынғы атында тегі мен аты болуы керек", "в прежнем имени нужны фамилия и имя",
				"a former name needs a surname and a given name"))
		}
		if c.ChangedOn.IsZero() || c.ChangedOn.Before(prev) {
			return fieldError("former_names", reasonf("ат ауыстыру күні туған күннен кейін, ретімен болуы керек",
				"даты смены имени должны идти по порядку после даты рождения",
				"the dates of the name changes must follow the birth date in order"))
		}
		prev = c.ChangedOn
	}
	for _, parent := range []struct {
		field, number string
		sex           Sex
	}{{"father_iin", p.FatherIIN, Male}, {"mother_iin", p.MotherIIN, Female}} {
		if parent.number == "" {
			continue
		}
		if parent.number == p.IIN {
			return fieldError(parent.field, reasonSelfParent)
		}
		if err := checkIIN(parent.field, parent.number, calendar.Date{}, parent.sex); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks a conviction; the error is a *FieldError.
func (c Conviction) Validate() error {
	for _, f := range []struct{ field, value string }{
		{"record_id", c.ID}, {"surname", c.Surname}, {"given_name", c.GivenName},
		{"article", c.Article}, {"court", c.Court}, {"sentence", c.Sentence},
	} {
		if err := required(f.field, f.value); err != nil {
			return err
		}
	}
	if err := requiredDate("birth_date", c.BirthDate); err != nil {
		return err
	}
	if c.IIN != "" {
		if err := checkIIN("iin", c.IIN, c.BirthDate, ""); err != nil {
			return err
		}
	}
	if err := requiredDate("convicted_on", c.ConvictedOn); err != nil {
		return err
	}
	if err := notBefore("convicted_on", c.ConvictedOn, "birth_date", c.BirthDate); err != nil {
		return err
	}
	if err := notBefore("expunged_on", c.ExpungedOn, "convicted_on", c.ConvictedOn); err != nil {
		return err
	}
	return notBefore("removed_on", c.RemovedOn, "convicted_on", c.ConvictedOn)
}

// Validate checks a specimen; the error is a *FieldError.
func (s Signatory) Validate() error {
	for _, f := range []struct{ field, value string }{
		{"id", s.ID}, {"surname", s.Surname}, {"given_name", s.GivenName},
		{"position", s.Position}, {"body", s.Body}, {"seal_id", s.SealID},
	} {
		if err := required(f.field, f.value); err != nil {
			return err
		}
	}
	switch s.BodyKind {
	case Prosecution, Investigation, Inquiry, Court:
	default:
		return fieldError("body_kind", reasonBodyKind)
	}
	if err := requiredDate("valid_from", s.ValidFrom); err != nil {
		return err
	}
	return notBefore("valid_to", s.ValidTo, "valid_from", s.ValidFrom)
}

// Validate checks a payment; the error is a *FieldError.
func (p Payment) Validate() error {
	if err := required("reference", p.Reference); err != nil {
		return err
	}
	if _, err := iin.Parse(p.PayerIIN); err != nil {
		return fieldError("payer_iin", reasonIIN(err))
	}
	if err := required("payer_name", p.PayerName); err != nil {
		return err
	}
	if p.AmountTiyn <= 0 {
		return fieldError("amount", reasonAmount)
	}
	if len(p.BudgetCode) != 6 || strings.Trim(p.BudgetCode, "0123456789") != "" {
		return fieldError("budget_code", reasonBudgetCode)
	}
	if err := requiredDate("paid_on", p.PaidOn); err != nil {
		return err
	}
	if p.Source != FromGateway && p.Source != FromReceipt {
		return fieldError("source", reasonSource)
	}
	return nil
}

// Validate checks a card of the special-settlement index; the error is a
// *FieldError. The bounds on years are those of the archive search index, so a
// card that loads is a card the index accepts.
func (c Card) Validate() error {
	if err := required("id", c.ID); err != nil {
		return err
	}
	if strings.TrimSpace(c.Surname+c.GivenName+c.Patronymic) == "" {
		return fieldError("surname", reasonNoName)
	}
	if !validYear(c.BirthYear) {
		return fieldError("birth_year", reasonYear(c.BirthYear))
	}
	if c.Sex != "" && c.Sex != Male && c.Sex != Female {
		return fieldError("sex", reasonSex)
	}
	if err := notBefore("released_on", c.ReleasedOn, "resettled_on", c.ResettledOn); err != nil {
		return err
	}
	for _, k := range c.Children {
		if strings.TrimSpace(k.Surname+k.GivenName+k.Patronymic) == "" {
			return fieldError("children", reasonNoName)
		}
		if !validYear(k.BirthYear) {
			return fieldError("children", reasonYear(k.BirthYear))
		}
	}
	return nil
}

func validYear(y int) bool {
	return y == 0 || (y >= archivesearch.MinYear && y <= archivesearch.MaxYear)
}
