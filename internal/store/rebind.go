package store

import (
	"strconv"
	"strings"
)

// rebindDollar turns the ? placeholders of query into PostgreSQL's $1, $2, …
// It leaves alone a ? inside a string literal, a quoted identifier, a comment or
// a dollar-quoted body. PostgreSQL's jsonb operators ?, ?| and ?& cannot be
// written in shared SQL; use jsonb_exists, jsonb_exists_any or jsonb_exists_all.
func rebindDollar(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	n := 0
	for i := 0; i < len(query); {
		c := query[i]
		switch {
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			i++
			continue
		case c == '\'' || c == '"':
			end := skipQuoted(query, i, c)
			b.WriteString(query[i:end])
			i = end
			continue
		case c == '-' && strings.HasPrefix(query[i:], "--"):
			end := strings.IndexByte(query[i:], '\n')
			if end < 0 {
				end = len(query) - i
			}
			b.WriteString(query[i : i+end])
			i += end
			continue
		case c == '/' && strings.HasPrefix(query[i:], "/*"):
			end := strings.Index(query[i+2:], "*/")
			if end < 0 {
				end = len(query)
			} else {
				end += i + 4
			}
			b.WriteString(query[i:end])
			i = end
			continue
		case c == '$':
			if end, ok := skipDollarQuoted(query, i); ok {
				b.WriteString(query[i:end])
				i = end
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// skipQuoted returns the index just past the literal or identifier that opens at
// i with quote q; a doubled quote inside is an escaped quote.
func skipQuoted(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

// skipDollarQuoted recognizes $tag$ … $tag$ at i and returns the index past it.
// A $ that does not open a tag (such as $1) is not a quote.
func skipDollarQuoted(s string, i int) (int, bool) {
	j := i + 1
	for j < len(s) && (s[j] == '_' || isLetter(s[j]) || (j > i+1 && isDigit(s[j]))) {
		j++
	}
	if j >= len(s) || s[j] != '$' {
		return 0, false
	}
	tag := s[i : j+1]
	end := strings.Index(s[j+1:], tag)
	if end < 0 {
		return len(s), true
	}
	return j + 1 + end + len(tag), true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
