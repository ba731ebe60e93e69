package api

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"qyzmet/internal/i18n"
)

// requestLang is the language of the answer's messages: ?lang= when it names one
// of ours, else the best of Accept-Language by its q-values, else Kazakh, the
// state language. An API client has no cookie to remember a choice in.
func requestLang(r *http.Request) i18n.Lang {
	if q := r.URL.Query().Get("lang"); q != "" {
		if l, err := i18n.Parse(q); err == nil {
			return l
		}
	}
	if l, ok := acceptLanguage(r.Header.Get("Accept-Language")); ok {
		return l
	}
	return i18n.Default
}

// acceptLanguage picks the supported language with the highest q-value from an
// Accept-Language header ("ru-RU,ru;q=0.9,en;q=0.8"); among equal q-values the
// one listed first wins. q=0 means "not this one".
func acceptLanguage(header string) (i18n.Lang, bool) {
	type choice struct {
		lang i18n.Lang
		q    float64
	}
	var choices []choice
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		l, err := i18n.Parse(tag)
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		if q > 0 {
			choices = append(choices, choice{l, q})
		}
	}
	if len(choices) == 0 {
		return "", false
	}
	sort.SliceStable(choices, func(i, j int) bool { return choices[i].q > choices[j].q })
	return choices[0].lang, true
}
