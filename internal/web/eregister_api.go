package web

import (
	"encoding/json"
	"net/http"

	"qyzmet/internal/apperr"
	"qyzmet/internal/eregister"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// publicDocument is the JSON answer of GET /api/public/v1/documents/{number}.
// Trilingual texts carry all three languages; the client picks.
type publicDocument struct {
	Number         string           `json:"number"`
	IssuedByQyzmet bool             `json:"issued_by_qyzmet"`
	Specimen       bool             `json:"specimen"` // sample data, not a real document
	Kind           publicKind       `json:"kind"`
	Issuer         i18n.Text        `json:"issuer"`
	Signer         publicSigner     `json:"signer"`
	IssuedOn       string           `json:"issued_on"` // YYYY-MM-DD, as printed on the paper
	IssuedAt       string           `json:"issued_at"` // RFC 3339, Almaty time
	Status         string           `json:"status"`    // "valid" or "annulled"
	Annulment      *publicAnnulment `json:"annulment,omitempty"`
	Holder         string           `json:"holder"`
	SHA256         string           `json:"sha256"` // of the original PDF, to compare with a file at hand
}

type publicKind struct {
	Form  string    `json:"form"`
	Title i18n.Text `json:"title"`
}

type publicSigner struct {
	Name     string    `json:"name"`
	Capacity i18n.Text `json:"capacity"`
}

type publicAnnulment struct {
	On         string    `json:"on"`
	At         string    `json:"at"`
	Reason     string    `json:"reason"`
	ReasonText i18n.Text `json:"reason_text"`
}

// publicError is the body of every error answer, in the shape of the JSON API
// (internal/api): a stable code, a message in the request's language, the
// query parameter at fault.
type publicError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field,omitempty"`
	} `json:"error"`
}

// codeRateLimited is the error code of a 429: not one of apperr's codes,
// because it is about the client's pace, not about the request.
const codeRateLimited = "rate_limited"

// apiDocument answers GET /api/public/v1/documents/{number}?issued=YYYY-MM-DD
// (or ?c=CODE).
func (v *verifyPages) apiDocument(w http.ResponseWriter, r *http.Request) {
	lang := apiLang(r)
	q := r.URL.Query()
	proof, err := eregister.ParseProof(q.Get("issued"), q.Get("c"))
	if err == nil {
		var e eregister.Entry
		if e, err = v.reg.Check(r.Context(), r.PathValue("number"), proof); err == nil {
			writePublicJSON(w, lang, http.StatusOK, toPublic(e))
			return
		}
	}
	status := verifyStatus(err)
	if status == http.StatusInternalServerError {
		v.s.Log.Error("e-Register API", "err", err)
	}
	var body publicError
	body.Error.Code, body.Error.Message = string(apperr.CodeOf(err)), ui.ErrText(err, lang)
	body.Error.Field = map[string]string{"number": "number", "issued": "issued"}[verifyErrField(err)]
	writePublicJSON(w, lang, status, body)
}

func toPublic(e eregister.Entry) publicDocument {
	d := publicDocument{
		Number: e.Number, IssuedByQyzmet: true, Specimen: e.Specimen,
		Kind: publicKind{Form: e.Form, Title: e.Kind}, Issuer: e.Issuer,
		Signer:   publicSigner{Name: e.Signer, Capacity: e.Capacity},
		IssuedOn: e.IssuedOn.String(), IssuedAt: verifyTime(e.IssuedAt),
		Status: string(e.Status), Holder: e.Holder, SHA256: e.SHA256,
	}
	if a := e.Annulment; a != nil {
		d.Annulment = &publicAnnulment{On: a.On.String(), At: verifyTime(a.At), Reason: string(a.Reason), ReasonText: a.Reason.Text()}
	}
	return d
}

// limitedJSON spends a token of the client's allowance before a JSON answer.
func (v *verifyPages) limitedJSON(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if ok, wait := v.limit.allow(r); !ok {
			lang := apiLang(r)
			var body publicError
			body.Error.Code = codeRateLimited
			body.Error.Message = ui.Tf("verify.rate_limited", lang, retryAfter(wait))
			w.Header().Set("Retry-After", retryAfter(wait))
			writePublicJSON(w, lang, http.StatusTooManyRequests, body)
			return
		}
		next(w, r)
	}
}

// apiLang is the answer's language: ?lang=, else Accept-Language, else Kazakh.
// Unlike a page it sets no cookie.
func apiLang(r *http.Request) i18n.Lang {
	if l, err := i18n.Parse(r.URL.Query().Get("lang")); err == nil {
		return l
	}
	return ui.RequestLang(discardHeaders{}, r)
}

func writePublicJSON(w http.ResponseWriter, lang i18n.Lang, status int, v any) {
	b, _ := json.Marshal(v) // plain structs of strings and booleans always encode
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Language", string(lang))
	// Public, read-only and without cookies: a bank's web application may ask
	// from the browser.
	h.Set("Access-Control-Allow-Origin", "*")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// discardHeaders is a ResponseWriter that drops what is written to it, for
// requestLang's cookie, which an API answer does not set.
type discardHeaders struct{}

func (discardHeaders) Header() http.Header         { return http.Header{} }
func (discardHeaders) Write(b []byte) (int, error) { return len(b), nil }
func (discardHeaders) WriteHeader(int)             {}
