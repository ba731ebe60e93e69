package web

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/eregister"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// verifyPages is the public e-Register (docs/eregister.md): no sign-in; every
// question costs a token of the client's rate limit; a wrong guess gets the
// same answer, with the same status, as a number never issued.
type verifyPages struct {
	s     *Server
	reg   *eregister.Register
	limit *limiter
}

// mountVerify adds the e-Register's routes when the server has a register.
func (s *Server) mountVerify(mux *http.ServeMux) {
	if s.Register == nil {
		return
	}
	v := &verifyPages{s: s, reg: s.Register, limit: newLimiter(s.VerifyLimit, s.Now)}
	// The forms change nothing, but a cross-site post could still spend a
	// visitor's rate limit or probe the register in their name: browsers say
	// where a request comes from (Sec-Fetch-Site, Origin), and cross-origin
	// posts are refused.
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(v.crossOrigin))
	mux.HandleFunc("GET /verify", v.form)
	mux.HandleFunc("GET /verify/{number}", v.limited(v.qrLink))
	mux.Handle("POST /verify", csrf.Handler(v.limited(v.lookup)))
	mux.Handle("POST /verify/upload", csrf.Handler(v.limited(v.upload)))
	mux.HandleFunc("GET /api/public/v1/documents/{number}", v.limitedJSON(v.apiDocument))
}

// verifyForm is the content of the form page.
type verifyForm struct {
	Number, Issued string
	Errors         map[string]string // field → message, shown next to the field
	Notice         string            // a message about the whole answer
	MaxMB          int
}

// verifyResult is the content of the answer page: a document, a file verdict, or both.
type verifyResult struct {
	Doc       *verifyEntry
	File      *verifyFile
	LangLinks []verifyLangLink // the QR page in the other languages, code kept
}

type verifyFile struct {
	Original bool
	Reason   string
}

type verifyLangLink struct {
	Lang    i18n.Lang
	Name    string
	URL     string
	Current bool
}

// verifyEntry is an entry as the page shows it, in the page's language.
type verifyEntry struct {
	Number, Kind, Issuer, Signer, Capacity, IssuedOn, Holder, Status string
	Annulled                                                         bool
	AnnulledOn, AnnulReason                                          string
	Specimen                                                         bool
	SHA256                                                           string
}

func newVerifyEntry(e eregister.Entry, l i18n.Lang) *verifyEntry {
	v := &verifyEntry{
		Number: e.Number, Kind: e.Kind.In(l), Issuer: e.Issuer.In(l), Signer: e.Signer, Capacity: e.Capacity.In(l),
		IssuedOn: verifyDate(e.IssuedOn), Holder: e.Holder, Status: e.Status.Text().In(l),
		Specimen: e.Specimen, SHA256: e.SHA256,
	}
	if a := e.Annulment; a != nil {
		v.Annulled, v.AnnulledOn, v.AnnulReason = true, verifyDate(a.On), a.Reason.Text().In(l)
	}
	return v
}

// verifyDate writes a date as the papers print it: 20.03.2026.
func verifyDate(d calendar.Date) string {
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, d.Month, d.Year)
}

var verifyLangNames = map[i18n.Lang]string{i18n.KK: "Қазақша", i18n.RU: "Русский", i18n.EN: "English"}

// form shows the form: number and date (filled from ?number=&issued= when a
// holder's cabinet links here), and the upload box. Looking up stays a
// post, so a link never reveals anything by itself.
func (v *verifyPages) form(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v.renderForm(w, r, http.StatusOK, ui.RequestLang(w, r), verifyForm{Number: q.Get("number"), Issued: q.Get("issued")})
}

func (v *verifyPages) renderForm(w http.ResponseWriter, r *http.Request, status int, lang i18n.Lang, f verifyForm) {
	f.MaxMB = eregister.MaxFileSize >> 20
	w.Header().Set("Cache-Control", "no-store")
	v.s.views.RenderAt(w, r, status, "verify", lang, msg("verify.title", lang), "/verify", f)
}

func (v *verifyPages) renderResult(w http.ResponseWriter, r *http.Request, lang i18n.Lang, res verifyResult) {
	// The answer may name the holder: no cache may keep it.
	w.Header().Set("Cache-Control", "no-store")
	v.s.views.RenderAt(w, r, http.StatusOK, "verify_result", lang, msg("verify.result_title", lang), "/verify", res)
}

