package site_test

import (
	"net/url"
	"strings"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func escape(p string) string { return url.QueryEscape(p) }
