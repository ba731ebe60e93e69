package apply_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"image"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/upload"
	"qyzmet/internal/web"
	"qyzmet/internal/web/apply"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

var areas = []web.AreaFunc{func(d ui.Deps) (web.Area, error) { return apply.New(d) }}

func newSite(t *testing.T) *webtest.Site {
	t.Helper()
	return webtest.New(t, webtest.Options{Areas: areas})
}

var keyField = regexp.MustCompile(`name="key" value="([^"]+)"`)

// formKey opens the service's form and returns its idempotency key.
func formKey(t *testing.T, c *webtest.Client, service string) string {
	t.Helper()
	resp, body := c.Get("/apply/" + service + "?lang=en")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("form of %s: %d", service, resp.StatusCode)
	}
	m := keyField.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("form of %s has no idempotency key", service)
	}
	return m[1]
}

// postForm posts the form as multipart with files (slot → bytes).
func postForm(t *testing.T, c *webtest.Client, service string, v url.Values, files map[string][]byte) (*http.Response, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	v = cloneValues(v)
	v.Set("csrf", c.CSRF())
	for k, vs := range v {
		for _, x := range vs {
			mw.WriteField(k, x)
		}
	}
	for slot, b := range files {
		fw, _ := mw.CreateFormFile("file."+slot, slot+".pdf")
		fw.Write(b)
	}
	mw.Close()
	return c.Send("POST", "/apply/"+service+"?lang=en", mw.FormDataContentType(), &buf)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// certify answers the confirmation of the draft at loc with the code last
// sent to iin and returns where it leads.
func certify(t *testing.T, s *webtest.Site, c *webtest.Client, loc, iin string) string {
	t.Helper()
	resp, body := c.Get(loc + "?lang=en")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "We sent the code to") {
		t.Fatalf("confirmation page %s: %d, %s", loc, resp.StatusCode, excerpt(body))
	}
	resp, body = c.Post(loc+"?lang=en", url.Values{"code": {s.LastCode(t, iin)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("certify %s: %d %s", loc, resp.StatusCode, excerpt(body))
	}
	return resp.Header.Get("Location")
}

var appPath = regexp.MustCompile(`^/cabinet/applications/([A-Za-z0-9_-]+)$`)

func appID(t *testing.T, loc string) string {
	t.Helper()
	m := appPath.FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("not an application's page: %q", loc)
	}
	return m[1]
}

func excerpt(body string) string {
	if i := strings.Index(body, `class="error"`); i >= 0 {
		return body[i:min(len(body), i+300)]
	}
	if i := strings.Index(body, "<main"); i >= 0 {
		return body[i:min(len(body), i+600)]
	}
	return body[:min(len(body), 300)]
}

func applicantActor(iin string) casework.Actor {
	return casework.Actor{ID: "citizen-" + iin, Role: casework.RoleApplicant, IIN: iin}
}

func count(t *testing.T, s *webtest.Site, table string) int {
	t.Helper()
	var n int
	err := s.DB.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT COUNT(*) FROM `+table).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// waitIssued waits up to 10 s for the application to be issued with a
// signed document, and returns it.
func waitIssued(t *testing.T, s *webtest.Site, actor casework.Actor, id string) *casework.Application {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		a, err := s.Sys.Engine.Get(context.Background(), actor, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.State == casework.StateIssued && len(a.Documents) > 0 {
			return a
		}
		if time.Now().After(deadline) {
			t.Fatalf("application %s is %s after 10 s, documents %d", id, a.State, len(a.Documents))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// A criminal-record certificate about oneself: the form, the code, and the
// signed certificate within seconds (CR-STD-8.3, CR-STD-3.1); the code works
// once, and not for another application.
func TestApplyCriminalRecordSelf_CR_STD_8_3(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 0)
	c := s.SignInCitizen(t, me)
	key := formKey(t, c, "criminal-record")
	resp, body := postForm(t, c, "criminal-record", url.Values{"key": {key}, "subject.relation": {"self"}}, nil)
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/apply/confirm/") {
		t.Fatalf("form: %d %s %s", resp.StatusCode, resp.Header.Get("Location"), excerpt(body))
	}
	confirm := resp.Header.Get("Location")

	// A wrong code is refused and submits nothing.
	resp, body = c.Post(confirm+"?lang=en", url.Values{"code": {"000000"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Wrong code") {
		t.Fatalf("wrong code: %d %s", resp.StatusCode, excerpt(body))
	}
	if apps, _ := s.Sys.Engine.List(context.Background(), applicantActor(me), casework.Filter{}); len(apps) != 0 {
		t.Fatalf("a wrong code submitted %d applications", len(apps))
	}
	code := s.LastCode(t, me)
	loc := certify(t, s, c, confirm, me)
	id := appID(t, loc)

	started := time.Now()
	a := waitIssued(t, s, applicantActor(me), id)
	t.Logf("issued in %v", time.Since(started))
	doc, pdf, err := s.Sys.Engine.Document(context.Background(), applicantActor(me), id, a.Documents[0].Number)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) || doc.Number == "" {
		t.Fatalf("document: %v, %d bytes", err, len(pdf))
	}

	// The used code certifies nothing else: a second application's
	// confirmation refuses it.
	key2 := formKey(t, c, "criminal-record")
	resp, _ = postForm(t, c, "criminal-record", url.Values{"key": {key2}, "subject.relation": {"self"}}, nil)
	confirm2 := resp.Header.Get("Location")
	resp, body = c.Post(confirm2+"?lang=en", url.Values{"code": {code}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("replayed code on another application: %d %s", resp.StatusCode, excerpt(body))
	}
	if apps, _ := s.Sys.Engine.List(context.Background(), applicantActor(me), casework.Filter{}); len(apps) != 1 {
		t.Fatalf("applications after a replayed code: %d, want 1", len(apps))
	}
}

// A double-clicked form and a double-clicked confirmation give one
// application and one text message.
func TestApplyDoubleSubmitIsOneApplication_CR_STD_8_3(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 1)
	c := s.SignInCitizen(t, me)
	key := formKey(t, c, "criminal-record")
	v := url.Values{"key": {key}, "subject.relation": {"self"}}
	r1, _ := postForm(t, c, "criminal-record", v, nil)
	sms := len(s.Sys.DevSMS.Messages())
	r2, _ := postForm(t, c, "criminal-record", v, nil)
	if r1.Header.Get("Location") != r2.Header.Get("Location") || r1.Header.Get("Location") == "" {
		t.Fatalf("two posts of one form: %q and %q", r1.Header.Get("Location"), r2.Header.Get("Location"))
	}
	if got := len(s.Sys.DevSMS.Messages()); got != sms {
		t.Errorf("the second post sent another code (%d messages, want %d)", got, sms)
	}
	confirm := r1.Header.Get("Location")
	code := url.Values{"code": {s.LastCode(t, me)}}
	a1, _ := c.Post(confirm, code)
	a2, _ := c.Post(confirm, code)
	if a1.Header.Get("Location") != a2.Header.Get("Location") {
		t.Fatalf("two confirmations: %q and %q", a1.Header.Get("Location"), a2.Header.Get("Location"))
	}
	appID(t, a1.Header.Get("Location"))
	// The form posted once more after submitting leads to the same application.
	r3, _ := postForm(t, c, "criminal-record", v, nil)
	if r3.Header.Get("Location") != a1.Header.Get("Location") {
		t.Errorf("the form re-posted after submitting: %q, want %q", r3.Header.Get("Location"), a1.Header.Get("Location"))
	}
	if apps, _ := s.Sys.Engine.List(context.Background(), applicantActor(me), casework.Filter{}); len(apps) != 1 {
		t.Fatalf("applications: %d, want 1", len(apps))
	}
}

// A third party's IIN with a wrong check digit: the error next to the field
// in the user's language; script in any text field is refused, shown back
// escaped, and nothing is kept (CR-STD-8.4).
func TestApplyHostileInput_CR_STD_8_4(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 2)
	c := s.SignInCitizen(t, me)
	other := s.CleanCitizen(t, 3)
	wrong := other[:11] + string('0'+(other[11]-'0'+1)%10)
	key := formKey(t, c, "criminal-record")
	resp, body := postForm(t, c, "criminal-record", url.Values{"key": {key}, "subject.relation": {"third-party"},
		"subject.person.iin": {wrong}, "subject.person.surname": {"Иванов"}, "subject.person.given_name": {"Иван"}}, nil)
	want := (&iin.Error{Code: iin.CodeChecksum}).Message("en")
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="subject-person-iin-error">`+html.EscapeString(want)) {
		t.Fatalf("wrong checksum: %d %s", resp.StatusCode, excerpt(body))
	}

	script := `<script>alert("x")</script>`
	for _, field := range []string{"subject.person.surname", "subject.person.given_name", "subject.person.patronymic", "fields.country"} {
		v := url.Values{"key": {key}, "subject.relation": {"third-party"}, "subject.person.iin": {other},
			"subject.person.surname": {"Иванов"}, "subject.person.given_name": {"Иван"}, "combined": {"apostille-prosecution"},
			"travel_abroad": {"1"}, "pickup_branch": {"astana-esil"}, "fields.country": {"France"}}
		v.Set(field, script)
		resp, body := postForm(t, c, "criminal-record", v, nil)
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s with script: %d", field, resp.StatusCode)
		}
		if strings.Contains(body, script) || !strings.Contains(body, html.EscapeString(script)) {
			t.Errorf("%s: the script is not shown back escaped", field)
		}
		if !strings.Contains(body, `id="`+ui.FieldID(field)+`-error"`) {
			t.Errorf("%s: no error next to the field", field)
		}
	}
	// The other services' text fields.
	for service, fields := range map[string][]string{
		"apostille-court":      {"fields.document", "fields.country", "payment.reference"},
		"archival-certificate": {"fields.father_name", "fields.mother_name", "subject.person.surname"},
	} {
		for _, field := range fields {
			v := url.Values{"key": {formKey(t, c, service)}, "subject.relation": {"third-party"}, "subject.person.surname": {"Шмидт"},
				"subject.person.given_name": {"Иоганн"}, "subject.birth_date": {"1930-04-02"}, "fields.document": {"Решение"},
				"fields.country": {"Germany"}, "payment.method": {"receipt"}, "payment.paid_on": {"2026-01-05"}}
			v.Set(field, script)
			resp, body := postForm(t, c, service, v, nil)
			if resp.StatusCode != http.StatusUnprocessableEntity || strings.Contains(body, script) ||
				!strings.Contains(body, `id="`+ui.FieldID(field)+`-error"`) {
				t.Errorf("%s %s with script: %d, escaped %v", service, field, resp.StatusCode, !strings.Contains(body, script))
			}
		}
	}
	if n := count(t, s, "apply_drafts"); n != 0 {
		t.Errorf("hostile input kept %d drafts", n)
	}
}

