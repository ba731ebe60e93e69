package standard

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"qyzmet/internal/i18n"
)

// checker collects the problems of one file, each with the place it concerns.
type checker struct {
	where string
	rules map[string]bool
	errs  []error
}

func (c *checker) fail(at, kk, ru, en string, args ...any) {
	where := c.where
	if at != "" {
		where += ": " + at
	}
	c.errs = append(c.errs, errorf(ErrInvalid, where, kk, ru, en, args...))
}

func (c *checker) unknown(at, value string, allowed any) {
	c.fail(at, "%q мәні белгісіз (рұқсат етілгені: %v)", "неизвестное значение %q (допустимо: %v)",
		"unknown value %q (allowed: %v)", value, allowed)
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// check validates one version of a standard on its own; checkAcross does the rest.
func check(s *Standard, where string, rules map[string]bool) []error {
	c := &checker{where: where, rules: rules}
	if !idPattern.MatchString(string(s.Service)) {
		c.fail("service", "%q: кіші латын әріптері, цифрлар және сызықша керек",
			"%q: нужны строчные латинские буквы, цифры и дефис", "%q: use lower-case letters, digits and hyphens", s.Service)
	}
	if !oneOf(s.Kind, known.kinds) {
		c.unknown("kind", string(s.Kind), known.kinds)
	}
	if s.Version == "" {
		c.fail("version", "нұсқа берілмеген", "не указана редакция", "no version given")
	}
	if s.EffectiveFrom.IsZero() {
		c.fail("effective_from", "күні берілмеген", "не указана дата", "no date given")
	}
	if s.EffectiveTo != nil && s.EffectiveTo.Before(s.EffectiveFrom) {
		c.fail("effective_to", "%s күні effective_from (%s) күнінен бұрын", "%s раньше effective_from (%s)",
			"%s is before effective_from (%s)", *s.EffectiveTo, s.EffectiveFrom)
	}
	c.channels(s)
	c.deadlines(s)
	c.steps(s)
	c.forms(s)
	c.results(s)
	c.fee(s)
	c.schedules(s)
	c.documents(s)
	c.refusal(s)
	c.rest(s)
	c.walk(reflectValue(s), "")
	return c.errs
}

// offered checks that every channel in list is one the standard offers.
func (c *checker) offered(s *Standard, at string, list []Channel) {
	for i, ch := range list {
		if !s.Offers(ch) {
			c.fail(fmt.Sprintf("%s[%d]", at, i), "%q арнасы стандартта ұсынылмайды (channels)",
				"канал %q не предлагается стандартом (channels)", "channel %q is not among the standard's channels", ch)
		}
	}
}

func (c *checker) paths(at string, list []Path) {
	for i, p := range list {
		if !p.Valid() {
			c.unknown(fmt.Sprintf("%s[%d]", at, i), string(p), []Path{PathTravelAbroad, PathAdditionalCheck, PathForward, PathQualityControl})
		}
	}
}

// uniqueIDs checks that the IDs of a list are well-formed and distinct.
func (c *checker) uniqueIDs(at string, ids []string) {
	seen := map[string]bool{}
	for i, id := range ids {
		if !idPattern.MatchString(id) {
			c.fail(fmt.Sprintf("%s[%d].id", at, i), "%q: кіші латын әріптері, цифрлар және сызықша керек",
				"%q: нужны строчные латинские буквы, цифры и дефис", "%q: use lower-case letters, digits and hyphens", id)
		}
		if seen[id] {
			c.fail(fmt.Sprintf("%s[%d].id", at, i), "%q екі рет берілген", "%q указан дважды", "%q is given twice", id)
		}
		seen[id] = true
	}
}

func ids[T any](list []T, id func(T) string) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = id(v)
	}
	return out
}

