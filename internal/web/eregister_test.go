package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/web/ui"
)

// verifySite serves the e-Register of a fresh fixture.
func verifySite(t *testing.T, e storetest.Engine, limit RateLimit) (*eregistertest.Fixture, *httptest.Server) {
	t.Helper()
	f := eregistertest.New(t, e)
	s, err := New(Server{Register: f.Register, VerifyLimit: limit, Now: f.Clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return f, srv
}

func do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func postForm(t *testing.T, u string, form url.Values, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, req)
}

func upload(t *testing.T, u, name string, data []byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", u, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return do(t, req)
}

const noMatchEN = "There is no document with this number and date."

func TestVerifyPages(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f, srv := verifySite(t, e, RateLimit{Burst: 1000})
		out := f.Issue(t)
		holder := eregistertest.Request().Holder
		on := calendar.DateOf(out.IssuedAt)

		t.Run("the form", func(t *testing.T) {
			resp, body := get(t, srv.URL+"/verify?lang=en")
			for _, want := range []string{`<label for="number">Document number</label>`, `<label for="issued">Date of issue</label>`,
				`<label for="file">PDF file (at most 20 MB)</label>`, `enctype="multipart/form-data"`} {
				if !strings.Contains(body, want) {
					t.Errorf("the form lacks %q", want)
				}
			}
			if resp.StatusCode != 200 {
				t.Errorf("status %d", resp.StatusCode)
			}
		})

		t.Run("number and date: valid, with the holder's name", func(t *testing.T) {
			for lang, want := range map[string]string{"kk": "Жарамды", "ru": "Действителен", "en": "Valid"} {
				resp, body := postForm(t, srv.URL+"/verify?lang="+lang, url.Values{"number": {out.Number}, "issued": {on.String()}})
				if resp.StatusCode != 200 || !strings.Contains(body, want) || !strings.Contains(body, holder) ||
					!strings.Contains(body, out.Number) || !strings.Contains(body, "Ж. Ә. Жиһаншин") {
					t.Errorf("%s: status %d, shows status %v, holder %v", lang, resp.StatusCode, strings.Contains(body, want), strings.Contains(body, holder))
				}
				if resp.Header.Get("Cache-Control") != "no-store" {
					t.Errorf("%s: an answer naming the holder may be cached", lang)
				}
			}
			// The date as printed on the paper works too.
			resp, body := postForm(t, srv.URL+"/verify?lang=en", url.Values{"number": {strings.ToLower(out.Number)}, "issued": {verifyDate(on)}})
			if resp.StatusCode != 200 || !strings.Contains(body, holder) {
				t.Errorf("DD.MM.YYYY date: status %d", resp.StatusCode)
			}
		})

		t.Run("the QR link", func(t *testing.T) {
			resp, body := get(t, srv.URL+strings.TrimPrefix(out.VerifyURL, "https://qyzmet.example")+"&lang=ru")
			if resp.StatusCode != 200 || !strings.Contains(body, holder) || !strings.Contains(body, "Действителен") {
				t.Errorf("QR link: status %d", resp.StatusCode)
			}
			// The links to the other languages keep the code.
			if !strings.Contains(body, `href="/verify/`+out.Number+`?c=`+out.Code+`&amp;lang=en"`) {
				t.Errorf("the language links of the QR page lose the code:\n%s", body)
			}
		})

		t.Run("a wrong date and an unknown number get the same answer", func(t *testing.T) {
			unknown := otherNumber(t, out.Number)
			cases := []struct {
				name string
				send func() (*http.Response, string)
			}{
				{"wrong date", func() (*http.Response, string) {
					return postForm(t, srv.URL+"/verify?lang=en", url.Values{"number": {out.Number}, "issued": {on.AddDays(1).String()}})
				}},
				{"unknown number", func() (*http.Response, string) {
					return postForm(t, srv.URL+"/verify?lang=en", url.Values{"number": {unknown}, "issued": {on.String()}})
				}},
				{"QR link with a wrong code", func() (*http.Response, string) {
					return get(t, srv.URL+"/verify/"+out.Number+"?c=0000000000&lang=en")
				}},
				{"QR link without a code", func() (*http.Response, string) { return get(t, srv.URL+"/verify/"+out.Number+"?lang=en") }},
				{"unknown number with the code of another", func() (*http.Response, string) {
					return get(t, srv.URL+"/verify/"+unknown+"?c="+out.Code+"&lang=en")
				}},
			}
			var first string
			for _, c := range cases {
				resp, body := c.send()
				if resp.StatusCode != 404 || !strings.Contains(body, noMatchEN) || strings.Contains(body, holder) || strings.Contains(body, "Жиһаншин") {
					t.Errorf("%s: status %d, no-match message %v, leaks the holder %v", c.name, resp.StatusCode,
						strings.Contains(body, noMatchEN), strings.Contains(body, holder))
				}
				// Apart from what the visitor typed, which the form shows back, the pages are identical.
				body = typed.ReplaceAllString(body, `value=""`)
				if first == "" {
					first = body
				} else if body != first {
					t.Errorf("%s: the page differs from the first case's", c.name)
				}
			}
		})

		t.Run("bad input: errors next to the fields", func(t *testing.T) {
			resp, body := postForm(t, srv.URL+"/verify?lang=en", url.Values{"number": {"CR-2026-12"}, "issued": {"tomorrow"}})
			if resp.StatusCode != 400 || !strings.Contains(body, `id="number-error"`) || !strings.Contains(body, `id="issued-error"`) ||
				!strings.Contains(body, `aria-invalid="true"`) || !strings.Contains(body, "CR-2026-4831-0275-3") {
				t.Errorf("status %d, errors beside both fields: %v %v", resp.StatusCode, strings.Contains(body, `id="number-error"`), strings.Contains(body, `id="issued-error"`))
			}
			mistyped := []byte(out.Number)
			mistyped[9] = '0' + (mistyped[9]-'0'+1)%10
			resp, body = postForm(t, srv.URL+"/verify?lang=ru", url.Values{"number": {string(mistyped)}, "issued": {on.String()}})
			if resp.StatusCode != 400 || !strings.Contains(body, "контрольная цифра") {
				t.Errorf("a mistyped number: status %d", resp.StatusCode)
			}
		})

		t.Run("upload: the original, a changed copy, a non-PDF, an oversized file", func(t *testing.T) {
			resp, body := upload(t, srv.URL+"/verify/upload?lang=en", "certificate.pdf", out.PDF)
			if resp.StatusCode != 200 || !strings.Contains(body, "unaltered original") || !strings.Contains(body, holder) {
				t.Errorf("original: status %d, says original %v", resp.StatusCode, strings.Contains(body, "unaltered original"))
			}
			resp, body = upload(t, srv.URL+"/verify/upload?lang=en", "certificate.pdf", flip(out.PDF))
			if resp.StatusCode != 200 || !strings.Contains(body, "not an original") || strings.Contains(body, holder) {
				t.Errorf("changed copy: status %d, says not original %v, leaks the holder %v", resp.StatusCode,
					strings.Contains(body, "not an original"), strings.Contains(body, holder))
			}
			resp, body = upload(t, srv.URL+"/verify/upload?lang=en", "certificate.pdf", []byte("GIF89a, named .pdf"))
			if resp.StatusCode != 400 || !strings.Contains(body, "The file is not a PDF.") || !strings.Contains(body, `id="file-error"`) {
				t.Errorf("non-PDF: status %d", resp.StatusCode)
			}
			big := append(bytes.Clone(out.PDF), make([]byte, eregister.MaxFileSize)...)
			resp, body = upload(t, srv.URL+"/verify/upload?lang=en", "big.pdf", big)
			if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "at most 20 MB") {
				t.Errorf("oversized: status %d", resp.StatusCode)
			}
			req, _ := http.NewRequest("POST", srv.URL+"/verify/upload?lang=en", strings.NewReader("number=1"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, body = do(t, req)
			if resp.StatusCode != 400 || !strings.Contains(body, "Choose a PDF file.") {
				t.Errorf("no file: status %d", resp.StatusCode)
			}
		})

		t.Run("annulled: the date and the reason", func(t *testing.T) {
			other := f.Issue(t)
			if _, err := f.Register.Annul(context.Background(), eregister.Annulment{Number: other.Number, Actor: "head-1", Reason: eregister.ReasonIssuedInError}); err != nil {
				t.Fatal(err)
			}
			resp, body := get(t, srv.URL+strings.TrimPrefix(other.VerifyURL, "https://qyzmet.example")+"&lang=en")
			if resp.StatusCode != 200 || !strings.Contains(body, "Annulled") || !strings.Contains(body, "Issued in error") ||
				!strings.Contains(body, verifyDate(calendar.DateOf(f.Clock.Now()))) {
				t.Errorf("annulled: status %d:\n%s", resp.StatusCode, body)
			}
		})

		t.Run("a form posted from another site is refused", func(t *testing.T) {
			form := url.Values{"number": {out.Number}, "issued": {on.String()}}
			resp, body := postForm(t, srv.URL+"/verify?lang=en", form, "Sec-Fetch-Site", "cross-site")
			if resp.StatusCode != 403 || strings.Contains(body, holder) || !strings.Contains(body, "another site") {
				t.Errorf("cross-site post: status %d", resp.StatusCode)
			}
			resp, _ = postForm(t, srv.URL+"/verify?lang=en", form, "Sec-Fetch-Site", "same-origin")
			if resp.StatusCode != 200 {
				t.Errorf("same-origin post: status %d", resp.StatusCode)
			}
		})
	})
}