// minimalPDF is a small well-formed PDF.
func minimalPDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := []int{}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"}
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func pngBytes(w, h int) []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)))
	return b.Bytes()
}

// AC on the portal: the scanned court document (AC-9-1) checked by content —
// an EXE named .pdf is refused and nothing is stored; a real PDF goes through,
// the duty is paid in the gateway simulator at the MCI of the day (AC-7), the
// payment lands in the payments registry, and only its owner may fetch the scan.
func TestApplyCourtApostilleUploadAndPayment_AC_9_1(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 4)
	c := s.SignInCitizen(t, me)
	key := formKey(t, c, "apostille-court")
	v := url.Values{"key": {key}, "fields.document": {"Решение суда № 2-123/2026"}, "fields.country": {"Germany"}, "payment.method": {"gateway"}}

	exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), bytes.Repeat([]byte{0}, 500)...)
	resp, body := postForm(t, c, "apostille-court", v, map[string][]byte{"document-scan": exe})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Only PDF, JPEG or PNG files are accepted") ||
		!strings.Contains(body, `id="file-document-scan-error"`) {
		t.Fatalf("EXE as PDF: %d %s", resp.StatusCode, excerpt(body))
	}
	fake := []byte("%PDF-1.4\n<script>alert(1)</script>\n%%EOF\n")
	if resp, _ := postForm(t, c, "apostille-court", v, map[string][]byte{"document-scan": fake}); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a PDF header without a cross-reference table: %d, want 422", resp.StatusCode)
	}
	if n := count(t, s, "upload_files"); n != 0 {
		t.Fatalf("refused files stored: %d", n)
	}

	resp, body = postForm(t, c, "apostille-court", v, map[string][]byte{"document-scan": minimalPDF()})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/apply/pay/") {
		t.Fatalf("form with a PDF: %d %q %s", resp.StatusCode, resp.Header.Get("Location"), excerpt(body))
	}
	payPage := resp.Header.Get("Location")
	today := calendar.DateOf(time.Now())
	std, _ := s.Sys.Standards().At("apostille-court", today)
	q, _ := s.Sys.Standards().Fee(std, today, 1)
	_, body = c.Get(payPage + "?lang=en")
	if !strings.Contains(body, "DEVELOPMENT SIMULATOR") || !strings.Contains(body, strings.TrimSuffix(ui.Tenge(int(q.Tiyn/100)), "\u00a0₸")) {
		t.Fatalf("simulator page: %s", excerpt(body))
	}
	resp, _ = c.Post(payPage, url.Values{"action": {"pay"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("pay: %d", resp.StatusCode)
	}
	id := appID(t, certify(t, s, c, resp.Header.Get("Location"), me))
	a, err := s.Sys.Engine.Get(context.Background(), applicantActor(me), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Payment == nil || a.Payment.Method != casework.PaymentGateway {
		t.Fatalf("payment: %+v", a.Payment)
	}
	p, err := s.Sys.Registries.Payments.ByReference(context.Background(), a.Payment.Reference)
	if err != nil || p.AmountTiyn != q.Tiyn || p.PayerIIN != me {
		t.Fatalf("registry payment: %+v, %v (due %d)", p, err, q.Tiyn)
	}
	var ref string
	for _, it := range a.Checklist {
		if it.DocumentID == "document-scan" {
			ref = it.FileRef
		}
	}
	if ref == "" {
		t.Fatalf("the scan is not in the checklist: %+v", a.Checklist)
	}
	if resp, body := c.Get("/apply/files/" + ref); resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.Equal([]byte(body), minimalPDF()) {
		t.Errorf("owner's download: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	strangerIIN := s.CleanCitizen(t, 5)
	stranger := s.SignInCitizen(t, strangerIIN)
	if resp, _ := stranger.Get("/apply/files/" + ref); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another citizen fetched the scan: %d", resp.StatusCode)
	}
	// Staff reach the scan through the application they may see; another
	// citizen does not, even naming the application.
	files := &upload.Store{DB: s.DB}
	officer := casework.Actor{ID: "officer-1", Role: casework.RoleOfficer}
	if f, err := files.ForApplication(context.Background(), s.Sys.Engine, officer, id, ref); err != nil || f.MediaType != upload.PDF {
		t.Errorf("officer's scan: %v", err)
	}
	if _, err := files.ForApplication(context.Background(), s.Sys.Engine, applicantActor(strangerIIN), id, ref); err == nil {
		t.Error("a stranger reached the scan through the application")
	}
}

// A 100 MB upload is refused with 413 and a message before anything is read
// into the database.
func TestApplyHugeUploadRefused_AC_9_1(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 6)
	c := s.SignInCitizen(t, me)
	key := formKey(t, c, "apostille-court")
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	csrf := c.CSRF()
	go func() {
		mw.WriteField("csrf", csrf)
		mw.WriteField("key", key)
		fw, _ := mw.CreateFormFile("file.document-scan", "big.pdf")
		fw.Write([]byte("%PDF-1.4\n"))
		chunk := bytes.Repeat([]byte("0"), 1<<20)
		for range 100 {
			if _, err := fw.Write(chunk); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		mw.Close()
		pw.Close()
	}()
	resp, body := c.Send("POST", "/apply/apostille-court?lang=en", mw.FormDataContentType(), pr)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "Nothing was stored") {
		t.Fatalf("100 MB: %d %s", resp.StatusCode, excerpt(body))
	}
	if n := count(t, s, "upload_files"); n != 0 {
		t.Errorf("stored %d files", n)
	}
}

// AR-6.1: a person under 16 on 1 January 1940 needs the parents' data — the
// error sits at the father's name; with it the request goes in, with the
// kinship document attached.
func TestApplyArchivalParents_AR_6_1_G_3(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 7)
	c := s.SignInCitizen(t, me)
	key := formKey(t, c, "archival-certificate")
	v := url.Values{"key": {key}, "subject.relation": {"third-party"}, "subject.person.surname": {"Шмидт"},
		"subject.person.given_name": {"Иоганн"}, "subject.birth_date": {"1930-04-02"}, "pickup_branch": {"astana-esil"}}
	resp, body := postForm(t, c, "archival-certificate", v, nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="fields-father_name-error">`) || !strings.Contains(body, "AR-6.1") {
		t.Fatalf("no parents: %d %s", resp.StatusCode, excerpt(body))
	}
	v.Set("fields.father_name", "Шмидт Генрих")
	v.Set("fields.mother_name", "Шмидт Мария")
	resp, body = postForm(t, c, "archival-certificate", v, map[string][]byte{"kinship": pngBytes(40, 30)})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("with parents: %d %s", resp.StatusCode, excerpt(body))
	}
	// The confirmation says when the application is received and due, as the
	// engine then counts them (G-3: after hours, the next working day).
	confirm := resp.Header.Get("Location")
	_, page := c.Get(confirm + "?lang=en")
	id := appID(t, certify(t, s, c, confirm, me))
	a, err := s.Sys.Engine.Get(context.Background(), applicantActor(me), id)
	if err != nil {
		t.Fatal(err)
	}
	if want := "received on " + ui.FormatDate(a.ReceivedOn) + " and the result is due by " + ui.FormatDate(a.DeadlineOn); !strings.Contains(page, want) {
		t.Errorf("the confirmation does not say %q: %s", want, excerpt(page))
	}
	if a.Fields["parents-data"] != "Шмидт Генрих; Шмидт Мария" || a.Fields["attached_files"] == "" || a.PickupBranch != "astana-esil" {
		t.Errorf("application: fields %v, branch %q", a.Fields, a.PickupBranch)
	}
	if a.State == casework.StateSubmitted || a.State == casework.StateRefusedAtIntake {
		t.Errorf("state %s: a complete portal package is received at once", a.State)
	}
}

// A certificate about another person with their consent given on the spot:
// the code goes to the person's registered number and the consent is given
// as the person (CR-STD-8.4).
func TestApplyThirdPartyConsentByOTP_CR_STD_8_4(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 8)
	subject := s.CleanCitizen(t, 9)
	person, err := s.Sys.Registries.Persons.ByIIN(context.Background(), subject)
	if err != nil {
		t.Fatal(err)
	}
	c := s.SignInCitizen(t, me)
	key := formKey(t, c, "criminal-record")
	resp, body := postForm(t, c, "criminal-record", url.Values{"key": {key}, "subject.relation": {"third-party"},
		"subject.person.iin": {subject}, "subject.person.surname": {person.Surname}, "subject.person.given_name": {person.GivenName},
		"subject.person.patronymic": {person.Patronymic}, "consent_here": {"1"}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("form: %d %s", resp.StatusCode, excerpt(body))
	}
	loc := certify(t, s, c, resp.Header.Get("Location"), me)
	if !strings.HasPrefix(loc, "/apply/consent/") {
		t.Fatalf("after certifying: %q, want the consent page", loc)
	}
	id := strings.TrimPrefix(loc, "/apply/consent/")
	// Another citizen cannot reach the consent page of this application.
	stranger := s.SignInCitizen(t, s.CleanCitizen(t, 10))
	if resp, _ := stranger.Get(loc); resp.StatusCode != http.StatusNotFound {
		t.Errorf("stranger at the consent page: %d", resp.StatusCode)
	}
	if resp, _ := c.Post(loc+"/send", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("send the consent code: %d", resp.StatusCode)
	}
	code := s.LastCode(t, subject)
	if resp, body := c.Post(loc+"?lang=en", url.Values{"code": {"123"}}); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("malformed code: %d %s", resp.StatusCode, excerpt(body))
	}
	resp, _ = c.Post(loc, url.Values{"code": {code}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/cabinet/applications/"+id {
		t.Fatalf("consent: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	a := waitIssued(t, s, applicantActor(me), id)
	if a.ConsentGiven == nil {
		t.Error("no consent recorded")
	}
	// The code, replayed, changes nothing.
	if resp, _ := c.Post(loc, url.Values{"code": {code}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("replayed consent code: %d", resp.StatusCode)
	}
}

// A paper certificate for travel abroad with its apostille under one
// application (CR-STD-10, CR-STD-8.3): the branch, the country, the duty of
// the apostille paid in the simulator; two linked applications.
func TestApplyTravelAbroadWithApostille_CR_STD_10(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 11)
	c := s.SignInCitizen(t, me)
	key := formKey(t, c, "criminal-record")
	v := url.Values{"key": {key}, "subject.relation": {"self"}, "combined": {"apostille-prosecution"},
		"fields.country": {"Italy"}, "payment.method": {"gateway"}}
	resp, body := postForm(t, c, "criminal-record", v, nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "CR-STD-5.3") {
		t.Fatalf("apostille without the paper certificate: %d %s", resp.StatusCode, excerpt(body))
	}
	v.Set("travel_abroad", "1")
	resp, body = postForm(t, c, "criminal-record", v, nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="pickup_branch-error"`) {
		t.Fatalf("no branch: %d %s", resp.StatusCode, excerpt(body))
	}
	v.Set("pickup_branch", "astana-esil")
	resp, body = postForm(t, c, "criminal-record", v, nil)
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/apply/pay/") {
		t.Fatalf("form: %d %q %s", resp.StatusCode, resp.Header.Get("Location"), excerpt(body))
	}
	resp, _ = c.Post(resp.Header.Get("Location"), url.Values{"action": {"pay"}})
	id := appID(t, certify(t, s, c, resp.Header.Get("Location"), me))
	a, err := s.Sys.Engine.Get(context.Background(), applicantActor(me), id)
	if err != nil {
		t.Fatal(err)
	}
	if !a.TravelAbroad || a.PickupBranch != "astana-esil" || len(a.Links) != 1 || a.Links[0].Service != "apostille-prosecution" {
		t.Fatalf("application: travel %v, branch %q, links %+v", a.TravelAbroad, a.PickupBranch, a.Links)
	}
}

