package qualitydesk

import (
	"bytes"
	"io"
	"net/http"
	"slices"

	"qyzmet/internal/i18n"
	"qyzmet/internal/quality"
	"qyzmet/internal/web/ui"
)

func (p *Pages) exportCSV(w http.ResponseWriter, r *http.Request) {
	p.export(w, r, "text/csv; charset=utf-8", "csv", quality.WriteCSV)
}

func (p *Pages) exportXLSX(w http.ResponseWriter, r *http.Request) {
	p.export(w, r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", quality.WriteXLSX)
}

// export sends the report of the dashboard's filters, grouped by the
// dimensions named in "by" (in the order given; none means by service), as a
// download named for its period.
func (p *Pages) export(w http.ResponseWriter, r *http.Request, contentType, ext string,
	write func(io.Writer, *quality.Report, i18n.Lang) error) {
	lang := ui.RequestLang(w, r)
	q, f, fe := p.query(r, lang)
	if fe.Any() {
		p.views.Message(w, r, http.StatusUnprocessableEntity, "error.title", firstError(fe))
		return
	}
	for _, d := range r.URL.Query()["by"] {
		q.GroupBy = append(q.GroupBy, quality.Dimension(d))
	}
	if len(q.GroupBy) == 0 {
		q.GroupBy = []quality.Dimension{quality.ByService}
	}
	rep, err := quality.Figures(r.Context(), p.deps.Sys.DB, p.deps.Sys.Calendar(), q)
	if err != nil {
		p.views.Message(w, r, http.StatusUnprocessableEntity, "error.title", firstError(queryError(err, lang)))
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, rep, lang); err != nil {
		p.deps.Log.Error("export", "err", err)
		p.views.Message(w, r, http.StatusInternalServerError, "error.title", "")
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="quality_`+f.From+`_`+f.To+`.`+ext+`"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

// firstError is the text of a form error for a page without the form.
func firstError(fe ui.FormError) string {
	if fe.Notice != "" {
		return fe.Notice
	}
	keys := make([]string, 0, len(fe.Fields))
	for k := range fe.Fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return fe.Fields[keys[0]]
}