// typed matches the values a form shows back.
var typed = regexp.MustCompile(`value="[^"]*"`)

// flip changes one byte of the first stream of the file, keeping its length.
func flip(data []byte) []byte {
	c := bytes.Clone(data)
	i := bytes.Index(c, []byte("stream\n")) + len("stream\n") + 10
	c[i] ^= 0x20
	return c
}

// otherNumber is a well-formed number of the same kind and year that differs from n.
func otherNumber(t *testing.T, n string) string {
	t.Helper()
	c := []byte(n)
	c[8] = '0' + (c[8]-'0'+1)%10
	for d := byte('0'); d <= '9'; d++ {
		c[len(c)-1] = d
		if got, err := eregister.ParseNumber(string(c)); err == nil {
			return got
		}
	}
	t.Fatal("no other number")
	return ""
}

func TestVerifyAPI(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f, srv := verifySite(t, e, RateLimit{Burst: 1000})
		out := f.Issue(t)
		annulled := f.Issue(t)
		if _, err := f.Register.Annul(context.Background(), eregister.Annulment{Number: annulled.Number, Actor: "head-1", Reason: eregister.ReasonCourtDecision}); err != nil {
			t.Fatal(err)
		}
		on := calendar.DateOf(out.IssuedAt).String()
		api := srv.URL + "/api/public/v1/documents/"

		var doc publicDocument
		resp, body := get(t, api+out.Number+"?issued="+on)
		if err := json.Unmarshal([]byte(body), &doc); err != nil || resp.StatusCode != 200 {
			t.Fatalf("valid: status %d, %v: %s", resp.StatusCode, err, body)
		}
		req := eregistertest.Request()
		if !doc.IssuedByQyzmet || doc.Number != out.Number || doc.Status != "valid" || doc.Annulment != nil || doc.Holder != req.Holder ||
			doc.Signer.Name != req.Signer || doc.Signer.Capacity != req.Capacity || doc.Issuer != req.Issuer || doc.IssuedOn != on ||
			doc.SHA256 != out.SHA256 || doc.Kind.Form != eregistertest.FormID || doc.Kind.Title.EN != "Certificate" {
			t.Errorf("valid: %+v", doc)
		}
		if resp.Header.Get("Content-Type") != "application/json; charset=utf-8" || resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("headers %v", resp.Header)
		}

		resp, body = get(t, api+annulled.Number+"?c="+annulled.Code)
		doc = publicDocument{}
		json.Unmarshal([]byte(body), &doc)
		if resp.StatusCode != 200 || doc.Status != "annulled" || doc.Annulment == nil || doc.Annulment.Reason != "court_decision" ||
			doc.Annulment.On != calendar.DateOf(f.Clock.Now()).String() || doc.Annulment.ReasonText.RU != "Отменён решением суда" {
			t.Errorf("annulled: status %d: %s", resp.StatusCode, body)
		}

		// One answer, byte for byte, for every wrong guess.
		unknown := otherNumber(t, out.Number)
		var first string
		for _, u := range []string{
			api + out.Number + "?issued=" + calendar.DateOf(out.IssuedAt).AddDays(-3).String(),
			api + unknown + "?issued=" + on,
			api + out.Number + "?c=ZZZZZZZZZZ",
			api + unknown + "?c=" + out.Code,
		} {
			resp, body := get(t, u+"&lang=en")
			if resp.StatusCode != 404 || !strings.Contains(body, `"code":"not_found"`) || !strings.Contains(body, noMatchEN) {
				t.Errorf("%s: status %d: %s", u, resp.StatusCode, body)
			}
			if first == "" {
				first = body
			} else if body != first {
				t.Errorf("%s: answer %s differs from %s", u, body, first)
			}
		}

		for _, tt := range []struct {
			url, field string
		}{
			{api + "CR-2026-1?issued=" + on, "number"},
			{api + out.Number + "?issued=2026-13-01", "issued"},
			{api + out.Number, "issued"},
		} {
			resp, body := get(t, tt.url)
			if resp.StatusCode != 400 || !strings.Contains(body, `"code":"invalid"`) || !strings.Contains(body, `"field":"`+tt.field+`"`) {
				t.Errorf("%s: status %d: %s", tt.url, resp.StatusCode, body)
			}
		}
	})
}

