package apply

import (
	"net/http"
	"strconv"

	"qyzmet/internal/upload"
	"qyzmet/internal/web/ui"
)

// file sends an upload back to the person who uploaded it; anyone else gets
// the same 404 as for a missing file. It is sent as an attachment of its
// detected type, never rendered by the site's origin.
func (p *Pages) file(w http.ResponseWriter, r *http.Request) {
	f, err := p.uploads.Get(r.Context(), ui.Principal(r).IIN, r.PathValue("id"))
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	ext := map[string]string{upload.PDF: ".pdf", upload.JPEG: ".jpg", upload.PNG: ".png"}[f.MediaType]
	w.Header().Set("Content-Type", f.MediaType)
	w.Header().Set("Content-Length", strconv.Itoa(len(f.Bytes)))
	w.Header().Set("Content-Disposition", `attachment; filename="`+f.ID+ext+`"`)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "sandbox; default-src 'none'")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(f.Bytes)
}
