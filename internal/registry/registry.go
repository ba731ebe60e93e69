// Package registry holds the registries the services decide on, as domain types
// and small interfaces with no SQL behind them: the person registry (a stand-in
// for the national registry of individuals, with the history of name changes and
// the links to parents and children), the criminal records, the specimens of the
// signatures and seals of officials, the payments received through the payment
// gateway, and the card index of persons sent to special settlement 1939–1955.
//
// The SQL implementation is package registry/sqlstore; a real national-registry
// adapter would implement Persons the same way. Rules that read these registries
// live in package decision. docs/registries.md describes the tables, the CSV
// formats and the rules.
package registry

import (
	"strings"

	"qyzmet/internal/i18n"
)

// Name is a full name as a document writes it; Patronymic may be empty.
type Name struct {
	Surname    string `json:"surname"`
	GivenName  string `json:"given_name"`
	Patronymic string `json:"patronymic,omitempty"`
}

// String is "Surname GivenName Patronymic" without a trailing space.
func (n Name) String() string {
	return strings.TrimSpace(strings.TrimSpace(n.Surname+" "+n.GivenName) + " " + n.Patronymic)
}

// Sex is the sex as the registries write it: "M" or "F".
type Sex string

const (
	Male   Sex = "M"
	Female Sex = "F"
)

// Text is the sex in words in the three languages.
func (s Sex) Text() i18n.Text {
	switch s {
	case Male:
		return i18n.Text{KK: "ер", RU: "мужской", EN: "male"}
	case Female:
		return i18n.Text{KK: "әйел", RU: "женский", EN: "female"}
	}
	return i18n.Text{}
}

// FieldError says why one field of a registry row is not valid. Field is the
// column name of the CSV formats (docs/registries.md), so an importer's report
// and an API error name the same thing.
type FieldError struct {
	Field  string
	Reason i18n.Text
}

// Error is the English reason with the field, for logs and developers.
func (e *FieldError) Error() string { return e.Field + ": " + e.Reason.EN }

func fieldError(field string, reason i18n.Text) *FieldError {
	return &FieldError{Field: field, Reason: reason}
}