// The N+1th question within the allowance gets 429 with Retry-After and a
// translated message, on the pages and the API alike; another client is not
// held back, and the allowance comes back with time.
func TestVerifyRateLimit(t *testing.T) {
	e := storetest.Engines()[0] // the limiter is in memory: one engine is enough
	const burst = 3
	f, srv := verifySite(t, e, RateLimit{Burst: burst, Every: 10 * time.Second, ClientIPHeader: "X-Real-IP"})
	out := f.Issue(t)
	api := srv.URL + "/api/public/v1/documents/" + out.Number + "?c=" + out.Code
	ask := func(ip string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", api+"&lang=ru", nil)
		req.Header.Set("X-Real-IP", ip)
		return do(t, req)
	}
	for i := range burst {
		if resp, _ := ask("203.0.113.7"); resp.StatusCode != 200 {
			t.Fatalf("question %d: status %d", i+1, resp.StatusCode)
		}
	}
	resp, body := ask("203.0.113.7")
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "10" || !strings.Contains(body, `"code":"rate_limited"`) ||
		!strings.Contains(body, "Слишком много запросов") {
		t.Errorf("question %d: status %d, Retry-After %q: %s", burst+1, resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	// The pages share the allowance.
	req, _ := http.NewRequest("GET", srv.URL+strings.TrimPrefix(out.VerifyURL, "https://qyzmet.example")+"&lang=en", nil)
	req.Header.Set("X-Real-IP", "203.0.113.7")
	resp, body = do(t, req)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "Too many requests") {
		t.Errorf("page after the allowance: status %d", resp.StatusCode)
	}
	if resp, _ := ask("198.51.100.1"); resp.StatusCode != 200 {
		t.Errorf("another client: status %d", resp.StatusCode)
	}
	f.Clock.Advance(10 * time.Second)
	if resp, _ := ask("203.0.113.7"); resp.StatusCode != 200 {
		t.Errorf("after Every: status %d, want the allowance back", resp.StatusCode)
	}
}

func TestLimiterBuckets(t *testing.T) {
	now := time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)
	l := newLimiter(RateLimit{Burst: 2, Every: time.Minute}, func() time.Time { return now })
	from := func(addr string) *http.Request {
		r := httptest.NewRequest("GET", "/verify/x", nil)
		r.RemoteAddr = addr
		return r
	}
	for i, tt := range []struct {
		addr    string
		advance time.Duration
		ok      bool
		wait    time.Duration
	}{
		{"192.0.2.1:5000", 0, true, 0},
		{"192.0.2.1:5001", 0, true, 0}, // the port does not make another client
		{"192.0.2.1:5002", 0, false, time.Minute},
		{"192.0.2.1:5002", 30 * time.Second, false, 30 * time.Second},
		{"192.0.2.1:5002", 30 * time.Second, true, 0},
		{"[2001:db8:1:2::1]:443", 0, true, 0},
		{"[2001:db8:1:2:ffff::9]:443", 0, true, 0}, // the same /64
		{"[2001:db8:1:2:abcd::5]:443", 0, false, time.Minute},
		{"[2001:db8:1:3::1]:443", 0, true, 0},            // another /64
		{"[::ffff:192.0.2.1]:80", 0, false, time.Minute}, // IPv4 written as IPv6 is the same client
	} {
		now = now.Add(tt.advance)
		ok, wait := l.allow(from(tt.addr))
		if ok != tt.ok || wait != tt.wait {
			t.Errorf("%d %s: allow = %v, %v; want %v, %v", i, tt.addr, ok, wait, tt.ok, tt.wait)
		}
	}
	// Buckets that filled up again are forgotten.
	now = now.Add(3 * time.Minute)
	l.allow(from("198.51.100.9:1"))
	if len(l.buckets) != 1 {
		t.Errorf("%d buckets after the sweep, want 1", len(l.buckets))
	}
}

// Every message key the e-Register's pages can show exists in all three languages.
func TestVerifyMessagesExist(t *testing.T) {
	for _, key := range []string{eregister.KeyNumberFormat, eregister.KeyNumberCheck, eregister.KeyDateFormat, eregister.KeyProofMissing,
		eregister.KeyNoMatch, eregister.KeyNotPDF, eregister.KeyFileTooLarge, eregister.KeyFileNotSigned, eregister.KeyFileModified,
		eregister.KeyFileUntrusted, eregister.KeyFileDamaged, eregister.KeyFileUnregistered, eregister.KeyFileDiffers, keyFileMissing} {
		if m, ok := ui.Lookup(key); !ok || !m.Complete() {
			t.Errorf("message %q is missing or incomplete", key)
		}
	}
}
