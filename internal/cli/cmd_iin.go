package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
)

// runIIN decodes an IIN or a BIN. The number may be typed in groups ("921029 350851"
// or, unquoted, as several arguments) and the flags may come before or after it.
// Valid: what the number encodes on stdout, exit 0. Invalid: the reason on stderr in
// the chosen language (and, with --json, a JSON object with "valid": false on
// stdout), exit 1.
func runIIN(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("iin", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	langFlag := fs.String("lang", "", "language of the output: kk, ru or en (default: $QYZMET_LANG or en)")
	asJSON := fs.Bool("json", false, "print JSON")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: qyzmet iin NUMBER [--lang kk|ru|en] [--json]\n\nDecode and validate a 12-digit IIN or BIN.")
		fs.PrintDefaults()
	}
	words, lang, code := parseArgs(fs, args, langFlag, env, "iin")
	if code >= 0 {
		return code
	}
	if len(words) == 0 {
		fmt.Fprintln(env.Stderr, "qyzmet iin: a number is required")
		fs.Usage()
		return exitUsage
	}
	v, err := iin.Parse(strings.Join(words, " "))
	if err != nil {
		var e *iin.Error
		if !errors.As(err, &e) {
			fmt.Fprintln(env.Stderr, "qyzmet iin:", err)
			return exitFailure
		}
		fmt.Fprintln(env.Stderr, "qyzmet iin:", e.Message(lang))
		if *asJSON && printJSON(env, iinOut{Number: e.Number, Error: &iinErrorOut{Code: e.Code, Message: e.Message(lang)}}) != exitOK {
			return exitFailure
		}
		return exitInvalid
	}
	out := decodedOut(v, lang)
	if *asJSON {
		return printJSON(env, out)
	}
	return printDecoded(env, out, lang)
}

// iinOut is the JSON form of a decoded (or rejected) number; names are in the chosen
// language, keys ("male", "resident-entity") are stable.
type iinOut struct {
	Number         string       `json:"number"`
	Valid          bool         `json:"valid"`
	Kind           string       `json:"kind,omitempty"` // "iin" or "bin"
	KindName       string       `json:"kind_name,omitempty"`
	BirthDate      string       `json:"birth_date,omitempty"`
	Sex            string       `json:"sex,omitempty"`
	SexName        string       `json:"sex_name,omitempty"`
	Century        int          `json:"century,omitempty"`
	Registered     string       `json:"registered,omitempty"`
	EntityKind     string       `json:"entity_kind,omitempty"`
	EntityKindName string       `json:"entity_kind_name,omitempty"`
	SubKind        string       `json:"sub_kind,omitempty"`
	SubKindName    string       `json:"sub_kind_name,omitempty"`
	Serial         string       `json:"serial,omitempty"`
	Error          *iinErrorOut `json:"error,omitempty"`
}

type iinErrorOut struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

var (
	iinKindName = i18n.Text{KK: "ЖСН (жеке сәйкестендіру нөмірі)", RU: "ИИН (индивидуальный идентификационный номер)",
		EN: "IIN (individual identification number)"}
	binKindName = i18n.Text{KK: "БСН (бизнес-сәйкестендіру нөмірі)", RU: "БИН (бизнес-идентификационный номер)",
		EN: "BIN (business identification number)"}
)

func decodedOut(v any, lang i18n.Lang) iinOut {
	switch n := v.(type) {
	case iin.IIN:
		return iinOut{Number: n.Number, Valid: true, Kind: "iin", KindName: iinKindName.In(lang),
			BirthDate: n.BirthDate.Format("2006-01-02"), Sex: n.Sex.String(), SexName: n.Sex.Text().In(lang),
			Century: n.Century, Serial: n.Serial}
	case iin.BIN:
		return iinOut{Number: n.Number, Valid: true, Kind: "bin", KindName: binKindName.In(lang),
			Registered: n.Registered.Format("2006-01"),
			EntityKind: n.EntityKind.String(), EntityKindName: n.EntityKind.Text().In(lang),
			SubKind: n.SubKind.String(), SubKindName: n.SubKind.Text().In(lang), Serial: n.Serial}
	}
	panic(fmt.Sprintf("iin.Parse returned %T", v))
}

// printDecoded writes one "label: value" line per decoded field.
func printDecoded(env Env, out iinOut, lang i18n.Lang) int {
	label := func(kk, ru, en string) string { return i18n.Text{KK: kk, RU: ru, EN: en}.In(lang) + ":" }
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\n", label("Нөмір", "Номер", "Number"), out.Number)
	fmt.Fprintf(tw, "%s\t%s\n", label("Түрі", "Вид", "Kind"), out.KindName)
	if out.Kind == "iin" {
		fmt.Fprintf(tw, "%s\t%s\n", label("Туған күні", "Дата рождения", "Birth date"), out.BirthDate)
		fmt.Fprintf(tw, "%s\t%s\n", label("Жынысы", "Пол", "Sex"), out.SexName)
		fmt.Fprintf(tw, "%s\t%s\n", label("Туған ғасыры", "Век рождения", "Century of birth"), centuryName(out.Century, lang))
	} else {
		fmt.Fprintf(tw, "%s\t%s\n", label("Тіркелген айы", "Месяц регистрации", "Registered"), out.Registered)
		fmt.Fprintf(tw, "%s\t%s\n", label("Ұйымның түрі", "Тип лица", "Entity kind"), out.EntityKindName)
		fmt.Fprintf(tw, "%s\t%s\n", label("Бөлімше белгісі", "Признак подразделения", "Sub-kind"), out.SubKindName)
	}
	fmt.Fprintf(tw, "%s\t%s\n", label("Реттік нөмірі", "Порядковый номер", "Serial number"), out.Serial)
	if err := tw.Flush(); err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet iin:", err)
		return exitFailure
	}
	return exitOK
}

// centuryName is "20th" in English and "XX ғасыр", "XX век" in Kazakh and Russian,
// which write centuries in Roman numerals; an IIN's century is 19, 20 or 21.
func centuryName(c int, lang i18n.Lang) string {
	roman := map[int]string{19: "XIX", 20: "XX", 21: "XXI"}[c]
	en := map[int]string{19: "19th", 20: "20th", 21: "21st"}[c]
	return i18n.Text{KK: roman + " ғасыр", RU: roman + " век", EN: en}.In(lang)
}
