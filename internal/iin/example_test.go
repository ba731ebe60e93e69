package iin_test

import (
	"errors"
	"fmt"
	"time"

	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
)

func ExampleParse() {
	for _, s := range []string{"921029 350851", "981140001105", "921029350852"} {
		v, err := iin.Parse(s)
		var e *iin.Error
		switch n := v.(type) {
		case iin.IIN:
			fmt.Println(n.Number, "IIN", n.BirthDate.Format("2006-01-02"), n.Sex, n.Century)
		case iin.BIN:
			fmt.Println(n.Number, "BIN", n.Registered.Format("2006-01"), n.EntityKind.Text().In(i18n.EN))
		default:
			if errors.As(err, &e) {
				fmt.Println(e.Number, e.Code+":", e.Message(i18n.RU))
			}
		}
	}
	// Output:
	// 921029350851 IIN 1992-10-29 male 20
	// 981140001105 BIN 1998-11 resident legal entity
	// 921029350852 checksum: Контрольный разряд (12-я цифра) не совпадает: номер введён с ошибкой.
}

// A generator tries the next serial when a serial leaves no check digit.
func ExampleGenerate() {
	for serial := 59; ; serial++ {
		num, err := iin.Generate(time.Date(2005, 3, 15, 0, 0, 0, 0, time.UTC), iin.Male, serial)
		if errors.Is(err, iin.ErrNoCheckDigit) {
			fmt.Println("serial", serial, "has no check digit")
			continue
		}
		fmt.Println(num, err)
		break
	}
	// Output:
	// serial 59 has no check digit
	// 050315500609 <nil>
}