func (c *checker) channels(s *Standard) {
	if len(s.Channels) == 0 {
		c.fail("channels", "арналар берілмеген", "не указаны каналы", "no channels given")
	}
	for i, ch := range s.Channels {
		at := fmt.Sprintf("channels[%d].id", i)
		if !ch.ID.Valid() {
			c.unknown(at, string(ch.ID), []Channel{Portal, StateCorp, ProviderOffice, Consulate})
		}
		if slices.ContainsFunc(s.Channels[:i], func(o ChannelOffer) bool { return o.ID == ch.ID }) {
			c.fail(at, "%q екі рет берілген", "%q указан дважды", "%q is given twice", ch.ID)
		}
	}
}

// deadlines checks each rule and that the rules together answer every request:
// for every offered channel and every path the standard knows, either one rule
// for any class or one for each class, and never two rules for the same case.
func (c *checker) deadlines(s *Standard) {
	if len(s.Deadlines) == 0 {
		c.fail("deadlines", "мерзімдер берілмеген", "не указаны сроки", "no deadlines given")
	}
	usedPaths := []Path{PathStandard}
	for i, r := range s.Deadlines {
		at := fmt.Sprintf("deadlines[%d]", i)
		c.offered(s, at+".channels", r.Channels)
		if r.Class != "" && !r.Class.Valid() {
			c.unknown(at+".class", string(r.Class), []DepartmentClass{Major, Other})
		}
		if !r.Path.Valid() {
			c.unknown(at+".path", string(r.Path), []Path{PathTravelAbroad, PathAdditionalCheck, PathForward, PathQualityControl})
		}
		if (r.WorkingDays > 0) == (r.Minutes > 0) || r.WorkingDays < 0 || r.Minutes < 0 {
			c.fail(at, "working_days не minutes мәндерінің біреуі ғана (оң сан) берілуі керек",
				"нужно ровно одно из working_days или minutes (положительное)",
				"give exactly one of working_days or minutes, positive")
		}
		if !slices.Contains(usedPaths, r.Path) {
			usedPaths = append(usedPaths, r.Path)
		}
	}
	for _, ch := range s.Channels {
		for _, p := range usedPaths {
			count := map[DepartmentClass]int{}
			for _, r := range s.Deadlines {
				if r.Path == p && r.covers(ch.ID) {
					count[r.Class]++
				}
			}
			for class, n := range count {
				if n > 1 {
					c.fail("deadlines", "%q арнасы, %q жолы, %q класы үшін %d ереже бар",
						"для канала %q, порядка %q, класса %q правил: %d",
						"channel %q, path %q, class %q has %d rules", ch.ID, p, class, n)
				}
			}
			if count[""] == 0 && (count[Major] == 0 || count[Other] == 0) {
				c.fail("deadlines",
					"%q арнасы, %q жолы үшін мерзім жоқ (кез келген класқа немесе major мен other-ге бөлек)",
					"для канала %q и порядка %q нет срока (для любого класса либо отдельно для major и other)",
					"channel %q, path %q has no deadline (for any class, or for both major and other)", ch.ID, p)
			}
		}
	}
}

func (c *checker) steps(s *Standard) {
	c.uniqueIDs("steps", ids(s.Steps, func(st StepRule) string { return st.ID }))
	for i := range s.Steps {
		st := &s.Steps[i]
		at := fmt.Sprintf("steps[%d]", i)
		if st.WorkingDays < 0 {
			c.fail(at+".working_days", "теріс сан", "отрицательное число", "negative number")
		}
		if st.Bound == "" {
			st.Bound = BoundLatest
		}
		if !oneOf(st.Bound, known.bounds) {
			c.unknown(at+".bound", string(st.Bound), known.bounds)
		}
		if !oneOf(st.Anchor, known.anchors) {
			if _, ok := s.Step(st.Anchor); !ok || st.Anchor == st.ID {
				c.unknown(at+".anchor", st.Anchor, append(slices.Clone(known.anchors), "<another step's id>"))
			}
		}
		c.paths(at+".paths", st.Paths)
	}
	// A step counted from another step must not, through the chain, be counted from
	// itself.
	for _, st := range s.Steps {
		seen := map[string]bool{st.ID: true}
		for a := st.Anchor; ; {
			next, ok := s.Step(a)
			if !ok {
				break
			}
			if seen[a] {
				c.fail("steps", "%q қадамының anchor тізбегі тұйықталған", "цепочка anchor шага %q замкнута",
					"the anchors of step %q form a cycle", st.ID)
				break
			}
			seen[a] = true
			a = next.Anchor
		}
	}
}