// lookup answers the form: number and issue date.
func (v *verifyPages) lookup(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	f := verifyForm{Number: r.PostFormValue("number"), Issued: r.PostFormValue("issued")}
	proof, err := eregister.ParseProof(f.Issued, "")
	if err == nil {
		var e eregister.Entry
		if e, err = v.reg.Check(r.Context(), f.Number, proof); err == nil {
			v.renderResult(w, r, lang, verifyResult{Doc: newVerifyEntry(e, lang)})
			return
		}
	} else if _, nerr := eregister.ParseNumber(f.Number); nerr != nil {
		// Both fields wrong: say so next to both.
		f.Errors = map[string]string{"number": ui.ErrText(nerr, lang)}
	}
	v.formError(w, r, lang, f, err)
}

// qrLink answers the QR code: /verify/NUMBER?c=CODE.
func (v *verifyPages) qrLink(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	number, code := r.PathValue("number"), r.URL.Query().Get("c")
	f := verifyForm{Number: number}
	proof, err := eregister.ParseProof("", code)
	if err == nil {
		var e eregister.Entry
		if e, err = v.reg.Check(r.Context(), number, proof); err == nil {
			res := verifyResult{Doc: newVerifyEntry(e, lang)}
			for _, l := range i18n.All {
				q := url.Values{"c": {code}, "lang": {string(l)}}
				res.LangLinks = append(res.LangLinks, verifyLangLink{Lang: l, Name: verifyLangNames[l], Current: l == lang,
					URL: "/verify/" + url.PathEscape(e.Number) + "?" + q.Encode()})
			}
			v.renderResult(w, r, lang, res)
			return
		}
	}
	if apperr.KeyOf(err) == eregister.KeyProofMissing {
		// A link without its code is a number typed into the address bar: the
		// same answer as a wrong code.
		err = apperr.E(apperr.NotFound, "no code").WithKey(eregister.KeyNoMatch)
	}
	v.formError(w, r, lang, f, err)
}

// formError shows the form again with the error next to its field, or as the
// page's notice when it concerns no one field.
func (v *verifyPages) formError(w http.ResponseWriter, r *http.Request, lang i18n.Lang, f verifyForm, err error) {
	status := verifyStatus(err)
	if status == http.StatusInternalServerError {
		v.s.Log.Error("e-Register", "path", r.URL.Path, "err", err)
	}
	text := ui.ErrText(err, lang)
	if field := verifyErrField(err); field != "" {
		if f.Errors == nil {
			f.Errors = map[string]string{}
		}
		f.Errors[field] = text
	} else {
		f.Notice = text
	}
	v.renderForm(w, r, status, lang, f)
}

// crossOrigin refuses a form posted from another site.
func (v *verifyPages) crossOrigin(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	v.renderForm(w, r, http.StatusForbidden, lang, verifyForm{Notice: msg("verify.cross_origin", lang)})
}

// limited spends a token of the client's allowance before an HTML answer.
func (v *verifyPages) limited(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if ok, wait := v.limit.allow(r); !ok {
			lang := ui.RequestLang(w, r)
			w.Header().Set("Retry-After", retryAfter(wait))
			v.renderForm(w, r, http.StatusTooManyRequests, lang, verifyForm{Notice: ui.Tf("verify.rate_limited", lang, retryAfter(wait))})
			return
		}
		next(w, r)
	}
}

// verifyErrField is the form field an input error belongs to.
func verifyErrField(err error) string {
	switch apperr.KeyOf(err) {
	case eregister.KeyNumberFormat, eregister.KeyNumberCheck:
		return "number"
	case eregister.KeyDateFormat, eregister.KeyProofMissing:
		return "issued"
	case eregister.KeyNotPDF, eregister.KeyFileTooLarge, keyFileMissing:
		return "file"
	}
	return ""
}

// keyFileMissing: the upload form was sent without a file.
const keyFileMissing = "verify.file_missing"

// verifyStatus maps an error of the e-Register to its status. A number never
// issued and a wrong date are both 404: one answer for both.
func verifyStatus(err error) int {
	switch {
	case apperr.KeyOf(err) == eregister.KeyFileTooLarge:
		return http.StatusRequestEntityTooLarge
	}
	switch apperr.CodeOf(err) {
	case apperr.Invalid:
		return http.StatusBadRequest
	case apperr.NotFound:
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}

var errNoFile = apperr.E(apperr.Invalid, "the upload has no file").WithKey(keyFileMissing)

// verifyTime writes an instant in Almaty time for the JSON answer.
func verifyTime(t time.Time) string { return t.In(calendar.Almaty).Format(time.RFC3339) }