// The apostille of prosecution documents is taken by the State Corporation
// only (AP-STD-2): its page on the portal leads to the services it can be
// asked with; it has no form of its own; the complaint procedure and unknown
// services have no form.
func TestApplyApostilleOnlyWithAnotherService_AP_STD_2(t *testing.T) {
	s := newSite(t)
	c := s.SignInCitizen(t, s.CleanCitizen(t, 12))
	resp, body := c.Get("/apply/apostille-prosecution?lang=en")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `href="/apply/criminal-record"`) ||
		!strings.Contains(body, `href="/apply/archival-certificate"`) || strings.Contains(body, `name="key"`) {
		t.Fatalf("AP page: %d %s", resp.StatusCode, excerpt(body))
	}
	if resp, _ := c.Post("/apply/apostille-prosecution", url.Values{}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("AP form post: %d, want 404", resp.StatusCode)
	}
	for _, path := range []string{"/apply/complaint", "/apply/no-such-service"} {
		if resp, _ := c.Get(path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
	}
	_, body = c.Get("/apply?lang=kk")
	for _, svc := range []string{"criminal-record", "archival-certificate", "apostille-court", "apostille-prosecution"} {
		if !strings.Contains(body, `href="/apply/`+svc+`"`) {
			t.Errorf("the start page does not offer %s", svc)
		}
	}
}