func (c *checker) forms(s *Standard) {
	c.uniqueIDs("forms", ids(s.Forms, func(f Form) string { return f.ID }))
	for i, f := range s.Forms {
		keys := ids(f.Texts, func(t FormText) string { return t.Key })
		c.uniqueIDs(fmt.Sprintf("forms[%d].texts", i), keys)
	}
}

func (c *checker) form(s *Standard, at, id string) {
	if _, ok := s.Form(id); !ok {
		c.fail(at, "%q нысаны жоқ (forms)", "нет формы %q (forms)", "no form %q (forms)", id)
	}
}

func (c *checker) results(s *Standard) {
	c.uniqueIDs("results", ids(s.Results, func(r Result) string { return r.ID }))
	for i, r := range s.Results {
		at := fmt.Sprintf("results[%d]", i)
		c.media(at+".media", r.Media)
		if r.Form != "" {
			c.form(s, at+".form", r.Form)
		}
		c.offered(s, at+".channels", r.Channels)
		c.paths(at+".paths", r.Paths)
	}
	if s.Kind == KindService && len(s.Results) == 0 {
		c.fail("results", "нәтижелер берілмеген", "не указаны результаты", "no results given")
	}
}

func (c *checker) media(at string, list []Medium) {
	if len(list) == 0 {
		c.fail(at, "нысаны берілмеген", "не указана форма", "no medium given")
	}
	for i, m := range list {
		if !oneOf(m, known.media) {
			c.unknown(fmt.Sprintf("%s[%d]", at, i), string(m), known.media)
		}
	}
}

func (c *checker) fee(s *Standard) {
	f := s.Fee
	if f == nil {
		if s.Kind == KindService {
			c.fail("fee", "төлем туралы мәлімет жоқ (тегін болса free: true)",
				"нет сведений о плате (если бесплатно — free: true)", "no fee given (free: true when free)")
		}
		return
	}
	for i, p := range f.Payers {
		if !oneOf(p, known.recipients) {
			c.unknown(fmt.Sprintf("fee.payers[%d]", i), string(p), known.recipients)
		}
	}
	for i, m := range f.PaymentMethods {
		if !oneOf(m, known.payments) {
			c.unknown(fmt.Sprintf("fee.payment_methods[%d]", i), string(m), known.payments)
		}
	}
	if f.Free {
		if f.MCIPerDocument != 0 || len(f.Payers) > 0 || len(f.PaymentMethods) > 0 || f.Budget != nil {
			c.fail("fee", "тегін қызметте мөлшер, төлеушілер мен деректемелер берілмейді",
				"у бесплатной услуги не указываются размер, плательщики и реквизиты",
				"a free service states no amount, payers, methods or budget details")
		}
		return
	}
	if h, exact := hundredths(f.MCIPerDocument); h <= 0 || !exact {
		c.fail("fee.mci_per_document", "оң сан, ең көбі екі ондық таңбамен (мысалы, 0.5)",
			"положительное число, не более двух знаков после запятой (например, 0.5)",
			"a positive number with at most two decimals (e.g. 0.5)")
	}
	if len(f.Payers) == 0 || len(f.PaymentMethods) == 0 {
		c.fail("fee", "ақылы қызметте payers және payment_methods керек",
			"у платной услуги нужны payers и payment_methods", "a paid service needs payers and payment_methods")
	}
}

