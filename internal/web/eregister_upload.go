package web

import (
	"errors"
	"io"
	"net/http"

	"qyzmet/internal/apperr"
	"qyzmet/internal/eregister"
	"qyzmet/internal/web/ui"
)

// multipartSlack is what the upload form adds around the file: boundaries and
// part headers.
const multipartSlack = 64 << 10

// upload checks a PDF: is it the unaltered original of a document Qyzmet issued?
// The file is read into memory, checked and forgotten; nothing is stored.
func (v *verifyPages) upload(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	data, err := readUpload(w, r)
	if err == nil {
		var ans eregister.FileAnswer
		if ans, err = v.reg.CheckFile(r.Context(), data); err == nil {
			res := verifyResult{File: &verifyFile{Original: ans.Original}}
			if ans.Original {
				res.Doc = newVerifyEntry(ans.Entry, lang)
			} else {
				res.File.Reason = msg(ans.Reason, lang)
			}
			v.renderResult(w, r, lang, res)
			return
		}
	}
	v.formError(w, r, lang, verifyForm{}, err)
}

// readUpload reads the form's "file" part, at most eregister.MaxFileSize bytes:
// a larger file is refused as soon as it is known to be larger, without reading
// the rest into memory.
func readUpload(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	tooLarge := apperr.E(apperr.Invalid, "the file is larger than the limit").WithKey(eregister.KeyFileTooLarge)
	r.Body = http.MaxBytesReader(w, r.Body, eregister.MaxFileSize+multipartSlack)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, errNoFile
	}
	for {
		part, err := mr.NextPart()
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			return nil, tooLarge
		case err == io.EOF:
			return nil, errNoFile
		case err != nil:
			return nil, apperr.Wrap(apperr.Invalid, err, "the upload is not a well-formed form").WithKey(keyFileMissing)
		}
		if part.FormName() != "file" {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, eregister.MaxFileSize+1))
		switch {
		case errors.As(err, &mbe) || len(data) > eregister.MaxFileSize:
			return nil, tooLarge
		case err != nil:
			return nil, apperr.Wrap(apperr.Invalid, err, "the upload broke off").WithKey(keyFileMissing)
		case len(data) == 0:
			return nil, errNoFile
		}
		return data, nil
	}
}