// The apostille asked with the certificate and paid at a bank: the scanned
// receipt fills the apostille's receipt item (AP-STD-8), the amount is the
// duty at the MCI of the day (AP-STD-6), and a second draft of another
// citizen cannot be opened by id.
func TestApplyApostilleReceipt_AP_STD_8(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 13)
	c := s.SignInCitizen(t, me)
	key := formKey(t, c, "criminal-record")
	today := calendar.DateOf(time.Now())
	v := url.Values{"key": {key}, "subject.relation": {"self"}, "travel_abroad": {"1"}, "pickup_branch": {"astana-saryarka"},
		"combined": {"apostille-prosecution"}, "fields.country": {"Spain"}, "payment.method": {"receipt"},
		"payment.reference": {"KASPI-0042"}, "payment.paid_on": {today.String()}}
	resp, body := postForm(t, c, "criminal-record", v, nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="file-receipt-error"`) {
		t.Fatalf("receipt without its scan: %d %s", resp.StatusCode, excerpt(body))
	}
	resp, body = postForm(t, c, "criminal-record", v, map[string][]byte{"receipt": pngBytes(300, 500)})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/apply/confirm/") {
		t.Fatalf("with the receipt: %d %q %s", resp.StatusCode, resp.Header.Get("Location"), excerpt(body))
	}
	confirm := resp.Header.Get("Location")
	other := s.SignInCitizen(t, s.CleanCitizen(t, 14))
	if resp, _ := other.Get(confirm); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another citizen opened the draft: %d", resp.StatusCode)
	}
	id := appID(t, certify(t, s, c, confirm, me))
	a, err := s.Sys.Engine.Get(context.Background(), applicantActor(me), id)
	if err != nil {
		t.Fatal(err)
	}
	ap, err := s.Sys.Engine.Get(context.Background(), applicantActor(me), a.Links[0].ApplicationID)
	if err != nil {
		t.Fatal(err)
	}
	std, _ := s.Sys.Standards().At("apostille-prosecution", today)
	q, _ := s.Sys.Standards().Fee(std, today, 1)
	if ap.Payment == nil || ap.Payment.Method != casework.PaymentReceipt || int64(ap.Payment.AmountTenge)*100 < q.Tiyn || ap.Payment.Reference != "KASPI-0042" {
		t.Errorf("payment %+v, due %d tiyn", ap.Payment, q.Tiyn)
	}
	found := false
	for _, it := range ap.Checklist {
		if it.DocumentID == "duty-receipt" && it.Status == casework.DocProvided && it.FileRef != "" {
			found = true
		}
	}
	if !found {
		t.Errorf("the apostille's receipt item: %+v", ap.Checklist)
	}
}

// A certificate about a minor relative: an adult's birth date is refused at
// the field before any code is sent (CR-STD-8.1); a child's goes through.
func TestApplyMinorRelative_CR_STD_8_1(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 15)
	c := s.SignInCitizen(t, me)
	key := formKey(t, c, "criminal-record")
	v := url.Values{"key": {key}, "subject.relation": {"minor-relative"}, "subject.person.surname": {"Сейітов"},
		"subject.person.given_name": {"Арман"}, "subject.birth_date": {"1990-02-03"}}
	sms := len(s.Sys.DevSMS.Messages())
	resp, body := postForm(t, c, "criminal-record", v, nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="subject-birth_date-error"`) || !strings.Contains(body, "CR-STD-8.1") {
		t.Fatalf("adult as a minor: %d %s", resp.StatusCode, excerpt(body))
	}
	if len(s.Sys.DevSMS.Messages()) != sms {
		t.Error("a code was sent for a refused form")
	}
	v.Set("subject.birth_date", calendar.DateOf(time.Now()).AddMonths(-10*12).String())
	resp, body = postForm(t, c, "criminal-record", v, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("a child: %d %s", resp.StatusCode, excerpt(body))
	}
	id := appID(t, certify(t, s, c, resp.Header.Get("Location"), me))
	a, err := s.Sys.Engine.Get(context.Background(), applicantActor(me), id)
	if err != nil || a.Subject == nil || a.Subject.Relation != casework.RelationMinorRelative {
		t.Fatalf("application: %v %+v", err, a)
	}
}