func (c *checker) schedules(s *Standard) {
	for i, r := range s.Schedules {
		at := fmt.Sprintf("schedules[%d].office", i)
		if !r.Office.Valid() {
			c.unknown(at, string(r.Office), []OfficeKind{OfficeProvider, OfficeStateCorp, OfficePortal})
		}
		if slices.ContainsFunc(s.Schedules[:i], func(o ScheduleRule) bool { return o.Office == r.Office }) {
			c.fail(at, "%q екі рет берілген", "%q указан дважды", "%q is given twice", r.Office)
		}
	}
	if s.Kind != KindService {
		return
	}
	need := []OfficeKind{OfficeProvider}
	for _, ch := range s.Channels {
		if o := ch.ID.Office(); !slices.Contains(need, o) {
			need = append(need, o)
		}
	}
	for _, o := range need {
		if _, _, err := s.Schedule(o); err != nil {
			c.fail("schedules", "%q кеңсесінің жұмыс кестесі жоқ", "нет графика работы для %q",
				"no schedule for the %q office", o)
		}
	}
}

func (c *checker) documents(s *Standard) {
	c.uniqueIDs("documents", ids(s.Documents, func(d DocumentRule) string { return d.ID }))
	for i, d := range s.Documents {
		at := fmt.Sprintf("documents[%d]", i)
		if !oneOf(d.Kind, known.docKinds) {
			c.unknown(at+".kind", string(d.Kind), known.docKinds)
		}
		if len(d.Channels) == 0 {
			c.fail(at+".channels", "арналар берілмеген", "не указаны каналы", "no channels given")
		}
		c.offered(s, at+".channels", d.Channels)
		for j, cond := range d.When {
			if !cond.Valid() {
				c.unknown(fmt.Sprintf("%s.when[%d]", at, j), string(cond), Conditions())
			}
		}
		for j, sig := range d.Signatures {
			if !oneOf(sig, known.signatures) {
				c.unknown(fmt.Sprintf("%s.signatures[%d]", at, j), string(sig), known.signatures)
			}
		}
		if len(d.Signatures) > 0 && d.Kind != KindERequest {
			c.fail(at+".signatures", "қолтаңба тек электрондық сұрау салуға қойылады",
				"подпись бывает только у электронного запроса", "only an e-request is signed")
		}
		if d.Form != "" {
			c.form(s, at+".form", d.Form)
		}
	}
	if s.Kind != KindService {
		return
	}
	for _, ch := range s.Channels {
		if !slices.ContainsFunc(s.Documents, func(d DocumentRule) bool { return slices.Contains(d.Channels, ch.ID) }) {
			c.fail("documents", "%q арнасы үшін құжаттар тізбесі жоқ", "для канала %q нет перечня документов",
				"no documents are listed for the %q channel", ch.ID)
		}
	}
}

func (c *checker) refusal(s *Standard) {
	r := s.Refusal
	if r == nil {
		if s.Kind == KindService {
			c.fail("refusal", "бас тарту туралы мәлімет жоқ (бас тартылмаса allowed: false)",
				"нет сведений об отказе (если отказ невозможен — allowed: false)",
				"no refusal given (allowed: false when the service never refuses)")
		}
		return
	}
	c.uniqueIDs("refusal.grounds", ids(r.Grounds, func(g Ground) string { return g.ID }))
	// Rule CR-STD-9: a service without grounds for refusal says so explicitly.
	if !r.Allowed && (len(r.Grounds) > 0 || r.Hearing != nil) {
		c.fail("refusal", "бас тартылмайтын қызметте негіздер мен тыңдау болмайды",
			"у услуги без отказа нет оснований и заслушивания", "a service that never refuses has no grounds or hearing")
	}
	if r.Allowed && len(r.Grounds) == 0 {
		c.fail("refusal.grounds", "бас тарту негіздері берілмеген", "не указаны основания для отказа", "no grounds given")
	}
	// Rule AP-6.4, AR-6.2: the time limits of a hearing (the steps hearing-notice…
	// and hearing) exist only where a hearing is required. A required hearing may
	// have none: the court apostille text sets no limits (docs/standards.md,
	// decision 14).
	if r.Hearing == nil || !r.Hearing.Required {
		for i, st := range s.Steps {
			if strings.HasPrefix(st.ID, "hearing") {
				c.fail(fmt.Sprintf("steps[%d]", i), "%q қадамы үшін refusal.hearing.required: true керек",
					"для шага %q нужно refusal.hearing.required: true", "the step %q needs refusal.hearing.required: true", st.ID)
			}
		}
	}
}

func (c *checker) rest(s *Standard) {
	if s.Recipients != nil {
		for i, k := range s.Recipients.Kinds {
			if !oneOf(k, known.recipients) {
				c.unknown(fmt.Sprintf("recipients.kinds[%d]", i), string(k), known.recipients)
			}
		}
	}
	if s.ServiceForm != nil {
		c.media("service_form.media", s.ServiceForm.Media)
	}
	if q := s.Queue; q != nil && (q.MaxWaitMinutes <= 0 || q.MaxServiceMinutes <= 0) {
		c.fail("queue", "минуттар оң сан болуы керек", "минуты должны быть положительными", "minutes must be positive")
	}
	if p := s.IncompletePackage; p != nil {
		c.form(s, "incomplete_package.form", p.Form)
	}
	if st := s.Storage; st != nil && (st.StateCorpMonths <= 0 || st.ProviderMonths < 0 || st.ReturnWorkingDays < 0 || st.NomenclatureAfterMonths < 0) {
		c.fail("storage", "мерзімдер теріс болмауы керек (state_corp_months оң)",
			"сроки не могут быть отрицательными (state_corp_months — положительный)",
			"periods must not be negative (state_corp_months positive)")
	}
	for i, cb := range s.Combinable {
		if cb.Service == s.Service {
			c.fail(fmt.Sprintf("combinable[%d]", i), "қызмет өзімен біріктірілмейді", "услуга не сочетается сама с собой",
				"a service does not combine with itself")
		}
	}
	if s.Kind == KindService {
		for _, missing := range []struct {
			field string
			nil   bool
		}{
			{"recipients", s.Recipients == nil},
			{"service_form", s.ServiceForm == nil},
			{"complaints", s.Complaints == nil},
			{"storage", s.Storage == nil},
		} {
			if missing.nil {
				c.fail(missing.field, "бөлім берілмеген", "раздел не указан", "section missing")
			}
		}
	}
	c.uniqueIDs("provisions", ids(s.Provisions, func(p Provision) string { return p.ID }))
	for i, p := range s.Provisions {
		c.offered(s, fmt.Sprintf("provisions[%d].channels", i), p.Channels)
	}
}

var textType = reflect.TypeFor[i18n.Text]()

func reflectValue(ptr any) reflect.Value { return reflect.ValueOf(ptr).Elem() }

// walk visits every field of a decoded file: each `rule` must name a rule ID of
// DIGEST.md (and `source`, when given), and each trilingual text must be complete.
// It walks by reflection so that a field added later is checked without being
// listed here.
func (c *checker) walk(v reflect.Value, at string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			c.walk(v.Elem(), at)
		}
	case reflect.Slice:
		for i := range v.Len() {
			c.walk(v.Index(i), fmt.Sprintf("%s[%d]", at, i))
		}
	case reflect.Struct:
		if v.Type() == textType {
			if !v.Interface().(i18n.Text).Complete() {
				c.fail(at, "мәтін үш тілде де (kk, ru, en) берілуі керек",
					"текст нужен на трёх языках (kk, ru, en)", "the text needs all three languages (kk, ru, en)")
			}
			return
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			path := name
			if at != "" {
				path = at + "." + name
			}
			if f.Type.Kind() == reflect.String && (name == "rule" || name == "source") {
				c.rule(path, v.Field(i).String(), name == "rule")
				continue
			}
			c.walk(v.Field(i), path)
		}
	}
}

func (c *checker) rule(at, id string, required bool) {
	switch {
	case id == "" && required:
		c.fail(at, "ереже идентификаторы берілмеген", "не указан идентификатор правила", "no rule ID given")
	case id != "" && !c.rules[id]:
		c.fail(at, "%q ережесі DIGEST.md-де анықталмаған", "правило %q не определено в DIGEST.md",
			"rule %q is not defined in DIGEST.md", id)
	}
}