// What the engine refuses after the code (here: an applicant the person
// registry does not know, so without a name) comes back on the form as a
// notice in the user's language, and no application is made.
func TestApplyEngineRefusalShownOnForm(t *testing.T) {
	s := newSite(t)
	var unknown string
	for serial := 9000; unknown == ""; serial++ {
		n, err := iin.Generate(time.Date(1985, 3, 3, 0, 0, 0, 0, time.UTC), iin.Male, serial)
		if err != nil {
			continue
		}
		if _, err := s.Sys.Registries.Persons.ByIIN(context.Background(), n); err != nil {
			unknown = n
		}
	}
	me := s.Citizen(t, unknown)
	c := s.SignInCitizen(t, me)
	resp, _ := postForm(t, c, "criminal-record", url.Values{"key": {formKey(t, c, "criminal-record")}}, nil)
	confirm := resp.Header.Get("Location")
	c.Get(confirm)
	resp, body := c.Post(confirm+"?lang=en", url.Values{"code": {s.LastCode(t, me)}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `class="notice notice-bad"`) {
		t.Fatalf("engine refusal: %d %s", resp.StatusCode, excerpt(body))
	}
	if apps, _ := s.Sys.Engine.List(context.Background(), applicantActor(me), casework.Filter{}); len(apps) != 0 {
		t.Errorf("%d applications", len(apps))
	}
}

// A form left before its code is offered again on /apply (to its owner only)
// until it is certified: nothing the applicant typed, or paid, is lost.
func TestUnfinishedFormsOffered_CR_STD_8_3(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 11)
	c := s.SignInCitizen(t, me)
	key := formKey(t, c, "criminal-record")
	resp, body := postForm(t, c, "criminal-record", url.Values{"key": {key}, "subject.relation": {"self"}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("form: %d %s", resp.StatusCode, excerpt(body))
	}
	confirm := resp.Header.Get("Location")
	draftID := strings.TrimPrefix(confirm, "/apply/confirm/")
	_, start := c.Get("/apply?lang=en")
	link := "/apply/criminal-record?draft=" + draftID
	if !strings.Contains(start, "Unfinished applications") || !strings.Contains(start, link) {
		t.Fatalf("the unfinished form is not offered: %s", excerpt(start))
	}
	if resp, _ := c.Get(link); resp.StatusCode != http.StatusOK {
		t.Errorf("reopening the draft: %d", resp.StatusCode)
	}
	other := s.SignInCitizen(t, s.CleanCitizen(t, 12))
	if _, page := other.Get("/apply?lang=en"); strings.Contains(page, draftID) {
		t.Error("another citizen is offered my draft")
	}
	certify(t, s, c, confirm, me)
	if _, page := c.Get("/apply?lang=en"); strings.Contains(page, draftID) {
		t.Error("a certified form is still offered as unfinished")
	}
}

// A crafted form that ticks "name changed" on a service with no name-change
// document and keeps an upload under an empty slot changes nothing: the
// application is made from what the service asks (AR-6.1), without a crash.
func TestCraftedNameChangeIgnored_AR_6_1(t *testing.T) {
	s := newSite(t)
	me := s.CleanCitizen(t, 13)
	c := s.SignInCitizen(t, me)
	v := url.Values{"key": {formKey(t, c, "archival-certificate")}, "subject.relation": {"third-party"}, "subject.person.surname": {"Шмидт"},
		"subject.person.given_name": {"Иоганн"}, "subject.birth_date": {"1930-04-02"}, "pickup_branch": {"astana-esil"},
		"fields.father_name": {"Шмидт Генрих"}}
	if resp, body := postForm(t, c, "archival-certificate", v, map[string][]byte{"kinship": pngBytes(40, 30)}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first form: %d %s", resp.StatusCode, excerpt(body))
	}
	var upload string
	if err := s.DB.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT id FROM upload_files WHERE owner_iin = ?`, me).Scan(&upload)
	}); err != nil {
		t.Fatal(err)
	}
	v.Set("key", formKey(t, c, "archival-certificate"))
	v.Set("kept.", upload)
	v.Set("name_changed", "1")
	resp, body := postForm(t, c, "archival-certificate", v, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("crafted form: %d %s", resp.StatusCode, excerpt(body))
	}
	id := appID(t, certify(t, s, c, resp.Header.Get("Location"), me))
	a, err := s.Sys.Engine.Get(context.Background(), applicantActor(me), id)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(a.Declared, standard.CondNameChangedNotRegistered) {
		t.Errorf("the crafted tick reached the application: %v", a.Declared)
	}
}
